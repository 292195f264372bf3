import Foundation

/// Deterministic number formatting for SVG output.
///
/// Coordinates are rounded to hundredths of a pixel: finer detail is invisible, and a fixed
/// precision is what makes the same chart come out as the same bytes on every run and platform.
public enum SVGNumber {
  /// A coordinate or length: two decimals, trailing zeros trimmed, never "-0".
  ///
  /// `12.5` → "12.5", `3.0` → "3", `-0.001` → "0", `12.3456` → "12.35". Non-finite values (which a
  /// correct chart never produces) become "0" so the document stays valid XML.
  public static func coordinate(_ value: Double) -> String {
    var text = fixed(value, decimals: 2)
    if text.contains(".") {
      while text.hasSuffix("0") { text.removeLast() }
      if text.hasSuffix(".") { text.removeLast() }
    }
    return text
  }

  /// A number with exactly `decimals` digits after the point, never "-0.00".
  ///
  /// - Parameters:
  ///   - value: The number to format; non-finite values become "0".
  ///   - decimals: Digits after the decimal point, 0 or more.
  public static func fixed(_ value: Double, decimals: Int) -> String {
    guard value.isFinite else { return "0" }
    let text = String(format: "%.\(max(0, decimals))f", value)
    return isNegativeZero(text) ? String(text.dropFirst()) : text
  }

  /// A number for a label a reader sees: like `fixed`, but negatives use the typographic minus
  /// sign "−" (U+2212), which is as wide as "+" and easier to spot than a hyphen.
  public static func label(_ value: Double, decimals: Int) -> String {
    let text = fixed(value, decimals: decimals)
    return text.hasPrefix("-") ? "\u{2212}" + text.dropFirst() : text
  }

  /// True for "-0", "-0.00" and the like: a minus sign followed only by zeros and a point.
  private static func isNegativeZero(_ text: String) -> Bool {
    text.hasPrefix("-") && text.dropFirst().allSatisfy { $0 == "0" || $0 == "." }
  }
}
