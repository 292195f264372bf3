import ChapterKit
import Recommender

struct Settings: ChapterSettings {
  var common = CommonOptions()
  var data = DataFileOptions()
  // Left nil without the flag: the default depends on the data.
  var learningRate: Double?
  var warmUp = 0.5
  var retrainEvery: Int?
  var quick = false

  static var options: [ChapterOption<Settings>] {
    [
      .double(
        "--learning-rate", \.learningRate, .positive,
        help: "γ, the step of every SGD update, batch and online",
        whenAbsent: "0.02; 0.005 with --ratings"),
      .double(
        "--warm-up", \.warmUp, .closedRange(0.1...0.9),
        help: "share of the ratings, oldest first, the batch model learns from before the stream"
      ),
      .integer(
        "--retrain-every", \.retrainEvery, atLeast: 10, atMost: 1_000_000,
        help: "stream events between two full retrainings",
        whenAbsent: "a fifth of the stream"),
      .flag("--quick", \.quick, help: "one timing pass instead of five (tests and CI)"),
    ] + .dataFiles(\.data) + .common(\.common)
  }
}

/// The ratings in time order: the demo catalogue given a history with drifting tastes, or a
/// file replayed by its timestamps.
struct StreamSource {
  let timeline: RatingTimeline
  /// The catalogue's history when the data is the built-in one: hidden tastes and drifts.
  let drifting: DriftingCatalogue?
  /// What the files held, e.g. "100,000 ratings by 943 users of 1,682 movies (…)".
  let fileSummary: String?
  let titlesSummary: String?
  /// Whether the file gave times (false: a plain CSV, replayed in file order).
  let hasTimestamps: Bool

  var dataset: RatingsDataset { timeline.dataset }

  /// The data a run asked for, with times: the catalogue's history, or a MovieLens file
  /// replayed by its timestamps (a plain CSV in file order). A file that cannot be read, or
  /// holds too few ratings to split, ends the run with its problem.
  static func loadOrExit(_ options: DataFileOptions, seed: UInt32, command: String)
    -> StreamSource
  {
    guard options.ratingsPath != nil else {
      let drifting = DriftingCatalogue(seed: seed)
      return StreamSource(
        timeline: drifting.timeline, drifting: drifting, fileSummary: nil, titlesSummary: nil,
        hasTimestamps: true)
    }
    let data = options.loadOrExit(seed: seed, command: command, keepsTimestamps: true)
    guard data.dataset.ratings.count >= 2 else {
      exitWithError(
        .dataError(
          "\(options.ratingsPath ?? "the data") has only 1 rating, too few to learn from one "
            + "part and replay the rest"),
        command: command)
    }
    return StreamSource(
      timeline: RatingTimeline(
        data.dataset, times: data.timestamps ?? Array(data.dataset.ratings.indices)),
      drifting: nil, fileSummary: data.fileSummary, titlesSummary: data.titlesSummary,
      hasTimestamps: data.timestamps != nil)
  }

  /// The day of second `time` counted from the first rating, for narration and charts.
  func day(_ time: Int) -> Double {
    Double(time - timeline.times[0]) / Double(DriftingCatalogue.secondsPerDay)
  }

  /// "day 61" on the catalogue and for files with times, "rating 5,000" for a CSV.
  func when(_ time: Int) -> String {
    hasTimestamps ? "day \(fixed(day(time), 0))" : "rating \(grouped(time + 1))"
  }

  /// A title's name, with its genre in brackets on the catalogue.
  func title(_ item: Int) -> String {
    dataset.itemNames[item]
      + (drifting.map { " (\($0.catalogue.genreName(ofItem: item)))" } ?? "")
  }
}

/// The training choices, tuned for the small catalogue or what libraries use on MovieLens.
struct ModelChoices {
  let factors: Int
  let epochs: Int
  let learningRate: Double
  let lambda: Double
  /// Titles in a list served to a viewer.
  let listLength = 5

  init(onCatalogue: Bool, learningRate: Double?) {
    factors = onCatalogue ? 5 : 100
    epochs = onCatalogue ? 100 : 20
    self.learningRate = learningRate ?? (onCatalogue ? 0.02 : 0.005)
    lambda = onCatalogue ? 0.1 : 0.05
  }
}
