/// The movie title file layouts the titles loader reads.
public enum TitlesFileFormat: String, CaseIterable, Sendable {
  /// MovieLens 100k `u.item`: `id|title|release date|…`, Latin-1 encoded, no header.
  case movieLens100kItems = "movielens-100k"
  /// MovieLens `movies.csv`: header `movieId,title,genres`, UTF-8, titles quoted when they hold
  /// commas.
  case movieLensMovies = "movielens-csv"

  /// A name for narration, e.g. "MovieLens 100k u.item".
  public var displayName: String {
    switch self {
    case .movieLens100kItems: "MovieLens 100k u.item"
    case .movieLensMovies: "MovieLens movies.csv"
    }
  }

  /// Tells the format from the first non-blank line: the `movieId,` header means movies.csv, a
  /// `|` means u.item.
  ///
  /// - Parameters:
  ///   - bytes: The file's bytes.
  ///   - file: The path, for the error message.
  /// - Returns: The format, or nil when the file has only blank lines.
  /// - Throws: `DataFileError` when the first line fits neither format.
  static func detect(in bytes: UnsafeRawBufferPointer, file: String) throws(DataFileError)
    -> TitlesFileFormat?
  {
    guard let (firstLine, lineNumber) = CSVReader.firstNonBlankLine(in: bytes) else { return nil }
    if firstLine.starts(with: "movieId,".utf8) { return .movieLensMovies }
    if firstLine.contains(ASCII.pipe) { return .movieLens100kItems }
    throw DataFileError(
      file: file, line: lineNumber,
      problem: "expected a u.item line (id|title|…) or the movies.csv header "
        + "(movieId,title,genres)"
    )
  }

  var delimiter: UInt8 { self == .movieLens100kItems ? ASCII.pipe : ASCII.comma }
  var dialect: CSVReader.Dialect { self == .movieLens100kItems ? .plain : .rfc4180 }
  var encoding: TextEncoding { self == .movieLens100kItems ? .latin1 : .utf8 }

  /// How many fields a record has, and how to say so when it has not. movies.csv wants exactly
  /// three, which catches a title whose commas were not quoted.
  var fieldCountRule: (minimum: Int, maximum: Int, expectation: String) {
    switch self {
    case .movieLens100kItems:
      (2, Int.max, "expected at least 2 |-separated fields (id|title|…)")
    case .movieLensMovies:
      (3, 3, "expected 3 comma-separated fields (movieId, title, genres)")
    }
  }
}
