import Foundation
import Testing

@testable import Recommender

@Suite("Titles")
struct TitlesTests {
  /// Items 1, 2, 3 (in that order of appearance) rated by one user.
  func loadRatings(in scratch: ScratchDirectory, items: [String] = ["1", "2", "3"]) throws
    -> LoadedRatings
  {
    let text = items.map { "7\t\($0)\t4\t0\n" }.joined()
    return try RatingsLoader.load(path: scratch.write(text, to: "u.data"))
  }

  @Test("decodes u.item titles as Latin-1 (byte 0xE9 is é)")
  func latin1() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let loaded = try loadRatings(in: scratch)
    let bytes =
      Array("1|Toy Story (1995)|01-Jan-1995||http://x\n2|Mis".utf8) + [0xE9]
      + Array("rables, Les (1995)|01-Jan-1995||\n3|Heat (1995)|01-Jan-1995||\n".utf8)
    let titled = try TitlesLoader.apply(
      titlesPath: scratch.write(bytes: bytes, to: "u.item"), to: loaded)
    #expect(titled.format == .movieLens100kItems)
    #expect(
      titled.ratings.dataset.itemNames == [
        "Toy Story (1995)", "Misérables, Les (1995)", "Heat (1995)",
      ])
  }

  @Test("reads movies.csv titles with quoted commas and doubled quotes as UTF-8")
  func moviesCSV() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let loaded = try loadRatings(in: scratch)
    let text = #"""
      movieId,title,genres
      1,Amélie (2001),Comedy|Romance
      2,"American President, The (1995)",Comedy|Drama|Romance
      3,"""Great Performances"" Cats (1998)",Musical

      """#
    let titled = try TitlesLoader.apply(
      titlesPath: scratch.write(text, to: "movies.csv"), to: loaded)
    #expect(titled.format == .movieLensMovies)
    #expect(
      titled.ratings.dataset.itemNames
        == [
          "Amélie (2001)", "American President, The (1995)", "\"Great Performances\" Cats (1998)",
        ])
  }

  @Test("matches titles by the ratings file's item ids, not by position")
  func matchesByID() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let loaded = try loadRatings(in: scratch, items: ["30", "10", "20"])
    let path = try scratch.write("10|Ten\n20|Twenty\n30|Thirty\n", to: "u.item")
    let titled = try TitlesLoader.apply(titlesPath: path, to: loaded)
    #expect(titled.ratings.dataset.itemNames == ["Thirty", "Ten", "Twenty"])
  }

  @Test("keeps \"Movie <id>\" for items without a title and counts the matches")
  func partialMatch() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let loaded = try loadRatings(in: scratch)
    let path = try scratch.write("2|Two\n99|Unrated\n", to: "u.item")
    let titled = try TitlesLoader.apply(titlesPath: path, to: loaded)
    #expect(titled.ratings.dataset.itemNames == ["Movie 1", "Two", "Movie 3"])
    #expect(titled.matchedItemCount == 1)
    #expect(titled.titleCount == 2)
  }

  @Test("keeps the rest of the loaded ratings unchanged")
  func onlyNamesChange() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let loaded = try loadRatings(in: scratch)
    let titled = try TitlesLoader.apply(
      titlesPath: scratch.write("1|One\n", to: "u.item"), to: loaded)
    var expected = loaded
    expected.dataset.itemNames[0] = "One"
    #expect(titled.ratings == expected)
  }

  @Test("skips empty titles and keeps the first title of an id listed twice")
  func emptyAndDuplicateTitles() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let loaded = try loadRatings(in: scratch)
    let path = try scratch.write("1||\n2|First\n2|Second\n", to: "u.item")
    let titled = try TitlesLoader.apply(titlesPath: path, to: loaded)
    #expect(titled.ratings.dataset.itemNames == ["Movie 1", "First", "Movie 3"])
    #expect(titled.matchedItemCount == 1)
  }

  @Test("a titles file matching no rated item: none of its titles match")
  func matchesNothing() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let loaded = try loadRatings(in: scratch)
    let path = try scratch.write("41|A\n42|B\n", to: "u.item")
    #expect(
      titlesError(path, to: loaded)
        == "\(path): none of its 2 titles match an item id in the ratings")
  }

  @Test("a titles file whose titles are all empty: says they are empty, not that none match")
  func allTitlesEmpty() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let loaded = try loadRatings(in: scratch)
    let path = try scratch.write("1||||\n2||||\n3||||\n", to: "u.item")
    #expect(titlesError(path, to: loaded) == "\(path): all 3 titles are empty")
  }

  @Test("a titles file of one empty title: its only title is empty")
  func onlyTitleEmpty() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let loaded = try loadRatings(in: scratch)
    let path = try scratch.write("movieId,title,genres\n2,\"\",Drama\n", to: "movies.csv")
    #expect(titlesError(path, to: loaded) == "\(path): its only title is empty")
  }

  @Test("titles present only for unrated ids, empty for rated ones: the rated ones are empty")
  func ratedItemsTitledEmpty() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let loaded = try loadRatings(in: scratch)
    let path = try scratch.write("1|\n2| \n99|Unrated\n", to: "u.item")
    #expect(
      titlesError(path, to: loaded)
        == "\(path): the titles of the 2 rated items it lists are empty")
    let single = try scratch.write("1|\n99|Unrated\n", to: "one.item")
    #expect(
      titlesError(single, to: loaded)
        == "\(single): the title of the only rated item it lists is empty")
  }

  @Test("a u.item line with one field: expected at least 2 |-separated fields")
  func tooFewItemFields() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let loaded = try loadRatings(in: scratch)
    let path = try scratch.write("1|One\n2\n", to: "u.item")
    #expect(
      titlesError(path, to: loaded)
        == "\(path):2: expected at least 2 |-separated fields (id|title|…), found 1")
  }

  @Test("a movies.csv title with an unquoted comma: expected 3 fields")
  func unquotedCommaInMoviesCSV() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let loaded = try loadRatings(in: scratch)
    let path = try scratch.write(
      "movieId,title,genres\n1,One,Drama\n2,President, The,Drama\n", to: "movies.csv")
    #expect(
      titlesError(path, to: loaded)
        == "\(path):3: expected 3 comma-separated fields (movieId, title, genres), found 4")
  }

  @Test("a file that is neither u.item nor movies.csv: says what was expected")
  func wrongShape() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let loaded = try loadRatings(in: scratch)
    let path = try scratch.write("userId,movieId,rating,timestamp\n1,2,3,0\n", to: "ratings.csv")
    #expect(
      titlesError(path, to: loaded)
        == "\(path):1: expected a u.item line (id|title|…) or the movies.csv header "
        + "(movieId,title,genres)"
    )
  }

  @Test("an empty titles file: file is empty")
  func emptyFile() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let loaded = try loadRatings(in: scratch)
    let path = try scratch.write("", to: "u.item")
    #expect(titlesError(path, to: loaded) == "\(path): file is empty")
  }

  @Test("a movies.csv header without titles: no titles")
  func headerOnly() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let loaded = try loadRatings(in: scratch)
    let path = try scratch.write("movieId,title,genres\n", to: "movies.csv")
    #expect(titlesError(path, to: loaded) == "\(path): file has a header but no titles")
  }

  @Test("a missing titles file: no such file")
  func missingFile() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let loaded = try loadRatings(in: scratch)
    let path = scratch.path(of: "u.item")
    #expect(titlesError(path, to: loaded) == "\(path): no such file")
  }
}
