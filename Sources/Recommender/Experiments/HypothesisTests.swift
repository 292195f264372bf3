/// What one arm of an experiment measured, kept as running sums so a day's new viewers update it
/// in O(1) each and the analysis never stores a viewer's value.
public struct SampleSummary: Sendable, Equatable {
  public private(set) var count = 0
  public private(set) var sum = 0.0
  public private(set) var sumOfSquares = 0.0

  public init() {}

  /// The summary of `values`.
  public init<Values: Sequence<Double>>(_ values: Values) {
    for value in values { add(value) }
  }

  public mutating func add(_ value: Double) {
    count += 1
    sum += value
    sumOfSquares += value * value
  }

  /// x̄ = Σx / n.
  public var mean: Double { sum / Double(count) }

  /// s² = (Σx² − n x̄²)/(n − 1), the unbiased sample variance (0 with fewer than 2 values).
  public var variance: Double {
    guard count > 1 else { return 0 }
    let n = Double(count)
    return max(0, (sumOfSquares - sum * sum / n) / (n - 1))
  }
}

/// A difference between two arms with its confidence interval and two-sided p-value.
public struct ComparisonResult: Sendable, Equatable {
  /// Treatment minus control.
  public let difference: Double
  /// The standard error of `difference`.
  public let standardError: Double
  /// The test statistic: t for Welch's test, z for the proportions.
  public let statistic: Double
  /// Degrees of freedom of the t statistic; nil for a z statistic.
  public let degreesOfFreedom: Double?
  /// P(|statistic| at least this large | no difference).
  public let pValue: Double
  /// The interval that covers the true difference with the requested confidence.
  public let interval: ClosedRange<Double>
}

/// Welch's t-test for two means whose variances may differ:
///
///     t = (x̄₂ − x̄₁) / √(s₁²/n₁ + s₂²/n₂)
///     ν = (s₁²/n₁ + s₂²/n₂)² / [ (s₁²/n₁)²/(n₁ − 1) + (s₂²/n₂)²/(n₂ − 1) ]   (Welch–Satterthwaite)
///
/// The interval is difference ± t_{1−α/2, ν} · SE.
///
/// - Parameters:
///   - control: arm 1; needs at least 2 values.
///   - treatment: arm 2; needs at least 2 values.
///   - confidence: the interval's level, 1 − α.
/// - Returns: nil when either arm has fewer than 2 values or both have no spread.
public func welchTest(control: SampleSummary, treatment: SampleSummary, confidence: Double = 0.95)
  -> ComparisonResult?
{
  guard let welch = WelchStatistic(control: control, treatment: treatment) else { return nil }
  let distribution = StudentT(degreesOfFreedom: welch.ν)
  let margin = distribution.quantile(1 - (1 - confidence) / 2) * welch.standardError
  return ComparisonResult(
    difference: welch.difference, standardError: welch.standardError, statistic: welch.t,
    degreesOfFreedom: welch.ν, pValue: distribution.twoSidedPValue(welch.t),
    interval: (welch.difference - margin)...(welch.difference + margin))
}

/// The two-sided p-value of Welch's t statistic alone, for the thousands of simulated tests
/// that need no interval: ``welchTest(control:treatment:confidence:)``'s p, without the
/// quantile's bisection.
public func welchPValue(control: SampleSummary, treatment: SampleSummary) -> Double? {
  guard let welch = WelchStatistic(control: control, treatment: treatment) else { return nil }
  return StudentT(degreesOfFreedom: welch.ν).twoSidedPValue(welch.t)
}

/// Welch's t and its Welch–Satterthwaite degrees of freedom (the formulas above); nil when
/// either arm has fewer than 2 values or both have no spread.
private struct WelchStatistic {
  let difference: Double
  let standardError: Double
  let t: Double
  let ν: Double

  init?(control: SampleSummary, treatment: SampleSummary) {
    guard control.count > 1, treatment.count > 1 else { return nil }
    let v1 = control.variance / Double(control.count)
    let v2 = treatment.variance / Double(treatment.count)
    let variance = v1 + v2
    guard variance > 0 else { return nil }
    ν =
      variance * variance
      / (v1 * v1 / Double(control.count - 1) + v2 * v2 / Double(treatment.count - 1))
    difference = treatment.mean - control.mean
    standardError = variance.squareRoot()
    t = difference / standardError
  }
}

