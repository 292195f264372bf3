import Foundation
import Testing

@testable import Recommender

@Suite("Ratings loader: bad input")
struct LoaderErrorTests {
  let header = "userId,movieId,rating,timestamp\n"

  @Test("a missing file: no such file")
  func missingFile() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let path = scratch.path(of: "missing.csv")
    #expect(ratingsLoadError(path) == "\(path): no such file")
  }

  @Test("a directory: not a file")
  func directory() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    #expect(ratingsLoadError(scratch.url.path) == "\(scratch.url.path): is a directory, not a file")
  }

  @Test("an empty file: file is empty")
  func emptyFile() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let path = try scratch.write("", to: "ratings.csv")
    #expect(ratingsLoadError(path) == "\(path): file is empty")
  }

  @Test("a file of blank lines: only blank lines")
  func whitespaceOnly() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let path = try scratch.write("  \n\t\r\n\n", to: "ratings.csv")
    #expect(ratingsLoadError(path) == "\(path): file has only blank lines")
  }

  @Test("a header without ratings: no ratings")
  func headerOnly() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let path = try scratch.write(header, to: "ratings.csv")
    #expect(ratingsLoadError(path) == "\(path): file has a header but no ratings")
  }

  @Test("a u.data line with too few fields: line number, expected and found counts")
  func tooFewTabFields() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let path = try scratch.write("1\t2\t3\t0\n1\t3\t4\t0\n2\t5\n", to: "u.data")
    #expect(
      ratingsLoadError(path)
        == "\(path):3: expected 4 tab-separated fields (user, item, rating, timestamp), found 2")
  }

  @Test("a ratings.csv line with too many fields: expected 4")
  func tooManyCommaFields() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let path = try scratch.write(header + "1,2,3.5,0,extra\n", to: "ratings.csv")
    #expect(
      ratingsLoadError(path)
        == "\(path):2: expected 4 comma-separated fields (userId, movieId, rating, timestamp), "
        + "found 5"
    )
  }

  @Test("a plain CSV line with too few fields: expected at least 3")
  func tooFewPlainFields() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let path = try scratch.write("1,2,3\n1,2\n", to: "r.csv")
    #expect(
      ratingsLoadError(path)
        == "\(path):2: expected at least 3 comma-separated fields (user, item, rating), found 2")
  }

  @Test("a non-numeric rating: quoted back with its line")
  func nonNumericRating() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let path = try scratch.write(header + "1,2,3.5,0\n1,3,4,0\n1,4,abc,0\n", to: "ratings.csv")
    #expect(ratingsLoadError(path) == "\(path):4: rating \"abc\" is not a number")
  }

  @Test("an empty rating: rating is empty")
  func emptyRating() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let path = try scratch.write(header + "1,2,3.5,0\n1,3,,0\n", to: "ratings.csv")
    #expect(ratingsLoadError(path) == "\(path):3: rating is empty")
  }

  @Test("a non-finite rating: not a finite number", arguments: ["inf", "nan", "-Infinity"])
  func nonFiniteRating(text: String) throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let path = try scratch.write(header + "1,2,3.5,0\n1,3,4,0\n1,4,\(text),0\n", to: "ratings.csv")
    #expect(ratingsLoadError(path) == "\(path):4: rating \"\(text)\" is not a finite number")
  }

  @Test(
    "a u.data rating off the 1–5 scale: outside the scale", arguments: ["0", "6", "5.5", "-1"])
  func offScale100k(text: String) throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let path = try scratch.write("1\t2\t3\t0\n1\t3\t\(text)\t0\n", to: "u.data")
    #expect(ratingsLoadError(path) == "\(path):2: rating \(text) is outside the scale 1–5")
  }

  @Test("a half star in u.data: not in whole stars")
  func halfStar100k() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let path = try scratch.write("1\t2\t3.5\t0\n", to: "u.data")
    #expect(ratingsLoadError(path) == "\(path):1: rating 3.5 is not in whole stars")
  }

  @Test("a ratings.csv rating below half a star: outside the scale 0.5–5")
  func offScaleMovieLensCSV() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let path = try scratch.write(header + "1,2,0,0\n", to: "ratings.csv")
    #expect(ratingsLoadError(path) == "\(path):2: rating 0 is outside the scale 0.5–5")
  }

  @Test("a ratings.csv rating between half stars: not in steps of 0.5")
  func offStepMovieLensCSV() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let path = try scratch.write(header + "1,2,3.3,0\n", to: "ratings.csv")
    #expect(ratingsLoadError(path) == "\(path):2: rating 3.3 is not in steps of 0.5 stars")
  }

  @Test("a plain CSV rating above 5: outside the scale 0.5–5")
  func offScalePlainCSV() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let path = try scratch.write("1,2,5.01\n", to: "r.csv")
    #expect(ratingsLoadError(path) == "\(path):1: rating 5.01 is outside the scale 0.5–5")
  }

  @Test("a rating off a scale the caller set: outside that scale")
  func offRequestedScale() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let path = try scratch.write("1,2,3\n1,3,11\n", to: "r.csv")
    #expect(
      ratingsLoadError(path, scale: 1...10) == "\(path):2: rating 11 is outside the scale 1–10")
  }

  @Test("an empty user id: user id is empty")
  func emptyUserID() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let path = try scratch.write(header + "1,2,3.5,0\n ,3,4,0\n", to: "ratings.csv")
    #expect(ratingsLoadError(path) == "\(path):3: user id is empty")
  }

  @Test("an empty item id: item id is empty")
  func emptyItemID() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let path = try scratch.write("1\t\t3\t0\n", to: "u.data")
    #expect(ratingsLoadError(path) == "\(path):1: item id is empty")
  }

  @Test("a first line that fits no format: cannot tell the format")
  func undetectable() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let path = try scratch.write("\nhello world\n", to: "r.txt")
    #expect(
      ratingsLoadError(path)
        == "\(path):2: cannot tell the ratings format: expected tab-separated u.data fields, "
        + "a userId,movieId,rating,timestamp header, or user,item,rating")
  }

  @Test("a forced format that does not fit: the first line's field count")
  func wrongForcedFormat() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let path = try scratch.write("1,2,3,0\n", to: "r.csv")
    #expect(
      ratingsLoadError(path, format: .movieLens100k)
        == "\(path):1: expected 4 tab-separated fields (user, item, rating, timestamp), found 1")
  }

  @Test("an unclosed quote: the line it opened on")
  func unclosedQuote() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let path = try scratch.write(header + "1,2,3,0\n\"3,4,5,0\n", to: "ratings.csv")
    #expect(ratingsLoadError(path) == "\(path):3: a quoted field is not closed (missing \")")
  }

  @Test("line numbers count blank lines and CRLF line ends")
  func physicalLineNumbers() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let path = try scratch.write(
      "userId,movieId,rating,timestamp\r\n\r\n1,2,3,0\r\n\r\n\r\n1,3,x,0\r\n", to: "ratings.csv")
    #expect(ratingsLoadError(path) == "\(path):6: rating \"x\" is not a number")
  }

  @Test("a 1 MiB rating field is quoted back cut to 40 characters and an ellipsis")
  func longField() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let field = String(repeating: "x", count: 1 << 20)
    let path = try scratch.write("1,2,3\n1,3," + field + "\n", to: "r.csv")
    let expected =
      "\(path):2: rating \"" + String(repeating: "x", count: 40) + "…\" is not a number"
    #expect(ratingsLoadError(path) == expected)
  }

  @Test("a rating of a hundred digits is written back cut to 40 characters and an ellipsis")
  func longNumber() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let digits = String(repeating: "9", count: 100)
    let path = try scratch.write("1,2," + digits + "\n", to: "r.csv")
    #expect(
      ratingsLoadError(path)
        == "\(path):1: rating \(digits.prefix(40))… is outside the scale 0.5–5")
  }

  @Test("a field of up to 40 characters is quoted whole, a longer one cut after 40")
  func excerptLimit() {
    let forty = String(repeating: "é", count: 40)
    #expect(fieldExcerpt(forty) == forty)
    #expect(fieldExcerpt(forty + "z") == forty + "…")
    #expect(fieldExcerpt("a\tb\u{1B}") == "a\\tb\\u{1B}")
  }

  @Test("a quoted rating holding a line break is quoted back on one line, the break escaped")
  func lineBreakInField() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let path = try scratch.write("1,1,3\n1,2,\"4\r\n5\"\n", to: "r.csv")
    #expect(ratingsLoadError(path) == "\(path):2: rating \"4\\r\\n5\" is not a number")
  }

  @Test("a whole-file problem reads file: problem, a line problem file:line: problem")
  func descriptionShape() {
    #expect(
      DataFileError(file: "u.data", problem: "file is empty").description == "u.data: file is empty"
    )
    #expect(
      DataFileError(file: "u.data", line: 9, problem: "rating 7 is outside the scale 1–5")
        .description
        == "u.data:9: rating 7 is outside the scale 1–5")
  }
}
