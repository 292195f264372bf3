/// Learning after deployment: the model keeps taking SGD steps, one per rating as it arrives.
///
/// An online update is nothing new: it is ``MatrixFactorization/sgdStep(user:item:rating:settings:)``,
/// the step every epoch of batch training is made of, applied once to the rating that just
/// arrived. What is new here is a viewer the model has never seen, and the rows of P and Q that
/// training never touched.
extension MatrixFactorization {
  /// One step of folding in a viewer: ``sgdStep(user:item:rating:settings:)`` with the title's
  /// side held fixed, so only pᵤ and bᵤ learn,
  ///
  ///     pᵤ ← pᵤ + γ (eᵤᵢ qᵢ − λ pᵤ)          bᵤ ← bᵤ + γ_b (eᵤᵢ − λ bᵤ)
  ///
  /// while qᵢ and bᵢ stay as the catalogue's training left them. It takes the full step and
  /// then puts qᵢ and bᵢ back, rather than restating the update: with
  /// ``SGDTrainer/FactorUpdate/simultaneous`` the pᵤ and bᵤ lines of the step read only values
  /// from before it, so what remains is exactly the user's half of the step.
  ///
  /// - Parameter settings: γ, γ_b and λ; the factor update must be `.simultaneous`.
  /// - Returns: eᵤᵢ, the error before the step.
  /// - Complexity: O(k).
  public mutating func foldInStep(
    user u: Int, item i: Int, rating r: Double, settings: SGDTrainer.Settings
  ) -> Double {
    precondition(settings.factorUpdate == .simultaneous, "fold-in reads pᵤ from before the step")
    let (qᵢ, bᵢ) = (Q.row(i), itemBiases[i])
    let e = sgdStep(user: u, item: i, rating: r, settings: settings)
    for f in 0..<factorCount { Q[i, f] = qᵢ[f] }
    itemBiases[i] = bᵢ
    return e
  }

  /// Folds a viewer into a trained model: pᵤ and bᵤ start at zero and learn from `ratings`
  /// alone, `epochs` passes in the order given, every title's factors and bias held fixed.
  ///
  /// With no ratings the viewer is predicted μ + bᵢ for every title: the title's own appeal,
  /// the same list for everyone. This is how a deployed model serves a new viewer at once,
  /// without retraining the whole catalogue.
  ///
  /// - Complexity: O(epochs × ratings × k).
  public mutating func foldIn(
    user: Int, ratings: [Rating], epochs: Int, settings: SGDTrainer.Settings
  ) {
    for f in 0..<factorCount { P[user, f] = 0 }
    userBiases[user] = 0
    for _ in 0..<epochs {
      for rating in ratings {
        _ = foldInStep(user: user, item: rating.item, rating: rating.value, settings: settings)
      }
    }
  }

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
    _ = try trainer.train(&model, epochs: epochs)
    model.forgetUnseen(ratings)
    return model
  }
}
