/// One measured row: how long one structure of one size takes per lookup.
public struct ScalingResult: Sendable, Equatable {
  /// The structure measured.
  public let structure: LookupStructure
  /// The number of stored keys, n.
  public let size: Int
  /// Nanoseconds per lookup, one sample per timed batch.
  public let nanosecondsPerLookup: BenchmarkSummary
  /// Lookups per timed batch, as calibrated.
  public let lookupsPerSample: Int
  /// Lookups over all recorded samples.
  public let lookups: Int
  /// How many of those lookups found their key.
  public let hits: Int

  /// A row from its parts.
  ///
  /// - Parameters:
  ///   - structure: The structure measured.
  ///   - size: The number of stored keys.
  ///   - nanosecondsPerLookup: The per-sample timings.
  ///   - lookupsPerSample: The calibrated batch size.
  ///   - lookups: Lookups over the recorded samples.
  ///   - hits: Lookups that found their key.
  public init(
    structure: LookupStructure, size: Int, nanosecondsPerLookup: BenchmarkSummary,
    lookupsPerSample: Int, lookups: Int, hits: Int
  ) {
    self.structure = structure
    self.size = size
    self.nanosecondsPerLookup = nanosecondsPerLookup
    self.lookupsPerSample = lookupsPerSample
    self.lookups = lookups
    self.hits = hits
  }

  /// The median nanoseconds per lookup: the row's headline figure.
  public var medianNanoseconds: Double { nanosecondsPerLookup.median }
  /// The fastest sample's nanoseconds per lookup.
  public var minimumNanoseconds: Double { nanosecondsPerLookup.minimum }
  /// The slowest sample's nanoseconds per lookup.
  public var maximumNanoseconds: Double { nanosecondsPerLookup.maximum }

  /// The share of the recorded lookups that missed: 1 − hits / lookups.
  public var observedAbsentFraction: Double {
    lookups == 0 ? 0 : 1 - Double(hits) / Double(lookups)
  }

  /// How many times faster this row is than `baseline`: baseline median / this median.
  ///
  /// - Parameters:
  ///   - baseline: The slower row to compare against, usually the linear search at the same n.
  public func speedup(over baseline: ScalingResult) -> Double {
    baseline.medianNanoseconds / medianNanoseconds
  }
}
