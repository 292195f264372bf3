import ChapterKit
import LookupTiming
import Recommender

extension ChapterData {
  /// A few viewers and titles small enough to print and draw: on the catalogue, the blog's five
  /// viewers with its four movies and the first two animation titles (Eve's hidden favourite);
  /// on loaded data, the six most-rated titles and the five viewers who rated most of them.
  ///
  /// Ties go to the lower index.
  ///
  /// - Parameter statistics: the dataset's statistics, for the rating counts.
  /// - Complexity: O(ratings + items log items).
  func readableSlice(statistics: DatasetStatistics) -> (users: [Int], items: [Int]) {
    if let catalogue {
      let animation = DemoCatalogue.genres.firstIndex(of: "Animation")!
      let cartoons = catalogue.itemGenres.indices.filter { catalogue.itemGenres[$0] == animation }
      return (Array(0..<5), Array(0..<4) + cartoons.prefix(2))
    }
    let items = topN(
      count: 6, titleCount: dataset.itemCount
    ) { Double(statistics.itemRatingCounts[$0]) }
    var isShown = [Bool](repeating: false, count: dataset.itemCount)
    for item in items { isShown[item] = true }
    var shownRatings = [Int](repeating: 0, count: dataset.userCount)
    for rating in dataset.ratings where isShown[rating.item] { shownRatings[rating.user] += 1 }
    let users = topN(count: 5, titleCount: dataset.userCount) { Double(shownRatings[$0]) }
    return (users, items)
  }

  /// The fewest ratings a title needs to be recommended: 20, or the median title's count when
  /// that is lower, so a small file still has titles to suggest.
  func minimumRatings(_ statistics: DatasetStatistics) -> Int {
    let counts = statistics.itemRatingCounts.sorted()
    guard !counts.isEmpty else { return 0 }
    return min(20, counts[counts.count / 2])
  }

  /// The titles that may be recommended: those with at least ``minimumRatings(_:)`` ratings.
  func candidates(statistics: DatasetStatistics) -> [Int] {
    let minimum = minimumRatings(statistics)
    return (0..<dataset.itemCount).filter { statistics.itemRatingCounts[$0] >= minimum }
  }

  /// The viewers the demo recommends to: the blog's five on the catalogue, else the first three.
  var viewersToRecommendFor: [Int] {
    Array(0..<min(catalogue == nil ? 3 : 5, dataset.userCount))
  }

  /// The viewer's highest-rated title among `candidates` (the first of equals), with the rating.
  ///
  /// - Complexity: O(ratings).
  func favouriteRated(by user: Int, among candidates: [Int]) -> Rating? {
    var allowed = [Bool](repeating: false, count: dataset.itemCount)
    for item in candidates { allowed[item] = true }
    var best: Rating?
    for rating in dataset.ratings where rating.user == user && allowed[rating.item] {
      if best == nil || rating.value > best!.value
        || (rating.value == best!.value && rating.item < best!.item)
      {
        best = rating
      }
    }
    return best
  }
}

/// λ chosen on a validation set carved from the training ratings, so the test ratings are scored
/// once, by a model no choice was fitted to.
struct ValidationChoice {
  /// Each λ tried, with MF with biases' RMSE on the validation ratings after the last epoch.
  let tried: [(λ: Double, rmse: Double)]

  /// Below this difference in validation RMSE two values of λ count as a tie.
  static let margin = 0.005

  /// The values tried: around the usual 0.1 on the catalogue, around libraries' 0.02 on files.
  static func lambdaGrid(onCatalogue: Bool) -> [Double] {
    onCatalogue ? [0.03, 0.1, 0.3] : [0.02, 0.05, 0.1]
  }

  /// The λ used when the training ratings are too few to split.
  static func fallbackLambda(onCatalogue: Bool) -> Double { onCatalogue ? 0.1 : 0.02 }

  /// 20% of the training ratings held out for validation, seeded; nil when either part would be
  /// empty.
  static func split(_ training: [Rating], seed: UInt32) -> TrainTestSplit? {
    let tuning = TrainTestSplit(training, testFraction: 0.2, seed: seed)
    return tuning.train.isEmpty || tuning.test.isEmpty ? nil : tuning
  }

  /// The lowest validation RMSE wins; the first (smallest λ) among equals.
  var chosen: Double { tried.min { $0.rmse < $1.rmse }!.λ }

  var table: TextTable {
    TextTable(
      columns: [.right("λ"), .right("Validation RMSE")],
      rows: tried.map { [String($0.λ), fixed($0.rmse, 3)] })
  }

