extension MatrixFactorization {
  /// One step of stochastic gradient descent on one rating rᵤᵢ: the definition of training.
  ///
  /// Three beats, in the blog's notation:
  ///
  ///     1. error:    eᵤᵢ = rᵤᵢ − r̂ᵤᵢ
  ///     2. biases:   bᵤ ← bᵤ + γ_b (eᵤᵢ − λ bᵤ)          bᵢ ← bᵢ + γ_b (eᵤᵢ − λ bᵢ)
  ///     3. factors:  pᵤ ← pᵤ + γ (eᵤᵢ qᵢ − λ pᵤ)         qᵢ ← qᵢ + γ (eᵤᵢ pᵤ − λ qᵢ)
  ///
  /// γ is the learning rate (chapter-basic-mf), γ_b the bias learning rate (chapter-biases) and
  /// λ the L2 regularization strength (chapter-regularization). Each parameter moves against
  /// its share of the squared error's gradient and, with λ > 0, towards zero. Biases are
  /// learned only when the model has them. The qᵢ update reads the pᵤ just updated
  /// (``SGDTrainer/FactorUpdate/blogSequential``, the listing) or the one from before the step
  /// (``SGDTrainer/FactorUpdate/simultaneous``, the textbook gradient). With λ = 0 the factor
  /// step is computed as pᵤ + (γ eᵤᵢ) qᵢ, the listing's order of operations, so the blog's
  /// numbers come out to the last bit.
  ///
  /// ``SGDTrainer`` computes this step without calling it: through pointers, because in a debug
  /// build (the test suite's) the `Matrix` subscripts here make training almost three times
  /// slower; and vectorised for k ≥ 16. Its tests hold it to this definition.
  ///
  /// - Parameter settings: γ, γ_b, λ and the factor update; the visit order is the caller's.
  /// - Returns: eᵤᵢ, the error before the step.
  /// - Complexity: O(k).
  public mutating func sgdStep(
    user u: Int, item i: Int, rating r: Double, settings: SGDTrainer.Settings
  ) -> Double {
    // snippet: sgd-step
    let (γ, γ_b, λ) = (settings.learningRate, settings.biasLearningRate, settings.regularization)
    // 1. error
    let e = r - predict(user: u, item: i)
    // 2. biases
    if usesBiases {
      userBiases[u] += γ_b * (e - λ * userBiases[u])
      itemBiases[i] += γ_b * (e - λ * itemBiases[i])
    }
    // 3. factors
    for f in 0..<factorCount {
      let (p, q) = (P[u, f], Q[i, f])
      P[u, f] = λ == 0 ? p + (γ * e) * q : p + γ * (e * q - λ * p)
      let pᵤ = settings.factorUpdate == .blogSequential ? P[u, f] : p
      Q[i, f] = λ == 0 ? q + (γ * e) * pᵤ : q + γ * (e * pᵤ - λ * q)
    }
    // end snippet
    return e
  }

  /// One epoch by the definition: ``sgdStep(user:item:rating:settings:)`` for every rating, in
  /// the order given (shuffling is the caller's).
  ///
  /// - Returns: Σ |eᵤᵢ|, each error taken just before its update.
  /// - Complexity: O(ratings × k).
  public mutating func sgdEpoch(_ ratings: [Rating], settings: SGDTrainer.Settings) -> Double {
    var totalAbsoluteError = 0.0
    for rating in ratings {
      let e = sgdStep(
        user: rating.user, item: rating.item, rating: rating.value, settings: settings)
      totalAbsoluteError += abs(e)
    }
    return totalAbsoluteError
  }
}
