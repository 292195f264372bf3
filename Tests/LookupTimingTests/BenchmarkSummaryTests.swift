import Recommender
import Testing

@testable import LookupTiming

@Suite("BenchmarkSummary")
struct BenchmarkSummaryTests {
  /// Percentiles interpolate, so compare with a tolerance of rounding error.
  private func isClose(_ actual: Double, _ expected: Double) -> Bool {
    abs(actual - expected) < 1e-9
  }

  @Test("the median of an odd count is the middle sample")
  func oddMedian() {
    let summary = BenchmarkSummary(samples: [40, 15, 50, 20, 35])
    #expect(summary.median == 35)
  }

  @Test("the median of an even count is the mean of the two middle samples")
  func evenMedian() {
    #expect(BenchmarkSummary(samples: [4, 1, 3, 2]).median == 2.5)
  }

  @Test("unsorted input gives the minimum, maximum and sorted samples")
  func extremes() {
    let summary = BenchmarkSummary(samples: [40, 15, 50, 20, 35])
    #expect(summary.minimum == 15)
    #expect(summary.maximum == 50)
    #expect(summary.sortedSamples == [15, 20, 35, 40, 50])
    #expect(summary.count == 5)
  }

  @Test("percentiles interpolate linearly between ranks, as np.percentile does")
  func oddPercentiles() {
    // np.percentile([15, 20, 35, 40, 50], [0, 25, 40, 90, 100]) == [15, 20, 29, 46, 50]
    let summary = BenchmarkSummary(samples: [50, 40, 35, 20, 15])
    #expect(isClose(summary.percentile(0), 15))
    #expect(isClose(summary.percentile(25), 20))
    #expect(isClose(summary.percentile(40), 29))
    #expect(isClose(summary.percentile(90), 46))
    #expect(isClose(summary.percentile(100), 50))
  }

  @Test("quartiles of an even count fall between samples")
  func evenPercentiles() {
    // np.percentile([4, 1, 3, 2], [25, 75]) == [1.75, 3.25]
    let summary = BenchmarkSummary(samples: [4, 1, 3, 2])
    #expect(isClose(summary.percentile(25), 1.75))
    #expect(isClose(summary.percentile(75), 3.25))
  }

  @Test("a single sample is every statistic")
  func singleSample() {
    let summary = BenchmarkSummary(samples: [7])
    #expect(summary.median == 7)
    #expect(summary.minimum == 7)
    #expect(summary.maximum == 7)
    #expect(summary.percentile(10) == 7)
    #expect(summary.mean == 7)
  }

  @Test("the mean is the arithmetic mean")
  func mean() {
    #expect(BenchmarkSummary(samples: [1, 2, 3, 10]).mean == 4)
  }
}

@Suite("Benchmark clock and build configuration")
struct BenchmarkEnvironmentTests {
  @Test("monotonic clock readings never decrease")
  func monotonic() {
    var previous = MonotonicClock.now()
    for _ in 0..<1_000 {
      let reading = MonotonicClock.now()
      #expect(reading >= previous)
      previous = reading
    }
  }

  @Test("measure returns the body's result")
  func measureResult() {
    let (result, _) = MonotonicClock.measure { (1...10).reduce(0, +) }
    #expect(result == 55)
  }

  @Test("the build configuration prints as debug or release, matching the DEBUG flag")
  func configuration() {
    #if DEBUG
      #expect(BuildConfiguration.current.description == "debug")
    #else
      #expect(BuildConfiguration.current.description == "release")
    #endif
  }
}
