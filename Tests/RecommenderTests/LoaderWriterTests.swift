import Foundation
import Testing

@testable import Recommender

@Suite("Ratings writer")
struct LoaderWriterTests {
  let dataset = RatingsDataset(
    userNames: ["Ann", "Bob"], itemNames: ["Misérables, Les", "A|B", "東京"],
    ratings: [
      Rating(user: 0, item: 2, value: 5), Rating(user: 0, item: 0, value: 3),
      Rating(user: 1, item: 1, value: 1),
    ])

  @Test("writes u.data lines: ids from 1, whole stars, timestamp 0")
  func uDataText() {
    #expect(RatingsWriter.movieLens100kText(dataset) == "1\t3\t5\t0\n1\t1\t3\t0\n2\t2\t1\t0\n")
  }

  @Test("reads back as the same ratings under the written ids")
  func roundTrip() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let path = try scratch.write(RatingsWriter.movieLens100kText(dataset), to: "u.data")
    let loaded = try RatingsLoader.load(path: path)
    let byWrittenIDs = loaded.dataset.ratings.map { rating in
      Rating(
        user: Int(loaded.userIDs[rating.user])! - 1, item: Int(loaded.itemIDs[rating.item])! - 1,
        value: rating.value)
    }
    #expect(byWrittenIDs == dataset.ratings)
  }

  @Test("writes u.item as Latin-1, replacing | and characters Latin-1 lacks")
  func itemData() {
    let expected =
      Array("1|Mis".utf8) + [0xE9] + Array("rables, Les|||\n2|A/B|||\n3|??|||\n".utf8)
    #expect(Array(RatingsWriter.movieLens100kItemData(dataset)) == expected)
  }

  @Test("u.item output titles the reloaded ratings")
  func itemRoundTrip() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let ratingsPath = try scratch.write(RatingsWriter.movieLens100kText(dataset), to: "u.data")
    let itemPath = scratch.path(of: "u.item")
    try RatingsWriter.movieLens100kItemData(dataset).write(to: URL(fileURLWithPath: itemPath))
    let titled = try TitlesLoader.apply(
      titlesPath: itemPath, to: RatingsLoader.load(path: ratingsPath))
    #expect(titled.ratings.dataset.itemNames == ["??", "Misérables, Les", "A/B"])
    #expect(titled.matchedItemCount == 3)
  }
}