  /// Why a validation set, in numbers of ratings.
  static func explanation(trainCount: Int, tuning: TrainTestSplit) -> String {
    "Picking λ by the score on the hidden ratings would let them choose the answer and then "
      + "grade it: the best of several tries on the same ratings looks better than the model "
      + "will do on ratings it meets later. So \(grouped(tuning.test.count)) of the "
      + "\(grouped(trainCount)) training ratings (20%) are set aside as a validation set; MF "
      + "with biases learns from the other \(grouped(tuning.train.count)) with each λ below, "
      + "and the λ with the lowest validation RMSE is used from here on, by Bias-only and by the "
      + "last model, both trained on all \(grouped(trainCount)). The hidden ratings are "
      + "scored once, in the next section."
  }

  /// Which λ won, and whether by enough to matter.
  var verdict: String {
    let best = tried.min { $0.rmse < $1.rmse }!
    let close = tried.filter { $0.λ != best.λ && $0.rmse - best.rmse < Self.margin }
    if close.isEmpty {
      return "λ = \(best.λ) did best on the validation ratings (RMSE \(fixed(best.rmse, 3))), "
        + "so it is used below."
    }
    let others = close.map { "λ = \($0.λ) (\(fixed($0.rmse, 3)))" }.joined(separator: " and ")
    return "λ = \(best.λ) had the lowest validation RMSE (\(fixed(best.rmse, 3))), but \(others) "
      + (close.count == 1 ? "is" : "are") + " within \(Self.margin): a difference too small "
      + "to call, so λ = \(best.λ) is used below as one of equals."
  }
}

/// One model of the comparison, by its per-epoch record. The parameters are not kept: on
/// MovieLens 25M each model's P and Q take 177 MB, and only the last model is needed later.
struct TrainedModel {
  let name: String
  let history: TrainingHistory
  /// The trained model on its training ratings, measured once after the last epoch (the
  /// epochs record only the error during each pass).
  let train: ErrorMetrics

  var score: ModelScore { ModelScore(name: name, train: train, test: history.last!.test!) }
}

/// `--order`: how each epoch visits the training ratings.
enum RatingOrder: String, CaseIterable, Sendable {
  /// numpy's shuffle, a fresh one every epoch, as the blog's Python would.
  case shuffled
  /// Block by block, viewer by viewer within a block, fixed once (LIBMF's layout).
  case blocked

  /// The trainer's visit order. Blocks: the grid whose blocks' rows of Q fit the cache budget
  /// of chapter-at-scale's DSGD, at this precision's bytes per factor, for every model alike,
  /// rounded up to a multiple of the workers so that every sub-epoch keeps them all busy.
  func visitOrder(
    items: Int, factors: Int, precision: SGDTrainer.Precision, seed: UInt32, workers: Int
  ) -> SGDTrainer.VisitOrder {
    switch self {
    case .shuffled: return .shuffledEachEpoch(seed: seed)
    case .blocked:
      let strata = BlockedRatings.strata(
        items: items, factors: factors, bytesPerFactor: precision == .single ? 4 : 8,
        workers: workers)
      return .blocked(strata: strata, seed: seed, workers: workers)
    }
  }
}

/// How every model of the demo learns: the same SGD, seed, epochs and step, so the models differ
/// only in what they are asked to learn.
struct DemoTraining: Sendable {
  /// Viewers and titles of the dataset, the sizes of P and Q.
  let userCount: Int
  let itemCount: Int
  /// Passes over the training ratings.
  let epochs: Int
  /// γ, the step for factors and biases alike.
  let learningRate: Double
  /// `Double` throughout, or `Float` while the passes run (the default on files).
  let precision: SGDTrainer.Precision
  /// numpy's shuffle every epoch, or blocks of viewers and titles.
  let order: SGDTrainer.VisitOrder
  /// Seeds the starting factors and every epoch's shuffle.
  let seed: UInt32
  /// The chapter's command, for the message when a model diverges.
  let command: String

