import Testing

@testable import Recommender

@Suite("One SGD step, worked by hand")
struct SGDTrainerTests {
  /// One user, one movie, one rating of 4 stars; p = (1, 2), q = (3, 1), so r̂ = 5 and e = −1.
  static func oneRating(biases: Bool = false) -> (MatrixFactorization, [Rating]) {
    let model = MatrixFactorization(
      P: Matrix([[1, 2]]), Q: Matrix([[3, 1]]), usesBiases: biases, globalMean: 3)
    return (model, [Rating(user: 0, item: 0, value: 4)])
  }

  static func close(_ actual: [Double], _ expected: [Double]) -> Bool {
    actual.count == expected.count && zip(actual, expected).allSatisfy { abs($0 - $1) < 1e-12 }
  }

  @Test("the blog's order: qᵢ moves with the pᵤ just updated")
  func blogSequentialStep() {
    var (model, ratings) = Self.oneRating()
    var trainer = SGDTrainer(settings: .init(learningRate: 0.1), ratings: ratings)
    let error = trainer.runEpoch(&model)
    // p ← (1, 2) + 0.1·(−1)·(3, 1) = (0.7, 1.9);  q ← (3, 1) + 0.1·(−1)·(0.7, 1.9) = (2.93, 0.81)
    #expect(error == 1)
    #expect(Self.close(model.P.row(0), [0.7, 1.9]))
    #expect(Self.close(model.Q.row(0), [2.93, 0.81]))
  }

  @Test("the simultaneous update: qᵢ moves with the pᵤ from before the step")
  func simultaneousStep() {
    var (model, ratings) = Self.oneRating()
    var trainer = SGDTrainer(
      settings: .init(learningRate: 0.1, factorUpdate: .simultaneous), ratings: ratings)
    _ = trainer.runEpoch(&model)
    // q ← (3, 1) + 0.1·(−1)·(1, 2) = (2.9, 0.8)
    #expect(Self.close(model.Q.row(0), [2.9, 0.8]))
  }

  @Test("biases and λ: every parameter steps against the error and towards zero")
  func biasedRegularizedStep() {
    var (model, ratings) = Self.oneRating(biases: true)
    var trainer = SGDTrainer(
      settings: .init(learningRate: 0.1, biasLearningRate: 0.05, regularization: 0.5),
      ratings: ratings)
    let error = trainer.runEpoch(&model)
    // r̂ = 3 + 0 + 0 + 5 = 8, e = −4
    // bᵤ = bᵢ = 0.05·(−4 − 0.5·0) = −0.2
    // p = (1 + 0.1·(−12 − 0.5), 2 + 0.1·(−4 − 1)) = (−0.25, 1.5)
    // q = (3 + 0.1·(1 − 1.5), 1 + 0.1·(−6 − 0.5)) = (2.95, 0.35)
    #expect(error == 4)
    #expect(Self.close(model.userBiases + model.itemBiases, [-0.2, -0.2]))
    #expect(Self.close(model.P.row(0), [-0.25, 1.5]))
    #expect(Self.close(model.Q.row(0), [2.95, 0.35]))
  }

  @Test("with no factors the model is the bias-only baseline μ + bᵤ + bᵢ")
  func biasOnlyBaseline() {
    var random = NumpyRandom(seed: 1)
    let model = MatrixFactorization(
      users: 2, items: 3, factors: 0, usesBiases: true, globalMean: 3.5, random: &random)
    #expect(model.predict(user: 1, item: 2) == 3.5)
  }

  @Test("a shuffled visit order is the same for the same seed and differs from the given order")
  func shuffledOrderIsSeeded() {
    let ratings = BlogSamples.listing.ratings
    func trained(_ order: SGDTrainer.VisitOrder) -> Matrix {
      var random = NumpyRandom(seed: 3)
      var model = MatrixFactorization(users: 5, items: 4, factors: 2, random: &random)
      var trainer = SGDTrainer(settings: .init(visitOrder: order), ratings: ratings)
      _ = trainer.runEpoch(&model)
      return model.P
    }
    #expect(trained(.shuffledEachEpoch(seed: 9)) == trained(.shuffledEachEpoch(seed: 9)))
    #expect(trained(.shuffledEachEpoch(seed: 9)) != trained(.asGiven))
  }

