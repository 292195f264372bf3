/// How far predictions are from the truth, in stars.
public struct ErrorMetrics: Sendable, Equatable {
  /// Mean absolute error: (1/n) Σ |r − r̂|.
  public let mae: Double
  /// Root mean square error: √((1/n) Σ (r − r̂)²). Squaring punishes big misses more.
  public let rmse: Double
  /// n, the number of ratings measured.
  public let count: Int

  /// Measures `predict` against every rating; an empty set gives zeros.
  ///
  /// - Complexity: O(ratings) calls of `predict`.
  public init(ratings: [Rating], predict: (Rating) -> Double) {
    var absoluteSum = 0.0
    var squareSum = 0.0
    for rating in ratings {
      let error = rating.value - predict(rating)
      absoluteSum += abs(error)
      squareSum += error * error
    }
    self.init(absoluteSum: absoluteSum, squareSum: squareSum, count: ratings.count)
  }

  /// Metrics from sums already taken: Σ |r − r̂|, Σ (r − r̂)² over `count` ratings.
  public init(absoluteSum: Double, squareSum: Double, count: Int) {
    let n = Double(max(count, 1))
    mae = absoluteSum / n
    rmse = (squareSum / n).squareRoot()
    self.count = count
  }

  /// Measures a model's predictions against every rating.
  public init(_ model: MatrixFactorization, on ratings: [Rating]) {
    self.init(ratings: ratings) { model.predict(user: $0.user, item: $0.item) }
  }
}
