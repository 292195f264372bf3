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
    var sum = intercept
    for (weight, prediction) in zip(weights, predictions) { sum += weight * prediction }
    return sum
  }
}

/// Feature-weighted linear stacking (Sill, Takács, Mackey and Lin, 2009, from a Prize team): a
/// blend whose weights are not constants but depend on how much is known about the viewer and
/// the title, so it can lean on neighbours where the data is dense and on the baseline where it
/// is thin:
///
///     r̂ = w₀ + a z_u + b z_i + Σ_m (v_m + v'_m z_u + v''_m z_i) r̂_m
///
/// with support features z_u = √(1 + |R(u)|) / 10 and z_i = √(1 + |R(i)|) / 10 (the square root
/// tames the long tail of heavy raters). Still one least-squares fit, on 3M + 3 columns for M
/// models.
public struct FeatureWeightedBlend: Sendable, Equatable {
  /// The linear blend over the expanded columns: M predictions, M × z_u, M × z_i, z_u, z_i.
  public let linear: LinearBlend
  public let modelCount: Int

  public init(linear: LinearBlend, modelCount: Int) {
    precondition(linear.weights.count == 3 * modelCount + 2, "3M + 2 weights for M models")
    self.linear = linear
    self.modelCount = modelCount
  }

  /// z for a viewer or title with `count` training ratings.
  public static func support(_ count: Int) -> Double { (1 + Double(count)).squareRoot() / 10 }

  /// The expanded columns of one rating.
  public static func columns(
    _ predictions: [Double], userSupport zu: Double, itemSupport zi: Double
  )
    -> [Double]
  {
    predictions + predictions.map { $0 * zu } + predictions.map { $0 * zi } + [zu, zi]
  }

  /// Fits the blend on validation ratings; nil when the columns are degenerate.
  ///
  /// - Parameters:
  ///   - predictions: for each validation rating, every model's prediction.
  ///   - supports: for each validation rating, (z_u, z_i).
  ///   - targets: the validation ratings.
  ///   - ridge: as in ``LinearBlend/init(fitting:to:ridge:)``.
  public init?(
    fitting predictions: [[Double]], supports: [(user: Double, item: Double)],
    to targets: [Double], ridge: Double = 1e-3
  ) {
    guard let models = predictions.first?.count else { return nil }
    let rows = zip(predictions, supports).map {
      Self.columns($0, userSupport: $1.user, itemSupport: $1.item)
    }
    guard let linear = LinearBlend(fitting: rows, to: targets, ridge: ridge) else { return nil }
    self.init(linear: linear, modelCount: models)
  }

  /// The blend of one rating's predictions.
  public func predict(_ predictions: [Double], userSupport zu: Double, itemSupport zi: Double)
    -> Double
  {
    linear.predict(Self.columns(predictions, userSupport: zu, itemSupport: zi))
  }

  /// Model m's effective weight v_m + v'_m z_u + v''_m z_i at the given supports.
  public func weight(ofModel m: Int, userSupport zu: Double, itemSupport zi: Double) -> Double {
    let w = linear.weights
    return w[m] + w[modelCount + m] * zu + w[2 * modelCount + m] * zi
  }

  /// Equal weights 1/M and nothing else: the fallback when a fit is impossible.
  public static func average(of models: Int) -> FeatureWeightedBlend {
    FeatureWeightedBlend(
      linear: LinearBlend(
        intercept: 0,
        weights: Array(repeating: 1 / Double(models), count: models)
          + Array(repeating: 0, count: 2 * models + 2)), modelCount: models)
  }
}
