import ChapterKit
import Recommender

struct Settings: ChapterSettings {
  var common = CommonOptions()
  // Left nil without the flag: the defaults depend on --quick.
  var viewers: Int?
  var days = 14
  var effect = 0.1
  var alpha = 0.05
  var experiments: Int?
  var salt = "row-ranking"
  var quick = false

  static var options: [ChapterOption<Settings>] {
    [
      .integer(
        "--viewers", \.viewers, atLeast: 100, atMost: 3_000,
        help: "viewers in the catalogue and in the test", whenAbsent: "2,000; 500 with --quick"),
      .integer(
        "--days", \.days, atLeast: 1, atMost: 60, help: "days the test runs, one look a day"),
      .double(
        "--effect", \.effect, .closedRange(0.05...0.5),
        help: "the minimum detectable effect, as a share of the control's mean"),
      .double(
        "--alpha", \.alpha, .closedRange(0.001...0.2),
        help: "α, the false-positive rate each test allows"),
      .integer(
        "--experiments", \.experiments, atLeast: 100, atMost: 10_000,
        help: "simulated A/A tests", whenAbsent: "1,000; 200 with --quick"),
      .string(
        "--salt", \.salt, valueName: "NAME",
        help: "the experiment's name, hashed with each viewer id"),
      .flag("--quick", \.quick, help: "fewer viewers and simulated tests (tests and CI)"),
    ] + .common(\.common)
  }
}

/// The viewers of the test and the two rows each would see: the catalogue, the models trained
/// on it, each viewer's row from each, and the chance of enjoying each title of it.
struct Population {
  /// The catalogue with `--viewers` viewers, its tastes hidden from the models.
  let catalogue: DemoCatalogue
  let responses: ViewerResponses
  /// 80% of the ratings to learn from, 20% to score offline.
  let split: TrainTestSplit
  /// The models, in the order of the offline-against-online table; the first is the control's.
  let models: [(name: String, model: MatrixFactorization)]
  /// Each model's row of three titles for every viewer, titles they rated left out.
  let rows: [[[Int]]]

  /// Titles per row.
  static let rowLength = 3
  /// λ of Bias-only and of the treatment: the value chapter-complete-demo's validation split
  /// chooses on the 200-viewer catalogue.
  static let lambda = 0.1
  /// SGD as chapter-complete-demo trains on the catalogue: γ = 0.02, k = 5.
  static let factors = 5
  static let learningRate = 0.02
  static let epochs = 20

  init(viewers: Int, seed: UInt32) {
    let catalogue = DemoCatalogue(recipe: .init(viewers: viewers), seed: seed)
    let data = catalogue.dataset
    let split = TrainTestSplit(data.ratings, testFraction: 0.2, seed: seed)
    let μ = split.train.reduce(0) { $0 + $1.value } / Double(split.train.count)
    func fit(factors: Int, λ: Double) -> MatrixFactorization {
      var random = NumpyRandom(seed: seed)
      var model = MatrixFactorization(
        users: data.userCount, items: data.itemCount, factors: factors, initialisation: .normal,
        usesBiases: true, globalMean: μ, random: &random)
      var trainer = SGDTrainer(
        settings: .init(
          learningRate: Self.learningRate, biasLearningRate: Self.learningRate,
          regularization: λ, factorUpdate: .simultaneous,
          visitOrder: .shuffledEachEpoch(seed: seed)),
        ratings: split.train)
      for _ in 0..<Self.epochs { _ = trainer.runEpoch(&model) }
      return model
    }
    let models: [(name: String, model: MatrixFactorization)] = [
      ("Bias-only (popularity)", fit(factors: 0, λ: Self.lambda)),
      ("MF with biases", fit(factors: Self.factors, λ: 0)),
      ("MF with biases and λ", fit(factors: Self.factors, λ: Self.lambda)),
    ]
    let everyone = Array(0..<data.userCount)
    let rated = data.itemsRated(by: everyone)
    rows = models.map { entry in
      everyone.map { viewer in
        entry.model.recommendations(for: viewer, count: Self.rowLength, excluding: rated[viewer])
          .map(\.item)
      }
    }
    self.catalogue = catalogue
    self.responses = ViewerResponses(catalogue: catalogue)
    self.split = split
    self.models = models
  }

  var viewerCount: Int { catalogue.dataset.userCount }

  /// qᵤᵢ for each title of each viewer's row from model `index`.
  func enjoyProbabilities(model index: Int) -> [[Double]] {
    rows[index].enumerated().map { viewer, row in
      row.map { responses.enjoyProbability(viewer: viewer, item: $0) }
    }
  }

  /// Test RMSE of model `index` on the held-out 20%.
  func offlineRMSE(model index: Int) -> Double {
    let model = models[index].model
    return ErrorMetrics(ratings: split.test) { model.predict(user: $0.user, item: $0.item) }.rmse
  }
}
