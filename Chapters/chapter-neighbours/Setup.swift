import ChapterKit
import Recommender

/// How the models of the chapter are built: the neighbourhood settings from the flags, and
/// matrix factorization with the complete demo's settings, so the two families meet on equal
/// terms.
struct ModelRecipe: Sendable {
  /// k, the most neighbours one prediction uses.
  let neighbours: Int
  /// The fewest co-raters a similarity needs.
  let minimumSupport: Int
  /// The Pearson-baseline shrinkage.
  let shrinkage: Double
  let measure: SimilarityMeasure
  /// MF's hidden factors, epochs, γ and λ.
  let factors: Int
  let epochs: Int
  let learningRate: Double
  let lambda: Double
  let seed: UInt32
  let userCount: Int
  let itemCount: Int
  let scale: ClosedRange<Double>
  let command: String

  /// The single models, in the order of every table; the blend combines ``blended``.
  static let names = [
    "Baseline μ + bᵤ + bᵢ", "MF with biases and λ", "User kNN", "User kNN-baseline", "Item kNN",
    "Item kNN-baseline",
  ]
  /// Which single models the blend combines: the baseline, MF and both kNN-baseline models.
  static let blended = [0, 1, 3, 5]
  static let blendName = "Blend"

  /// Every single model, fitted to `ratings`.
  func fit(_ ratings: [Rating]) -> FittedModels {
    let baseline = BaselineEstimates(ratings, userCount: userCount, itemCount: itemCount)
    func similarities(_ owner: RatingLists.Owner) -> SimilarityMatrix {
      SimilarityMatrix(
        ratings, between: owner, userCount: userCount, itemCount: itemCount, measure: measure,
        baseline: baseline, shrinkage: shrinkage, minimumSupport: minimumSupport)
    }
    let userSimilarities = similarities(.users)
    let itemSimilarities = similarities(.items)
    func knn(_ kind: NeighbourhoodModel.Kind, baseline usesBaseline: Bool) -> NeighbourhoodModel {
      NeighbourhoodModel(
        ratings, kind: kind, neighbourCount: neighbours, usesBaseline: usesBaseline,
        similarities: kind == .userBased ? userSimilarities : itemSimilarities,
        baseline: baseline, userCount: userCount, itemCount: itemCount, scale: scale)
    }
    return FittedModels(
      baseline: baseline, factorization: factorization(ratings),
      neighbourhoods: [
        knn(.userBased, baseline: false), knn(.userBased, baseline: true),
        knn(.itemBased, baseline: false), knn(.itemBased, baseline: true),
      ], scale: scale)
  }

  /// MF with biases and λ trained by SGD, or the run ends if it diverges.
  func factorization(_ ratings: [Rating]) -> MatrixFactorization {
    do {
      return try .trainedWithBiases(
        on: ratings, users: userCount, items: itemCount, factors: factors, epochs: epochs,
        learningRate: learningRate, regularization: lambda, seed: seed)
    } catch {
      exitWithError(
        .diverged(
          error,
          flags: RateFlags(
            learningRate: "--learning-rate", biasLearningRate: "--learning-rate",
            regularization: "--lambda"), run: "MF with biases and λ"),
        command: command)
    }
  }
}

/// How many training ratings each viewer and title has, and their support features.
struct Supports: Sendable {
  let userCounts: [Int]
  let itemCounts: [Int]

  init(_ ratings: [Rating], recipe: ModelRecipe) {
    var users = [Int](repeating: 0, count: recipe.userCount)
    var items = [Int](repeating: 0, count: recipe.itemCount)
    for rating in ratings {
      users[rating.user] += 1
      items[rating.item] += 1
    }
    userCounts = users
    itemCounts = items
  }

  /// (z_u, z_i) of a rating's viewer and title.
  func of(_ rating: Rating) -> (user: Double, item: Double) {
    (
      FeatureWeightedBlend.support(userCounts[rating.user]),
      FeatureWeightedBlend.support(itemCounts[rating.item])
    )
  }
}

