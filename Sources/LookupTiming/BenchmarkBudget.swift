/// How much time a measurement may spend: samples, their length, and batch-size bounds.
///
/// A single operation is far too short to time (the sidebar's one `in` test takes well under
/// a microsecond; a clock read costs tens of nanoseconds). So operations run in batches: the
/// batch grows until one batch lasts at least ``minimumSampleNanoseconds``, and each sample is
/// one batch's time divided by its size. Slow operations (a linear scan of 10⁷ elements takes
/// milliseconds) reach that duration with few operations, so time, not a fixed count, bounds
/// them.
public struct BenchmarkBudget: Sendable, Equatable {
  /// Samples recorded per measurement; their median is the reported figure.
  public var sampleCount: Int
  /// The batch grows (doubling) until one batch lasts at least this long.
  public var minimumSampleNanoseconds: UInt64
  /// The smallest batch; more operations per sample average out key-to-key variation.
  public var minimumOperationsPerSample: Int
  /// The largest batch, whatever the duration; keeps very fast operations bounded.
  public var maximumOperationsPerSample: Int
  /// Unrecorded batches run after calibration, to settle caches and branch predictors.
  public var warmUpRounds: Int

  /// A budget with every bound given explicitly.
  ///
  /// - Parameters:
  ///   - sampleCount: Samples recorded, at least 1.
  ///   - minimumSampleNanoseconds: Target duration of one sample.
  ///   - minimumOperationsPerSample: Smallest batch, at least 1.
  ///   - maximumOperationsPerSample: Largest batch, at least `minimumOperationsPerSample`.
  ///   - warmUpRounds: Unrecorded batches before sampling.
  public init(
    sampleCount: Int, minimumSampleNanoseconds: UInt64, minimumOperationsPerSample: Int,
    maximumOperationsPerSample: Int, warmUpRounds: Int
  ) {
    precondition(sampleCount >= 1, "at least one sample")
    precondition(minimumOperationsPerSample >= 1, "at least one operation per sample")
    precondition(
      maximumOperationsPerSample >= minimumOperationsPerSample,
      "maximum batch must not be below the minimum")
    precondition(warmUpRounds >= 0, "warm-up rounds must not be negative")
    self.sampleCount = sampleCount
    self.minimumSampleNanoseconds = minimumSampleNanoseconds
    self.minimumOperationsPerSample = minimumOperationsPerSample
    self.maximumOperationsPerSample = maximumOperationsPerSample
    self.warmUpRounds = warmUpRounds
  }

  /// For tests and CI: 3 samples of at least 0.2 ms, batches of 1 to 65,536 operations.
  public static let quick = BenchmarkBudget(
    sampleCount: 3, minimumSampleNanoseconds: 200_000, minimumOperationsPerSample: 1,
    maximumOperationsPerSample: 1 << 16, warmUpRounds: 1)

  /// For chapters: 7 samples of at least 5 ms, batches of 32 to 16,777,216 operations.
  ///
  /// At least 32 operations per sample because slow operations vary: one linear search may
  /// hit its key at the front, the next miss and scan all n; 32 of them average that out.
  public static let standard = BenchmarkBudget(
    sampleCount: 7, minimumSampleNanoseconds: 5_000_000, minimumOperationsPerSample: 32,
    maximumOperationsPerSample: 1 << 24, warmUpRounds: 1)
}
