/// The ratings file layouts the loader reads; the raw values are what `--format` accepts.
public enum RatingsFileFormat: String, CaseIterable, Sendable {
  /// MovieLens 100k `u.data`: `user<TAB>item<TAB>rating<TAB>timestamp`, no header, whole stars
  /// 1–5.
  case movieLens100k = "movielens-100k"
  /// MovieLens `ratings.csv` (ml-latest, ml-25m): header `userId,movieId,rating,timestamp`,
  /// half stars 0.5–5.
  case movieLensCSV = "movielens-csv"
  /// Plain `user,item,rating` (further fields ignored), optional header: any finite rating within
  /// 0.5–5. The dataset's scale is 1–5 unless some rating is below 1, then 0.5–5.
  case csv

  /// A name for narration, e.g. "MovieLens 100k u.data".
  public var displayName: String {
    switch self {
    case .movieLens100k: "MovieLens 100k u.data"
    case .movieLensCSV: "MovieLens ratings.csv"
    case .csv: "CSV user,item,rating"
    }
  }

  /// Tells the format from the first non-blank line: tabs mean `u.data`, the
  /// `userId,movieId,…` header means `ratings.csv`, three or more comma fields mean plain CSV.
  ///
  /// - Parameters:
  ///   - bytes: The file's bytes.
  ///   - file: The path, for the error message.
  /// - Returns: The format, or nil when the file has only blank lines.
  /// - Throws: `DataFileError` when the first line fits no format.
  static func detect(in bytes: UnsafeRawBufferPointer, file: String) throws(DataFileError)
    -> RatingsFileFormat?
  {
    guard let (firstLine, lineNumber) = CSVReader.firstNonBlankLine(in: bytes) else { return nil }
    if firstLine.contains(ASCII.tab) { return .movieLens100k }
    if firstLine.starts(with: "userId,movieId,".utf8) { return .movieLensCSV }
    var reader = CSVReader(bytes: firstLine, delimiter: ASCII.comma, dialect: .rfc4180, file: file)
    var fields: [CSVField] = []
    if (try? reader.nextRecord(into: &fields)) != nil, fields.count >= 3 { return .csv }
    throw DataFileError(
      file: file, line: lineNumber,
      problem: "cannot tell the ratings format: expected tab-separated u.data fields, "
        + "a userId,movieId,rating,timestamp header, or user,item,rating")
  }

  /// The field separator.
  var delimiter: UInt8 { self == .movieLens100k ? ASCII.tab : ASCII.comma }

  /// Quotes are special only in the comma formats.
  var dialect: CSVReader.Dialect { self == .movieLens100k ? .plain : .rfc4180 }

  /// Whether the first record may be a header: `ratings.csv` has one, a plain CSV may. How the
  /// loader decides is described at `RatingsLoader.load`.
  public var allowsHeader: Bool { self != .movieLens100k }

  /// How many fields a record has, and how to say so when it has not.
  var fieldCountRule: (minimum: Int, maximum: Int, expectation: String) {
    switch self {
    case .movieLens100k:
      (4, 4, "expected 4 tab-separated fields (user, item, rating, timestamp)")
    case .movieLensCSV:
      (4, 4, "expected 4 comma-separated fields (userId, movieId, rating, timestamp)")
    case .csv:
      (3, Int.max, "expected at least 3 comma-separated fields (user, item, rating)")
    }
  }

  /// Whether the fourth field is a timestamp (seconds since 1970): the MovieLens formats'.
  public var hasTimestamps: Bool { self != .csv }

  /// The ratings the format allows.
  var acceptedScale: ClosedRange<Double> { self == .movieLens100k ? 1...5 : 0.5...5 }

  /// The step ratings come in (1 for whole stars, 0.5 for half stars), or nil for any value.
  var ratingStep: Double? {
    switch self {
    case .movieLens100k: 1
    case .movieLensCSV: 0.5
    case .csv: nil
    }
  }
}
