import Foundation

/// Loads a ratings file (MovieLens 100k `u.data`, MovieLens `ratings.csv`, or plain CSV) into a
/// `RatingsDataset`.
///
/// The file is memory-mapped and parsed straight from its bytes: no array of lines, no `String`
/// per line or per number, one `String` per distinct id; the pages read are handed back as the
/// parse goes. Loading MovieLens 25M (25 million ratings, 650 MB) therefore holds about the
/// 400 MB of `Rating` values, not the file beside them.
public enum RatingsLoader {
  /// Reads the ratings in `path`.
  ///
  /// Ids are text; users and items get dense indices in order of first appearance, and the
  /// ratings keep the file's order. Duplicate (user, item) pairs are kept as they are.
  ///
  /// A `ratings.csv` or plain CSV may start with a header. The first record is read as one only
  /// when its user, item and rating fields are all words (non-empty, not numbers), as in
  /// `userId,movieId,rating,timestamp` or `user,item,rating`. Any number among them makes it
  /// data, checked like every other line: column names are never numbers, while a data line with
  /// one bad field keeps its good ones, so `1,1,abc` is an error on line 1 (`rating "abc" is not
  /// a number`), not a header skipped in silence. A bad first line can pass for a header only
  /// when the file's ids are words too (`alice,Up,abc`), so `LoadedRatings.header` records the
  /// decision for the narration to show. The rule reads the first record only; `u.data` never
  /// has a header.
  ///
  /// - Parameters:
  ///   - path: The file, as the user named it (error messages repeat it).
  ///   - format: The layout; nil tells it from the first non-blank line.
  ///   - scale: The ratings allowed, overriding the format's own (and becoming the dataset's
  ///     scale); nil keeps the format's.
  ///   - keepsTimestamps: Also read the MovieLens formats' fourth field, the time of each rating
  ///     in seconds since 1970, into `LoadedRatings.timestamps`. Off by default: only a replay
  ///     in time order needs it, and at MovieLens 25M the column costs 200 MB. Plain CSV has no
  ///     timestamp column the loader knows, so it gives nil either way.
  /// - Throws: `DataFileError` naming the file, line and problem for the first bad record.
  /// - Complexity: O(bytes in the file); memory O(ratings + distinct ids).
  public static func load(
    path: String, format: RatingsFileFormat? = nil, scale: ClosedRange<Double>? = nil,
    keepsTimestamps: Bool = false
  ) throws(DataFileError) -> LoadedRatings {
    let (data, isMapped) = try DataFile.bytes(of: path)
    let result = data.withUnsafeBytes { bytes in
      Result { () throws(DataFileError) -> LoadedRatings in
        try parse(
          bytes, file: path, format: format, scale: scale, keepsTimestamps: keepsTimestamps,
          isMapped: isMapped)
      }
    }
    return try result.get()
  }

  /// Parses a whole ratings file held in memory.
  ///
  /// `isMapped` says `bytes` is the file mapped into memory: its pages are then handed back as
  /// the parse passes them (``ReadPages``), `releaseStep` bytes at a time, so the parse holds a
  /// few megabytes of the file instead of all of it.
  static func parse(
    _ bytes: UnsafeRawBufferPointer, file: String, format requestedFormat: RatingsFileFormat?,
    scale requestedScale: ClosedRange<Double>?, keepsTimestamps: Bool = false,
    isMapped: Bool = false, releaseStep: Int = ReadPages.releaseStep
  ) throws(DataFileError) -> LoadedRatings {
    // Not `??`: its autoclosure would widen the typed error to `any Error`.
    let detectedFormat =
      if let requestedFormat { requestedFormat } else {
        try RatingsFileFormat.detect(in: bytes, file: file)
      }
    guard let format = detectedFormat else {
      throw DataFileError(file: file, problem: "file has only blank lines")
    }
    let acceptedScale = requestedScale ?? format.acceptedScale
    let fieldCountRule = format.fieldCountRule

    var users = DenseIdentifiers()
    var items = DenseIdentifiers()
    var ratings: [Rating] = []
    let readsTimestamps = keepsTimestamps && format.hasTimestamps
    var timestamps: [Int] = []
    // One rating per line: reserving exactly avoids doubling growth, which at 25M ratings would
    // briefly hold 400 MB and 800 MB arrays at once.
    var pages = ReadPages(of: bytes, isMapped: isMapped, step: releaseStep)
    ratings.reserveCapacity(lineCount(of: bytes, releasing: pages))
    var reader = CSVReader(
      bytes: bytes, delimiter: format.delimiter, dialect: format.dialect, file: file)
    var fields: [CSVField] = []
    let header = format.allowsHeader ? try skipHeader(of: &reader, fields: &fields) : nil

    while true {
      pages.readerPassed(reader.position)
      guard let line = try reader.nextRecord(into: &fields) else { break }
      func failure(_ problem: String) -> DataFileError {
        DataFileError(file: file, line: line, problem: problem)
      }
      let rating =
        fields.count > 2 ? reader.withContent(of: fields[2]) { NumberField($0) } : .notANumber
      guard fields.count >= fieldCountRule.minimum, fields.count <= fieldCountRule.maximum else {
        throw failure("\(fieldCountRule.expectation), found \(fields.count)")
      }
      let user = reader.withContent(of: fields[0]) { users.index(forTrimmed: $0) }
      guard let user else { throw failure("user id is empty") }
      let item = reader.withContent(of: fields[1]) { items.index(forTrimmed: $0) }
      guard let item else { throw failure("item id is empty") }
      guard case .finite(let value) = rating, acceptedScale.contains(value),
        isWhole(value, inSteps: format.ratingStep)
      else {
        throw failure(
          problem(
            with: rating, text: reader.text(of: fields[2]), scale: acceptedScale,
            step: format.ratingStep))
      }
      if readsTimestamps {
        let seconds = reader.withContent(of: fields[3]) { wholeNumber($0) }
        guard let seconds else {
          throw failure(
            "timestamp \"\(fieldExcerpt(reader.text(of: fields[3])))\" is not a "
              + "whole number of seconds")
        }
        timestamps.append(seconds)
      }
      ratings.append(Rating(user: user, item: item, value: value))
    }

    guard !ratings.isEmpty else {
      throw DataFileError(
        file: file,
        problem: header != nil ? "file has a header but no ratings" : "file has only blank lines")
    }
    let datasetScale = requestedScale ?? datasetScale(for: format, ratings: ratings)
    let dataset = RatingsDataset(
      userNames: users.identifiers.map { "User \($0)" },
      itemNames: items.identifiers.map { "Movie \($0)" },
      ratings: ratings, scale: datasetScale)
    return LoadedRatings(
      dataset: dataset, format: format, userIDs: users.identifiers, itemIDs: items.identifiers,
      header: header, timestamps: readsTimestamps ? timestamps : nil)
  }

