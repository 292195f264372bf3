import Recommender

/// Does L2 regularization help on ratings the model never saw? A seeded experiment on a
/// synthetic catalogue with known structure (chapter-regularization).
///
/// The model gets more factors than the catalogue's true taste dimensions and enough epochs to
/// memorise its training ratings, so without a penalty (λ = 0) it overfits. Each λ trains the
/// same model from the same start; only λ changes.
struct RegularizationExperiment: Sendable {
  var recipe = SyntheticCatalogue.Recipe(
    users: 300, items: 200, hiddenFactors: 3, density: 0.10, noise: 0.5)
  var testFraction = 0.2
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
    /// The lowest held-out RMSE of any epoch, and when it happened.
    var bestTestEpoch: EpochRecord { history.bestTestEpoch! }
    /// How far the held-out RMSE rose from its lowest point to the last epoch.
    var testRise: Double { final.test!.rmse - bestTestEpoch.test!.rmse }
  }

  /// The catalogue, split into training and held-out ratings.
  struct Data: Sendable {
    let catalogue: SyntheticCatalogue
    let split: TrainTestSplit
    /// μ of the training ratings.
    let μ: Double
  }

  /// Generates the catalogue and splits it, both from `seed`.
  func makeData() -> Data {
    let catalogue = SyntheticCatalogue(recipe: recipe, seed: seed)
    let split = TrainTestSplit(catalogue.dataset.ratings, testFraction: testFraction, seed: seed)
    let μ = split.train.reduce(0) { $0 + $1.value } / Double(split.train.count)
    return Data(catalogue: catalogue, split: split, μ: μ)
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

  /// Trains the model with one λ: biases and factors, Surprise's update, a fresh shuffle per
  /// epoch, measured on the held-out ratings after every epoch.
  func train(λ: Double, on data: Data, factors: Int? = nil) throws(TrainingError) -> Run {
    var random = NumpyRandom(seed: seed)
    var model = MatrixFactorization(
      users: recipe.users, items: recipe.items, factors: factors ?? self.factors,
      initialisation: initialisation, usesBiases: true, globalMean: data.μ, random: &random)
    var trainer = SGDTrainer(
      settings: .init(
        learningRate: learningRate, biasLearningRate: learningRate, regularization: λ,
        factorUpdate: .simultaneous, visitOrder: .shuffledEachEpoch(seed: seed)),
      ratings: data.split.train)
    let history = try trainer.train(&model, epochs: epochs, test: data.split.test)
    return Run(λ: λ, model: model, history: history)
  }

  /// The run with the lowest held-out RMSE at the last epoch.
  static func best(_ runs: [Run]) -> Run {
    runs.min { $0.final.test!.rmse < $1.final.test!.rmse }!
  }
}
