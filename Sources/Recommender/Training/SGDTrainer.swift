import Foundation

/// Stochastic gradient descent for ``MatrixFactorization``: one rating at a time, nudge the
/// parameters against that rating's error.
///
/// One step is defined by ``MatrixFactorization/sgdStep(user:item:rating:settings:)``: the
/// error, the biases, the factors, in the blog's notation and fifteen plain lines. An epoch
/// visits every training rating once, in the order ``Settings/visitOrder`` says, and computes
/// what that step computes, through pointers (`SGDSweep`): for k < 16 with the step's own
/// formulas, bit for bit; for k ≥ 16 with a vectorised loop, bit for bit with λ = 0 and up to
/// rounding with λ > 0. With ``Precision/single`` it computes the same step in `Float`
/// (`SingleSGDSweep`), for real data. The tests hold every loop to the definition.
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
    /// Block by block in a p × p grid of viewers and titles, each block viewer by viewer
    /// (``BlockedVisitOrder``), fixed once from the seed: the order that keeps P and Q in the
    /// processor's caches when they outgrow them, as LIBMF trains. `workers` threads train
    /// blocks at once, DSGD's way (``BlockedPass``): blocks trained together share no viewer
    /// and no title, so the model is the same bits on any number of workers; at most p are
    /// busy at a time.
    case blocked(strata: Int, seed: UInt32, workers: Int = 1)
  }

  /// The floating-point type the epochs compute in.
  public enum Precision: String, Sendable, CaseIterable {
    /// `Double` throughout: the blog's listings to the last digit.
    case double
    /// `Float` copies of P, Q and the biases while a pass runs, as most production libraries
    /// train: about twice the speed on real data, and the same accuracy to three decimals.
    case single
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
    public var precision: Precision
    /// Whether, with a shuffled visit order, the next epoch's shuffle is made on a second core
    /// while this epoch's pass runs (``ShuffledAhead``). The order and the model are the same
    /// bits either way; with one core, or ratings too few to gain or too many to copy, it is
    /// made in turn.
    public var shufflesAhead: Bool

    /// The blog's basic listing: γ = 0.01, γ_b = 0.005, λ = 0, its update and visit order,
    /// in double precision.
    public init(
      learningRate: Double = 0.01, biasLearningRate: Double = 0.005, regularization: Double = 0,
      factorUpdate: FactorUpdate = .blogSequential, visitOrder: VisitOrder = .asGiven,
      precision: Precision = .double, shufflesAhead: Bool = true
    ) {
      self.learningRate = learningRate
      self.biasLearningRate = biasLearningRate
      self.regularization = regularization
      self.factorUpdate = factorUpdate
      self.visitOrder = visitOrder
      self.precision = precision
      self.shufflesAhead = shufflesAhead
    }
  }

  public let settings: Settings
  // The training ratings, packed and contiguous (no per-rating allocation), stored in the
  // order the next epoch visits them; one of the two is filled, by the precision. A shuffled
  // visit order shuffles the ratings themselves in place, so that every pass reads them front
  // to back: one read from a random place per rating, in the shuffle, rather than one in the
  // shuffle of their positions and another in the pass that follows those positions.
  private var ratings: [TrainingRating] = []
  private var compactRatings: [CompactTrainingRating] = []
  private var shuffler: NumpyRandom?
  // The next epoch's order, being shuffled on another core; see `shufflesAhead`.
  private var shuffledAhead: ShuffledAhead<TrainingRating>?
  private var compactShuffledAhead: ShuffledAhead<CompactTrainingRating>?
  // A blocked order is put together once, in `init`; its time is reported with the first
  // epoch's shuffle, so that the one-time cost is not left out of the measured epochs.
  private var orderingNanoseconds: UInt64 = 0
  // How a blocked order's passes run: its blocks and its workers.
  private var blockedPass: BlockedPass?

  /// Prepares to train on `ratings`.
  ///
  /// The trainer keeps a packed copy (16 bytes a rating, 12 in single precision), not the
  /// array itself, so the caller may let go of `ratings` while training.
  public init(settings: Settings, ratings: [Rating]) {
    precondition(ratings.count <= Int(UInt32.max), "at most 2³² − 1 ratings")
    self.settings = settings
    // A blocked order is stored as the ratings' order: each pass then reads them front to back.
    var positions: [UInt32]?
    if case .blocked(let strata, let seed, let workers) = settings.visitOrder {
      precondition(workers >= 1, "at least one worker")
      let (blocked, nanoseconds) = MonotonicClock.measure {
        BlockedVisitOrder.positions(of: ratings, strata: strata, seed: seed)
      }
      positions = blocked.order
      orderingNanoseconds = nanoseconds
      blockedPass = BlockedPass(
        strata: strata, blockStarts: blocked.blockStarts, workers: workers)
    }
    func stored<Packed>(_ pack: (Rating) -> Packed) -> [Packed] {
      positions?.map { pack(ratings[Int($0)]) } ?? ratings.map(pack)
    }
    switch settings.precision {
    case .double: self.ratings = stored { TrainingRating($0) }
    case .single: self.compactRatings = stored { CompactTrainingRating(TrainingRating($0)) }
    }
    if case .shuffledEachEpoch(let seed) = settings.visitOrder {
      self.shuffler = NumpyRandom(seed: seed)
    }
  }

  /// Whether this trainer makes each next epoch's shuffle on a second core while the pass
  /// runs.
  public var shufflesAhead: Bool {
    Self.shufflesAhead(settings, ratingCount: ratingCount)
  }

  /// The largest copy of the ratings shuffled ahead: 128 MiB, 11 million ratings in single
  /// precision (MovieLens 10M's training ratings, not 25M's).
  static let shuffleAheadMemoryLimit = 128 << 20

  /// The fewest ratings shuffled ahead: shuffling fewer takes under 0.15 ms, not much more
  /// than handing the work to another thread and taking it back.
  static let shuffleAheadMinimumCount = 10_000

  /// Whether a trainer with `settings` on `ratingCount` ratings shuffles ahead on this machine:
  /// ``Settings/shufflesAhead``, a shuffled visit order, a second core, and a number of ratings
  /// between ``shuffleAheadMinimumCount`` and what ``shuffleAheadMemoryLimit`` can copy.
  public static func shufflesAhead(_ settings: Settings, ratingCount: Int) -> Bool {
    guard settings.shufflesAhead, case .shuffledEachEpoch = settings.visitOrder else {
      return false
    }
    let bytesPerRating =
      settings.precision == .double
      ? MemoryLayout<TrainingRating>.stride : MemoryLayout<CompactTrainingRating>.stride
    return ratingCount >= shuffleAheadMinimumCount
      && ratingCount * bytesPerRating <= shuffleAheadMemoryLimit
      && ProcessInfo.processInfo.activeProcessorCount > 1
  }

  /// The number of training ratings: updates per epoch.
  public var ratingCount: Int {
    settings.precision == .double ? ratings.count : compactRatings.count
  }

  /// One pass over the training ratings.
  ///
  /// With a shuffled visit order the ratings are first shuffled in place, each epoch's
  /// shuffle starting from the last one's order, as `np.random.shuffle` on the same list would.
  ///
  /// - Returns: Σ |eᵤᵢ|, each error taken just before its update.
  /// - Complexity: O(ratings × k).
  public mutating func runEpoch(_ model: inout MatrixFactorization) -> Double {
    timedEpoch(&model, anotherFollows: false).errors.absoluteSum
  }

  /// One epoch, its shuffle and its pass timed apart. When `anotherFollows`, the next epoch's
  /// shuffle starts on another core before the pass, and the shuffle's time includes starting
  /// it.
  mutating func timedEpoch(_ model: inout MatrixFactorization, anotherFollows: Bool) -> (
    errors: SweepErrors, shuffleNanoseconds: UInt64, sweepNanoseconds: UInt64
  ) {
    let shuffleNanoseconds =
      MonotonicClock.measure { shuffle(startingNext: anotherFollows) }.nanoseconds
      + orderingNanoseconds
    orderingNanoseconds = 0
    let (errors, sweepNanoseconds) = MonotonicClock.measure { sweep(&model) }
    return (errors, shuffleNanoseconds, sweepNanoseconds)
  }

  private mutating func shuffle(startingNext: Bool) {
    guard var generator = shuffler else { return }
    let startsNext = startingNext && shufflesAhead
    switch settings.precision {
    case .double:
      Self.shuffle(&ratings, with: &generator, ahead: &shuffledAhead, startingNext: startsNext)
    case .single:
      Self.shuffle(
        &compactRatings, with: &generator, ahead: &compactShuffledAhead, startingNext: startsNext)
    }
    shuffler = generator
  }

  /// Shuffles `ratings`, from the copy shuffled ahead if there is one for them, then starts the
  /// next copy if asked.
  private static func shuffle<Element>(
    _ ratings: inout [Element], with generator: inout NumpyRandom,
    ahead: inout ShuffledAhead<Element>?, startingNext: Bool
  ) {
    if let shuffled = ahead {
      shuffled.shuffle(&ratings, with: &generator)
    } else {
      generator.shuffle(&ratings)
    }
    ahead = startingNext ? ShuffledAhead(ratings, from: generator) : nil
  }

  private func sweep(_ model: inout MatrixFactorization) -> SweepErrors {
    let sequential = settings.factorUpdate == .blogSequential
    switch settings.precision {
    case .double:
      let sweep = SGDSweep(
        learningRate: settings.learningRate, biasLearningRate: settings.biasLearningRate,
        regularization: settings.regularization, globalMean: model.globalMean,
        learnsBiases: model.usesBiases, updatesSequentially: sequential)
      return model.withParameterPointers { parameters in
        ratings.withUnsafeBufferPointer { ratings in
          guard let blockedPass else { return sweep.run(inOrder: ratings, parameters) }
          return blockedPass.run(ratings, parameters) { sweep.run(inOrder: $0, $1) }
        }
      }
    case .single:
      let sweep = SingleSGDSweep(
        learningRate: Float(settings.learningRate),
        biasLearningRate: Float(settings.biasLearningRate),
        regularization: Float(settings.regularization), globalMean: Float(model.globalMean),
        learnsBiases: model.usesBiases, updatesSequentially: sequential)
      return model.withSingleParameterCopies { parameters in
        compactRatings.withUnsafeBufferPointer { ratings in
          guard let blockedPass else { return sweep.run(inOrder: ratings, parameters) }
          return blockedPass.run(ratings, parameters) { sweep.run(inOrder: $0, $1) }
        }
      }
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
      let totalAbsoluteError = timedEpoch(&model, anotherFollows: epoch < epochs).errors
        .absoluteSum
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
    var errors = SweepErrors()
    model.withPredictor { predict in
      for rating in ratings {
        let (user, item, value) = rating.parts
        errors.add(value - predict(user, item))
      }
      for rating in compactRatings {
        let (user, item, value) = rating.parts
        errors.add(value - predict(user, item))
      }
    }
    return ErrorMetrics(
      absoluteSum: errors.absoluteSum, squareSum: errors.squareSum, count: ratingCount)
  }

  /// Trains `model` for `epochs` passes, measuring it after each one.
  ///
  /// Every record holds the training error during the pass, which costs nothing. Measuring the
  /// model on the training ratings after the pass (what the blog's listings print) takes a
  /// second pass over all of them, a quarter of an epoch's time on real data: callers that
  /// show only the error during the pass turn it off.
  ///
  /// - Parameters:
  ///   - model: the model to train, changed in place.
  ///   - epochs: how many passes over the training ratings.
  ///   - test: held-out ratings measured after every epoch; empty for none.
  ///   - measuresTrainingAfterPass: whether to measure the training error after each pass too.
  ///   - onEpoch: called after every epoch with its record (for progress output).
  /// - Throws: ``TrainingError/diverged(_:)`` as soon as an error or a parameter stops being a
  ///   finite number, with the setting that most likely caused it; `model` then holds the
  ///   garbage, unused.
  public mutating func train(
    _ model: inout MatrixFactorization, epochs: Int, test: [Rating] = [],
    measuresTrainingAfterPass: Bool = true, onEpoch: (EpochRecord) -> Void = { _ in }
  ) throws(TrainingError) -> TrainingHistory {
    var history = TrainingHistory()
    for epoch in 1...max(epochs, 1) where epochs > 0 {
      let (errors, shuffleNanoseconds, sweepNanoseconds) = timedEpoch(
        &model, anotherFollows: epoch < epochs)
      guard errors.absoluteSum.isFinite, model.isFinite else {
        throw .diverged(
          Divergence(epoch: epoch, settings: settings, learnsBiases: model.usesBiases))
      }
      let record = EpochRecord(
        epoch: epoch, totalAbsoluteError: errors.absoluteSum,
        duringPass: ErrorMetrics(
          absoluteSum: errors.absoluteSum, squareSum: errors.squareSum, count: ratingCount),
        afterPass: measuresTrainingAfterPass ? trainingMetrics(model) : nil,
        test: test.isEmpty ? nil : ErrorMetrics(model, on: test),
        shuffleNanoseconds: shuffleNanoseconds, sweepNanoseconds: sweepNanoseconds)
      history.append(record)
      onEpoch(record)
    }
    return history
  }
}
