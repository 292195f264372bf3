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

}
