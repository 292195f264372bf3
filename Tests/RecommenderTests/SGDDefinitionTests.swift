import Testing

@testable import Recommender

/// The trainer against the definition of its step,
/// ``MatrixFactorization/sgdStep(user:item:rating:settings:)``.
///
/// The trainer never calls that step: it runs a pointer loop for k < 16 and a vectorised one for
/// k ≥ 16 (`SGDSweep`). These tests train the same model both ways and compare P, Q, the biases
/// and each epoch's Σ |eᵤᵢ|:
/// - equal (`==`) for k < 16, and for k ≥ 16 with λ = 0: there the fast paths do the
///   definition's operations in the definition's order (the lane-summed dot product for k ≥ 16
///   is the model's own ``dotProduct(_:_:count:)``, which the definition's prediction uses too);
/// - within a relative 1e-12 (|a − b| ≤ 1e-12 · max(1, |a|, |b|)) for k ≥ 16 with λ > 0, where
///   the fast path rearranges the definition's factor step as (1 − γλ) pᵤ + (γ eᵤᵢ) qᵢ. Each
///   step then differs in the last bit or two (about 1e-16); after three epochs the largest gap
///   measured is below 1e-15, so 1e-12 leaves room for other data and settings, while using
///   one rate in place of another in the fast path moved them by more than 1e-6.
///
/// γ, γ_b and λ are drawn for each case from disjoint ranges, so all three differ and using one
/// in place of another changes the result.
@Suite("The trainer computes the SGD step's definition")
struct SGDDefinitionTests {
  /// About 100 ratings: enough to mix steps that share a user with steps that do not, few enough
  /// for 208 cases in about a second of a debug build.
  static let data = SyntheticCatalogue(
    recipe: .init(users: 16, items: 12, hiddenFactors: 3, density: 0.5), seed: 5
  ).dataset

  /// Both sides of the lane threshold 16, and long k that are not multiples of the SIMD width 4,
  /// so the one-factor-at-a-time remainder runs after the four-at-a-time loop.
  static let factorCounts = [0, 1, 2, 3, 5, 15, 16, 17, 18, 19, 20, 24, 33]
  static let epochs = 3
  static let shuffleSeed: UInt32 = 17

  struct Case: Sendable, CustomTestStringConvertible {
    let factors: Int
    let biases: Bool
    let shuffled: Bool
    let settings: SGDTrainer.Settings

    /// Where the fast path does the definition's operations in its order.
    var isExact: Bool { factors < dotProductLaneThreshold || settings.regularization == 0 }

    var testDescription: String {
      let s = settings
      return
        "k = \(factors), biases \(biases ? "on" : "off"), γ = \(s.learningRate), "
        + "γ_b = \(s.biasLearningRate), λ = \(s.regularization), \(s.factorUpdate.rawValue), "
        + (shuffled ? "shuffled" : "given order")
    }
  }

  /// Every k with every combination of biases, λ = 0 or not, the factor update and the visit
  /// order; γ ∈ [0.005, 0.025), γ_b ∈ [0.03, 0.05), λ ∈ [0.06, 0.16) drawn from a seeded stream.
  static let cases: [Case] = {
    var random = NumpyRandom(seed: 2024)
    var cases: [Case] = []
    for factors in factorCounts {
      for biases in [false, true] {
        for regularized in [false, true] {
          for update in SGDTrainer.FactorUpdate.allCases {
            for shuffled in [false, true] {
              let γ = 0.005 + 0.02 * random.nextDouble()
              let γ_b = 0.03 + 0.02 * random.nextDouble()
              let λ = 0.06 + 0.1 * random.nextDouble()
              let settings = SGDTrainer.Settings(
                learningRate: γ, biasLearningRate: γ_b, regularization: regularized ? λ : 0,
                factorUpdate: update,
                visitOrder: shuffled ? .shuffledEachEpoch(seed: shuffleSeed) : .asGiven)
              cases.append(
                Case(factors: factors, biases: biases, shuffled: shuffled, settings: settings))
            }
          }
        }
      }
    }
    return cases
  }()

  /// The largest |a − b| / max(1, |a|, |b|) over matching entries; NaN if any entry is NaN.
  static func deviation(_ a: [Double], _ b: [Double]) -> Double {
    precondition(a.count == b.count)
    return zip(a, b).reduce(0.0) { worst, pair in
      let gap = abs(pair.0 - pair.1) / max(1, abs(pair.0), abs(pair.1))
      return gap.isNaN ? .nan : max(worst, gap)
    }
  }

