/// Stochastic gradient descent for ``MatrixFactorization``: one rating at a time, nudge the
/// parameters against that rating's error.
///
/// For each known rating rᵤᵢ, in the visit order, the loop has three beats:
///
///     error:    eᵤᵢ = rᵤᵢ − r̂ᵤᵢ
///     biases:   bᵤ ← bᵤ + γ_b (eᵤᵢ − λ bᵤ)          bᵢ ← bᵢ + γ_b (eᵤᵢ − λ bᵢ)
///     factors:  pᵤ ← pᵤ + γ (eᵤᵢ qᵢ − λ pᵤ)         qᵢ ← qᵢ + γ (eᵤᵢ pᵤ − λ qᵢ)
///
/// γ is the learning rate (chapter-basic-mf), γ_b the bias learning rate (chapter-biases) and
/// λ the L2 regularization strength (chapter-regularization). Biases are learned only when the
/// model has them. With λ = 0 the factor step is computed as (γ eᵤᵢ) qᵢ, the listing's order of
/// operations, so the blog's numbers come out to the last bit.
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
  // The training ratings as three parallel contiguous arrays: no per-rating allocation.
  private let users: [Int32]
  private let items: [Int32]
  private let values: [Double]
  private let ratings: [Rating]
  private var visitSequence: [Int32]
  private var shuffler: NumpyRandom?

  /// Prepares to train on `ratings`.
  public init(settings: Settings, ratings: [Rating]) {
    self.settings = settings
    self.ratings = ratings
    self.users = ratings.map { Int32($0.user) }
    self.items = ratings.map { Int32($0.item) }
    self.values = ratings.map(\.value)
    self.visitSequence = (0..<Int32(ratings.count)).map { $0 }
    if case .shuffledEachEpoch(let seed) = settings.visitOrder {
      self.shuffler = NumpyRandom(seed: seed)
    }
  }

  /// The number of training ratings: updates per epoch.
  public var ratingCount: Int { values.count }

  /// One pass over the training ratings.
  ///
  /// - Returns: Σ |eᵤᵢ|, each error taken just before its update.
  /// - Complexity: O(ratings × k).
  public mutating func runEpoch(_ model: inout MatrixFactorization) -> Double {
    if shuffler != nil { shuffler!.shuffle(&visitSequence) }
    let k = model.factorCount
    let γ = settings.learningRate
    let γBias = settings.biasLearningRate
    let λ = settings.regularization
    let sequential = settings.factorUpdate == .blogSequential
    let learnsBiases = model.usesBiases
    let μ = model.globalMean
    var totalAbsoluteError = 0.0

    // Move the parameters out of the model so the loop works on plain buffers without copies.
    var pStorage: [Double] = []
    var qStorage: [Double] = []
    var userBiases: [Double] = []
    var itemBiases: [Double] = []
    swap(&pStorage, &model.P.storage)
    swap(&qStorage, &model.Q.storage)
    swap(&userBiases, &model.userBiases)
    swap(&itemBiases, &model.itemBiases)
    defer {
      swap(&pStorage, &model.P.storage)
      swap(&qStorage, &model.Q.storage)
      swap(&userBiases, &model.userBiases)
      swap(&itemBiases, &model.itemBiases)
    }

    pStorage.withUnsafeMutableBufferPointer { P in
      qStorage.withUnsafeMutableBufferPointer { Q in
        userBiases.withUnsafeMutableBufferPointer { bUser in
          itemBiases.withUnsafeMutableBufferPointer { bItem in
            for position in visitSequence {
              let index = Int(position)
              let user = Int(users[index])
              let item = Int(items[index])
              let p = P.baseAddress! + user * k
              let q = Q.baseAddress! + item * k

              // 1. error
              var prediction = dotProduct(p, q, count: k)
              if learnsBiases { prediction += μ + bUser[user] + bItem[item] }
              let e = values[index] - prediction
              totalAbsoluteError += abs(e)

              // 2. biases
              if learnsBiases {
                bUser[user] += γBias * (e - λ * bUser[user])
                bItem[item] += γBias * (e - λ * bItem[item])
              }

              // 3. factors
              if λ == 0 {
                let step = γ * e
                for f in 0..<k {
                  let pBefore = p[f]
                  p[f] += step * q[f]
                  q[f] += step * (sequential ? p[f] : pBefore)
                }
              } else {
                for f in 0..<k {
                  let pBefore = p[f]
                  p[f] += γ * (e * q[f] - λ * pBefore)
                  q[f] += γ * (e * (sequential ? p[f] : pBefore) - λ * q[f])
                }
              }
            }
          }
        }
      }
    }
    return totalAbsoluteError
  }

  /// Trains `model` for `epochs` passes, measuring it after each one.
  ///
  /// - Parameters:
  ///   - model: the model to train, changed in place.
  ///   - epochs: how many passes over the training ratings.
  ///   - test: held-out ratings measured after every epoch; empty for none.
  ///   - onEpoch: called after every epoch with its record (for progress output).
  /// - Throws: ``TrainingError/diverged(epoch:learningRate:)`` as soon as an error or a
  ///   parameter stops being a finite number; `model` then holds the garbage, unused.
  public mutating func train(
    _ model: inout MatrixFactorization, epochs: Int, test: [Rating] = [],
    onEpoch: (EpochRecord) -> Void = { _ in }
  ) throws(TrainingError) -> TrainingHistory {
    var history = TrainingHistory()
    for epoch in 1...max(epochs, 1) where epochs > 0 {
      let totalAbsoluteError = runEpoch(&model)
      guard totalAbsoluteError.isFinite, model.isFinite else {
        throw .diverged(epoch: epoch, learningRate: settings.learningRate)
      }
      let record = EpochRecord(
        epoch: epoch, totalAbsoluteError: totalAbsoluteError,
        train: ErrorMetrics(model, on: ratings),
        test: test.isEmpty ? nil : ErrorMetrics(model, on: test))
      history.append(record)
      onEpoch(record)
    }
    return history
  }
}
