import ChapterKit
import Recommender

struct Settings: ChapterSettings {
  var common = CommonOptions()
  var data = DataFileOptions()
  // Left nil without the flag: 5 on the 40-title catalogue, 10 on files.
  var k: Int?
  var relevant = 4.0
  // Left nil without the flag: the re-rankers' recommended weights.
  var diversityWeight: Double?
  var taskWeight = 0.5
  var quick = false

  static var options: [ChapterOption<Settings>] {
    [
      .integer(
        "--k", \.k, atLeast: 1, atMost: 20, help: "K, the length of every list judged",
        whenAbsent: "5; 10 with --ratings"),
      .double(
        "--relevant", \.relevant, .closedRange(1...5),
        help: "the lowest held-out rating that counts as relevant"),
      .double(
        "--diversity-weight", \.diversityWeight, .closedRange(0...1),
        help: "the re-rankers' weight w for the lists shown",
        whenAbsent: "each re-ranker's recommended weight"),
      .double(
        "--task-weight", \.taskWeight, .unitIntervalOpen,
        help: "α, the watched task's share of the multi-task loss"),
      .flag("--quick", \.quick, help: "fewer seeds and weights (tests and CI)"),
    ] + .dataFiles(\.data) + .common(\.common)
  }
}

/// The training settings of every model: chapter-neighbours' and the complete demo's, tuned
/// for the small catalogue or as libraries use them on MovieLens.
struct Recipe: Sendable {
  /// k of MF with biases and λ.
  let factors: Int
  /// k of the multi-task models: half of ``factors`` on files, so fifteen of them train fast.
  let multiTaskFactors: Int
  /// Passes over the training ratings, for every trained model.
  let epochs: Int
  /// γ and λ, for every trained model.
  let learningRate: Double
  let lambda: Double
  /// The data's sizes and rating scale.
  let userCount: Int
  let itemCount: Int
  let scale: ClosedRange<Double>
  /// For the message when a model diverges.
  let command: String

  init(data: RatingsDataset, onCatalogue: Bool, command: String) {
    factors = onCatalogue ? 5 : 100
    multiTaskFactors = onCatalogue ? 5 : 50
    epochs = onCatalogue ? 100 : 20
    learningRate = onCatalogue ? 0.02 : 0.005
    lambda = onCatalogue ? 0.1 : 0.02
    userCount = data.userCount
    itemCount = data.itemCount
    scale = data.scale
    self.command = command
  }

  /// MF with biases and λ (or the bias-only baseline with 0 factors), by SGD; the run ends if
  /// it diverges.
  func factorization(_ ratings: [Rating], factors: Int, seed: UInt32) -> MatrixFactorization {
    do {
      return try .trainedWithBiases(
        on: ratings, users: userCount, items: itemCount, factors: factors, epochs: epochs,
        learningRate: learningRate, regularization: lambda, seed: seed)
    } catch {
      exitWithError(.failure(error.description), command: command)
    }
  }

  /// Item kNN-baseline as chapter-neighbours fits it: Pearson-baseline similarities shrunk by
  /// 100, the 40 nearest titles.
  func itemNeighbours(_ ratings: [Rating]) -> NeighbourhoodModel {
    let baseline = BaselineEstimates(ratings, userCount: userCount, itemCount: itemCount)
    let similarities = SimilarityMatrix(
      ratings, between: .items, userCount: userCount, itemCount: itemCount,
      measure: .pearsonBaseline, baseline: baseline, shrinkage: 100, minimumSupport: 1)
    return NeighbourhoodModel(
      ratings, kind: .itemBased, neighbourCount: 40, usesBaseline: true,
      similarities: similarities, baseline: baseline, userCount: userCount, itemCount: itemCount,
      scale: scale)
  }

  /// The two-headed model with task weight α, or the run ends if it diverges.
  func multiTask(_ ratings: [Rating], taskWeight α: Double, seed: UInt32)
    -> MultiTaskFactorization
  {
    var random = NumpyRandom(seed: seed)
    let μ = ratings.reduce(0) { $0 + $1.value } / Double(ratings.count)
    var model = MultiTaskFactorization(
      users: userCount, items: itemCount, factors: multiTaskFactors, globalMean: μ,
      random: &random)
    let trainer = MultiTaskTrainer(
      learningRate: learningRate, regularization: lambda, taskWeight: α)
    do {
      try trainer.fit(&model, ratings: ratings, epochs: epochs, seed: seed)
    } catch {
      exitWithError(.failure("α = \(α): " + error.description), command: command)
    }
    return model
  }
}

/// One model in the ranking table: a name, a score that orders its list and, when it predicts
/// stars, its RMSE on the held-out ratings.
struct RankedModel {
  let name: String
  let rmse: Double?
  let lists: [[Int]]
  let heldOut: ListAccuracy
  /// Against the catalogue's hidden tastes; nil on files.
  let truth: ListAccuracy?
  let variety: VarietyScores
}

/// The four models of the ranking table, fitted to the training ratings and judged on the
/// held-out ones (and on the catalogue, against the truth too).
struct Lineup {
  let models: [RankedModel]
  /// MF with biases and λ: its factors are the yardstick of diversity and its lists the pool
  /// the re-rankers start from.
  let factorization: MatrixFactorization
  let evaluation: ListEvaluation
  let heldOutRelevance: [[Int: Double]]
  let truthRelevance: [[Int: Double]]?

  init(
    split: TrainTestSplit, source: ChapterData, recipe: Recipe, k: Int, relevant: Double,
    seed: UInt32
  ) {
    let train = split.train
    let mf = recipe.factorization(train, factors: recipe.factors, seed: seed)
    let biasOnly = recipe.factorization(train, factors: 0, seed: seed)
    let knn = recipe.itemNeighbours(train)
    var counts = [Double](repeating: 0, count: recipe.itemCount)
    for rating in train { counts[rating.item] += 1 }
    let evaluation = ListEvaluation(
      training: train, userCount: recipe.userCount, itemCount: recipe.itemCount, k: k,
      itemFactors: mf.Q, genres: source.catalogue?.itemGenres)
    let heldOut = Relevance.heldOut(split.test, threshold: relevant, userCount: recipe.userCount)
    let truth = source.catalogue.map { catalogue in
      Relevance.truth(evaluation, threshold: relevant) {
        catalogue.expectedRating(viewer: $0, item: $1)
      }
    }
    let clip = { (x: Double) in min(max(x, recipe.scale.lowerBound), recipe.scale.upperBound) }
    let entries: [(String, ((Int, Int) -> Double), Bool)] = [
      ("Popularity", { _, item in counts[item] }, false),
      ("Bias-only", { biasOnly.predict(user: $0, item: $1) }, true),
      ("MF with biases and λ", { mf.predict(user: $0, item: $1) }, true),
      ("Item kNN-baseline", { knn.predict(user: $0, item: $1) }, true),
    ]
    models = entries.map { name, score, predictsStars in
      let lists = evaluation.topLists(score: score)
      return RankedModel(
        name: name,
        rmse: predictsStars
          ? ErrorMetrics(ratings: split.test) { clip(score($0.user, $0.item)) }.rmse : nil,
        lists: lists, heldOut: evaluation.accuracy(lists, relevance: heldOut),
        truth: truth.map { evaluation.accuracy(lists, relevance: $0) },
        variety: evaluation.variety(lists))
    }
    factorization = mf
    self.evaluation = evaluation
    heldOutRelevance = heldOut
    truthRelevance = truth
  }
}
