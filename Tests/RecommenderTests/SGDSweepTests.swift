import Testing

@testable import Recommender

/// The fast inner loop must compute exactly what the plain formulas compute.
@Suite("The SGD inner loop")
struct SGDSweepTests {
  static let data = SyntheticCatalogue(
    recipe: .init(users: 60, items: 40, hiddenFactors: 3, density: 0.3), seed: 5
  ).dataset

  /// One epoch, rating by rating, as the plain formulas say, in the order the trainer's first
  /// shuffle visits them. Long vectors with λ > 0 use the rearranged step (1 − γλ) p + (γ e) q.
  static func referenceEpoch(
    _ model: inout MatrixFactorization, γ: Double, λ: Double, simultaneous: Bool, seed: UInt32
  ) -> Double {
    var order = data.ratings
    var random = NumpyRandom(seed: seed)
    random.shuffle(&order)
    var total = 0.0
    for rating in order {
      let (u, i) = (rating.user, rating.item)
      let e = rating.value - model.predict(user: u, item: i)
      total += abs(e)
      if model.usesBiases {
        model.userBiases[u] += γ * (e - λ * model.userBiases[u])
        model.itemBiases[i] += γ * (e - λ * model.itemBiases[i])
      }
      for f in 0..<model.factorCount {
        let p = model.P[u, f]
        let q = model.Q[i, f]
        let pAfter = λ == 0 ? p + (γ * e) * q : (1 - γ * λ) * p + (γ * e) * q
        let pRead = simultaneous ? p : pAfter
        model.P[u, f] = pAfter
        model.Q[i, f] = λ == 0 ? q + (γ * e) * pRead : (1 - γ * λ) * q + (γ * e) * pRead
      }
    }
    return total
  }

  static func freshModel(factors: Int, biases: Bool) -> MatrixFactorization {
    var random = NumpyRandom(seed: 3)
    return MatrixFactorization(
      users: data.userCount, items: data.itemCount, factors: factors, initialisation: .normal,
      usesBiases: biases, globalMean: 3.5, random: &random)
  }

  @Test(
    "long vectors, shuffled: every bit of P, Q, the biases and the error sum as the formulas give",
    arguments: [(0.0, true), (0.0, false), (0.05, true), (0.05, false)])
  func longVectorsMatchTheFormulas(λ: Double, simultaneous: Bool) {
    var fast = Self.freshModel(factors: 24, biases: true)
    var reference = fast
    var trainer = SGDTrainer(
      settings: .init(
        learningRate: 0.01, biasLearningRate: 0.01, regularization: λ,
        factorUpdate: simultaneous ? .simultaneous : .blogSequential,
        visitOrder: .shuffledEachEpoch(seed: 11)),
      ratings: Self.data.ratings)
    let fastError = trainer.runEpoch(&fast)
    let referenceError = Self.referenceEpoch(
      &reference, γ: 0.01, λ: λ, simultaneous: simultaneous, seed: 11)
    #expect(fastError == referenceError)
    #expect(fast.P == reference.P)
    #expect(fast.Q == reference.Q)
    #expect(fast.userBiases == reference.userBiases)
    #expect(fast.itemBiases == reference.itemBiases)
  }

  @Test("the trainer's training metrics equal ErrorMetrics on the same ratings in the same order")
  func trainingMetrics() throws {
    var model = Self.freshModel(factors: 4, biases: true)
    var trainer = SGDTrainer(settings: .init(), ratings: Self.data.ratings)
    let history = try trainer.train(&model, epochs: 2)
    #expect(history.last!.train == ErrorMetrics(model, on: Self.data.ratings))
  }

  @Test("the bias-only baseline (no factors) trains and improves on its start")
  func biasOnly() throws {
    var model = Self.freshModel(factors: 0, biases: true)
    let before = ErrorMetrics(model, on: Self.data.ratings).rmse
    var trainer = SGDTrainer(
      settings: .init(biasLearningRate: 0.02, visitOrder: .shuffledEachEpoch(seed: 1)),
      ratings: Self.data.ratings)
    let history = try trainer.train(&model, epochs: 10)
    #expect(history.last!.train.rmse < before)
  }

  @Test("shuffling the packed ratings visits the same order as shuffling positions would")
  func shuffleOrder() {
    // Two epochs on k = 2 (plain formulas throughout) against a hand-rolled visit by positions.
    var fast = Self.freshModel(factors: 2, biases: false)
    var reference = fast
    var trainer = SGDTrainer(
      settings: .init(visitOrder: .shuffledEachEpoch(seed: 9)), ratings: Self.data.ratings)
    _ = trainer.runEpoch(&fast)
    _ = trainer.runEpoch(&fast)
    var positions = Array(Self.data.ratings.indices)
    var random = NumpyRandom(seed: 9)
    for _ in 0..<2 {
      random.shuffle(&positions)
      for rating in positions.map({ Self.data.ratings[$0] }) {
        let (u, i) = (rating.user, rating.item)
        let step = 0.01 * (rating.value - reference.predict(user: u, item: i))
        for f in 0..<2 {
          reference.P[u, f] += step * reference.Q[i, f]
          reference.Q[i, f] += step * reference.P[u, f]
        }
      }
    }
    #expect(fast.P == reference.P)
    #expect(fast.Q == reference.Q)
  }
}
