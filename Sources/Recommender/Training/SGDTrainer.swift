/// Stochastic gradient descent for ``MatrixFactorization``: one rating at a time, nudge the
/// parameters against that rating's error.
///
/// One step is defined by ``MatrixFactorization/sgdStep(user:item:rating:settings:)``: the
/// error, the biases, the factors, in the blog's notation and fifteen plain lines. An epoch
/// visits every training rating once, in the order ``Settings/visitOrder`` says, and computes
/// what that step computes, through pointers (`SGDSweep`): for k < 16 with the step's own
/// formulas, bit for bit; for k ≥ 16 with a vectorised loop, bit for bit with λ = 0 and up to
/// rounding with λ > 0. The tests hold both loops to the definition.
public struct SGDTrainer: Sendable {
  /// Which pᵤ the qᵢ update reads.
  public enum FactorUpdate: String, Sendable, CaseIterable {
    /// The pᵤ just updated in this step, as the blog's listing does.
    case blogSequential
    /// The pᵤ from before this step, as Surprise and the textbook gradient do.
    case simultaneous
  }

  /// In which order an epoch visits the ratings.
  public enum VisitOrder: Sendable, Equatable {
    /// The dataset's order every epoch (the blog: users by id, each user's movies by id).
    case asGiven
    /// A fresh shuffle every epoch, drawn from a stream seeded with this value.
    case shuffledEachEpoch(seed: UInt32)
  }

  public struct Settings: Sendable {
    /// γ, the step for the factors P and Q.
    public var learningRate: Double
    /// γ_b, the step for the biases bᵤ and bᵢ.
    public var biasLearningRate: Double
    /// λ, how strongly every step pulls the parameters towards zero.
    public var regularization: Double
    public var factorUpdate: FactorUpdate
    public var visitOrder: VisitOrder

    /// The blog's basic listing: γ = 0.01, γ_b = 0.005, λ = 0, its update and visit order.
    public init(
      learningRate: Double = 0.01, biasLearningRate: Double = 0.005, regularization: Double = 0,
      factorUpdate: FactorUpdate = .blogSequential, visitOrder: VisitOrder = .asGiven
    ) {
      self.learningRate = learningRate
      self.biasLearningRate = biasLearningRate
      self.regularization = regularization
      self.factorUpdate = factorUpdate
      self.visitOrder = visitOrder
    }
  }

  public let settings: Settings
  // The training ratings, packed and contiguous (no per-rating allocation), in the order the
  // next epoch visits them: a shuffled visit order shuffles them in place, so the loop reads
  // memory front to back instead of jumping through an index array.
  private var ratings: [TrainingRating]
  private var shuffler: NumpyRandom?

  /// Prepares to train on `ratings`.
  ///
  /// The trainer keeps a packed copy (16 bytes a rating), not the array itself, so the caller
  /// may let go of `ratings` while training.
  public init(settings: Settings, ratings: [Rating]) {
    self.settings = settings
    self.ratings = ratings.map(TrainingRating.init)
    if case .shuffledEachEpoch(let seed) = settings.visitOrder {
      self.shuffler = NumpyRandom(seed: seed)
    }
  }

  /// The number of training ratings: updates per epoch.
  public var ratingCount: Int { ratings.count }

  /// One pass over the training ratings.
  ///
  /// With a shuffled visit order the ratings are first shuffled in place. The swaps depend
  /// only on the random stream, so epoch after epoch this visits the same sequence as shuffling
  /// a list of positions would.
  ///
  /// - Returns: Σ |eᵤᵢ|, each error taken just before its update.
  /// - Complexity: O(ratings × k).
  public mutating func runEpoch(_ model: inout MatrixFactorization) -> Double {
    if shuffler != nil { shuffler!.shuffle(&ratings) }
    let sweep = SGDSweep(
      learningRate: settings.learningRate, biasLearningRate: settings.biasLearningRate,
      regularization: settings.regularization, globalMean: model.globalMean,
      learnsBiases: model.usesBiases, updatesSequentially: settings.factorUpdate == .blogSequential
    )
    return model.withParameterPointers { parameters in
      ratings.withUnsafeBufferPointer { sweep.run($0, parameters) }
    }
  }

  /// `epochs` passes with no measurement between them, for callers that need only the trained
  /// model (cross-validation trains many): about half the work of ``train(_:epochs:test:onEpoch:)``,
  /// which scores every training rating after every epoch.
  ///
  /// - Throws: ``TrainingError/diverged(_:)`` as soon as an epoch's error or a parameter stops
  ///   being a finite number.
  public mutating func fit(_ model: inout MatrixFactorization, epochs: Int) throws(TrainingError) {
    for epoch in stride(from: 1, through: epochs, by: 1) {
      // A parameter gone non-finite makes the next epoch's error non-finite, so checking the
      // error each epoch and the parameters once at the end catches every divergence.
      let totalAbsoluteError = runEpoch(&model)
      guard totalAbsoluteError.isFinite, epoch < epochs || model.isFinite else {
        throw .diverged(
          Divergence(epoch: epoch, settings: settings, learnsBiases: model.usesBiases))
      }
    }
  }

  /// The model's MAE and RMSE on the training ratings, summed in the current visit order.
  ///
  /// - Complexity: O(ratings × k).
  public func trainingMetrics(_ model: MatrixFactorization) -> ErrorMetrics {
    var absoluteSum = 0.0
    var squareSum = 0.0
    model.withPredictor { predict in
      for rating in ratings {
        let error = rating.value - predict(Int(rating.user), Int(rating.item))
        absoluteSum += abs(error)
        squareSum += error * error
      }
    }
    return ErrorMetrics(absoluteSum: absoluteSum, squareSum: squareSum, count: ratings.count)
  }

  /// Trains `model` for `epochs` passes, measuring it after each one.
  ///
  /// - Parameters:
  ///   - model: the model to train, changed in place.
  ///   - epochs: how many passes over the training ratings.
  ///   - test: held-out ratings measured after every epoch; empty for none.
  ///   - onEpoch: called after every epoch with its record (for progress output).
  /// - Throws: ``TrainingError/diverged(_:)`` as soon as an error or a parameter stops being a
  ///   finite number, with the setting that most likely caused it; `model` then holds the
  ///   garbage, unused.
  public mutating func train(
    _ model: inout MatrixFactorization, epochs: Int, test: [Rating] = [],
    onEpoch: (EpochRecord) -> Void = { _ in }
  ) throws(TrainingError) -> TrainingHistory {
    var history = TrainingHistory()
    for epoch in 1...max(epochs, 1) where epochs > 0 {
      let (totalAbsoluteError, nanoseconds) = MonotonicClock.measure { runEpoch(&model) }
      guard totalAbsoluteError.isFinite, model.isFinite else {
        throw .diverged(
          Divergence(epoch: epoch, settings: settings, learnsBiases: model.usesBiases))
      }
      let record = EpochRecord(
        epoch: epoch, totalAbsoluteError: totalAbsoluteError,
        train: trainingMetrics(model),
        test: test.isEmpty ? nil : ErrorMetrics(model, on: test), sweepNanoseconds: nanoseconds)
      history.append(record)
      onEpoch(record)
    }
    return history
  }
}
