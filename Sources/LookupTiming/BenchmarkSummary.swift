/// Order statistics of benchmark samples: median, extremes and percentiles.
///
/// Each sample is typically nanoseconds per operation over one batch. The median, not the mean,
/// is the headline number: a sample interrupted by another process is an outlier that would drag
/// a mean upward but barely moves the median.
public struct BenchmarkSummary: Sendable, Equatable {
  /// The samples in ascending order.
  public let sortedSamples: [Double]

  /// Summarises samples given in any order.
  ///
  /// - Parameters:
  ///   - samples: At least one measurement, none of them NaN.
  /// - Complexity: O(s log s) for s samples, to sort them once.
  public init(samples: [Double]) {
    precondition(!samples.isEmpty, "a summary needs at least one sample")
    precondition(!samples.contains(where: \.isNaN), "samples must not be NaN")
    self.sortedSamples = samples.sorted()
  }

  /// How many samples were summarised.
  public var count: Int { sortedSamples.count }

  /// The smallest sample.
  public var minimum: Double { sortedSamples[0] }

  /// The largest sample.
  public var maximum: Double { sortedSamples[sortedSamples.count - 1] }

  /// The middle sample; for an even count, the mean of the two middle samples.
  public var median: Double { percentile(50) }

  /// The arithmetic mean of the samples.
  public var mean: Double { sortedSamples.reduce(0, +) / Double(sortedSamples.count) }

  /// The value below which `percent` per cent of the samples fall, interpolated linearly.
  ///
  /// This is numpy's default (`np.percentile(samples, percent)`, method "linear"): with the
  /// samples sorted as x₀ ≤ x₁ ≤ … ≤ xₛ₋₁, the rank is h = (s − 1) · percent / 100, and the
  /// result is x⌊h⌋ + (h − ⌊h⌋) · (x⌊h⌋₊₁ − x⌊h⌋). So percentile 0 is the minimum, 100 the
  /// maximum and 50 the median. Example: for [15, 20, 35, 40, 50] and 40 %, h = 1.6 and the
  /// result is 20 + 0.6 · (35 − 20) = 29.
  ///
  /// - Parameters:
  ///   - percent: A percentage in 0...100.
  /// - Complexity: O(1); the samples are already sorted.
  public func percentile(_ percent: Double) -> Double {
    precondition((0...100).contains(percent), "percent must lie in 0...100")
    let rank = Double(sortedSamples.count - 1) * percent / 100
    let lowerRank = Int(rank.rounded(.down))
    let upperRank = min(lowerRank + 1, sortedSamples.count - 1)
    let fraction = rank - Double(lowerRank)
    let lower = sortedSamples[lowerRank]
    let upper = sortedSamples[upperRank]
    // Skip the multiplication when exactly on a rank, so equal neighbours give exact values.
    return fraction == 0 ? lower : lower + fraction * (upper - lower)
  }
}
