/// Several models' predictions combined into one, as the Netflix Prize was won: the winners
/// blended over a hundred predictors, each weighted by how much it adds to the others.
///
///     r̂ = w₀ + Σ_m w_m r̂_m
///
/// The weights are the least-squares fit of the known ratings of a validation split, ratings
/// none of the models learned from: fitted on training ratings, the blend would trust whichever
/// model memorised them best. A small ridge penalty (not on w₀) keeps near-duplicate models
/// from cancelling each other with large opposite weights.
public struct LinearBlend: Sendable, Equatable {
  /// w₀.
  public let intercept: Double
  /// w_m, one per model, in the order the predictions were given.
  public let weights: [Double]

  public init(intercept: Double, weights: [Double]) {
    self.intercept = intercept
    self.weights = weights
  }

  /// Fits w to the validation ratings; nil when the models' predictions are degenerate (e.g.
  /// one constant column with no penalty).
  ///
  /// - Parameters:
  ///   - predictions: for each validation rating, every model's prediction of it.
  ///   - targets: the validation ratings themselves.
  ///   - ridge: λ on each weight (not the intercept), scaled by the number of ratings.
  public init?(fitting predictions: [[Double]], to targets: [Double], ridge: Double = 1e-3) {
    guard let models = predictions.first?.count, !targets.isEmpty else { return nil }
    let n = Double(targets.count)
    guard
      let solution = ridgeLeastSquares(
        rows: predictions.map { [1] + $0 }, targets: targets,
        penalties: [0] + Array(repeating: ridge * n, count: models))
    else { return nil }
    self.init(intercept: solution[0], weights: Array(solution.dropFirst()))
  }

  /// w₀ + Σ w_m r̂_m.
  public func predict(_ predictions: [Double]) -> Double {
    zip(weights, predictions).reduce(intercept) { $0 + $1.0 * $1.1 }
  }
}
