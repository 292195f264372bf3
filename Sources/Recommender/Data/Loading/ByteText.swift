/// The ASCII bytes the loaders look for, named so the parsing loops read as prose.
enum ASCII {
  static let tab: UInt8 = 0x09
  static let lineFeed: UInt8 = 0x0A
  static let carriageReturn: UInt8 = 0x0D
  static let space: UInt8 = 0x20
  static let quote: UInt8 = 0x22
  static let plus: UInt8 = 0x2B
  static let comma: UInt8 = 0x2C
  static let minus: UInt8 = 0x2D
  static let dot: UInt8 = 0x2E
  static let zero: UInt8 = 0x30
  static let nine: UInt8 = 0x39
  static let pipe: UInt8 = 0x7C

  /// Whether `byte` is a decimal digit 0–9.
  static func isDigit(_ byte: UInt8) -> Bool { byte >= zero && byte <= nine }
}

/// How a file spells its characters: movies.csv is UTF-8, MovieLens 100k `u.item` is Latin-1.
enum TextEncoding: Sendable {
  case utf8
  /// ISO-8859-1: every byte is the Unicode scalar with the same number (0xE9 is "é").
  case latin1

  /// The text the bytes spell; invalid UTF-8 becomes U+FFFD rather than failing.
  func decode(_ bytes: UnsafeRawBufferPointer) -> String {
    switch self {
    case .utf8:
      return String(decoding: bytes, as: UTF8.self)
    case .latin1:
      var text = ""
      text.unicodeScalars.append(contentsOf: bytes.lazy.map { Unicode.Scalar($0) })
      return text
    }
  }
}

extension UnsafeRawBufferPointer {
  /// The same bytes without leading and trailing spaces, so `" 4"` reads like `"4"`.
  func trimmingSpaces() -> UnsafeRawBufferPointer {
    var start = startIndex
    var end = endIndex
    while start < end, self[start] == ASCII.space { start += 1 }
    while end > start, self[end - 1] == ASCII.space { end -= 1 }
    return UnsafeRawBufferPointer(rebasing: self[start..<end])
  }

  /// Whether the bytes are exactly the ASCII text `text`.
  func spells(_ text: StaticString) -> Bool {
    guard count == text.utf8CodeUnitCount else { return false }
    let expected = UnsafeRawBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount)
    return elementsEqual(expected)
  }
}
