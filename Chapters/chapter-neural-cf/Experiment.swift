import ChapterKit
import Recommender

/// One model's score on each seed of a comparison.
struct SeedScores: Sendable {
  let name: String
  let values: [Double]

  var mean: Double { values.reduce(0, +) / Double(values.count) }
  /// The sample standard deviation over seeds (0 for one seed).
  var spread: Double {
    guard values.count > 1 else { return 0 }
    let m = mean
    return (values.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(values.count - 1)).squareRoot()
  }
}

/// What one trained model costs: its size, its arithmetic per prediction, its training time.
struct ModelCost: Sendable {
  let name: String
  let parameters: Int
  let multiplyAdds: Int
  /// Whether a viewer's best titles can be found by a maximum-inner-product index.
  let isDotProduct: Bool
  let seconds: Double
}

/// Trains a neural model, ending the run with a clear message if it diverges.
func trainOrExit(
  _ model: inout NeuralCF, name: String, training: NeuralTraining,
  examples: (inout NumpyRandom) -> [TrainingExample], command: String,
  onEpoch: (Int, NeuralCF, Double) -> Void
) {
  do {
    try training.fit(&model, examples: examples, onEpoch: onEpoch)
  } catch {
    exitWithError(
      .failure(
        "\(name) diverged in epoch \(error.epoch) (its loss or a weight stopped being a finite "
          + "number); try a smaller --learning-rate than \(training.learningRate)"),
      command: command)
  }
}

func seconds(since start: UInt64) -> Double { Double(MonotonicClock.now() - start) / 1e9 }

/// Section 1: every model predicts held-out ratings, on one split per seed.
struct RatingComparison {
  /// Global mean, Bias-only, MF with biases and λ, then the neural models.
  let scores: [SeedScores]
  /// Test RMSE after every epoch of each neural model, on the first seed.
  let curves: [(name: String, rmse: [Double])]
  let costs: [ModelCost]
  let trainCount: Int
  let testCount: Int

  init(data: RatingsDataset, recipe: Recipe, choice: ModelChoice, command: String) {
    var rmse: [String: [Double]] = [:]
    var names: [String] = []
    var curves: [(name: String, rmse: [Double])] = []
    var costs: [ModelCost] = []
    var counts = (0, 0)
    for (index, seed) in recipe.seeds.enumerated() {
      let split = TrainTestSplit(data.ratings, testFraction: 0.2, seed: seed)
      counts = (split.train.count, split.test.count)
      let μ = split.train.reduce(0) { $0 + $1.value } / Double(split.train.count)
      func record(_ name: String, _ value: Double) {
        if rmse[name] == nil { names.append(name) }
        rmse[name, default: []].append(value)
      }
      record("Global mean", ErrorMetrics(ratings: split.test) { _ in μ }.rmse)
      for (name, factors) in [("Bias-only", 0), ("MF with biases and λ", recipe.factors)] {
        let start = MonotonicClock.now()
        let model: MatrixFactorization
        do {
          model = try .trainedWithBiases(
            on: split.train, users: data.userCount, items: data.itemCount, factors: factors,
            epochs: recipe.mfEpochs, learningRate: recipe.mfLearningRate,
            regularization: recipe.mfLambda, seed: seed)
        } catch {
          exitWithError(.failure(error.description), command: command)
        }
        if index == 0, factors > 0 {
          costs.append(
            ModelCost(
              name: name, parameters: (data.userCount + data.itemCount) * (factors + 1) + 1,
              multiplyAdds: factors, isDotProduct: true, seconds: seconds(since: start)))
        }
        record(name, ErrorMetrics(model, on: split.test).rmse)
      }
      let examples = split.train.map {
        TrainingExample(user: $0.user, item: $0.item, target: $0.value)
      }
      for architecture in choice.architectures {
        var random = NumpyRandom(seed: seed)
        var model = NeuralCF(
          architecture, users: data.userCount, items: data.itemCount, factors: recipe.factors,
          layers: recipe.tower, loss: .squaredError(offset: μ), random: &random)
        let training = NeuralTraining(
          epochs: recipe.ratingEpochs, learningRate: recipe.learningRate,
          batchSize: recipe.batchSize, regularization: recipe.neuralLambda, seed: seed)
        var curve: [Double] = []
        let start = MonotonicClock.now()
        trainOrExit(
          &model, name: architecture.rawValue, training: training, examples: { _ in examples },
          command: command
        ) { _, model, _ in
          if index == 0 {
            curve.append(
              ErrorMetrics(ratings: split.test) { model.predict(user: $0.user, item: $0.item) }.rmse
            )
          }
        }
        if index == 0 {
          costs.append(
            ModelCost(
              name: architecture.rawValue, parameters: model.parameterCount,
              multiplyAdds: model.multiplyAddsPerPrediction, isDotProduct: model.isDotProduct,
              seconds: seconds(since: start)))
          curves.append((architecture.rawValue, curve))
        }
        record(
          architecture.rawValue,
          ErrorMetrics(ratings: split.test) { model.predict(user: $0.user, item: $0.item) }.rmse)
      }
      if choice.trainsAutoRec {
        let name = "I-AutoRec"
        var random = NumpyRandom(seed: seed)
        var model = AutoRec(
          users: data.userCount, hidden: recipe.autoRecHidden, mean: μ, random: &random)
        let columns = AutoRec.columns(split.train, items: data.itemCount)
        let training = NeuralTraining(
          epochs: recipe.autoRecEpochs, learningRate: recipe.learningRate,
          batchSize: 1, regularization: recipe.autoRecLambda, seed: seed)
        var curve: [Double] = []
        let start = MonotonicClock.now()
        do {
          try model.fit(columns, training: training) { _, model in
            guard index == 0 else { return }
            let predicted = model.predictions(split.test, columns: columns)
            curve.append(Self.rmse(split.test, predicted))
          }
        } catch {
          exitWithError(
            .failure(
              "\(name) diverged in epoch \(error.epoch); try a smaller --learning-rate than "
                + "\(recipe.learningRate)"), command: command)
        }
        if index == 0 {
          costs.append(
            ModelCost(
              name: name, parameters: model.parameterCount, multiplyAdds: recipe.autoRecHidden,
              isDotProduct: true, seconds: seconds(since: start)))
          curves.append((name, curve))
        }
        record(name, Self.rmse(split.test, model.predictions(split.test, columns: columns)))
      }
    }
    scores = names.map { SeedScores(name: $0, values: rmse[$0]!) }
    self.curves = curves
    self.costs = costs
    (trainCount, testCount) = counts
  }

