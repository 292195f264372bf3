import Foundation

/// A base-10 logarithmic axis from one power of ten to another, with a tick at every decade.
///
/// Log–log axes turn "time grows like n" into a straight line of slope 1, which is how the hash
/// table benchmark shows O(1) against O(n) at a glance.
public struct LogScale: Sendable, Equatable {
  /// The exponent of the first decade: the axis starts at 10^lowerExponent.
  public let lowerExponent: Int
  /// The exponent of the last decade: the axis ends at 10^upperExponent.
  public let upperExponent: Int
  /// Labelled ticks: every decade, or every second (third, …) one when there are more than 8.
  public let ticks: [Double]
  /// Unlabelled gridlines: 2–9 × 10ᵏ when the axis spans at most 6 decades, else the decades
  /// that carry no label.
  public let minorTicks: [Double]

  /// A scale covering the positive values in `values`; zero, negatives and non-finite values
  /// have no place on a log axis and are ignored. No positive value means 1…10.
  public init(covering values: [Double]) {
    let positive = values.filter { $0 > 0 && $0.isFinite }
    self.init(minimum: positive.min() ?? 1, maximum: positive.max() ?? 10)
  }

  /// A scale from the decade at or below `minimum` to the decade at or above `maximum`.
  ///
  /// A range inside a single decade boundary (say 100…100) gets one decade on each side, so
  /// the value is not pinned to the frame.
  public init(minimum: Double, maximum: Double) {
    let low = minimum > 0 && minimum.isFinite ? Swift.min(minimum, maximum) : 1
    let high = maximum > 0 && maximum.isFinite ? Swift.max(minimum, maximum, low) : low
    // Tolerances absorb log10 rounding, so 1000 counts as exactly the decade 10³.
    var lower = Int(floor(log10(low) + 1e-9))
    var upper = Int(ceil(log10(high) - 1e-9))
    if lower == upper {
      lower -= 1
      upper += 1
    }
    self.lowerExponent = lower
    self.upperExponent = upper
    let decades = upper - lower
    let labelStride = (decades + 7) / 8
    let labelled = Swift.stride(from: lower, through: upper, by: labelStride).map(Self.powerOfTen)
    self.ticks = labelled
    if decades <= 6 {
      self.minorTicks = (lower..<upper).flatMap { exponent in
        (2...9).map { Double($0) * Self.powerOfTen(exponent) }
      }
    } else {
      self.minorTicks = (lower...upper).map(Self.powerOfTen).filter { !labelled.contains($0) }
    }
  }

  /// 10^lowerExponent.
  public var lowerBound: Double { Self.powerOfTen(lowerExponent) }
  /// 10^upperExponent.
  public var upperBound: Double { Self.powerOfTen(upperExponent) }

  /// Where `value` falls on the axis: 0 at `lowerBound`, 1 at `upperBound`; values ≤ 0 map to
  /// -∞ and must be skipped by the caller.
  public func fraction(of value: Double) -> Double {
    (log10(value) - Double(lowerExponent)) / Double(upperExponent - lowerExponent)
  }

  /// The label of a tick value: compact for everyday magnitudes ("0.01", "1", "100", "1k",
  /// "10k", "1M", "100M", "1B"), otherwise "10" with a superscript exponent ("10¹²", "10⁻⁴").
  public func label(for value: Double) -> String {
    Self.label(forExponent: Int((log10(value)).rounded()))
  }

  /// The label of the decade 10^exponent; see `label(for:)`.
  public static func label(forExponent exponent: Int) -> String {
    switch exponent {
    case -3...(-1): return "0." + String(repeating: "0", count: -exponent - 1) + "1"
    case 0...2: return "1" + String(repeating: "0", count: exponent)
    case 3...5: return "1" + String(repeating: "0", count: exponent - 3) + "k"
    case 6...8: return "1" + String(repeating: "0", count: exponent - 6) + "M"
    case 9...11: return "1" + String(repeating: "0", count: exponent - 9) + "B"
    default: return "10" + superscript(exponent)
    }
  }

  /// 10^exponent as the double nearest the decimal (1e-3 is 1 / 1000, not 0.1 × 0.1 × 0.1).
  static func powerOfTen(_ exponent: Int) -> Double {
    exponent >= 0 ? pow(10, Double(exponent)) : 1 / pow(10, Double(-exponent))
  }

  private static func superscript(_ exponent: Int) -> String {
    let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
    let sign = exponent < 0 ? "⁻" : ""
    return sign + String(abs(exponent)).map { digits[Int(String($0))!] }
  }
}