/// The single models fitted to one set of training ratings.
struct FittedModels: Sendable {
  let baseline: BaselineEstimates
  let factorization: MatrixFactorization
  /// User kNN, user kNN-baseline, item kNN, item kNN-baseline.
  let neighbourhoods: [NeighbourhoodModel]
  let scale: ClosedRange<Double>

  /// Every single model's prediction of (u, i), in ``ModelRecipe/names`` order, each clipped
  /// to the rating scale.
  func predictions(user: Int, item: Int) -> [Double] { scored(user: user, item: item).values }

  /// The same, with whether each kNN model found a neighbour (in ``neighbourhoods`` order).
  func scored(user: Int, item: Int) -> (values: [Double], found: [Bool]) {
    let clip = { (value: Double) in min(max(value, scale.lowerBound), scale.upperBound) }
    let neighbourhood = neighbourhoods.map { $0.prediction(user: user, item: item) }
    return (
      [
        clip(baseline.estimate(user: user, item: item)),
        clip(factorization.predict(user: user, item: item)),
      ] + neighbourhood.map(\.value), neighbourhood.map { !$0.neighbours.isEmpty }
    )
  }
}

/// Every model scored on one fold's test ratings, and the blend fitted for that fold.
struct FoldResult: Sendable {
  /// RMSE and MAE per single model, then the blend's.
  let scores: [ErrorMetrics]
  let blend: FeatureWeightedBlend
  /// Each blended model's weight at the test ratings' mean supports, and at a viewer with few
  /// and with many ratings (the 10th and 90th percentile of the test ratings' z_u).
  let meanWeights: [Double]
  let fewRatingsWeights: [Double]
  let manyRatingsWeights: [Double]
  /// The viewers' rating counts at those percentiles.
  let fewRatings: Int
  let manyRatings: Int
  /// For each kNN model, the share of test ratings predicted from at least one neighbour.
  let coverage: [Double]
  /// Each test rating's error (r − r̂) by MF and by item kNN-baseline.
  let factorizationErrors: [Double]
  let neighbourErrors: [Double]
}

/// The chapter's cross-validation: in each fold, the blend's weights are fitted on a
/// validation split carved from the fold's training ratings (by models that learned from the
/// rest), then every model learns from the whole training part and is scored on the fold's
/// test ratings, which nothing was fitted to.
struct CrossValidation: Sendable {
  let folds: [FoldResult]

  init(_ ratings: [Rating], folds count: Int, recipe: ModelRecipe, progress: ProgressBar) {
    let splits = KFoldSplits(ratings, count: count, seed: recipe.seed).folds
    folds = splits.enumerated().map { index, fold in
      progress.show(done: index, label: "Fold \(index + 1) of \(count)")
      let inner = TrainTestSplit(fold.train, testFraction: 0.2, seed: recipe.seed)
      let tuning = recipe.fit(inner.train)
      let innerSupports = Supports(inner.train, recipe: recipe)
      let features = inner.test.map { rating in
        let all = tuning.predictions(user: rating.user, item: rating.item)
        return ModelRecipe.blended.map { all[$0] }
      }
      // A degenerate fit (it needs distinct predictions) falls back to the plain average.
      let blend =
        FeatureWeightedBlend(
          fitting: features, supports: inner.test.map(innerSupports.of),
          to: inner.test.map(\.value))
        ?? .average(of: ModelRecipe.blended.count)
      let models = recipe.fit(fold.train)
      let supports = Supports(fold.train, recipe: recipe)
      let scored = fold.test.map { models.scored(user: $0.user, item: $0.item) }
      let predictions = scored.map(\.values)
      let blended = zip(fold.test, predictions).map { rating, all in
        let (zu, zi) = supports.of(rating)
        let value = blend.predict(
          ModelRecipe.blended.map { all[$0] }, userSupport: zu, itemSupport: zi)
        return min(max(value, recipe.scale.lowerBound), recipe.scale.upperBound)
      }
      let scores =
        ModelRecipe.names.indices.map { model in
          Self.score(fold.test, predictions.map { $0[model] })
        } + [Self.score(fold.test, blended)]
      let testSupports = fold.test.map(supports.of)
      let meanUser = testSupports.reduce(0) { $0 + $1.user } / Double(fold.test.count)
      let meanItem = testSupports.reduce(0) { $0 + $1.item } / Double(fold.test.count)
      let userCounts = fold.test.map { supports.userCounts[$0.user] }.sorted()
      let few = userCounts[userCounts.count / 10]
      let many = userCounts[userCounts.count * 9 / 10]
      let weights = { (user: Double) in
        ModelRecipe.blended.indices.map {
          blend.weight(ofModel: $0, userSupport: user, itemSupport: meanItem)
        }
      }
      progress.clear()
      let coverage = models.neighbourhoods.indices.map { model in
        Double(scored.filter { $0.found[model] }.count) / Double(fold.test.count)
      }
      return FoldResult(
        scores: scores, blend: blend, meanWeights: weights(meanUser),
        fewRatingsWeights: weights(FeatureWeightedBlend.support(few)),
        manyRatingsWeights: weights(FeatureWeightedBlend.support(many)), fewRatings: few,
        manyRatings: many, coverage: coverage,
        factorizationErrors: zip(fold.test, predictions).map { $0.value - $1[1] },
        neighbourErrors: zip(fold.test, predictions).map { $0.value - $1[5] })
    }
  }