  @Test(
    "a blocked order trains the same bits on one, two, three or five workers, its errors included")
  func blockedOrderBitsDoNotDependOnWorkers() throws {
    let ratings = Rating.random(count: 6_000, users: 90, items: 70, seed: 31)
    // k = 12 takes the step's own formulas in double precision, k = 20 the vectorised loop.
    for precision in SGDTrainer.Precision.allCases {
      for factors in [12, 20] {
        func trained(workers: Int) throws -> (MatrixFactorization, [ErrorMetrics]) {
          var random = NumpyRandom(seed: 4)
          var model = MatrixFactorization(
            users: 90, items: 70, factors: factors, usesBiases: true, globalMean: 3,
            random: &random)
          var trainer = SGDTrainer(
            settings: .init(
              learningRate: 0.02, biasLearningRate: 0.02, regularization: 0.02,
              factorUpdate: .simultaneous,
              visitOrder: .blocked(strata: 3, seed: 8, workers: workers), precision: precision),
            ratings: ratings)
          let history = try trainer.train(&model, epochs: 3, measuresTrainingAfterPass: false)
          return (model, history.records.map(\.duringPass))
        }
        let (alone, aloneErrors) = try trained(workers: 1)
        for workers in [2, 3, 5] {
          let (model, errors) = try trained(workers: workers)
          let label = "\(precision), k = \(factors), \(workers) workers"
          #expect(model.P == alone.P && model.Q == alone.Q, "\(label)")
          #expect(model.userBiases == alone.userBiases && model.itemBiases == alone.itemBiases)
          #expect(errors == aloneErrors, "\(label)")
        }
        // And it trained: the error during the pass fell.
        #expect(aloneErrors.last!.rmse < aloneErrors.first!.rmse)
      }
    }
  }

  @Test("a learning rate far too large stops training with the epoch it diverged in")
  func divergence() {
    var random = NumpyRandom(seed: 42)
    var model = MatrixFactorization(users: 5, items: 4, factors: 2, random: &random)
    var trainer = SGDTrainer(
      settings: .init(learningRate: 1.5), ratings: BlogSamples.listing.ratings)
    #expect {
      _ = try trainer.train(&model, epochs: 50)
    } throws: { error in
      guard case .diverged(let divergence) = error as? TrainingError else { return false }
      return divergence.epoch >= 1 && divergence.epoch <= 50 && divergence.learningRate == 1.5
        && divergence.cause == .learningRate
    }
  }

  @Test(
    "a divergence blames the rate whose step overshoots: λ first, then γ_b, else γ",
    arguments: [
      // (γ, γ_b, λ, biases) → cause, each worked by hand from the gains γλ, γ_bλ and 2γ_b.
      (0.0001, 0.005, 1e6, true, Divergence.Cause.regularization),  // γ_bλ = 5000
      (0.5, 0.005, 5, false, .regularization),  // γλ = 2.5
      (0.0001, 5, 0, true, .biasLearningRate),  // 2γ_b = 10
      (0.0001, 1, 0.5, true, .biasLearningRate),  // 2γ_b = 2, γ_bλ = 0.5
      (0.5, 5, 0, false, .learningRate),  // no biases: γ_b plays no part
      (0.05, 0.9, 0.1, true, .learningRate),  // every fixed gain below 2
    ])
  func divergenceCause(
    γ: Double, γ_b: Double, λ: Double, biases: Bool, expected: Divergence.Cause
  ) {
    let divergence = Divergence(
      epoch: 1, settings: .init(learningRate: γ, biasLearningRate: γ_b, regularization: λ),
      learnsBiases: biases)
    #expect(divergence.cause == expected)
  }

  @Test("a bias step that overshoots is named, not the factors it blew up on the way")
  func divergenceByBiasStep() {
    var random = NumpyRandom(seed: 42)
    var model = MatrixFactorization(
      users: 5, items: 4, factors: 2, usesBiases: true, globalMean: 3, random: &random)
    var trainer = SGDTrainer(
      settings: .init(learningRate: 0.0001, biasLearningRate: 5),
      ratings: BlogSamples.listing.ratings)
    #expect {
      _ = try trainer.train(&model, epochs: 50)
    } throws: { error in
      guard case .diverged(let divergence) = error as? TrainingError else { return false }
      return divergence.cause == .biasLearningRate
        && divergence.description.contains("the bias step γ_b = 5 is too large")
    }
  }

  @Test("the history keeps one record per epoch with train and test metrics")
  func history() throws {
    var random = NumpyRandom(seed: 42)
    var model = MatrixFactorization(users: 5, items: 4, factors: 2, random: &random)
    let ratings = BlogSamples.listing.ratings
    var trainer = SGDTrainer(settings: .init(), ratings: Array(ratings.dropLast()))
    let history = try trainer.train(&model, epochs: 5, test: [ratings.last!])
    #expect(history.records.map(\.epoch) == [1, 2, 3, 4, 5])
    #expect(history.records.allSatisfy { $0.test?.count == 1 && $0.train.count == 19 })
  }
}

