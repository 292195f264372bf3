import Foundation

/// A linear axis range with "nice" ticks: steps of 1, 2, 2.5 or 5 × 10ᵏ, about 5–8 of them.
///
/// The range is widened outward to whole steps, so 16.2…27.9 becomes 16…28 in steps of 2. That
/// is what makes tick labels short ("16", "18", …) rather than "16.2", "18.1", ….
public struct NiceScale: Sendable, Equatable {
  /// The first tick, at or below the smallest value.
  public let lowerBound: Double
  /// The last tick, at or above the largest value.
  public let upperBound: Double
  /// The distance between neighbouring ticks.
  public let step: Double
  /// Tick values from `lowerBound` to `upperBound`, `step` apart.
  public let ticks: [Double]
  /// Digits after the decimal point that tick labels need: 0 for step 5, 1 for 0.5 or 2.5, ….
  public let labelDecimals: Int

  /// The step multipliers tried within each power of ten, smallest first.
  private static let mantissas: [Double] = [1, 2, 2.5, 5]

  /// A scale covering `values`; non-finite values are ignored.
  ///
  /// - Parameters:
  ///   - values: Data the axis must show. Empty means 0…1.
  ///   - includesZero: Stretch the range to contain 0 (bar charts must start at zero).
  ///   - maximumTickCount: The most ticks allowed; the smallest nice step within it wins.
  ///   - wholeSteps: Steps of at least 1, for axes that count (epochs, factors): two epochs get
  ///     ticks 1 and 2, not 1.0, 1.2, …, 2.0.
  public init(
    covering values: [Double], includesZero: Bool = false, maximumTickCount: Int = 8,
    wholeSteps: Bool = false
  ) {
    let finite = values.filter(\.isFinite)
    var minimum = finite.min() ?? 0
    var maximum = finite.max() ?? (finite.isEmpty ? 1 : 0)
    if includesZero {
      minimum = Swift.min(minimum, 0)
      maximum = Swift.max(maximum, 0)
    }
    self.init(
      minimum: minimum, maximum: maximum, maximumTickCount: maximumTickCount,
      wholeSteps: wholeSteps)
  }

  /// A scale from `minimum` to `maximum` (swapped if given the wrong way round).
  ///
  /// A zero-width range is widened: 0…0 becomes 0…1, and v…v becomes v ± 10%, so a flat line
  /// sits in the middle of the plot instead of collapsing it.
  ///
  /// - Complexity: O(k) where k is the number of powers of ten spanned, a handful in practice.
  public init(
    minimum: Double, maximum: Double, maximumTickCount: Int = 8, wholeSteps: Bool = false
  ) {
    var low = Swift.min(minimum, maximum)
    var high = Swift.max(minimum, maximum)
    if !(high - low).isFinite {
      (low, high) = (0, 1)
    }
    if low == high {
      let padding = low == 0 ? 1 : abs(low) * 0.1
      (low, high) = low == 0 ? (0, 1) : (low - padding, high + padding)
    }
    let tickLimit = Swift.max(2, maximumTickCount)
    // Start two powers of ten below the span, where even the largest mantissa gives too many
    // ticks, and walk up until the count fits.
    var exponent = Int(floor(log10(high - low))) - 2
    while true {
      for mantissa in Self.mantissas {
        let candidate = Self.step(mantissa: mantissa, exponent: exponent)
        if wholeSteps && candidate < 1 { continue }
        // The small tolerance keeps 0.30000000000000004 / 0.1 from counting as an extra step.
        let firstIndex = floor(low / candidate + 1e-9)
        let lastIndex = ceil(high / candidate - 1e-9)
        // Tick indices beyond 2⁵³ would lose integer precision; a larger step will fit.
        guard abs(firstIndex) < 1e15, abs(lastIndex) < 1e15 else { continue }
        let (first, last) = (Int(firstIndex), Int(lastIndex))
        guard last - first + 1 <= tickLimit else { continue }
        let ticks = (first...last).map {
          Self.tick(index: $0, mantissa: mantissa, exponent: exponent)
        }
        self.ticks = ticks
        self.lowerBound = ticks[0]
        self.upperBound = ticks[ticks.count - 1]
        self.step = candidate
        self.labelDecimals = Swift.max(0, -exponent + (mantissa == 2.5 ? 1 : 0))
        return
      }
      exponent += 1
    }
  }

  /// Where `value` falls between the bounds: 0 at `lowerBound`, 1 at `upperBound`.
  public func fraction(of value: Double) -> Double {
    (value - lowerBound) / (upperBound - lowerBound)
  }

  /// The tick label for `value`: `labelDecimals` digits, a true minus sign, and thousands
  /// separators from 10,000 up ("12,500").
  public func label(for value: Double) -> String {
    let text = SVGNumber.label(value, decimals: labelDecimals)
    return Self.groupingThousands(text)
  }

  /// `mantissa × 10^exponent`, computed so that 0.1, 0.2, … are the doubles nearest the
  /// decimals (dividing by 10ᵏ rounds once; multiplying by 10⁻ᵏ would round twice).
  private static func step(mantissa: Double, exponent: Int) -> Double {
    tick(index: 1, mantissa: mantissa, exponent: exponent)
  }

  private static func tick(index: Int, mantissa: Double, exponent: Int) -> Double {
    let multiple = Double(index) * mantissa
    return exponent >= 0
      ? multiple * pow(10, Double(exponent)) : multiple / pow(10, Double(-exponent))
  }

  /// "12500.5" → "12,500.5"; shorter integer parts are left alone ("2500" stays).
  private static func groupingThousands(_ text: String) -> String {
    let isNegative = text.hasPrefix("\u{2212}")
    let unsigned = isNegative ? String(text.dropFirst()) : text
    let parts = unsigned.split(separator: ".", omittingEmptySubsequences: false)
    let integerPart = Array(parts[0])
    guard integerPart.count >= 5 else { return text }
    var grouped = ""
    for (offset, digit) in integerPart.enumerated() {
      if offset > 0 && (integerPart.count - offset) % 3 == 0 { grouped.append(",") }
      grouped.append(digit)
    }
    let fraction = parts.count > 1 ? "." + parts[1] : ""
    return (isNegative ? "\u{2212}" : "") + grouped + fraction
  }
}