  /// Moves `reader` past the first record when it is a header (user, item and rating fields all
  /// words, see `load`), returning the header's fields joined by commas; otherwise leaves the
  /// reader where it was and returns nil.
  ///
  /// - Parameters:
  ///   - reader: A reader at the start of the file.
  ///   - fields: Storage for the record's fields.
  /// - Throws: `DataFileError` when the first record is malformed (an unclosed quote).
  private static func skipHeader(of reader: inout CSVReader, fields: inout [CSVField])
    throws(DataFileError) -> String?
  {
    var probe = reader
    guard try probe.nextRecord(into: &fields) != nil, fields.count >= 3 else { return nil }
    for field in fields[..<3] {
      let isWord = probe.withContent(of: field) { bytes in
        let trimmed = bytes.trimmingSpaces()
        return !trimmed.isEmpty && NumberField(trimmed) == .notANumber
      }
      guard isWord else { return nil }
    }
    reader = probe
    return fields.map { probe.text(of: $0) }.joined(separator: ",")
  }

  /// The bytes (surrounding spaces ignored) as a whole number with an optional sign, or nil.
  private static func wholeNumber(_ bytes: UnsafeRawBufferPointer) -> Int? {
    let trimmed = bytes.trimmingSpaces()
    guard !trimmed.isEmpty, trimmed.count <= 19 else { return nil }
    return Int(String(decoding: trimmed, as: UTF8.self))
  }

  /// Whether `value` is a whole number of `step`s (always, when there is no step).
  private static func isWhole(_ value: Double, inSteps step: Double?) -> Bool {
    guard let step else { return true }
    return (value / step).rounded() == value / step
  }

  /// What is wrong with a rating that is not a number, or off the scale, or between steps.
  ///
  /// - Parameters:
  ///   - rating: The field read as a number.
  ///   - text: The field as written, quoted back in the message (cut by `fieldExcerpt`).
  ///   - scale: The values allowed.
  ///   - step: The granularity required (1 whole stars, 0.5 half stars), or nil.
  private static func problem(
    with rating: NumberField, text: String, scale: ClosedRange<Double>, step: Double?
  ) -> String {
    let shown = fieldExcerpt(text)
    switch rating {
    case .notANumber:
      return text.isEmpty ? "rating is empty" : "rating \"\(shown)\" is not a number"
    case .nonFinite:
      return "rating \"\(shown)\" is not a finite number"
    case .finite(let value):
      if !scale.contains(value) {
        return "rating \(shown) is outside the scale \(starScaleText(scale))"
      }
      let steps = step == 1 ? "whole stars" : "steps of \(plainNumber(step ?? 0)) stars"
      return "rating \(shown) is not in \(steps)"
    }
  }

  /// The format's scale; plain CSV uses 1–5 unless a rating lies below 1.
  private static func datasetScale(for format: RatingsFileFormat, ratings: [Rating])
    -> ClosedRange<Double>
  {
    switch format {
    case .movieLens100k: 1...5
    case .movieLensCSV: 0.5...5
    case .csv: ratings.contains { $0.value < 1 } ? 0.5...5 : 1...5
    }
  }

  /// Line breaks plus one: an upper bound on the records (ratings) in the text.
  ///
  /// - Parameter pages: Releases the pages counted (the parse reads them again afterwards).
  private static func lineCount(of bytes: UnsafeRawBufferPointer, releasing pages: ReadPages)
    -> Int
  {
    guard let start = bytes.baseAddress else { return 1 }
    var pages = pages
    var cursor = start
    let end = cursor + bytes.count
    var count = 1
    // memchr scans many bytes per step, even in a debug build.
    while let lineFeed = memchr(cursor, Int32(ASCII.lineFeed), end - cursor) {
      count += 1
      cursor = UnsafeRawPointer(lineFeed) + 1
      pages.readerPassed(cursor - start)
    }
    return count
  }
}