  /// MAE and RMSE of `predicted` against the ratings, in the same order.
  static func score(_ ratings: [Rating], _ predicted: [Double]) -> ErrorMetrics {
    var absolute = 0.0
    var square = 0.0
    for (rating, prediction) in zip(ratings, predicted) {
      absolute += abs(rating.value - prediction)
      square += (rating.value - prediction) * (rating.value - prediction)
    }
    return ErrorMetrics(absoluteSum: absolute, squareSum: square, count: ratings.count)
  }

  /// Every model's name, the blend last.
  static var modelNames: [String] { ModelRecipe.names + [ModelRecipe.blendName] }

  /// RMSE over the folds, per model.
  var rmse: [FoldSummary] {
    Self.modelNames.indices.map { model in FoldSummary(folds.map { $0.scores[model].rmse }) }
  }

  var mae: [FoldSummary] {
    Self.modelNames.indices.map { model in FoldSummary(folds.map { $0.scores[model].mae }) }
  }

  /// Each blended model's weight at the test ratings' mean supports, over the folds.
  var weights: [FoldSummary] {
    ModelRecipe.blended.indices.map { index in FoldSummary(folds.map { $0.meanWeights[index] }) }
  }

  /// The same for a viewer with few ratings and with many (see ``FoldResult``).
  var fewRatingsWeights: [Double] {
    ModelRecipe.blended.indices.map { index in
      FoldSummary(folds.map { $0.fewRatingsWeights[index] }).mean
    }
  }

  var manyRatingsWeights: [Double] {
    ModelRecipe.blended.indices.map { index in
      FoldSummary(folds.map { $0.manyRatingsWeights[index] }).mean
    }
  }

  /// The rating counts of a viewer with few and with many ratings, from the first fold.
  var fewAndMany: (few: Int, many: Int) { (folds[0].fewRatings, folds[0].manyRatings) }

  /// For each kNN model, the share of all test ratings predicted from at least one neighbour.
  var coverage: [Double] {
    (0..<4).map { model in FoldSummary(folds.map { $0.coverage[model] }).mean }
  }

  /// The correlation of MF's and item kNN-baseline's errors over every test rating: near 1,
  /// they miss the same ratings the same way and no blend of the two can cancel much.
  var errorCorrelation: Double {
    let x = folds.flatMap(\.factorizationErrors)
    let y = folds.flatMap(\.neighbourErrors)
    let pairs = zip(x, y).map { (x: $0, y: $1) }
    return similarity(of: pairs, measure: .pearson, shrinkage: 0, minimumSupport: 2)
  }
}

