/// What a numeric text field holds, read straight from its UTF-8 bytes.
///
/// Ratings files hold millions of numbers like `4`, `3.5` or `4.0`; reading them from the bytes
/// avoids creating a `String` per field. Anything unusual (an exponent, many digits) goes through
/// the standard library's correctly rounded `Double(_:)`, so both paths agree to the last bit.
enum NumberField: Equatable, Sendable {
  /// A finite decimal number, e.g. `4`, `3.5`, `-0.25`, `1e0`.
  case finite(Double)
  /// `inf`, `infinity` or `nan` (any case, optionally signed), or a decimal too large for Double.
  case nonFinite
  /// Anything else: empty, letters, `4,5`, `0x10`, two dots.
  case notANumber

  /// Reads the bytes (surrounding spaces ignored) as a number.
  ///
  /// - Parameter bytes: The field's bytes.
  /// - Complexity: O(n) in the field's length, with no allocation for plain decimals.
  init(_ bytes: UnsafeRawBufferPointer) {
    if let stars = Self.starRating(bytes) {
      self = .finite(stars)
      return
    }
    let bytes = bytes.trimmingSpaces()
    if let value = Self.plainDecimal(bytes) {
      self = .finite(value)
    } else if Self.isDecimalWithExponent(bytes) {
      // Rare (e.g. "35e-1"): the standard library rounds correctly; "1e999" overflows to inf.
      guard let value = Double(String(decoding: bytes, as: UTF8.self)) else {
        self = .notANumber
        return
      }
      self = value.isFinite ? .finite(value) : .nonFinite
    } else if Self.isNonFiniteWord(bytes) {
      self = .nonFinite
    } else {
      self = .notANumber
    }
  }

  /// Exact powers of ten: 10^k for k ≤ 22 is representable, so one division rounds correctly.
  private static let powersOfTen: [Double] = (0...22).map { exponent in
    (0..<exponent).reduce(1.0) { power, _ in power * 10 }
  }

  /// `d` or `d.d`, the shapes nearly every star rating takes ("4", "3.5"), read without a loop.
  private static func starRating(_ bytes: UnsafeRawBufferPointer) -> Double? {
    let first = bytes.first ?? 0
    guard ASCII.isDigit(first) else { return nil }
    let whole = Double(first - ASCII.zero)
    if bytes.count == 1 { return whole }
    guard bytes.count == 3, bytes[1] == ASCII.dot, ASCII.isDigit(bytes[2]) else { return nil }
    return (whole * 10 + Double(bytes[2] - ASCII.zero)) / 10
  }

  /// `[+-]digits[.digits]` with at most 15 digits, or nil.
  ///
  /// Fifteen digits stay below 2^53, so the digits form an exact Double and dividing by an exact
  /// power of ten gives the correctly rounded value: "3.7" becomes 37 / 10, the same Double as
  /// `Double("3.7")`.
  private static func plainDecimal(_ bytes: UnsafeRawBufferPointer) -> Double? {
    var index = bytes.startIndex
    var isNegative = false
    if index < bytes.endIndex, bytes[index] == ASCII.minus || bytes[index] == ASCII.plus {
      isNegative = bytes[index] == ASCII.minus
      index += 1
    }
    var digits: UInt64 = 0
    var digitCount = 0
    var fractionDigitCount = 0
    var seenDot = false
    while index < bytes.endIndex {
      let byte = bytes[index]
      if ASCII.isDigit(byte) {
        digits = digits * 10 + UInt64(byte - ASCII.zero)
        digitCount += 1
        if seenDot { fractionDigitCount += 1 }
      } else if byte == ASCII.dot && !seenDot {
        seenDot = true
      } else {
        return nil
      }
      guard digitCount <= 15 else { return nil }
      index += 1
    }
    guard digitCount > 0 else { return nil }
    let magnitude = Double(digits) / powersOfTen[fractionDigitCount]
    return isNegative ? -magnitude : magnitude
  }

  /// `[+-]digits[.digits][(e|E)[+-]digits]` with at least one mantissa digit.
  private static func isDecimalWithExponent(_ bytes: UnsafeRawBufferPointer) -> Bool {
    var index = bytes.startIndex
    func skipSign() {
      if index < bytes.endIndex, bytes[index] == ASCII.minus || bytes[index] == ASCII.plus {
        index += 1
      }
    }
    func skipDigits() -> Int {
      let start = index
      while index < bytes.endIndex, ASCII.isDigit(bytes[index]) { index += 1 }
      return index - start
    }
    skipSign()
    var mantissaDigits = skipDigits()
    if index < bytes.endIndex, bytes[index] == ASCII.dot {
      index += 1
      mantissaDigits += skipDigits()
    }
    guard mantissaDigits > 0 else { return false }
    if index < bytes.endIndex, bytes[index] | 0x20 == UInt8(ascii: "e") {
      index += 1
      skipSign()
      guard skipDigits() > 0 else { return false }
    }
    return index == bytes.endIndex
  }

  /// `inf`, `infinity` or `nan` in any case, optionally signed: numbers, but not usable ratings.
  private static func isNonFiniteWord(_ bytes: UnsafeRawBufferPointer) -> Bool {
    guard bytes.count <= 9 else { return false }
    var word = String(decoding: bytes, as: UTF8.self).lowercased()
    if word.hasPrefix("-") || word.hasPrefix("+") { word.removeFirst() }
    return word == "inf" || word == "infinity" || word == "nan"
  }
}
