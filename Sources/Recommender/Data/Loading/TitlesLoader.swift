import Foundation

/// Loaded ratings whose movies are named by a titles file, and how well the file matched.
public struct TitledRatings: Sendable, Equatable {
  /// The ratings, with `dataset.itemNames` holding titles where the file had one.
  public var ratings: LoadedRatings
  /// The layout the titles file was read as.
  public var format: TitlesFileFormat
  /// How many titles the file holds.
  public var titleCount: Int
  /// How many of the rated movies got a title; the rest keep "Movie <id>".
  public var matchedItemCount: Int
}

/// Names a loaded dataset's movies from a MovieLens titles file (`u.item` or `movies.csv`).
public enum TitlesLoader {
  /// Reads the titles in `titlesPath` and applies them by the ratings file's original item ids.
  ///
  /// A partial match is fine (the summary says how many matched); a file that titles none of the
  /// rated movies is the wrong file and an error. Empty titles are skipped, and for an id listed
  /// twice the first title wins.
  ///
  /// - Parameters:
  ///   - titlesPath: The titles file, as the user named it.
  ///   - loaded: Ratings from `RatingsLoader.load`.
  /// - Throws: `DataFileError` for a missing, empty or malformed file, or one titling no rated
  ///   movie (saying whether its ids or its titles are at fault).
  /// - Complexity: O(bytes in the titles file + items).
  public static func apply(titlesPath: String, to loaded: LoadedRatings) throws(DataFileError)
    -> TitledRatings
  {
    let data = try DataFile.contents(of: titlesPath)
    let result = data.withUnsafeBytes { bytes in
      Result { () throws(DataFileError) -> TitledRatings in
        try apply(bytes, file: titlesPath, to: loaded)
      }
    }
    return try result.get()
  }

  /// Applies a whole titles file held in memory.
  static func apply(_ bytes: UnsafeRawBufferPointer, file: String, to loaded: LoadedRatings)
    throws(DataFileError) -> TitledRatings
  {
    guard let format = try TitlesFileFormat.detect(in: bytes, file: file) else {
      throw DataFileError(file: file, problem: "file has only blank lines")
    }
    let rule = format.fieldCountRule
    var itemByID: [String: Int] = [:]
    for (item, id) in loaded.itemIDs.enumerated() { itemByID[id] = item }
    var itemNames = loaded.dataset.itemNames
    var titled = [Bool](repeating: false, count: itemNames.count)
    var titleCount = 0
    var matchedItemCount = 0
    // Only for the message when nothing matched: is it the ids or the titles that are wrong?
    var emptyTitleCount = 0
    var ratedItemsWithEmptyTitle = Set<Int>()
    var sawHeader = false

    var reader = CSVReader(
      bytes: bytes, delimiter: format.delimiter, dialect: format.dialect, file: file)
    var fields: [CSVField] = []
    while let line = try reader.nextRecord(into: &fields) {
      // Detection saw to it that a movies.csv file starts with its header.
      if format == .movieLensMovies, !sawHeader {
        sawHeader = true
        continue
      }
      guard fields.count >= rule.minimum, fields.count <= rule.maximum else {
        throw DataFileError(
          file: file, line: line, problem: "\(rule.expectation), found \(fields.count)")
      }
      titleCount += 1
      let title = reader.text(of: fields[1], encoding: format.encoding)
      guard let item = itemByID[reader.text(of: fields[0])], !titled[item] else {
        if title.isEmpty { emptyTitleCount += 1 }
        continue
      }
      guard !title.isEmpty else {
        emptyTitleCount += 1
        ratedItemsWithEmptyTitle.insert(item)
        continue
      }
      itemNames[item] = title
      titled[item] = true
      matchedItemCount += 1
    }

    guard titleCount > 0 else {
      throw DataFileError(
        file: file,
        problem: sawHeader ? "file has a header but no titles" : "file has only blank lines")
    }
    guard matchedItemCount > 0 else {
      throw DataFileError(
        file: file,
        problem: noMatchProblem(
          titleCount: titleCount, emptyTitleCount: emptyTitleCount,
          ratedItemsWithEmptyTitle: ratedItemsWithEmptyTitle.count))
    }
    var ratings = loaded
    ratings.dataset.itemNames = itemNames
    return TitledRatings(
      ratings: ratings, format: format, titleCount: titleCount, matchedItemCount: matchedItemCount)
  }

  /// Why a titles file named none of the rated movies: its titles are all empty, or the rated
  /// movies it lists have empty titles, or its ids are not the ratings file's ids.
  ///
  /// - Parameters:
  ///   - titleCount: The records in the file (at least 1).
  ///   - emptyTitleCount: How many of them have an empty title.
  ///   - ratedItemsWithEmptyTitle: How many rated movies the file lists, all with empty titles.
  private static func noMatchProblem(
    titleCount: Int, emptyTitleCount: Int, ratedItemsWithEmptyTitle: Int
  ) -> String {
    if emptyTitleCount == titleCount {
      return titleCount == 1 ? "its only title is empty" : "all \(titleCount) titles are empty"
    }
    switch ratedItemsWithEmptyTitle {
    case 0:
      return titleCount == 1
        ? "its only title does not match an item id in the ratings"
        : "none of its \(titleCount) titles match an item id in the ratings"
    case 1:
      return "the title of the only rated item it lists is empty"
    case let count:
      return "the titles of the \(count) rated items it lists are empty"
    }
  }
}
