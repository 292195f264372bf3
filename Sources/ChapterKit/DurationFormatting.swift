import Foundation

/// `x` rounded to `digits` significant figures, with thousands separators and no more decimals
/// than the rounding leaves: `significant(18.349)` is "18.3", `significant(6_253_118)` is
/// "6,250,000", `significant(0.0012345)` is "0.00123".
///
/// Timings vary by a few per cent from run to run, so a fourth digit would be noise.
///
/// - Parameters:
///   - x: The number; zero prints as "0", non-finite values as "nan", "inf" or "-inf".
///   - digits: Significant figures kept, at least 1.
public func significant(_ x: Double, digits: Int = 3) -> String {
  precondition(digits >= 1, "keep at least one significant figure")
  guard x.isFinite else { return fixed(x, 0) }
  guard x != 0 else { return "0" }
  let decimals = max(0, digits - 1 - leadingExponent(of: x, keeping: digits))
  guard decimals == 0 else { return fixed(x, decimals) }
  // Rounded by dividing, so 52,900,000 stays exact instead of 52,899,999.99….
  return grouped(Int(roundedToSignificant(x, digits: digits)))
}

/// `x` rounded to `digits` significant figures, as a number; `x` must be finite and non-zero.
private func roundedToSignificant(_ x: Double, digits: Int) -> Double {
  let step = pow(10, Double(leadingExponent(of: x, keeping: digits) - digits + 1))
  return (x / step).rounded() * step
}

/// The decimal exponent of `x`'s leading digit once rounded to `digits` significant figures:
/// 2 for 999.4 (three digits), but 3 for 999.6, which rounds up to 1,000.
private func leadingExponent(of x: Double, keeping digits: Int) -> Int {
  let exponent = Int(floor(log10(abs(x))))
  let scale = pow(10, Double(digits - 1 - exponent))
  return Int(floor(log10(abs((x * scale).rounded() / scale))))
}

/// A duration in the unit that reads best, to three significant figures: "18.3 ns",
/// "4.52 µs", "6.25 ms", "1.44 s", "12.5 min", "4.79 h", "3.20 days".
///
/// - Parameters:
///   - nanoseconds: The duration in nanoseconds, not negative.
public func readableDuration(nanoseconds: Double) -> String {
  let units: [(name: String, nanoseconds: Double)] = [
    ("days", 86_400e9), ("h", 3_600e9), ("min", 60e9), ("s", 1e9), ("ms", 1e6), ("µs", 1e3),
  ]
  // Choose the unit after rounding, so 999.7 ns reads "1.00 µs", not "1,000 ns".
  let rounded = nanoseconds > 0 ? roundedToSignificant(nanoseconds, digits: 3) : nanoseconds
  for unit in units where rounded >= unit.nanoseconds {
    return significant(nanoseconds / unit.nanoseconds) + " " + unit.name
  }
  return significant(nanoseconds) + " ns"
}

/// A speedup as "1,230×" or "2.50×", to three significant figures.
///
/// - Parameters:
///   - ratio: How many times faster, e.g. a baseline time over a new time.
public func timesText(_ ratio: Double) -> String {
  significant(ratio) + "×"
}
