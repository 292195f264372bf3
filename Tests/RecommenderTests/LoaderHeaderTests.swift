import Foundation
import Testing

@testable import Recommender

/// `count` good `user,item,rating` lines, users 1–7 and items 1–50, whole stars.
private func goodCSVLines(_ count: Int) -> String {
  (0..<count).map { "\($0 % 7 + 1),\($0 % 50 + 1),\($0 % 5 + 1)\n" }.joined()
}

@Suite("Ratings loader: header or data")
struct LoaderHeaderTests {
  @Test("a MovieLens ratings.csv header is read as a header, not as a rating")
  func movieLensHeader() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let path = try scratch.write(
      "userId,movieId,rating,timestamp\n1,31,2.5,1260759144\n1,1029,3,1260759179\n",
      to: "ratings.csv")
    let loaded = try RatingsLoader.load(path: path)
    #expect(loaded.header == "userId,movieId,rating,timestamp")
    #expect(loaded.dataset.ratings.map(\.value) == [2.5, 3])
  }

  @Test("a user,item,rating header over numeric ids is read as a header")
  func plainHeader() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let loaded = try RatingsLoader.load(
      path: scratch.write("user,item,rating\n" + goodCSVLines(3), to: "r.csv"))
    #expect(loaded.header == "user,item,rating")
    #expect(loaded.dataset.ratings.count == 3)
    #expect(loaded.userIDs == ["1", "2", "3"])
  }

  @Test("a plain CSV without a header: every line is a rating")
  func noHeader() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let loaded = try RatingsLoader.load(path: scratch.write(goodCSVLines(600), to: "r.csv"))
    #expect(loaded.header == nil)
    #expect(loaded.dataset.ratings.count == 600)
  }

  @Test("a bad rating in the first line, ids numeric like the lines below: an error on line 1")
  func badFirstDataLine() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let path = try scratch.write("1,1,abc\n" + goodCSVLines(599), to: "r.csv")
    #expect(ratingsLoadError(path) == "\(path):1: rating \"abc\" is not a number")
  }

  @Test("the same bad line anywhere else gives the same error with its own line")
  func badLaterDataLine() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let path = try scratch.write(goodCSVLines(9) + "1,1,abc\n" + goodCSVLines(590), to: "r.csv")
    #expect(ratingsLoadError(path) == "\(path):10: rating \"abc\" is not a number")
  }

  @Test("a bad first line after blank lines is named by its physical line")
  func badFirstDataLineAfterBlankLines() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let path = try scratch.write("\n\n7,12,x\n" + goodCSVLines(5), to: "r.csv")
    #expect(ratingsLoadError(path) == "\(path):3: rating \"x\" is not a number")
  }

  @Test("a first line with one text id and a bad rating is a bad data line, not a header")
  func badFirstLineWithTextItem() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let path = try scratch.write("alice,1,abc\nbob,2,4\n", to: "r.csv")
    #expect(ratingsLoadError(path) == "\(path):1: rating \"abc\" is not a number")
  }

  @Test("a first line of empty fields is a bad data line, not a header")
  func emptyFirstLine() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let path = try scratch.write(",,\n" + goodCSVLines(3), to: "r.csv")
    #expect(ratingsLoadError(path) == "\(path):1: user id is empty")
  }

  @Test("text ids with a header: the header is skipped and the text ids are kept")
  func textIDsWithHeader() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let loaded = try RatingsLoader.load(
      path: scratch.write("user,movie,rating\nalice,Up,5\nbob,Heat,4\n", to: "r.csv"))
    #expect(loaded.header == "user,movie,rating")
    #expect(loaded.userIDs == ["alice", "bob"])
    #expect(loaded.itemIDs == ["Up", "Heat"])
  }

  @Test("text ids without a header: the first line is a rating")
  func textIDsWithoutHeader() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let loaded = try RatingsLoader.load(
      path: scratch.write("alice,Up,5\nbob,Heat,4\n", to: "r.csv"))
    #expect(loaded.header == nil)
    #expect(loaded.userIDs == ["alice", "bob"])
    #expect(loaded.dataset.ratings.map(\.value) == [5, 4])
  }

  @Test("a first line of three words is a header even when the ids below are words too")
  func wordsOverTextIDs() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let loaded = try RatingsLoader.load(
      path: scratch.write("alice,Up,abc\nbob,Heat,4\n", to: "r.csv"))
    #expect(loaded.header == "alice,Up,abc")
    #expect(loaded.userIDs == ["bob"])
  }

  @Test("a quoted header is given by its fields, without the quotes")
  func quotedHeader() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let loaded = try RatingsLoader.load(
      path: scratch.write("\"user\",\"item\",\"rating\"\r\n1,2,3\r\n", to: "r.csv"))
    #expect(loaded.header == "user,item,rating")
  }

  @Test("ratings.csv read without its header, when told the format of a headerless file")
  func forcedMovieLensCSVWithoutHeader() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let path = try scratch.write("1,31,2.5,1260759144\n", to: "r.csv")
    let loaded = try RatingsLoader.load(path: path, format: .movieLensCSV)
    #expect(loaded.header == nil)
    #expect(loaded.dataset.ratings.count == 1)
  }

  @Test("u.data never has a header: a word in its first line is an error")
  func uDataHasNoHeader() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let path = try scratch.write("user\titem\trating\ttime\n1\t2\t3\t0\n", to: "u.data")
    #expect(ratingsLoadError(path) == "\(path):1: rating \"rating\" is not a number")
  }
}
