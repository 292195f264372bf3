import Foundation
import Testing

@testable import Recommender

@Suite("Ratings loader: formats")
struct LoaderFormatTests {
  let uData = "196\t242\t3\t881250949\n186\t302\t3\t891717742\n196\t377\t1\t878887116\n"
  let ratingsCSV =
    "userId,movieId,rating,timestamp\n1,31,2.5,1260759144\n1,1029,3.0,1260759179\n"
    + "2,31,4.5,835355493\n"

  @Test("the --format names are movielens-100k, movielens-csv and csv")
  func formatNames() {
    #expect(
      RatingsFileFormat.allCases.map(\.rawValue) == ["movielens-100k", "movielens-csv", "csv"])
    #expect(RatingsFileFormat(rawValue: "movielens-csv") == .movieLensCSV)
  }

  @Test("detects tab-separated u.data and reads its ratings in file order")
  func detectsUData() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let loaded = try RatingsLoader.load(path: scratch.write(uData, to: "u.data"))
    #expect(loaded.format == .movieLens100k)
    #expect(loaded.dataset.ratings.map(\.value) == [3, 3, 1])
    #expect(loaded.dataset.scale == 1...5)
  }

  @Test("numbers users and items densely in order of first appearance, keeping the ids")
  func denseMapping() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let loaded = try RatingsLoader.load(path: scratch.write(uData, to: "u.data"))
    #expect(loaded.userIDs == ["196", "186"])
    #expect(loaded.itemIDs == ["242", "302", "377"])
    #expect(loaded.dataset.ratings.map(\.user) == [0, 1, 0])
    #expect(loaded.dataset.ratings.map(\.item) == [0, 1, 2])
  }

  @Test("names users \"User <id>\" and items \"Movie <id>\"")
  func displayNames() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let loaded = try RatingsLoader.load(path: scratch.write(uData, to: "u.data"))
    #expect(loaded.dataset.userNames == ["User 196", "User 186"])
    #expect(loaded.dataset.itemNames == ["Movie 242", "Movie 302", "Movie 377"])
  }

  @Test("detects the ratings.csv header and reads half stars on the 0.5–5 scale")
  func movieLensCSV() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let loaded = try RatingsLoader.load(path: scratch.write(ratingsCSV, to: "ratings.csv"))
    #expect(loaded.format == .movieLensCSV)
    #expect(
      loaded.dataset.ratings == [
        Rating(user: 0, item: 0, value: 2.5), Rating(user: 0, item: 1, value: 3),
        Rating(user: 1, item: 0, value: 4.5),
      ])
    #expect(loaded.dataset.scale == 0.5...5)
  }

  @Test("reads a ratings.csv with CRLF line ends")
  func crlf() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let text = ratingsCSV.replacingOccurrences(of: "\n", with: "\r\n")
    let loaded = try RatingsLoader.load(path: scratch.write(text, to: "ratings.csv"))
    #expect(loaded.dataset.ratings.map(\.value) == [2.5, 3, 4.5])
    #expect(loaded.itemIDs == ["31", "1029"])
  }

  @Test("detects plain user,item,rating CSV without a header, on the 1–5 scale")
  func plainCSV() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let loaded = try RatingsLoader.load(path: scratch.write("alice,Up,5\nbob,Up,4\n", to: "r.csv"))
    #expect(loaded.format == .csv)
    #expect(loaded.userIDs == ["alice", "bob"])
    #expect(loaded.dataset.ratings.map(\.value) == [5, 4])
    #expect(loaded.dataset.scale == 1...5)
  }

  @Test("skips a plain CSV header whose third field is not a number")
  func plainCSVHeader() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let path = try scratch.write("user,item,rating\n1,2,3\n", to: "r.csv")
    let loaded = try RatingsLoader.load(path: path)
    #expect(loaded.dataset.ratings == [Rating(user: 0, item: 0, value: 3)])
  }

  @Test("widens a plain CSV's scale to 0.5–5 when a rating lies below 1")
  func plainCSVHalfStarScale() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let loaded = try RatingsLoader.load(path: scratch.write("1,2,0.5\n1,3,4.25\n", to: "r.csv"))
    #expect(loaded.dataset.scale == 0.5...5)
    #expect(loaded.dataset.ratings.map(\.value) == [0.5, 4.25])
  }

  @Test("ignores plain CSV fields after the rating")
  func plainCSVExtraFields() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let loaded = try RatingsLoader.load(path: scratch.write("1,2,3,1260759144,x\n", to: "r.csv"))
    #expect(loaded.dataset.ratings == [Rating(user: 0, item: 0, value: 3)])
  }

  @Test("reads quoted ids in CSV")
  func quotedIDs() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let path = try scratch.write("\"Smith, J\",\"The \"\"Movie\"\"\",4\n", to: "r.csv")
    let loaded = try RatingsLoader.load(path: path)
    #expect(loaded.userIDs == ["Smith, J"])
    #expect(loaded.itemIDs == ["The \"Movie\""])
  }

  @Test("reads the format it is told instead of the detected one")
  func formatOverride() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let path = try scratch.write("1,31,2.5,1260759144\n", to: "r.csv")
    #expect(try RatingsLoader.load(path: path).format == .csv)
    let loaded = try RatingsLoader.load(path: path, format: .movieLensCSV)
    #expect(loaded.format == .movieLensCSV)
    #expect(loaded.dataset.scale == 0.5...5)
  }

  @Test("keeps to a scale it is told, and gives the dataset that scale")
  func scaleOverride() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let path = try scratch.write("1,2,8\n1,3,10\n", to: "r.csv")
    let loaded = try RatingsLoader.load(path: path, scale: 1...10)
    #expect(loaded.dataset.scale == 1...10)
    #expect(loaded.dataset.ratings.map(\.value) == [8, 10])
  }

  @Test("loads 100,000 ratings in u.data layout")
  func hundredThousand() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    var text = ""
    for index in 0..<100_000 {
      text += "\(index % 943 + 1)\t\(index % 1682 + 1)\t\(index % 5 + 1)\t881250949\n"
    }
    let loaded = try RatingsLoader.load(path: scratch.write(text, to: "u.data"))
    #expect(loaded.dataset.ratings.count == 100_000)
    #expect(loaded.dataset.userCount == 943)
    #expect(loaded.dataset.itemCount == 1682)
    #expect(
      loaded.dataset.ratings[99_999] == Rating(user: 99_999 % 943, item: 99_999 % 1682, value: 5))
  }
}
