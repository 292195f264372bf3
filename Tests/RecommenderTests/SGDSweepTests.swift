import Testing

@testable import Recommender

/// The inner loop's bookkeeping: metrics, the bias-only model, the shuffled visit order. That it
/// computes the step's definition is `SGDDefinitionTests`'s.
@Suite("The SGD inner loop")
struct SGDSweepTests {
  static let data = SyntheticCatalogue(
    recipe: .init(users: 60, items: 40, hiddenFactors: 3, density: 0.3), seed: 5
  ).dataset

  static func freshModel(factors: Int, biases: Bool) -> MatrixFactorization {
    var random = NumpyRandom(seed: 3)
    return MatrixFactorization(
      users: data.userCount, items: data.itemCount, factors: factors, initialisation: .normal,
      usesBiases: biases, globalMean: 3.5, random: &random)
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

  @Test("the error during the pass is each rating's error just before its step, as defined")
  func errorDuringThePass() throws {
    var model = Self.freshModel(factors: 4, biases: true)
    var defined = model
    let settings = SGDTrainer.Settings(regularization: 0.05)
    var trainer = SGDTrainer(settings: settings, ratings: Self.data.ratings)
    let history = try trainer.train(&model, epochs: 2, measuresTrainingAfterPass: false)
    var squares: [Double] = []
    for _ in 1...2 {
      var sum = 0.0
      for rating in Self.data.ratings {
        let e = defined.sgdStep(
          user: rating.user, item: rating.item, rating: rating.value, settings: settings)
        sum += e * e
      }
      squares.append(sum)
    }
    let n = Double(Self.data.ratings.count)
    #expect(history.records.map(\.duringPass.rmse) == squares.map { ($0 / n).squareRoot() })
    #expect(history.records.allSatisfy { $0.afterPass == nil })
    // The first pass starts from the untrained model, so its error is the larger.
    #expect(history.records[0].duringPass.rmse > history.records[1].duringPass.rmse)
  }

  @Test("single precision reaches the double model's test RMSE within 0.002")
  func singlePrecisionAccuracy() throws {
    let split = TrainTestSplit(Self.data.ratings, testFraction: 0.2, seed: 4)
    func testRMSE(_ precision: SGDTrainer.Precision) throws -> Double {
      var model = Self.freshModel(factors: 20, biases: true)
      var trainer = SGDTrainer(
        settings: .init(
          learningRate: 0.02, biasLearningRate: 0.02, regularization: 0.05,
          factorUpdate: .simultaneous, visitOrder: .shuffledEachEpoch(seed: 8),
          precision: precision),
        ratings: split.train)
      try trainer.fit(&model, epochs: 30)
      return ErrorMetrics(model, on: split.test).rmse
    }
    let (single, double) = (try testRMSE(.single), try testRMSE(.double))
    #expect(abs(single - double) < 0.002, "single \(single), double \(double)")
    #expect(single != double)
  }
}