/// Section 2's idea on section 7's sample: the listing's five viewers and four movies, with
/// one rating hidden so there is something to predict.
struct SampleNeighbours: Sendable {
  let data = BlogSamples.listing
  /// The hidden rating: Alice's Sci-Fi Epic, the one chapter-basic-mf hides too.
  let hidden: Rating
  let training: [Rating]
  let baseline: BaselineEstimates
  /// Item–item similarities by each measure.
  let items: [SimilarityMeasure: SimilarityMatrix]
  /// User–user similarities by the chosen measure.
  let users: SimilarityMatrix
  let recipe: ModelRecipe
  /// The worked prediction with the baseline, and the plain weighted average beside it.
  let worked: NeighbourhoodPrediction
  let plain: NeighbourhoodPrediction

  init(recipe: ModelRecipe) {
    let data = BlogSamples.listing
    let hidden = data.ratings.first { $0.user == 0 && $0.item == 2 }!
    let training = data.ratings.filter { $0 != hidden }
    let baseline = BaselineEstimates(training, userCount: data.userCount, itemCount: data.itemCount)
    let matrix = { (owner: RatingLists.Owner, measure: SimilarityMeasure) in
      SimilarityMatrix(
        training, between: owner, userCount: data.userCount, itemCount: data.itemCount,
        measure: measure, baseline: baseline, shrinkage: recipe.shrinkage,
        minimumSupport: recipe.minimumSupport)
    }
    var items: [SimilarityMeasure: SimilarityMatrix] = [:]
    for measure in SimilarityMeasure.allCases { items[measure] = matrix(.items, measure) }
    let model = { (usesBaseline: Bool) in
      NeighbourhoodModel(
        training, kind: .itemBased, neighbourCount: recipe.neighbours, usesBaseline: usesBaseline,
        similarities: items[recipe.measure]!, baseline: baseline, userCount: data.userCount,
        itemCount: data.itemCount, scale: data.scale)
    }
    self.hidden = hidden
    self.training = training
    self.baseline = baseline
    self.items = items
    self.users = matrix(.users, recipe.measure)
    self.recipe = recipe
    self.worked = model(true).prediction(user: hidden.user, item: hidden.item)
    self.plain = model(false).prediction(user: hidden.user, item: hidden.item)
  }
}

/// "Because you watched" lists from the item neighbours of the full data, and on the demo
/// catalogue a check of how often a neighbour shares the title's hidden genre.
struct BecauseYouWatched: Sendable {
  /// The titles whose neighbours are listed.
  let watched: [Int]
  /// Their neighbours by the chosen similarity.
  let neighbours: [[Neighbour]]
  let source: ChapterData
  let measure: SimilarityMeasure
  /// Same-genre share of every title's top neighbours, per way of judging similarity; nil on
  /// files (no genres).
  let genreShares: [(name: String, share: Double?)]?
  /// The share a list drawn at random would have.
  let chanceShare: Double?
  let count: Int

  init(source: ChapterData, models: FittedModels, recipe: ModelRecipe, count: Int) {
    let data = source.dataset
    self.source = source
    self.measure = recipe.measure
    self.count = count
    let itemSimilarities = models.neighbourhoods[3].similarities
    let statistics = DatasetStatistics(data)
    // The blog's four movies on the catalogue; the three most-rated titles of a file.
    watched =
      source.catalogue != nil
      ? Array(0..<min(4, data.itemCount))
      : topN(count: min(3, data.itemCount), titleCount: data.itemCount) {
        Double(statistics.itemRatingCounts[$0])
      }
    neighbours = watched.map { itemSimilarities.mostSimilar(to: $0, count: count) }
    guard let catalogue = source.catalogue else {
      genreShares = nil
      chanceShare = nil
      return
    }
    // Every title's top neighbours by each measure, and by the cosine of MF's factor vectors
    // (the complete demo's "because you watched").
    let ratings = data.ratings
    let baseline = models.baseline
    func share(_ neighboursOf: (Int) -> [Int]) -> Double? {
      var same = 0
      var total = 0
      for item in 0..<data.itemCount {
        for other in neighboursOf(item) {
          total += 1
          if catalogue.itemGenres[other] == catalogue.itemGenres[item] { same += 1 }
        }
      }
      return total == 0 ? nil : Double(same) / Double(total)
    }
    var shares: [(name: String, share: Double?)] = SimilarityMeasure.allCases.map { measure in
      let matrix = SimilarityMatrix(
        ratings, between: .items, userCount: data.userCount, itemCount: data.itemCount,
        measure: measure, baseline: baseline, shrinkage: recipe.shrinkage,
        minimumSupport: recipe.minimumSupport)
      return (
        name: measure.rawValue + (measure == recipe.measure ? " (chosen)" : ""),
        share: share { matrix.mostSimilar(to: $0, count: count).map(\.index) }
      )
    }
    shares.append(
      (
        name: "cosine of MF's factor vectors",
        share: share { models.factorization.titlesSimilar(to: $0, count: count).map(\.item) }
      ))
    genreShares = shares
    // A random other title shares the genre with probability (titles of the genre − 1) / (n − 1).
    let n = Double(data.itemCount)
    chanceShare =
      (0..<data.itemCount).reduce(0.0) { total, item in
        let sameGenre = catalogue.itemGenres.filter { $0 == catalogue.itemGenres[item] }.count
        return total + Double(sameGenre - 1) / (n - 1)
      } / n
  }
}

