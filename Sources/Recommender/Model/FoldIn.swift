extension MatrixFactorization {
  /// A viewer the model has never seen, given a bias and a row of P from their first ratings
  /// with every title's qᵢ and bᵢ held fixed ("folding in", so no retraining is needed):
  ///
  ///     min over b_u, p_u of Σ (r_ui − μ − b_i − b_u − p_u · q_i)² + λ (b_u² + ‖p_u‖²)
  ///
  /// a ridge regression of the residuals r_ui − μ − b_i on the features (1, q_i), solved exactly.
  /// With no rating, b_u = 0 and p_u = 0: the viewer gets the bias-only ranking μ + b_i.
  ///
  /// - Parameters:
  ///   - ratings: the new viewer's (item, rating) pairs.
  ///   - λ: the penalty; it must be positive when there are fewer ratings than k + 1.
  /// - Returns: the viewer's bias (0 for a model without biases) and factor row.
  /// - Complexity: O(n k² + k³) for n ratings, or O(n² k + n³) when n < k + 1 (the same
  ///   answer from the n × n system, see ``ridgeLeastSquaresDual(rows:targets:penalty:)``).
  public func foldIn(_ ratings: [(item: Int, value: Double)], λ: Double)
    -> (bias: Double, factors: [Double])
  {
    let k = factorCount
    guard !ratings.isEmpty else { return (0, [Double](repeating: 0, count: k)) }
    let rows = ratings.map { rating in (usesBiases ? [1] : []) + Q.row(rating.item) }
    let targets = ratings.map { rating in
      rating.value - (usesBiases ? globalMean + itemBiases[rating.item] : 0)
    }
    let penalty = max(λ, 1e-9)
    let solution =
      rows.count < rows[0].count
      ? ridgeLeastSquaresDual(rows: rows, targets: targets, penalty: penalty)!
      : ridgeLeastSquares(
        rows: rows, targets: targets,
        penalties: [Double](repeating: penalty, count: rows[0].count))!
    return usesBiases ? (solution[0], Array(solution.dropFirst())) : (0, solution)
  }

  /// r̂ for a folded-in viewer: μ + b_u + b_i + p_u · q_i (or p_u · q_i without biases).
  public func predict(foldedIn viewer: (bias: Double, factors: [Double]), item: Int) -> Double {
    var dot = 0.0
    for f in 0..<factorCount { dot += viewer.factors[f] * Q[item, f] }
    return usesBiases ? globalMean + viewer.bias + itemBiases[item] + dot : dot
  }
}