  /// Trains one model from the shared seed on `ratings.train`, scoring `ratings.test` after
  /// every epoch, or ends the run if it diverges.
  ///
  /// - Parameters:
  ///   - name: the model's name, on the progress bar and in the per-epoch lines.
  ///   - factors: hidden factors k; 0 for a model of biases alone.
  ///   - biases: whether the model learns μ + bᵤ + bᵢ besides p·q.
  ///   - λ: the regularization.
  ///   - ratings: the ratings to learn from and to score.
  ///   - mean: μ, the average of `ratings.train`.
  ///   - say: where every epoch reports its RMSEs and time so far, or nil for no reports.
  func fit(
    _ name: String, factors: Int, biases: Bool, λ: Double, on ratings: TrainTestSplit,
    mean: Double, reportingTo say: Narrator? = nil
  ) -> (TrainingHistory, MatrixFactorization) {
    var (model, trainer) = start(factors: factors, biases: biases, λ: λ, on: ratings, mean: mean)
    let bar = ProgressBar(total: epochs, unit: "epochs")
    let start = MonotonicClock.now()
    do {
      // The test error every epoch, for the learning curves; the training error as it was
      // during each pass, which costs no second pass over the training ratings.
      let history = try trainer.train(
        &model, epochs: epochs, test: ratings.test, measuresTrainingAfterPass: false
      ) { record in
        bar.show(done: record.epoch, label: name)
        guard let say else { return }
        bar.clear()
        let seconds = Double(MonotonicClock.now() - start) / 1e9
        say.line(
          "\(name), epoch \(record.epoch)/\(epochs): train RMSE during the pass "
            + "\(fixed(record.duringPass.rmse, 4)), test RMSE \(fixed(record.test!.rmse, 4)), "
            + "\(fixed(seconds, 2)) s")
      }
      bar.clear()
      return (history, model)
    } catch {
      bar.clear()
      diverged(error, name: name)
    }
  }

  /// Trains one model as ``fit(_:factors:biases:λ:on:mean:reportingTo:)`` does and measures
  /// it on `ratings.test` once, after the last epoch: for λ's validation and the folds, which
  /// show only the final score.
  func finalTestError(
    _ name: String, factors: Int, biases: Bool, λ: Double, on ratings: TrainTestSplit,
    mean: Double
  ) -> ErrorMetrics {
    var (model, trainer) = start(factors: factors, biases: biases, λ: λ, on: ratings, mean: mean)
    let bar = ProgressBar(total: epochs, unit: "epochs")
    defer { bar.clear() }
    do {
      _ = try trainer.train(&model, epochs: epochs, measuresTrainingAfterPass: false) { record in
        bar.show(done: record.epoch, label: name)
      }
    } catch {
      bar.clear()
      diverged(error, name: name)
    }
    return ErrorMetrics(model, on: ratings.test)
  }

  /// A fresh model from the shared seed and its trainer.
  private func start(
    factors: Int, biases: Bool, λ: Double, on ratings: TrainTestSplit, mean: Double
  ) -> (MatrixFactorization, SGDTrainer) {
    var random = NumpyRandom(seed: seed)
    let model = MatrixFactorization(
      users: userCount, items: itemCount, factors: factors, initialisation: .normal,
      usesBiases: biases, globalMean: mean, random: &random)
    return (model, SGDTrainer(settings: settings(λ: λ), ratings: ratings.train))
  }

  /// The trainer's settings for a model with regularization λ.
  private func settings(λ: Double) -> SGDTrainer.Settings {
    .init(
      learningRate: learningRate, biasLearningRate: learningRate, regularization: λ,
      factorUpdate: .simultaneous, visitOrder: order, precision: precision)
  }

  /// Whether the trainers make each next epoch's shuffle on a second core while a pass runs:
  /// never with one epoch, which has no next.
  func shufflesAhead(ratingCount: Int) -> Bool {
    epochs > 1 && SGDTrainer.shufflesAhead(settings(λ: 0), ratingCount: ratingCount)
  }

  private func diverged(_ error: TrainingError, name: String) -> Never {
    exitWithError(
      .diverged(
        error,
        flags: RateFlags(
          learningRate: "--learning-rate", biasLearningRate: "--learning-rate",
          regularization: "--lambda"), run: name),
      command: command)
  }

  /// One model of the comparison, trained on `split` by ``fit(_:factors:biases:λ:on:mean:reportingTo:)``,
  /// with its record and its parameters.
  func model(
    _ name: String, factors: Int, biases: Bool, λ: Double, on split: TrainTestSplit,
    mean: Double, reportingTo say: Narrator?
  ) -> (TrainedModel, MatrixFactorization) {
    let (history, model) = fit(
      name, factors: factors, biases: biases, λ: λ, on: split, mean: mean, reportingTo: say)
    let train = ErrorMetrics(model, on: split.train)
    return (TrainedModel(name: name, history: history, train: train), model)
  }
}

