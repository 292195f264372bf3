import LookupTiming

/// The Python companion README's "Netflix Scale Projections", which this chapter sets beside
/// its own measurements.
extension NetflixProjection {
  /// Figure quoted by the Python companion README ("Netflix Scale Projections"): a hash-table
  /// lookup takes ~0.000001 s. Quoted as published, not measured here.
  static let quotedHashLookupSeconds = 0.000_001
  /// Figure quoted by the Python companion README ("Netflix Scale Projections"): a linear
  /// search takes ~0.015 s. Quoted as published, not measured here. Note that it equals
  /// 15,000 titles × the quoted 0.000001 s hash lookup.
  static let quotedLinearSearchSeconds = 0.015
  /// Figure quoted by the Python companion README ("Netflix Scale Projections"): hash lookup
  /// is ~15,000× faster. Quoted as published; it is the ratio of the two quoted times.
  static let quotedSpeedup = 15_000.0
}
