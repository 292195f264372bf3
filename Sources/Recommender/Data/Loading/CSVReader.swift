/// One field of a record: where its bytes lie in the file, without any surrounding quotes.
struct CSVField: Equatable, Sendable {
  /// Byte offsets into the reader's buffer.
  var bytes: Range<Int>
  /// Whether the field was quoted and holds doubled quotes (`""`) that still stand for one `"`.
  var hasDoubledQuotes: Bool
}

/// Splits delimited text into records and fields, straight from the file's bytes.
///
/// Two dialects:
/// - `.rfc4180` (CSV): a field may be quoted; inside quotes the delimiter, line breaks and doubled
///   quotes `""` are content. `"American President, The (1995)"` is one field.
/// - `.plain` (MovieLens `u.data` tabs, `u.item` pipes): every delimiter splits, quotes are text.
///
/// Lines end in LF or CRLF, the last line break is optional, and blank lines (only spaces, tabs
/// or CR) are skipped. Each record reports the 1-based physical line it starts on, so a quoted
/// field spanning lines still gives the right numbers for the records after it.
///
/// The reader borrows the bytes: use it only inside the `withUnsafeBytes` call that lent them.
struct CSVReader {
  /// Whether quotes are special.
  enum Dialect: Sendable {
    case rfc4180
    case plain
  }

  let bytes: UnsafeRawBufferPointer
  let delimiter: UInt8
  let dialect: Dialect
  /// The path for error messages.
  let file: String
  /// Where the next record (or the blank lines before it) starts: the reader never looks back
  /// before it.
  private(set) var position: Int
  private var line = 1

  /// - Parameters:
  ///   - bytes: The whole text (a leading UTF-8 byte-order mark is skipped).
  ///   - delimiter: The field separator, e.g. `ASCII.comma`, `ASCII.tab`, `ASCII.pipe`.
  ///   - dialect: Whether quotes are special.
  ///   - file: The path, named in syntax errors.
  init(bytes: UnsafeRawBufferPointer, delimiter: UInt8, dialect: Dialect, file: String) {
    self.bytes = bytes
    self.delimiter = delimiter
    self.dialect = dialect
    self.file = file
    let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
    position = bytes.starts(with: byteOrderMark) ? 3 : 0
  }

  /// Reads the next non-blank record into `fields` (replacing what was there, keeping its
  /// storage so the loop allocates nothing per record).
  ///
  /// - Parameter fields: Receives the record's fields.
  /// - Returns: The 1-based line the record starts on, or nil after the last record.
  /// - Throws: `DataFileError` for a quoted field that never closes, or text after a closing quote.
  /// - Complexity: O(length of the record, plus any blank lines before it).
  mutating func nextRecord(into fields: inout [CSVField]) throws(DataFileError) -> Int? {
    skipBlankLines()
    guard position < bytes.count else { return nil }
    fields.removeAll(keepingCapacity: true)
    let recordLine = line
    while true {
      let field: CSVField
      if dialect == .rfc4180, position < bytes.count, bytes[position] == ASCII.quote {
        field = try quotedField(recordLine: recordLine)
      } else {
        field = unquotedField()
      }
      fields.append(field)
      // `position` is now at the field's terminator: a delimiter, a line break, or the end.
      guard position < bytes.count else { return recordLine }
      let terminator = bytes[position]
      if terminator == delimiter {
        position += 1
        continue
      }
      // Only a closing quote can leave us at a CR: it must start CRLF or end the text.
      if terminator == ASCII.carriageReturn { position += 1 }
      guard position < bytes.count else { return recordLine }
      guard bytes[position] == ASCII.lineFeed else {
        throw DataFileError(
          file: file, line: recordLine,
          problem: "expected a delimiter or the end of the line after a closing quote")
      }
      position += 1
      line += 1
      return recordLine
    }
  }

  /// Hands `body` the field's content: the file's own bytes, or for a field with doubled quotes
  /// a copy with each `""` made `"`.
  ///
  /// - Parameters:
  ///   - field: A field of the last record read.
  ///   - body: Reads the content; it must not keep the pointer.
  func withContent<Result>(
    of field: CSVField, _ body: (UnsafeRawBufferPointer) -> Result
  ) -> Result {
    let raw = UnsafeRawBufferPointer(rebasing: bytes[field.bytes])
    guard field.hasDoubledQuotes else { return body(raw) }
    var unescaped: [UInt8] = []
    unescaped.reserveCapacity(raw.count)
    var index = raw.startIndex
    while index < raw.endIndex {
      unescaped.append(raw[index])
      // Inside a well-formed quoted field a quote is always the first of a pair.
      index += raw[index] == ASCII.quote ? 2 : 1
    }
    return unescaped.withUnsafeBytes(body)
  }

  /// The field's text, surrounding spaces removed.
  ///
  /// - Parameters:
  ///   - field: A field of the last record read.
  ///   - encoding: How the file spells characters.
  func text(of field: CSVField, encoding: TextEncoding = .utf8) -> String {
    withContent(of: field) { encoding.decode($0.trimmingSpaces()) }
  }

  /// The first non-blank line's bytes (without its line break) and its 1-based number, or nil
  /// when the text is blank; formats are told apart by it.
  static func firstNonBlankLine(in bytes: UnsafeRawBufferPointer)
    -> (bytes: UnsafeRawBufferPointer, line: Int)?
  {
    var reader = CSVReader(bytes: bytes, delimiter: ASCII.lineFeed, dialect: .plain, file: "")
    reader.skipBlankLines()
    guard reader.position < bytes.count else { return nil }
    var end = reader.position
    while end < bytes.count, bytes[end] != ASCII.lineFeed { end += 1 }
    if end > reader.position, bytes[end - 1] == ASCII.carriageReturn { end -= 1 }
    return (UnsafeRawBufferPointer(rebasing: bytes[reader.position..<end]), reader.line)
  }

  /// Moves past lines holding only spaces, tabs or CR.
  private mutating func skipBlankLines() {
    var probe = position
    while probe < bytes.count {
      let byte = bytes[probe]
      if byte == ASCII.lineFeed {
        line += 1
        position = probe + 1
      } else if byte != ASCII.space && byte != ASCII.tab && byte != ASCII.carriageReturn {
        return
      }
      probe += 1
    }
    position = bytes.count
  }

  /// Reads up to the next delimiter or line break; a CR before LF is not content.
  private mutating func unquotedField() -> CSVField {
    let start = position
    while position < bytes.count {
      let byte = bytes[position]
      if byte == delimiter || byte == ASCII.lineFeed { break }
      position += 1
    }
    var end = position
    let endsLine = position == bytes.count || bytes[position] == ASCII.lineFeed
    if endsLine, end > start, bytes[end - 1] == ASCII.carriageReturn { end -= 1 }
    return CSVField(bytes: start..<end, hasDoubledQuotes: false)
  }

  /// Reads a quoted field from its opening quote to past its closing quote.
  private mutating func quotedField(recordLine: Int) throws(DataFileError) -> CSVField {
    position += 1
    let start = position
    var hasDoubledQuotes = false
    while position < bytes.count {
      let byte = bytes[position]
      if byte == ASCII.quote {
        guard position + 1 < bytes.count, bytes[position + 1] == ASCII.quote else {
          let field = CSVField(bytes: start..<position, hasDoubledQuotes: hasDoubledQuotes)
          position += 1
          return field
        }
        hasDoubledQuotes = true
        position += 2
        continue
      }
      if byte == ASCII.lineFeed { line += 1 }
      position += 1
    }
    throw DataFileError(
      file: file, line: recordLine, problem: "a quoted field is not closed (missing \")")
  }
}
