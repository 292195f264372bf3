// chapter-biases: blog section 9, "Bias terms": the global mean μ and a bias per viewer and per
// movie, r̂ = μ + bᵤ + bᵢ + p·q, first as the listing runs it, then compared fairly.
//
//     swift run chapter-biases [--epochs N] [--learning-rate γ] [--bias-learning-rate γ_b]

import ChapterKit
import Recommender

struct Settings: ChapterSettings {
  var common = CommonOptions()
  var factors = 2
  var epochs = 100
  var learningRate = 0.01
  var biasLearningRate = 0.005
  /// Epochs of the basic model the listing continues from (chapter-basic-mf's 50).
  var basicEpochs = 50
  var reportEvery = 20

  static var options: [ChapterOption<Settings>] {
    [
      .integer(
        "--factors", \.factors, atLeast: 1, atMost: 50,
        help: "hidden factors k per viewer and movie"),
      .integer("--epochs", \.epochs, atLeast: 1, atMost: 10_000, help: "passes with biases"),
      .double("--learning-rate", \.learningRate, .positive, help: "γ, the step for P and Q"),
      .double(
        "--bias-learning-rate", \.biasLearningRate, .positive, help: "γ_b, the step for the biases"),
      .integer(
        "--basic-epochs", \.basicEpochs, atLeast: 0, atMost: 10_000,
        help: "epochs of the basic model first"),
      .integer(
        "--report-every", \.reportEvery, atLeast: 1, atMost: 10_000,
        help: "epochs between progress lines"),
    ] + .common(\.common)
  }
}

let info = ChapterInfo(
  command: "chapter-biases",
  mirrors: "Blog section 9, first half: bias terms (μ, bᵤ, bᵢ)",
  summary:
    "Adds a global mean and per-viewer and per-movie biases, then compares three models fairly.")
let settings: Settings = parseOrExit(info)
let rateFlags = RateFlags(
  learningRate: "--learning-rate", biasLearningRate: "--bias-learning-rate",
  regularization: "--bias-learning-rate")
var charts = ChartOutput(settings.common, command: info.command)
let say = Narrator()
let data = BlogSamples.listing
let μ = DatasetStatistics(data).globalMean
let trainerSettings = SGDTrainer.Settings(
  learningRate: settings.learningRate, biasLearningRate: settings.biasLearningRate)

say.banner(
  title: "Bias terms: every viewer and every movie has a tilt", mirrors: info.mirrors,
  command: "swift run \(info.command)")

// MARK: - Bias terms: accounting for quirks and appeal

say.heading("Bias terms")
say.paragraph(
  "Some viewers give four stars to everything; some movies are liked by nearly everyone. "
    + "The basic model has to squeeze such habits into its hidden factors. Bias terms give them "
    + "a place of their own: r̂ = μ + bᵤ + bᵢ + p·q, where μ is the average of all ratings, bᵤ "
    + "how far viewer u tends to sit above or below it, and bᵢ the same for movie i. For the "
    + "listing's 20 ratings μ = \(fixed(μ, 2)) stars. The biases start at zero and learn with "
    + "their own step γ_b = \(settings.biasLearningRate); P and Q keep γ = \(settings.learningRate)."
)

// MARK: - The listing: biases on top of the trained basic model

say.pauseIfRequested(settings.common.pauses)
say.heading("The listing's run")
say.paragraph(
  "Watch where the listing starts: it copies P and Q from the basic model it has just trained, "
    + "it does not draw new ones. So this chapter first trains the basic model quietly, "
    + (settings.basicEpochs > 0
      ? "\(settings.basicEpochs) epochs from seed \(settings.common.seed) "
        + (settings.basicEpochs == 50 ? "as in chapter-basic-mf" : "(chapter-basic-mf trains 50)")
      : "for 0 epochs here (--basic-epochs 0), so P and Q are the random draws of seed "
        + "\(settings.common.seed)")
    + ", then adds the biases and trains \(settings.epochs) more epochs:")
var random = NumpyRandom(seed: settings.common.seed)
var basic = MatrixFactorization(
  users: data.userCount, items: data.itemCount, factors: settings.factors, random: &random)