/// New viewers, unseen in training, rate their first titles one by one; after each step every
/// method recommends from the titles they have not rated, and the list is judged by what the
/// viewer would really think of it: their expected rating from the catalogue's hidden tastes.
struct ColdStart: Sendable {
  /// How many ratings the new viewer has given at each step.
  static let steps = [0, 1, 3, 5, 10, 20]
  /// How many of the catalogue's viewers are held out as new.
  static let newViewerCount = 30
  static let methods = [
    "Popularity", "Item kNN-baseline", "MF folded in", "Best possible", "Random",
  ]
  /// Mean expected rating of the top picks, per step (rows) and method (columns).
  let quality: [[Double]]
  let top: Int
  let trainingCount: Int
  let itemCount: Int
  /// MF's fold-in penalties, from the viewers it trained on.
  let penalties: FoldInPenalties

  init(catalogue: DemoCatalogue, recipe: ModelRecipe, top: Int) {
    let data = catalogue.dataset
    var random = NumpyRandom(seed: recipe.seed)
    // The blog's five viewers stay; 30 of the rest become new viewers.
    var others = Array(5..<data.userCount)
    random.shuffle(&others)
    let newViewers = Array(others.prefix(Self.newViewerCount))
    let isNew = Set(newViewers)
    let training = data.ratings.filter { !isNew.contains($0.user) }
    trainingCount = training.count
    let models = recipe.fit(training)
    let knn = models.neighbourhoods[3]
    let factorization = models.factorization
    let penalties = factorization.foldInPenalties(trainedOn: training)
    var quality = Self.steps.map { _ in [Double](repeating: 0, count: Self.methods.count) }
    for viewer in newViewers {
      var order = Array(0..<data.itemCount)
      random.shuffle(&order)
      let asked = order.prefix(Self.steps.last!).map { item in
        (item: item, value: catalogue.drawRating(viewer: viewer, item: item, random: &random))
      }
      for (step, given) in Self.steps.enumerated() {
        let ratings = Array(asked.prefix(given))
        let rated = Set(ratings.map(\.item))
        let candidates = (0..<data.itemCount).filter { !rated.contains($0) }
        let truth = { (item: Int) in catalogue.expectedRating(viewer: viewer, item: item) }
        let folded = factorization.foldIn(ratings, penalties: penalties)
        let scores: [(Int) -> Double] = [
          { models.baseline.itemBiases[$0] },
          { knn.predictForNewViewer(item: $0, ratings: ratings) },
          { factorization.predict(foldedIn: folded, item: $0) },
          truth,
        ]
        for (method, score) in scores.enumerated() {
          let picks = topN(count: top, titleCount: candidates.count) { score(candidates[$0]) }
          quality[step][method] += picks.reduce(0) { $0 + truth(candidates[$1]) } / Double(top)
        }
        quality[step][4] += candidates.reduce(0) { $0 + truth($1) } / Double(candidates.count)
      }
    }
    self.quality = quality.map { $0.map { $0 / Double(newViewers.count) } }
    self.top = top
    self.itemCount = data.itemCount
    self.penalties = penalties
  }
}
