import ChapterKit
import Recommender

struct Settings: ChapterSettings {
  var common = CommonOptions()
  var data = DataFileOptions()
  var demo = false
  var factors = 3
  // Left nil without the flag: the default depends on the data (see "The model behind the page").
  var epochs: Int?
  var learningRate = 0.01
  var biasLearningRate = 0.005
  var lambda: Double?

  static var options: [ChapterOption<Settings>] {
    [
      .flag(
        "--demo", \.demo,
        help: "train on the 200 × 40 demo catalogue instead of the blog's five viewers")
    ] + .dataFiles(\.data) + [
      .integer(
        "--factors", \.factors, atLeast: 1, atMost: 10,
        help: "hidden factors k, one slider each (the 3D view shows the first three)"),
      .integer(
        "--epochs", \.epochs, atLeast: 1, atMost: 500,
        help: "passes over the ratings, replayed by the page",
        whenAbsent: "100 on the blog's sample, 50 on the demo catalogue, 20 with --ratings"),
      .double("--learning-rate", \.learningRate, .positive, help: "γ, the step for P and Q"),
      .double(
        "--bias-learning-rate", \.biasLearningRate, .positive, help: "γ_b, the step for the biases"),
      .double(
        "--lambda", \.lambda, .nonNegative, help: "λ, the regularization",
        whenAbsent: "0 on the blog's sample (as the listing), 0.02 otherwise"),
    ] + .common(\.common)
  }
}

/// The ratings the page shows, and a name for them in the narration.
struct PageData {
  let dataset: RatingsDataset
  /// "the blog's five viewers and four movies", "the demo catalogue", "u.data".
  let name: String
  let isBlogSample: Bool

  /// The blog's sample, the demo catalogue (`--demo`) or the `--ratings` file; a bad file or
  /// `--demo` together with `--ratings` ends the run before anything is written.
  static func loadOrExit(_ settings: Settings, command: String) -> PageData {
    settings.data.checkOrExit(command: command)
    if let path = settings.data.ratingsPath {
      if settings.demo {
        exitWithError(
          .usage("--demo and --ratings both choose the data; give one of them"), command: command)
      }
      let loaded = settings.data.loadOrExit(seed: settings.common.seed, command: command)
      return PageData(dataset: loaded.dataset, name: path, isBlogSample: false, defaultEpochs: 20)
    }
    if settings.demo {
      return PageData(
        dataset: ChapterData(catalogueSeed: settings.common.seed).dataset,
        name: "the demo catalogue", isBlogSample: false, defaultEpochs: 50)
    }
    return PageData(
      dataset: BlogSamples.listing, name: "the blog's five viewers and four movies",
      isBlogSample: true, defaultEpochs: 100)
  }

  /// Epochs when `--epochs` is absent: 100 on the blog's sample, 50 on the demo catalogue, 20
  /// on a file (MovieLens' 100,000 ratings make each epoch long).
  let defaultEpochs: Int
}

/// One training run as the page replays it: the same start, the same order, the same step.
struct PageTraining {
  let settings: SGDTrainer.Settings
  let start: MatrixFactorization
  let trained: MatrixFactorization
  let history: TrainingHistory

  /// Draws P then Q uniformly in [0, 1) from `seed` (np.random.rand, as the listing does),
  /// starts the biases at zero with μ the mean rating, and trains with the listing's step
  /// (qᵢ reads the pᵤ just updated), visiting the ratings in the dataset's order every epoch.
  /// Ends the run with exit status 1 when training diverges.
  static func runOrExit(
    _ data: RatingsDataset, factors: Int, epochs: Int, settings: SGDTrainer.Settings,
    seed: UInt32, command: String
  ) -> PageTraining {
    var random = NumpyRandom(seed: seed)
    let μ = DatasetStatistics(data).globalMean
    let start = MatrixFactorization(
      users: data.userCount, items: data.itemCount, factors: factors, usesBiases: true,
      globalMean: μ, random: &random)
    var model = start
    var trainer = SGDTrainer(settings: settings, ratings: data.ratings)
    do {
      let history = try trainer.train(&model, epochs: epochs)
      return PageTraining(settings: settings, start: start, trained: model, history: history)
    } catch {
      exitWithError(
        .diverged(
          error,
          flags: RateFlags(
            learningRate: "--learning-rate", biasLearningRate: "--bias-learning-rate",
            regularization: "--lambda")),
        command: command)
    }
  }
}

/// The cell the chapter works through and the page opens on: the first viewer's highest
/// prediction among the movies they have not rated, or among all movies when they rated every
/// one. The first of equals.
func openingCell(_ model: MatrixFactorization, data: RatingsDataset) -> (user: Int, item: Int) {
  let rated = Set(data.ratings.filter { $0.user == 0 }.map(\.item))
  let unrated = (0..<data.itemCount).filter { !rated.contains($0) }
  let candidates = unrated.isEmpty ? Array(0..<data.itemCount) : unrated
  let best = candidates.max {
    model.predict(user: 0, item: $0) < model.predict(user: 0, item: $1)
      || (model.predict(user: 0, item: $0) == model.predict(user: 0, item: $1) && $0 > $1)
  }!
  return (0, best)
}
