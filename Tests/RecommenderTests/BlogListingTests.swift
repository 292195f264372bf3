import Testing

@testable import Recommender

/// The blog's three training listings (sections 8 and 9), run as the listings run them, must give
/// the same total absolute errors to the last bit. Every expected value below is printed by
///
///     python3 docs/listing-values.py SEED     (numpy required; numpy 2.4 printed these)
///
/// which restates the listings' arithmetic in this repository: same data, same draws from
/// `np.random.seed(SEED)`, same update order. Its `basic`, `biases` and `regularized` lines are
/// the arrays below; its `refined P[0]` and `refined Q[3]` lines are the last test's rows.
@Suite("The blog's listings, reproduced")
struct BlogListingTests {
  struct Expected: Sendable, CustomTestStringConvertible {
    let seed: UInt32
    let basic: [Double]  // epochs 10, 20, 30, 40, 50
    let biases: [Double]  // epochs 20, 40, 60, 80, 100
    let regularized: [Double]  // epochs 20, 40, 60, 80, 100
    var testDescription: String { "seed \(seed)" }
  }

  static let expectations: [Expected] = [
    Expected(
      seed: 42,
      basic: [
        28.06287967759315, 24.586062142212654, 23.780854373884303, 21.236915095534837,
        16.704919480928755,
      ],
      biases: [
        9.733606912216061, 9.358492152969854, 9.293609573509114, 9.160294872363696,
        8.902135301849828,
      ],
      regularized: [
        24.25237603833719, 20.07448433214666, 11.882403417224243, 7.655147796759612,
        6.058583726835209,
      ]),
    Expected(
      seed: 7,
      basic: [
        26.009998889613456, 19.314602126839617, 13.691294812844093, 10.242265458319384,
        9.884368705685873,
      ],
      biases: [
        9.932440482221576, 9.386193720209336, 9.31832191654755, 9.141088683228562,
        8.860866352274464,
      ],
      regularized: [
        23.863276073601483, 19.35955407610879, 10.91263763659748, 7.046672920998339,
        5.904577549089646,
      ]),
    Expected(
      seed: 2024,
      basic: [
        28.25358183441363, 25.024718758614835, 23.647213201846753, 20.355527913201772,
        14.766119045833848,
      ],
      biases: [
        9.171061321214756, 9.371764202632678, 9.363667555665835, 9.187946943326645,
        8.914375985943405,
      ],
      regularized: [
        24.79979884932134, 22.00854279422752, 12.815399502105006, 6.072596779615467,
        4.836213327715933,
      ]),
  ]

  /// Runs `epochs` epochs and keeps the total absolute error of every `every`-th.
  static func milestones(
    _ model: inout MatrixFactorization, settings: SGDTrainer.Settings, epochs: Int, every: Int
  ) -> [Double] {
    var trainer = SGDTrainer(settings: settings, ratings: BlogSamples.listing.ratings)
    var kept: [Double] = []
    for epoch in 1...epochs {
      let error = trainer.runEpoch(&model)
      if epoch % every == 0 { kept.append(error) }
    }
    return kept
  }

  @Test("section 8: the basic model's error every 10 epochs", arguments: expectations)
  func basic(expected: Expected) {
    var random = NumpyRandom(seed: expected.seed)
    var model = MatrixFactorization(users: 5, items: 4, factors: 2, random: &random)
    let errors = Self.milestones(&model, settings: .init(), epochs: 50, every: 10)
    #expect(errors == expected.basic)
  }

  @Test("section 9: biases added to the trained P and Q, every 20 epochs", arguments: expectations)
  func biases(expected: Expected) {
    var random = NumpyRandom(seed: expected.seed)
    var basic = MatrixFactorization(users: 5, items: 4, factors: 2, random: &random)
    _ = Self.milestones(&basic, settings: .init(), epochs: 50, every: 50)
    let μ = DatasetStatistics(BlogSamples.listing).globalMean
    var model = MatrixFactorization(P: basic.P, Q: basic.Q, usesBiases: true, globalMean: μ)
    let errors = Self.milestones(&model, settings: .init(), epochs: 100, every: 20)
    #expect(errors == expected.biases)
  }

  @Test(
    "section 9: biases and λ = 0.1 from the next draws, every 20 epochs", arguments: expectations)
  func regularized(expected: Expected) {
    var random = NumpyRandom(seed: expected.seed)
    _ = MatrixFactorization(users: 5, items: 4, factors: 2, random: &random)
    let μ = DatasetStatistics(BlogSamples.listing).globalMean
    var model = MatrixFactorization(
      users: 5, items: 4, factors: 2, usesBiases: true, globalMean: μ, random: &random)
    let errors = Self.milestones(
      &model, settings: .init(regularization: 0.1), epochs: 100, every: 20)
    #expect(errors == expected.regularized)
  }

  @Test("seed 42: P after 50 epochs equals the listing's refined P")
  func refinedP() {
    var random = NumpyRandom(seed: 42)
    var model = MatrixFactorization(users: 5, items: 4, factors: 2, random: &random)
    _ = Self.milestones(&model, settings: .init(), epochs: 50, every: 50)
    #expect(model.P.row(0) == [0.3333854830447574, 1.9820491653226155])
    #expect(model.Q.row(3) == [1.6345453409687174, 0.9242125063741616])
  }
}