  static func rmse(_ ratings: [Rating], _ predicted: [Double]) -> Double {
    let sum = zip(ratings, predicted).reduce(0) { $0 + ($1.0.value - $1.1) * ($1.0.value - $1.1) }
    return (sum / Double(max(ratings.count, 1))).squareRoot()
  }
}

/// Section 2: the implicit-feedback protocol, once per seed.
struct ChoiceComparison {
  /// Popularity, MF (dot product), then the chosen He et al. models.
  let hitRates: [SeedScores]
  let ndcgs: [SeedScores]
  /// HR@K after every epoch of each trained model, on the first seed.
  let curves: [(name: String, hitRate: [Double])]
  let costs: [ModelCost]
  /// The first seed's protocol, for its sizes.
  let protocolSample: LeaveOneOut
  let positiveCount: Int
  let chance: Double

  init(data: RatingsDataset, recipe: Recipe, choice: ModelChoice, command: String) {
    let positives = data.ratings.filter { $0.value >= (recipe.choiceThreshold ?? -.infinity) }
    var hits: [String: [Double]] = [:]
    var ndcg: [String: [Double]] = [:]
    var names: [String] = []
    var curves: [(name: String, hitRate: [Double])] = []
    var costs: [ModelCost] = []
    var sample: LeaveOneOut?
    let k = recipe.k
    for (index, seed) in recipe.seeds.enumerated() {
      let split = LeaveOneOut(
        positives: positives, userCount: data.userCount, itemCount: data.itemCount,
        negatives: recipe.negatives, seed: seed)
      if sample == nil { sample = split }
      func record(_ name: String, _ score: LeaveOneOut.Score) {
        if hits[name] == nil { names.append(name) }
        hits[name, default: []].append(score.hitRate)
        ndcg[name, default: []].append(score.ndcg)
      }
      let popularity = split.popularity
      record("Popularity", split.evaluate(k: k) { Double(popularity[$1]) })
      for architecture in [.dotProduct] + choice.architectures {
        var random = NumpyRandom(seed: seed)
        var model = NeuralCF(
          architecture, users: data.userCount, items: data.itemCount, factors: recipe.factors,
          layers: recipe.tower, loss: .binaryCrossEntropy, random: &random)
        let training = NeuralTraining(
          epochs: recipe.choiceEpochs, learningRate: recipe.learningRate,
          batchSize: recipe.batchSize, regularization: 0, seed: seed)
        var curve: [Double] = []
        let start = MonotonicClock.now()
        trainOrExit(
          &model, name: architecture.rawValue, training: training,
          examples: { split.examples(ratio: recipe.trainingNegatives, random: &$0) },
          command: command
        ) { _, model, _ in
          if index == 0 { curve.append(split.evaluate(k: k, score: model.score).hitRate) }
        }
        if index == 0 {
          costs.append(
            ModelCost(
              name: architecture.rawValue, parameters: model.parameterCount,
              multiplyAdds: model.multiplyAddsPerPrediction, isDotProduct: model.isDotProduct,
              seconds: seconds(since: start)))
          curves.append((architecture.rawValue, curve))
        }
        record(architecture.rawValue, split.evaluate(k: k, score: model.score))
      }
    }
    hitRates = names.map { SeedScores(name: $0, values: hits[$0]!) }
    ndcgs = names.map { SeedScores(name: $0, values: ndcg[$0]!) }
    self.curves = curves
    self.costs = costs
    protocolSample = sample!
    positiveCount = positives.count
    chance = sample!.chanceHitRate(k: k)
  }
}
