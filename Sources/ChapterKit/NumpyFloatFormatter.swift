import Foundation

/// numpy's default formatting of the floats in one array (`precision=8`, `floatmode='maxprec'`,
/// `suppress=False`), re-created so Swift prints what the blog's Python prints.
///
/// numpy looks at all the array's values before printing any of them:
/// - It switches to scientific notation when the largest magnitude is ≥ 1e8, the smallest
///   non-zero one is < 1e-4, or their ratio exceeds 1000.
/// - Otherwise each value is printed with its shortest round-tripping digits, but at most 8
///   after the point; trailing zeros go, the point stays ("5." for 5.0).
/// - Every value is padded to a common width: spaces on the left up to the widest integer part
///   (a "-" counts), and spaces on the right up to the longest fraction, so points line up.
struct NumpyFloatFormatter {
  static let precision = 8

  private let scientific: Bool
  private let integerWidth: Int
  private let fractionWidth: Int
  /// Scientific notation only: digits after the point, and exponent digits.
  private let scientificDigits: Int
  private let exponentDigits: Int

  /// Measures `values` the way numpy's `FloatingFormat.fillFormat` does.
  ///
  /// - Complexity: O(values.count).
  init(values: [Double]) {
    let finite = values.filter(\.isFinite)
    let magnitudes = finite.filter { $0 != 0 }.map(abs)
    if let largest = magnitudes.max(), let smallest = magnitudes.min() {
      scientific = largest >= 1e8 || smallest < 1e-4 || largest / smallest > 1000
    } else {
      scientific = false
    }

    var integerWidth = 0
    var fractionWidth = 0
    var scientificDigits = 0
    var exponentDigits = 0
    if finite.isEmpty {
      // Only nan/inf: nothing to measure.
    } else if scientific {
      let parts = finite.map { Self.shortestScientific($0) }
      scientificDigits = parts.map(\.fraction.count).max() ?? 0
      exponentDigits = parts.map(\.exponent.count).max().map { $0 - 1 } ?? 0
      integerWidth = parts.map(\.integer.count).max() ?? 0
      fractionWidth = exponentDigits + 2 + scientificDigits
    } else {
      let parts = finite.map { Self.shortestPositional($0) }
      integerWidth = parts.map(\.integer.count).max() ?? 0
      fractionWidth = parts.map(\.fraction.count).max() ?? 0
    }
    if finite.count != values.count {
      // "nan" and "inf" take the width of a whole number (left part, point, right part).
      let negativeInfinity = values.contains { $0.isInfinite && $0 < 0 }
      let offset = fractionWidth + 1
      integerWidth = max(integerWidth, 3 - offset, 3 + (negativeInfinity ? 1 : 0) - offset)
    }
    self.integerWidth = integerWidth
    self.fractionWidth = fractionWidth
    self.scientificDigits = scientificDigits
    self.exponentDigits = exponentDigits
  }

  /// One value, padded to the array's common width.
  func format(_ x: Double) -> String {
    if !x.isFinite {
      let text = x.isNaN ? "nan" : (x < 0 ? "-inf" : "inf")
      return padLeft(text, toWidth: integerWidth + fractionWidth + 1)
    }
    if scientific {
      let parts = Self.scientificParts(x, digits: scientificDigits)
      let exponentSign = parts.exponent.prefix(1)
      let exponent = zeroPadded(
        String(parts.exponent.dropFirst()), toWidth: exponentDigits)
      return padLeft(parts.integer, toWidth: integerWidth) + "." + parts.fraction
        + "e" + exponentSign + exponent
    }
    let parts = Self.shortestPositional(x)
    return padLeft(parts.integer, toWidth: integerWidth) + "."
      + padRight(parts.fraction, toWidth: fractionWidth)
  }

  // MARK: Digits