let freshStart = basic
let listing: MatrixFactorization
do {
  var basicTrainer = SGDTrainer(settings: trainerSettings, ratings: data.ratings)
  _ = try basicTrainer.train(&basic, epochs: settings.basicEpochs)
  var model = MatrixFactorization(P: basic.P, Q: basic.Q, usesBiases: true, globalMean: μ)
  var trainer = SGDTrainer(settings: trainerSettings, ratings: data.ratings)
  _ = try trainer.train(&model, epochs: settings.epochs) { record in
    if record.epoch % settings.reportEvery == 0 {
      say.line(
        "Epoch \(record.epoch)/\(settings.epochs), Total Absolute Error (with biases): "
          + fixed(record.totalAbsoluteError, 4))
    }
  }
  listing = model
} catch {
  exitWithError(.diverged(error, flags: rateFlags), command: info.command)
}
say.blank()
say.vector(listing.userBiases, label: "User Biases:")
say.vector(listing.itemBiases, label: "Movie Biases:")
say.paragraph(
  Tables.listingTrap(
    listing, basic: basic, basicEpochs: settings.basicEpochs, μ: μ, data: data))

// MARK: - A fair comparison

say.pauseIfRequested(settings.common.pauses)
say.heading("A fair comparison")
say.paragraph(
  "Does adding biases help? "
    + (settings.basicEpochs > 0
      ? "The listing cannot say: its biased model had a \(settings.basicEpochs)-epoch head start. "
      : "Without a head start (--basic-epochs 0) the listing's run is model (c) below, trained "
        + "alone. ")
    + "So train three models from the same fresh start (seed \(settings.common.seed)), "
    + "\(settings.epochs) epochs each, and measure them on the 20 ratings after every epoch: "
    + "(a) biases only, μ + bᵤ + bᵢ; (b) the basic model, p·q; (c) both, μ + bᵤ + bᵢ + p·q.")
let contenders: [Contender]
do {
  contenders = try Contender.trainAll(
    from: freshStart, μ: μ, data: data, settings: trainerSettings, epochs: settings.epochs)
} catch {
  exitWithError(.diverged(error, flags: rateFlags), command: info.command)
}
say.table(Tables.milestoneTable(contenders, every: settings.reportEvery))
say.paragraph(Tables.verdict(contenders))

// MARK: - What the biases learned

say.pauseIfRequested(settings.common.pauses)
say.heading("What the biases learned")
say.paragraph(
  "Each bias is a number of stars above or below μ. Beside them, the plain averages minus μ: "
    + "what a viewer's or a movie's ratings say before any model.")
let settled = Settling(contenders[0].model, data: data, settings: trainerSettings)
say.table(Tables.table(contenders, settled: settled, data: data, μ: μ))
say.paragraph(
  Tables.reading(
    settled, epochs: settings.epochs, settings: trainerSettings, data: data, μ: μ))

// MARK: - Charts

say.pauseIfRequested(settings.common.pauses)
charts.write(Figures.learningCurves(contenders), named: "biases-learning-curves.svg")
charts.write(
  Figures.biasBars(settled, data: data, μ: μ), named: "biases-user-movie.svg")
charts.writeAll(reportingTo: say)

// MARK: - What to try next

say.pauseIfRequested(settings.common.pauses)
say.heading("Try next")
let current = [
  "--basic-epochs": "\(settings.basicEpochs)",
  "--bias-learning-rate": "\(settings.biasLearningRate)",
  "--epochs": "\(settings.epochs)", "--report-every": "\(settings.reportEvery)",
]
let suggestions: [(flags: [(String, String)], text: String)] = [
  ([("--basic-epochs", "0")], "the listing's run without the head start"),
  ([("--bias-learning-rate", "0.05")], "let the biases learn ten times faster"),
  (
    [("--epochs", "1000"), ("--report-every", "200")], "where does each of the three models end up?"
  ),
]
say.bullets(
  suggestions.filter { !$0.flags.allSatisfy { current[$0.0] == $0.1 } }.map {
    $0.flags.map { "\($0.0) \($0.1)" }.joined(separator: " ") + ": " + $0.text
  } + ["swift run chapter-regularization: the second half of section 9, tested on unseen ratings"])
