/// Learning after deployment: the model keeps taking SGD steps, one per rating as it arrives.
///
/// An online update is nothing new: it is ``MatrixFactorization/sgdStep(user:item:rating:settings:)``,
/// the step every epoch of batch training is made of, applied once to the rating that just
/// arrived, so it moves pᵤ, bᵤ, qᵢ and bᵢ alike. A viewer the model has never met is another
/// matter: their first ratings are few, and one small step each would leave pᵤ near zero. For
/// them the exact fold-in, ``MatrixFactorization/foldIn(_:λ:)``, solves the ridge regression
/// those steps would converge to, with every title held fixed. So there is one rule per
/// situation: a known viewer's rating is one online step; a new viewer is folded in exactly.
extension MatrixFactorization {
  /// Sets to zero the rows of P and Q, and the biases, of every viewer and title that `ratings`
  /// never names.
  ///
  /// Training starts every row from small random numbers and moves only the rows its ratings
  /// touch; a row it never touched is noise, not knowledge. A deployed model should predict
  /// μ + bᵢ for a viewer it has not met (and μ + bᵤ for such a title) until their first
  /// ratings arrive.
  ///
  /// - Complexity: O((users + items) × k + ratings).
  public mutating func forgetUnseen(_ ratings: [Rating]) {
    var seenUsers = [Bool](repeating: false, count: P.rows)
    var seenItems = [Bool](repeating: false, count: Q.rows)
    for rating in ratings {
      seenUsers[rating.user] = true
      seenItems[rating.item] = true
    }
    for user in 0..<P.rows where !seenUsers[user] {
      for f in 0..<factorCount { P[user, f] = 0 }
      userBiases[user] = 0
    }
    for item in 0..<Q.rows where !seenItems[item] {
      for f in 0..<factorCount { Q[item, f] = 0 }
      itemBiases[item] = 0
    }
  }
}

/// How a model is trained from scratch in batch: normal starting factors (σ = 0.1), μ the mean
/// of the ratings, `epochs` shuffled passes of SGD with qᵢ moved by the pᵤ from before the step
/// (as Surprise does), then the rows no rating touched set to zero (``MatrixFactorization/forgetUnseen(_:)``).
public struct BatchTraining: Sendable {
  public let users: Int
  public let items: Int
  /// k; 0 for biases alone.
  public let factors: Int
  public let epochs: Int
  /// γ for factors and biases alike, and λ.
  public let learningRate: Double
  public let regularization: Double
  /// Seeds the starting factors and every epoch's shuffle.
  public let seed: UInt32

  public init(
    users: Int, items: Int, factors: Int, epochs: Int, learningRate: Double,
    regularization: Double, seed: UInt32
  ) {
    self.users = users
    self.items = items
    self.factors = factors
    self.epochs = epochs
    self.learningRate = learningRate
    self.regularization = regularization
    self.seed = seed
  }

  /// The settings of every step, batch or online.
  public var settings: SGDTrainer.Settings {
    SGDTrainer.Settings(
      learningRate: learningRate, biasLearningRate: learningRate,
      regularization: regularization, factorUpdate: .simultaneous,
      visitOrder: .shuffledEachEpoch(seed: seed))
  }

  /// A model trained from scratch on `ratings`.
  ///
  /// - Throws: ``TrainingError/diverged(_:)`` when the steps overshoot.
  /// - Complexity: O(epochs × ratings × k).
  public func train(_ ratings: [Rating]) throws(TrainingError) -> MatrixFactorization {
    var random = NumpyRandom(seed: seed)
    let μ = ratings.isEmpty ? 0 : ratings.reduce(0) { $0 + $1.value } / Double(ratings.count)
    var model = MatrixFactorization(
      users: users, items: items, factors: factors, initialisation: .normal, usesBiases: true,
      globalMean: μ, random: &random)
    var trainer = SGDTrainer(settings: settings, ratings: ratings)
    // Only the trained model is needed, not each epoch's error: `fit` skips those measurements.
    try trainer.fit(&model, epochs: epochs)
    model.forgetUnseen(ratings)
    return model
  }
}
