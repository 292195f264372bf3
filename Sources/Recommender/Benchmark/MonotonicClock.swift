import Dispatch

/// Nanosecond readings from the system's monotonic clock, for timing code.
///
/// The blog's sidebar times with `time.time()`, a wall clock: it can jump when the system clock
/// is adjusted, and it is read once around a single lookup, far below its resolution. A
/// monotonic clock only moves forward, so the difference of two readings is a duration.
public enum MonotonicClock {
  /// The current reading in nanoseconds since an arbitrary, fixed starting point (boot).
  ///
  /// Only differences between readings mean anything. Backed by
  /// `DispatchTime.now().uptimeNanoseconds` (`CLOCK_MONOTONIC` on Linux, `mach_absolute_time`
  /// on Apple platforms).
  public static func now() -> UInt64 {
    DispatchTime.now().uptimeNanoseconds
  }

  /// Runs `body` once and returns its result with the nanoseconds it took.
  ///
  /// - Parameters:
  ///   - body: The work to time.
  public static func measure<Result>(
    _ body: () throws -> Result
  ) rethrows -> (result: Result, nanoseconds: UInt64) {
    let start = now()
    let result = try body()
    let end = now()
    return (result, end - start)
  }

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