/// The two-proportion z-test: successes x₁ of n₁ against x₂ of n₂.
///
///     p̂ = (x₁ + x₂)/(n₁ + n₂),   z = (p̂₂ − p̂₁) / √(p̂(1 − p̂)(1/n₁ + 1/n₂))
///
/// The p-value uses the pooled p̂ (no difference assumed); the interval uses each arm's own
/// spread, p̂₂ − p̂₁ ± z_{1−α/2} √(p̂₁(1 − p̂₁)/n₁ + p̂₂(1 − p̂₂)/n₂).
///
/// - Returns: nil when an arm is empty or every viewer in both arms answered the same.
public func twoProportionTest(
  controlSuccesses x1: Int, of n1: Int, treatmentSuccesses x2: Int, of n2: Int,
  confidence: Double = 0.95
) -> ComparisonResult? {
  guard n1 > 0, n2 > 0 else { return nil }
  let p1 = Double(x1) / Double(n1)
  let p2 = Double(x2) / Double(n2)
  let pooled = Double(x1 + x2) / Double(n1 + n2)
  let pooledSE = (pooled * (1 - pooled) * (1 / Double(n1) + 1 / Double(n2))).squareRoot()
  guard pooledSE > 0 else { return nil }
  let z = (p2 - p1) / pooledSE
  let se = (p1 * (1 - p1) / Double(n1) + p2 * (1 - p2) / Double(n2)).squareRoot()
  let margin = Normal.quantile(1 - (1 - confidence) / 2) * se
  return ComparisonResult(
    difference: p2 - p1, standardError: se, statistic: z, degreesOfFreedom: nil,
    pValue: min(1, 2 * Normal.survival(abs(z))),
    interval: (p2 - p1 - margin)...(p2 - p1 + margin))
}

/// Pearson's χ² test of observed counts against expected ones:
///
///     χ² = Σ (Oᵢ − Eᵢ)² / Eᵢ,   with `degreesOfFreedom` as the design gives it
///
/// (cells − 1 for a goodness of fit such as a sample-ratio check; (r − 1)(c − 1) for a table).
public struct ChiSquareTest: Sendable, Equatable {
  public let statistic: Double
  public let degreesOfFreedom: Int
  public let pValue: Double

  public init(observed: [Double], expected: [Double], degreesOfFreedom: Int) {
    precondition(observed.count == expected.count && expected.allSatisfy { $0 > 0 })
    statistic = zip(observed, expected).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) / $1.1 }
    self.degreesOfFreedom = degreesOfFreedom
    pValue = ChiSquared(degreesOfFreedom: Double(degreesOfFreedom)).survival(statistic)
  }

  /// The sample-ratio-mismatch check: arm counts against the split the design intended.
  ///
  /// - Parameters:
  ///   - counts: viewers per arm.
  ///   - shares: the intended share of each arm, summing to 1.
  public static func sampleRatio(counts: [Int], shares: [Double]) -> ChiSquareTest {
    let total = Double(counts.reduce(0, +))
    return ChiSquareTest(
      observed: counts.map(Double.init), expected: shares.map { $0 * total },
      degreesOfFreedom: counts.count - 1)
  }

  /// Independence in an r × c table of counts: Eᵢⱼ = (row i total)(column j total)/n.
  public static func independence(_ table: [[Int]]) -> ChiSquareTest {
    let rows = table.map { Double($0.reduce(0, +)) }
    let columns = table[0].indices.map { column in Double(table.reduce(0) { $0 + $1[column] }) }
    let total = rows.reduce(0, +)
    return ChiSquareTest(
      observed: table.flatMap { $0.map(Double.init) },
      expected: rows.flatMap { row in columns.map { row * $0 / total } },
      degreesOfFreedom: (rows.count - 1) * (columns.count - 1))
  }
}