extension DemoTraining {
  /// The training of every model on `data`: its viewers and titles size P and Q.
  init(
    data: RatingsDataset, epochs: Int, learningRate: Double, precision: SGDTrainer.Precision,
    order: SGDTrainer.VisitOrder, seed: UInt32, command: String
  ) {
    self.init(
      userCount: data.userCount, itemCount: data.itemCount, epochs: epochs,
      learningRate: learningRate, precision: precision, order: order, seed: seed,
      command: command)
  }
}

extension ValidationChoice {
  /// Tries every λ of ``lambdaGrid(onCatalogue:)`` on MF with biases, learning from
  /// `tuning.train` and scoring `tuning.test`, the validation ratings.
  ///
  /// - Parameters:
  ///   - tuning: the training ratings split by ``split(_:seed:)``.
  ///   - factors: hidden factors k of the model tried.
  ///   - onCatalogue: whether the data is the demo catalogue, which picks the grid.
  ///   - training: how the model learns.
  init(tuning: TrainTestSplit, factors: Int, onCatalogue: Bool, training: DemoTraining) {
    let tuningMean = tuning.train.reduce(0) { $0 + $1.value } / Double(tuning.train.count)
    let tried = Self.lambdaGrid(onCatalogue: onCatalogue).map { λ in
      let score = training.finalTestError(
        "Validating λ = \(λ)", factors: factors, biases: true, λ: λ, on: tuning,
        mean: tuningMean)
      return (λ: λ, rmse: score.rmse)
    }
    self.init(tried: tried)
  }
}

/// A few viewers and titles of the trained model, small enough to print and draw: their known
/// ratings, their rows of P and columns of Qᵀ, and the predictions.
struct FactorSlice {
  /// The viewers and titles shown, from ``ChapterData/readableSlice(statistics:)``.
  let users: [Int]
  let items: [Int]
  /// The known ratings of these viewers for these titles.
  let data: RatingsDataset
  /// The same ratings with the titles named A, B, C, … so the tables stay within 80 columns.
  let lettered: RatingsDataset
  /// The column letters, in the order of `items`.
  let letters: [String]
  /// The label above Qᵀ, naming its first and last column.
  var qᵀLabel: String { "Qᵀ, these titles (columns \(letters.first!) to \(letters.last!)):" }
  /// How many factors P and Qᵀ show: at most the first 5.
  let shownFactors: Int
  /// The viewers' rows of P and the titles' columns of Qᵀ, in the shown factors.
  let P: Matrix
  let Qᵀ: Matrix
  /// μ + bᵤ + bᵢ + p·q for every viewer and title shown.
  let predictions: Matrix

  init(model: MatrixFactorization, source: ChapterData, statistics: DatasetStatistics) {
    (users, items) = source.readableSlice(statistics: statistics)
    data = source.dataset.slice(users: users, items: items)
    shownFactors = min(model.factorCount, 5)
    P = model.P.submatrix(rows: users, columns: 0..<shownFactors)
    Qᵀ = model.Q.submatrix(rows: items, columns: 0..<shownFactors).transposed
    predictions = model.predictions(users: users, items: items)
    letters = items.indices.map { String(UnicodeScalar(UInt8(65 + $0))) }
    var lettered = data
    lettered.itemNames = letters
    self.lettered = lettered
  }

  /// How far the predictions are from the known ratings shown.
  var fit: ErrorMetrics { ErrorMetrics(ratings: data.ratings) { predictions[$0.user, $0.item] } }
}

/// What the demo recommends to one viewer: the unrated titles predicted highest and, when there
/// are any, the titles closest to the one the viewer rated highest.
struct ViewerPicks {
  let viewer: Int
  /// The titles the viewer has not rated that the model predicts highest, best first.
  let picks: [Recommendation]
  /// The viewer's highest-rated title among the candidates, nil when there is none or no picks.
  let watched: Rating?
  /// The titles whose factor vectors point most nearly the way `watched`'s does.
  let similar: [SimilarTitle]

