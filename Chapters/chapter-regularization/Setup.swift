import Recommender

/// Does L2 regularization help on ratings the model never saw? A seeded experiment on a
/// synthetic catalogue with known structure (chapter-regularization).
///
/// The model gets more factors than the catalogue's true taste dimensions and enough epochs to
/// memorise its training ratings, so without a penalty (λ = 0) it overfits. Each λ trains the
/// same model from the same start; only λ changes. λ is chosen on a validation split carved
/// from the training ratings, so the test ratings are looked at once, for the chosen model only.
struct RegularizationExperiment: Sendable {
  var recipe = SyntheticCatalogue.Recipe(
    users: 300, items: 200, hiddenFactors: 3, density: 0.10, noise: 0.5)
  var testFraction = 0.2
  /// The share of the training ratings set aside to choose λ on.
  var validationFraction = 0.2
  /// k: more than the catalogue's 3 true dimensions, so there is room to memorise noise.
  var factors = 10
  var learningRate = 0.02
  var epochs = 60
  var initialisation = FactorInitialisation.normal
  var lambdas: [Double] = [0, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5]
  var seed: UInt32 = 42

  init() {}

  /// One λ's training run.
  struct Run: Sendable {
    let λ: Double
    let model: MatrixFactorization
    let history: TrainingHistory

    var final: EpochRecord { history.last! }
    /// The validation RMSE after the last epoch: what λ is chosen by.
    var validationRMSE: Double { final.test!.rmse }
    /// The lowest validation RMSE of any epoch, and when it happened. (The history's "test"
    /// measurements are on the validation ratings.)
    var bestValidationEpoch: EpochRecord { history.bestTestEpoch! }
    /// How far the validation RMSE rose from its lowest point to the last epoch.
    var validationRise: Double { validationRMSE - bestValidationEpoch.test!.rmse }
  }

  /// The catalogue in three parts: ratings to fit, validation ratings to choose λ on (both
  /// carved from the training split) and test ratings, touched once at the end.
  struct Data: Sendable {
    let catalogue: SyntheticCatalogue
    let split: TrainTestSplit
    /// `split.train` divided again: `train` is fitted, `test` is the validation set.
    let tuning: TrainTestSplit
    var fit: [Rating] { tuning.train }
    var validation: [Rating] { tuning.test }
    var test: [Rating] { split.test }
    /// μ of the ratings the models fit.
    let μ: Double
  }

  /// Generates the catalogue and splits it, all from `seed`.
  func makeData() -> Data {
    let catalogue = SyntheticCatalogue(recipe: recipe, seed: seed)
    let split = TrainTestSplit(catalogue.dataset.ratings, testFraction: testFraction, seed: seed)
    let tuning = TrainTestSplit(split.train, testFraction: validationFraction, seed: seed)
    let μ = tuning.train.reduce(0) { $0 + $1.value } / Double(tuning.train.count)
    return Data(catalogue: catalogue, split: split, tuning: tuning, μ: μ)
  }

  /// Trains one model per λ in `lambdas`, each from the same seeded start.
  ///
  /// - Complexity: O(λs × epochs × ratings × k).
  func run(on data: Data) throws(TrainingError) -> [Run] {
    var runs: [Run] = []
    for λ in lambdas {
      runs.append(try train(λ: λ, on: data))
    }
    return runs
  }

  /// Trains the model with one λ on the fit part: biases and factors, Surprise's update, a fresh
  /// shuffle per epoch, measured on the validation ratings after every epoch.
  func train(λ: Double, on data: Data, factors: Int? = nil) throws(TrainingError) -> Run {
    var random = NumpyRandom(seed: seed)
    var model = MatrixFactorization(
      users: recipe.users, items: recipe.items, factors: factors ?? self.factors,
      initialisation: initialisation, usesBiases: true, globalMean: data.μ, random: &random)
    var trainer = SGDTrainer(
      settings: .init(
        learningRate: learningRate, biasLearningRate: learningRate, regularization: λ,
        factorUpdate: .simultaneous, visitOrder: .shuffledEachEpoch(seed: seed)),
      ratings: data.fit)
    let history = try trainer.train(&model, epochs: epochs, test: data.validation)
    return Run(λ: λ, model: model, history: history)
  }

  /// The run with the lowest validation RMSE at the last epoch (the smaller λ of equals).
  static func best(_ runs: [Run]) -> Run {
    runs.min { $0.validationRMSE < $1.validationRMSE }!
  }

  /// Differences in RMSE below this many stars are too small to call: a few thousand
  /// validation ratings with σ = 0.5 noise move an RMSE by about this much from split to split.
  static let margin = 0.005
}
