/// How alike two users (or two items) are, judged only on what both have in common: for two
/// items, the users who rated both (their co-raters); for two users, the items both rated.
public enum SimilarityMeasure: String, CaseIterable, Sendable {
  /// cos(x, y) = Σ xy / √(Σ x² · Σ y²) over the co-rated pairs, on raw ratings. Every rating is
  /// positive, so two titles anyone rated at all come out fairly similar.
  case cosine
  /// Pearson's correlation over the co-rated pairs, each side centred on its own mean over
  /// those pairs: Σ (x − x̄)(y − ȳ) / √(Σ (x − x̄)² · Σ (y − ȳ)²). Lenient and harsh raters
  /// agree once centred.
  case pearson
  /// Koren's shrunk Pearson-baseline: the correlation of residuals x = r − b_ui about zero,
  /// shrunk toward 0 when few co-rate:
  ///
  ///     s = (n − 1) / (n − 1 + shrinkage) · Σ xy / √(Σ x² · Σ y²)
  ///
  /// With 3 co-raters and shrinkage 100 a perfect correlation counts 0.02; with 500, 0.83.
  case pearsonBaseline = "pearson-baseline"
}

/// The similarity of two users or items from their co-rated pairs: the readable definition,
/// the one ``SimilarityMatrix`` is tested against.
///
/// For ``SimilarityMeasure/pearsonBaseline`` the pairs are residuals r − b_ui; for the other
/// measures, ratings. Fewer pairs than `minimumSupport`, or a zero denominator, give 0: too
/// little evidence, or one side constant, is no similarity.
///
/// - Parameters:
///   - pairs: (x, y) for each co-rater, x belonging to the first user or item.
///   - measure: which similarity.
///   - shrinkage: the shrinkage of ``SimilarityMeasure/pearsonBaseline``; ignored otherwise.
///   - minimumSupport: the fewest co-rated pairs that count.
/// - Complexity: O(pairs).
public func similarity(
  of pairs: [(x: Double, y: Double)], measure: SimilarityMeasure, shrinkage: Double,
  minimumSupport: Int
) -> Double {
  let n = Double(pairs.count)
  guard pairs.count >= max(minimumSupport, 1) else { return 0 }
  switch measure {
  case .cosine, .pearsonBaseline:
    let xy = pairs.reduce(0) { $0 + $1.x * $1.y }
    let xx = pairs.reduce(0) { $0 + $1.x * $1.x }
    let yy = pairs.reduce(0) { $0 + $1.y * $1.y }
    guard xx > 0, yy > 0 else { return 0 }
    let correlation = xy / (xx * yy).squareRoot()
    guard measure == .pearsonBaseline else { return correlation }
    return (n - 1) / (n - 1 + shrinkage) * correlation
  case .pearson:
    let meanX = pairs.reduce(0) { $0 + $1.x } / n
    let meanY = pairs.reduce(0) { $0 + $1.y } / n
    let xy = pairs.reduce(0) { $0 + ($1.x - meanX) * ($1.y - meanY) }
    let xx = pairs.reduce(0) { $0 + ($1.x - meanX) * ($1.x - meanX) }
    let yy = pairs.reduce(0) { $0 + ($1.y - meanY) * ($1.y - meanY) }
    guard xx > 0, yy > 0 else { return 0 }
    return xy / (xx * yy).squareRoot()
  }
}