  /// The picks for each of ``ChapterData/viewersToRecommendFor``, in order.
  ///
  /// - Parameters:
  ///   - model: the trained model.
  ///   - source: the data, for the viewers and their ratings.
  ///   - candidates: the titles that may be suggested.
  ///   - count: how many titles each list holds at most.
  static func all(
    model: MatrixFactorization, source: ChapterData, candidates: [Int], count: Int
  ) -> [ViewerPicks] {
    let viewers = source.viewersToRecommendFor
    return zip(viewers, source.dataset.itemsRated(by: viewers)).map { viewer, rated in
      let picks = model.recommendations(
        for: viewer, count: count, excluding: rated, among: candidates)
      guard let watched = source.favouriteRated(by: viewer, among: candidates), !picks.isEmpty
      else { return ViewerPicks(viewer: viewer, picks: picks, watched: nil, similar: []) }
      let similar = model.titlesSimilar(
        to: watched.item, count: count, excluding: rated, among: candidates)
      return ViewerPicks(viewer: viewer, picks: picks, watched: watched, similar: similar)
    }
  }
}

extension LookupBenchmark {
  /// The hash-table sidebar's benchmark: the shared quick one with `--quick`, else three sizes
  /// up to 100,000 keys on a quick budget.
  static func demo(quick: Bool) -> LookupBenchmark {
    quick ? .quick : LookupBenchmark(budget: .quick, sizes: [1_000, 10_000, 100_000])
  }
}

extension ModelScore {
  /// The baseline: every rating guessed as μ, the average training rating.
  static func globalMean(_ μ: Double, on split: TrainTestSplit) -> ModelScore {
    ModelScore(
      name: "Global mean", train: ErrorMetrics(ratings: split.train) { _ in μ },
      test: ErrorMetrics(ratings: split.test) { _ in μ })
  }
}

/// Every model of the comparison scored by K-fold cross-validation (`--folds K`), the protocol
/// of Surprise's benchmark table: each fold is held out once, every model learns from the rest
/// with the same settings and λ, and each score is reported as mean ± standard deviation.
struct DemoCrossValidation {
  static let names = [
    "Global mean", "Bias-only", "Basic MF", "MF with biases", "MF with biases and λ",
  ]
  /// Per model, RMSE and MAE over the folds.
  let rmse: [FoldSummary]
  let mae: [FoldSummary]

  init(
    _ ratings: [Rating], folds count: Int, factors: Int, lambda: Double, seed: UInt32,
    training: DemoTraining
  ) {
    let folds = KFoldSplits(ratings, count: count, seed: seed).folds
    let scores = folds.enumerated().map { index, fold -> [ErrorMetrics] in
      let μ = fold.train.reduce(0) { $0 + $1.value } / Double(fold.train.count)
      func test(_ name: String, factors: Int, biases: Bool, λ: Double) -> ErrorMetrics {
        training.finalTestError(
          "Fold \(index + 1)/\(count): \(name)", factors: factors, biases: biases, λ: λ, on: fold,
          mean: μ)
      }
      return [
        ModelScore.globalMean(μ, on: fold).test,
        test("Bias-only", factors: 0, biases: true, λ: lambda),
        test("Basic MF", factors: factors, biases: false, λ: 0),
        test("MF with biases", factors: factors, biases: true, λ: 0),
        test("MF with biases and λ", factors: factors, biases: true, λ: lambda),
      ]
    }
    rmse = Self.names.indices.map { model in FoldSummary(scores.map { $0[model].rmse }) }
    mae = Self.names.indices.map { model in FoldSummary(scores.map { $0[model].mae }) }
  }

  var table: TextTable { FoldScores.table(names: Self.names, rmse: rmse, mae: mae) }

  static func introduction(folds: Int, ratingCount: Int) -> String {
    "The single split above is one draw of luck. Here all \(grouped(ratingCount)) ratings are "
      + "dealt into \(folds) folds and each fold is held out once, as in Surprise's benchmark "
      + "table (5 folds on MovieLens 100k); every model learns from the other folds with the "
      + "same settings and λ. Scores are in stars, mean ± standard deviation over the folds "
      + "(numpy's np.std, as Surprise prints)."
  }

  /// The best model by mean RMSE against the runner-up, compared fold by fold.
  var verdict: String {
    let ranked = rmse.indices.sorted { rmse[$0].mean < rmse[$1].mean }
    return "Lowest mean RMSE: \(Self.names[ranked[0]]). "
      + FoldScores.comparison(names: Self.names, rmse: rmse, ranked[0], ranked[1]) + "."
  }
}

extension Settings {
  /// Ends the run with a usage error when `--workers` asks for more than one thread in an order
  /// that has no blocks to share out.
  func checkOrExit(command: String) {
    if workers > 1, order != .blocked {
      exitWithError(
        .usage(
          "--workers \(workers) needs --order blocked: numpy's shuffled order visits the "
            + "ratings one after another, on one thread"),
        command: command)
    }
  }
}