  /// Integer part (with "-" when negative) and fraction digits, shortest round-trip but at most
  /// `precision` fraction digits (then correctly rounded, trailing zeros dropped).
  static func shortestPositional(_ x: Double) -> (integer: String, fraction: String) {
    let sign = x.sign == .minus ? "-" : ""
    let (digits, pointPosition) = shortestDigits(abs(x))
    let fractionCount = max(0, digits.count - pointPosition)
    if fractionCount > precision {
      // Too many digits: round the exact binary value, as numpy's Dragon4 cutoff does.
      let rounded = String(format: "%.\(precision)f", abs(x))
      let pieces = rounded.split(separator: ".", omittingEmptySubsequences: false)
      let fraction = pieces[1].reversed().drop(while: { $0 == "0" }).reversed()
      return (sign + pieces[0], String(fraction))
    }
    if digits.isEmpty { return (sign + "0", "") }
    if pointPosition <= 0 {
      return (sign + "0", String(repeating: "0", count: -pointPosition) + digits)
    }
    if pointPosition >= digits.count {
      return (sign + digits + String(repeating: "0", count: pointPosition - digits.count), "")
    }
    let split = digits.index(digits.startIndex, offsetBy: pointPosition)
    return (sign + digits[..<split], String(digits[split...]))
  }

  /// Scientific parts with the shortest round-trip digits, at most `precision` after the point:
  /// integer digit (with sign), fraction digits, exponent with sign and at least two digits.
  static func shortestScientific(_ x: Double) -> (
    integer: String, fraction: String, exponent: String
  ) {
    let (digits, _) = shortestDigits(abs(x))
    let parts = scientificParts(x, digits: min(max(digits.count - 1, 0), precision))
    // Rounding to `precision` digits can leave trailing zeros; numpy trims them here.
    let fraction = String(parts.fraction.reversed().drop(while: { $0 == "0" }).reversed())
    return (parts.integer, fraction, parts.exponent)
  }

  /// Scientific parts with exactly `digits` fraction digits, correctly rounded.
  static func scientificParts(_ x: Double, digits: Int) -> (
    integer: String, fraction: String, exponent: String
  ) {
    // "%#.Ne" keeps the point even for N = 0; C gives at least two exponent digits, like numpy.
    let text = String(format: "%#.\(digits)e", x)
    let mantissaAndExponent = text.split(separator: "e")
    let mantissa = mantissaAndExponent[0].split(separator: ".", omittingEmptySubsequences: false)
    return (String(mantissa[0]), String(mantissa[1]), String(mantissaAndExponent[1]))
  }

  /// The shortest decimal digits that read back as `magnitude` (no leading or trailing zeros),
  /// and where the point goes: the value is 0.DIGITS × 10^pointPosition. Zero has no digits.
  ///
  /// Swift's `description` already prints the shortest round-tripping digits (as Python's
  /// `repr` and numpy's Dragon4 do); this only reads them out of "123.45" or "1.5e-05" forms.
  static func shortestDigits(_ magnitude: Double) -> (digits: String, pointPosition: Int) {
    let text = magnitude.description
    let pieces = text.split(separator: "e")
    let exponent = pieces.count > 1 ? Int(pieces[1])! : 0
    let mantissa = pieces[0]
    let integerDigits =
      mantissa.firstIndex(of: ".").map { mantissa.distance(from: mantissa.startIndex, to: $0) }
      ?? mantissa.count
    var digits = mantissa.filter { $0 != "." }
    var pointPosition = integerDigits + exponent
    while digits.first == "0" {
      digits.removeFirst()
      pointPosition -= 1
    }
    while digits.last == "0" { digits.removeLast() }
    return digits.isEmpty ? ("", 0) : (digits, pointPosition)
  }
}

/// `digits` with leading zeros up to `width` (exponents: "5" → "05").
private func zeroPadded(_ digits: String, toWidth width: Int) -> String {
  String(repeating: "0", count: max(0, width - digits.count)) + digits
}
