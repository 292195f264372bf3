import Recommender

extension MonotonicClock {
  /// How long two back-to-back readings are apart, `samples` times: the clock's own cost and
  /// granularity, the floor below which no single timing means anything.
  ///
  /// - Parameters:
  ///   - samples: How many pairs of readings to take, at least 1.
  /// - Complexity: O(samples) clock reads.
  public static func readingInterval(samples: Int = 1_001) -> BenchmarkSummary {
    precondition(samples >= 1, "at least one sample")
    var intervals: [Double] = []
    intervals.reserveCapacity(samples)
    for _ in 0..<samples {
      let first = now()
      let second = now()
      intervals.append(Double(second - first))
    }
    return BenchmarkSummary(samples: intervals)
  }
}
