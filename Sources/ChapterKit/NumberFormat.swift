import Foundation
import Recommender

/// Deterministic number formatting for narration: fixed decimals, signed biases, and numpy's
/// way of printing arrays (so Swift output can be compared line by line with the blog's Python).
public enum NumberFormat {
  /// `x` with exactly `decimals` digits after the point, e.g. `fixed(0.8765, decimals: 2)` is
  /// "0.88". A result that rounds to zero is never "-0.00"; non-finite values print as numpy's
  /// "nan", "inf" and "-inf".
  ///
  /// - Parameters:
  ///   - x: The number.
  ///   - decimals: Digits after the decimal point (0 gives a whole number, no point).
  public static func fixed(_ x: Double, decimals: Int) -> String {
    precondition(decimals >= 0, "decimals must not be negative")
    guard x.isFinite else { return x.isNaN ? "nan" : (x < 0 ? "-inf" : "inf") }
    let text = String(format: "%.\(decimals)f", x)
    // Rounding can leave "-0.00" for small negatives; a sign on zero only confuses readers.
    if text.hasPrefix("-"), text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) {
      return String(text.dropFirst())
    }
    return text
  }

  /// `x` with an explicit sign, for biases: "+0.21", "-0.37"; zero is "+0.00".
  ///
  /// - Parameters:
  ///   - x: The number.
  ///   - decimals: Digits after the decimal point.
  public static func signedFixed(_ x: Double, decimals: Int) -> String {
    let text = fixed(x, decimals: decimals)
    return text.hasPrefix("-") || x.isNaN ? text : "+" + text
  }

  /// `m` as `print(m)` shows a 2-D float64 array in numpy 2 with default print options.
  ///
  /// ```
  /// [[0.37454012 0.95071431]
  ///  [0.73199394 0.59865848]]
  /// ```
  /// See `NumpyFloatFormatter` for the number rules; rows wider than 75 columns wrap, and
  /// matrices of more than 1000 entries show only their first and last three rows/columns.
  public static func numpyStyle(_ m: Matrix) -> String {
    NumpyArrayText.matrix(m.rowArrays, columns: m.columns)
  }

  /// `values` as `print(v)` shows a 1-D float64 array in numpy, e.g. "[ 0.1 -0.2]".
  public static func numpyStyle(_ values: [Double]) -> String {
    NumpyArrayText.vector(values)
  }
}
