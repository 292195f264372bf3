import Foundation
import Recommender
import Testing

@testable import ChapterKit

@Suite("Narration: one line about a loaded file")
struct LoadedDataSummaryTests {
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