  @Test("P, Q, the biases and every epoch's Σ |e| as the definition gives", arguments: cases)
  func trainerFollowsTheDefinition(_ testCase: Case) {
    var random = NumpyRandom(seed: 3)
    let start = MatrixFactorization(
      users: Self.data.userCount, items: Self.data.itemCount, factors: testCase.factors,
      initialisation: .normal, usesBiases: testCase.biases, globalMean: 3.5, random: &random)
    let tolerance = testCase.isExact ? 0 : 1e-12

    var trained = start
    var trainer = SGDTrainer(settings: testCase.settings, ratings: Self.data.ratings)
    var defined = start
    // The trainer shuffles its own copy in place each epoch; shuffling this one in place with
    // the same stream visits the same ratings in the same order.
    var order = Self.data.ratings
    var shuffler = NumpyRandom(seed: Self.shuffleSeed)
    var trainerErrors: [Double] = []
    var definitionErrors: [Double] = []
    for _ in 1...Self.epochs {
      trainerErrors.append(trainer.runEpoch(&trained))
      if testCase.shuffled { shuffler.shuffle(&order) }
      definitionErrors.append(defined.sgdEpoch(order, settings: testCase.settings))
    }

    #expect(Self.deviation(trainerErrors, definitionErrors) <= tolerance)
    #expect(Self.deviation(trained.P.storage, defined.P.storage) <= tolerance)
    #expect(Self.deviation(trained.Q.storage, defined.Q.storage) <= tolerance)
    #expect(Self.deviation(trained.userBiases, defined.userBiases) <= tolerance)
    #expect(Self.deviation(trained.itemBiases, defined.itemBiases) <= tolerance)
  }

  /// How far single precision may land from the definition in double: after three epochs the
  /// largest relative gap measured over these cases is 4.6e-7 (Float keeps 24 bits, about
  /// 6e-8); 1e-5 leaves room for other data, while using γ in place of γ_b moved every case that
  /// learns biases by more than 0.09.
  static let singlePrecisionTolerance = 1e-5

  @Test(
    "single precision: P, Q, the biases and Σ |e| as the definition gives, within Float rounding",
    arguments: cases)
  func singlePrecisionFollowsTheDefinition(_ testCase: Case) {
    var random = NumpyRandom(seed: 3)
    let start = MatrixFactorization(
      users: Self.data.userCount, items: Self.data.itemCount, factors: testCase.factors,
      initialisation: .normal, usesBiases: testCase.biases, globalMean: 3.5, random: &random)
    var settings = testCase.settings
    settings.precision = .single
    var trained = start
    var trainer = SGDTrainer(settings: settings, ratings: Self.data.ratings)
    var defined = start
    var order = Self.data.ratings
    var shuffler = NumpyRandom(seed: Self.shuffleSeed)
    var trainerErrors: [Double] = []
    var definitionErrors: [Double] = []
    for _ in 1...Self.epochs {
      trainerErrors.append(trainer.runEpoch(&trained))
      if testCase.shuffled { shuffler.shuffle(&order) }
      definitionErrors.append(defined.sgdEpoch(order, settings: testCase.settings))
    }
    let gaps = [
      Self.deviation(trainerErrors.map { $0 / 100 }, definitionErrors.map { $0 / 100 }),
      Self.deviation(trained.P.storage, defined.P.storage),
      Self.deviation(trained.Q.storage, defined.Q.storage),
      Self.deviation(trained.userBiases, defined.userBiases),
      Self.deviation(trained.itemBiases, defined.itemBiases),
    ]
    #expect(gaps.allSatisfy { $0 <= Self.singlePrecisionTolerance }, "gaps \(gaps)")
  }

  @Test("the definition, worked by hand: biases, λ and the blog's sequential update")
  func definitionByHand() {
    // p = (1, 2), q = (3, 1), μ = 3, biases 0: r̂ = 8 and e = 4 − 8 = −4.
    var model = MatrixFactorization(
      P: Matrix([[1, 2]]), Q: Matrix([[3, 1]]), usesBiases: true, globalMean: 3)
    let settings = SGDTrainer.Settings(
      learningRate: 0.1, biasLearningRate: 0.05, regularization: 0.5)
    let e = model.sgdStep(user: 0, item: 0, rating: 4, settings: settings)
    // bᵤ = bᵢ = 0.05·(−4 − 0.5·0) = −0.2
    // p = (1 + 0.1·(−12 − 0.5), 2 + 0.1·(−4 − 1)) = (−0.25, 1.5)
    // q = (3 + 0.1·(−4·(−0.25) − 1.5), 1 + 0.1·(−4·1.5 − 0.5)) = (2.95, 0.35)
    let expected = [-0.2, -0.2, -0.25, 1.5, 2.95, 0.35]
    let actual = model.userBiases + model.itemBiases + model.P.storage + model.Q.storage
    #expect(e == -4)
    #expect(Self.deviation(actual, expected) < 1e-12)
  }
}
