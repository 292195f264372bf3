import Foundation
import Recommender
import Testing

@testable import ChapterKit

@Suite("Narration: one line about a loaded file")
struct LoadedDataSummaryTests {
  /// The ratings in `text`, written to a scratch file called `name` and loaded.
  func loadRatings(_ text: String, name: String) throws -> LoadedRatings {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("summary-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent(name)
    try Data(text.utf8).write(to: file)
    return try RatingsLoader.load(path: file.path)
  }

  @Test("ratings: counts, format and scale in one line")
  func ratingsSummary() {
    let dataset = RatingsDataset(
      userNames: ["User 1", "User 2"], itemNames: ["Movie 1", "Movie 2", "Movie 3"],
      ratings: [
        Rating(user: 0, item: 0, value: 5), Rating(user: 0, item: 1, value: 3),
        Rating(user: 1, item: 2, value: 4),
      ])
    let loaded = LoadedRatings(
      dataset: dataset, format: .movieLens100k, userIDs: ["1", "2"], itemIDs: ["1", "2", "3"])
    #expect(
      loaded.summary == "3 ratings by 2 users of 3 movies (MovieLens 100k u.data, scale 1–5)")
  }

  @Test("a CSV read with a header: the summary quotes the header it skipped")
  func csvWithHeader() throws {
    let loaded = try loadRatings("user,item,rating\n1,1,5\n1,2,3\n2,3,4\n", name: "r.csv")
    #expect(
      loaded.summary
        == "3 ratings by 2 users of 3 movies (CSV user,item,rating, scale 1–5, "
        + "header \"user,item,rating\")")
  }

  @Test("a CSV read without a header: the summary says there was none")
  func csvWithoutHeader() throws {
    let loaded = try loadRatings("1,1,5\n1,2,3\n2,3,4\n", name: "r.csv")
    #expect(
      loaded.summary
        == "3 ratings by 2 users of 3 movies (CSV user,item,rating, scale 1–5, no header)")
  }

  @Test("a ratings.csv header: named in the summary")
  func movieLensCSVHeader() throws {
    let loaded = try loadRatings(
      "userId,movieId,rating,timestamp\n1,31,2.5,0\n2,32,4,0\n", name: "ratings.csv")
    #expect(
      loaded.summary
        == "2 ratings by 2 users of 2 movies (MovieLens ratings.csv, scale 0.5–5, "
        + "header \"userId,movieId,rating,timestamp\")")
  }

  @Test("a long header is cut to 40 characters and an ellipsis")
  func longHeader() throws {
    let long = String(repeating: "h", count: 100)
    let loaded = try loadRatings("user,item,\(long)\n1,1,5\n", name: "r.csv")
    #expect(loaded.summary.hasSuffix("header \"user,item,\(long.prefix(30))…\")"))
  }

  @Test("titles: how many rated movies got a title, and how many the file holds")
  func titlesSummary() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("summary-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let ratings = folder.appendingPathComponent("u.data")
    let titles = folder.appendingPathComponent("u.item")
    try Data("1\t1\t5\t0\n1\t2\t3\t0\n2\t3\t4\t0\n".utf8).write(to: ratings)
    try Data("2|Two\n99|Unrated\n".utf8).write(to: titles)
    let loaded = try RatingsLoader.load(path: ratings.path)
    let titled = try TitlesLoader.apply(titlesPath: titles.path, to: loaded)
    #expect(titled.summary == "1 of 3 rated movies have a title (the file holds 2)")
  }
}
