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
    foldIn(ratings, penalties: FoldInPenalties(bias: λ, factors: λ))
  }

  /// The same fold-in with one penalty for b_u and another for each entry of p_u (see
  /// ``foldInPenalties(trainedOn:)``). Solved with the columns scaled by 1/√λ_j and a unit
  /// penalty, which is the same problem.
  public func foldIn(_ ratings: [(item: Int, value: Double)], penalties: FoldInPenalties)
    -> (bias: Double, factors: [Double])
  {
    let k = factorCount
    guard !ratings.isEmpty else { return (0, [Double](repeating: 0, count: k)) }
    let biasScale = 1 / max(penalties.bias, 1e-9).squareRoot()
    let factorScale = 1 / max(penalties.factors, 1e-9).squareRoot()
    let scales = (usesBiases ? [biasScale] : []) + Array(repeating: factorScale, count: k)
    let rows = ratings.map { rating in
      zip((usesBiases ? [1] : []) + Q.row(rating.item), scales).map { $0 * $1 }
    }
    let targets = ratings.map { rating in
      rating.value - (usesBiases ? globalMean + itemBiases[rating.item] : 0)
    }
    let scaled =
      rows.count < rows[0].count
      ? ridgeLeastSquaresDual(rows: rows, targets: targets, penalty: 1)!
      : ridgeLeastSquares(
        rows: rows, targets: targets, penalties: [Double](repeating: 1, count: rows[0].count))!
    let solution = zip(scaled, scales).map { $0 * $1 }
    return usesBiases ? (solution[0], Array(solution.dropFirst())) : (0, solution)
  }

  /// Penalties that let the trained model set its own prior for a newcomer (empirical Bayes):
  /// a new viewer's bᵤ and pᵤ are taken to be drawn like the trained viewers', and their
  /// ratings to be as noisy as the training residuals, which makes the ridge penalties
  ///
  ///     λ_b = σ²_e / mean(bᵤ²),   λ_p = σ²_e / mean(p_uf²)
  ///
  /// over the viewers who have training ratings, σ²_e the mean squared training error. The
  /// more factors, the smaller each p_uf and the stronger the pull: with 100 factors a
  /// handful of ratings no longer overfits.
  ///
  /// - Complexity: O(ratings × k + users × k).
  public func foldInPenalties(trainedOn ratings: [Rating]) -> FoldInPenalties {
    guard !ratings.isEmpty else { return FoldInPenalties(bias: 1, factors: 1) }
    var rated = [Bool](repeating: false, count: P.rows)
    var squaredError = 0.0
    for rating in ratings {
      rated[rating.user] = true
      let e = rating.value - predict(user: rating.user, item: rating.item)
      squaredError += e * e
    }
    let σ²e = squaredError / Double(ratings.count)
    var biasSquares = 0.0
    var factorSquares = 0.0
    var users = 0
    for user in 0..<P.rows where rated[user] {
      users += 1
      if usesBiases { biasSquares += userBiases[user] * userBiases[user] }
      for f in 0..<factorCount { factorSquares += P[user, f] * P[user, f] }
    }
    let meanBias = biasSquares / Double(max(users, 1))
    let meanFactor = factorSquares / Double(max(users * factorCount, 1))
    return FoldInPenalties(
      bias: meanBias > 0 ? σ²e / meanBias : 1, factors: meanFactor > 0 ? σ²e / meanFactor : 1)
  }

  /// r̂ for a folded-in viewer: μ + b_u + b_i + p_u · q_i (or p_u · q_i without biases).
  public func predict(foldedIn viewer: (bias: Double, factors: [Double]), item: Int) -> Double {
    var dot = 0.0
    for f in 0..<factorCount { dot += viewer.factors[f] * Q[item, f] }
    return usesBiases ? globalMean + viewer.bias + itemBiases[item] + dot : dot
  }
}

/// The ridge penalties of a fold-in: one on the new viewer's bias, one on each of their factors.
public struct FoldInPenalties: Sendable, Equatable {
  public let bias: Double
  public let factors: Double

  public init(bias: Double, factors: Double) {
    self.bias = bias
    self.factors = factors
  }
}