@Suite("Error metrics")
struct MetricsTests {
  @Test("MAE and RMSE of errors 1, −1, 2, 0 are 1 and √1.5")
  func maeAndRMSE() {
    let ratings = [4.0, 2, 5, 3].enumerated().map {
      Rating(user: $0.offset, item: 0, value: $0.element)
    }
    let predictions = [3.0, 3, 3, 3]
    let metrics = ErrorMetrics(ratings: ratings) { predictions[$0.user] }
    #expect(metrics.mae == 1)
    #expect(metrics.rmse == 1.5.squareRoot())
    #expect(metrics.count == 4)
  }

  @Test(
    "a large set is measured in chunks: the one run's numbers to 1e-12, the same bits every time"
  )
  func largeSetsInChunks() {
    var random = NumpyRandom(seed: 5)
    let model = MatrixFactorization(
      users: 300, items: 200, factors: 2, initialisation: .normal, usesBiases: true,
      globalMean: 3.5, random: &random)
    let count = ErrorMetrics.chunkedFrom + 12_345
    let ratings = (0..<count).map {
      Rating(user: $0 % 300, item: $0 * 7 % 200, value: Double(1 + $0 % 5))
    }
    // The definition: each chunk summed in order, then the chunks in order.
    var absoluteSum = 0.0
    var squareSum = 0.0
    for start in stride(from: 0, to: count, by: ErrorMetrics.chunkSize) {
      let chunk = ErrorMetrics(
        ratings: Array(ratings[start..<min(start + ErrorMetrics.chunkSize, count)])
      ) { model.predict(user: $0.user, item: $0.item) }
      absoluteSum += chunk.mae * Double(chunk.count)
      squareSum += chunk.rmse * chunk.rmse * Double(chunk.count)
    }
    let measured = ErrorMetrics(model, on: ratings)
    let oneRun = ErrorMetrics(ratings: ratings) { model.predict(user: $0.user, item: $0.item) }
    #expect(measured.count == count)
    #expect(abs(measured.mae - absoluteSum / Double(count)) < 1e-12)
    #expect(abs(measured.rmse - (squareSum / Double(count)).squareRoot()) < 1e-12)
    #expect(abs(measured.rmse - oneRun.rmse) < 1e-12 && abs(measured.mae - oneRun.mae) < 1e-12)
    // The same bits every time, and below the threshold the one run's bits.
    #expect(ErrorMetrics(model, on: ratings) == measured)
    let small = Array(ratings.prefix(ErrorMetrics.chunkedFrom - 1))
    #expect(
      ErrorMetrics(model, on: small)
        == ErrorMetrics(ratings: small) { model.predict(user: $0.user, item: $0.item) })
  }
}
