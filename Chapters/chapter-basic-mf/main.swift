// chapter-basic-mf: blog sections 5, 6 and 8, hidden factors, matrix factorization, and the
// training pipeline that fits P and Q by stochastic gradient descent.
//
//     swift run chapter-basic-mf [--factors K] [--epochs N] [--learning-rate γ] [--seed N]

import ChapterKit
import Recommender

struct Settings: ChapterSettings {
  var common = CommonOptions()
  var factors = 2
  var epochs = 50
  var learningRate = 0.01
  /// Print the listing's progress line every this many epochs.
  var reportEvery = 10
  /// The rating hidden from training in the last experiment: Alice's "Sci-Fi Epic".
  var hiddenUser = 0
  var hiddenMovie = 2

  static var options: [ChapterOption<Settings>] {
    [
      .integer(
        "--factors", \.factors, atLeast: 1, atMost: 50,
        help: "hidden factors k per viewer and movie"),
      .integer(
        "--epochs", \.epochs, atLeast: 1, atMost: 10_000, help: "passes over the 20 ratings"),
      .double("--learning-rate", \.learningRate, .positive, help: "γ, the size of each nudge"),
      .integer(
        "--report-every", \.reportEvery, atLeast: 1, atMost: 10_000,
        help: "epochs between progress lines"),
      .integer(
        "--hide-user", \.hiddenUser, atLeast: 0, atMost: 4,
        help: "hidden rating's viewer, 0 Alice … 4 Eve"),
      .integer(
        "--hide-movie", \.hiddenMovie, atLeast: 0, atMost: 3,
        help: "hidden rating's movie, 0 The Action Hero, 1 Romantic Comedy, 2 Sci-Fi Epic, "
          + "3 Drama Thriller"),
    ] + .common(\.common)
  }
}

let info = ChapterInfo(
  command: "chapter-basic-mf",
  mirrors:
    "Blog sections 5 (hidden factors), 6 (matrix factorization) and 8 (the training pipeline)",
  summary: "Trains the blog's basic model r̂ = p·q by SGD and checks it on a rating it never saw.")
let settings: Settings = parseOrExit(info)
/// Every run here trains the listing's model: γ from --learning-rate, no biases, no λ.
let rateFlags = RateFlags(
  learningRate: "--learning-rate", biasLearningRate: "--learning-rate",
  regularization: "--learning-rate")
var charts = ChartOutput(settings.common, command: info.command)
let say = Narrator()
let data = BlogSamples.listing
let k = settings.factors
let numbers = Tables.count(k, "number", "numbers")

say.banner(
  title: "Basic matrix factorization: learning P and Q", mirrors: info.mirrors,
  command: "swift run \(info.command)")

// MARK: - Hidden factors

say.heading("Hidden factors")
say.paragraph(
  "Nobody tells the model what a movie is about. Instead each viewer gets \(numbers) and each "
    + "movie gets \(numbers), and a prediction is their dot product: r̂ = p·q, the sum of "
    + "matching numbers multiplied. If a viewer's first number is large and a movie's first "
    + "number is large too, the product is large, whatever that factor turns out to mean.")

// MARK: - Matrix factorization: R ≈ P × Qᵀ

say.pauseIfRequested(settings.common.pauses)
say.heading("Matrix factorization: R ≈ P × Qᵀ")
var random = NumpyRandom(seed: settings.common.seed)
var model = MatrixFactorization(
  users: data.userCount, items: data.itemCount, factors: k, random: &random)
let start = model
say.paragraph(
  "Stack the viewers' numbers into P (\(data.userCount)×\(k)) and the movies' into Q "
    + "(\(data.itemCount)×\(k)); then P × Qᵀ is a full \(data.userCount)×\(data.itemCount) grid of "
    + "predictions. Training starts from random P and Q, drawn from seed \(settings.common.seed) "
    + "as np.random.rand draws them:")
say.matrix(model.P, label: "P, shape \(model.P.shape):")
say.matrix(model.Q, label: "Q, shape \(model.Q.shape):")
let startMetrics = ErrorMetrics(model, on: data.ratings)
say.paragraph(
  "Two numbers say how far predictions r̂ are from the n known ratings r. MAE, the mean "
    + "absolute error (1/n)·Σ|r − r̂|, is the average miss in stars. RMSE, the root mean squared "
    + "error √((1/n)·Σ(r − r̂)²), is in stars too but squares each miss first, so a few large "
    + "misses weigh more than many small ones; it is never below the MAE. At this point the "
    + "predictions are noise: they miss the real ratings by \(fixed(startMetrics.mae, 2)) stars on "
    + "average (MAE), with RMSE \(fixed(startMetrics.rmse, 2)).")

// MARK: - The training pipeline

say.pauseIfRequested(settings.common.pauses)
say.heading("The training pipeline")
say.paragraph(
  "Stochastic gradient descent visits the ratings one by one, users in id order, each user's "
    + "movies in id order. For each it predicts, takes the error e = r − p·q, and nudges p by "
    + "γ·e·q, then q by γ·e·p using the p it has just changed, exactly as the listing does. "
    + "γ is the listing's learning_rate. Settings: \(Tables.count(k, "factor", "factors")), γ = "
    + "\(settings.learningRate), \(Tables.count(settings.epochs, "epoch", "epochs")). The "
    + "listing prints the sum of |e| over each pass:")
var trainer = SGDTrainer(
  settings: .init(learningRate: settings.learningRate), ratings: data.ratings)
let history: TrainingHistory
do {
  history = try trainer.train(&model, epochs: settings.epochs) { record in
    if record.epoch % settings.reportEvery == 0 {
      say.line(
        "Epoch \(record.epoch)/\(settings.epochs), Total Absolute Error: "
          + fixed(record.totalAbsoluteError, 4))
    }
  }
} catch {
  exitWithError(.diverged(error, flags: rateFlags), command: info.command)
}
say.blank()
let first = history.record(epoch: 1)
let last = history.last!
say.paragraph(
  Tables.learning(history, ratingCount: data.ratings.count)
    + " Divided over \(data.ratings.count) ratings, the last pass missed by "
    + "\(fixed(last.totalAbsoluteError / Double(data.ratings.count), 2)) stars per rating. That "
    + "is not the MAE after the pass (\(fixed(last.train.mae, 2)), below): each term of the sum "
    + "was taken just before that rating's own update, while P and Q were still moving; the MAE "
    + "is measured once the pass is over, with the P and Q it ended with.")

// MARK: - The refined matrices

say.pauseIfRequested(settings.common.pauses)
say.heading("The refined P and Q")
say.matrix(model.P, label: "Refined User-Feature Matrix (P):")
say.matrix(model.Q, label: "Refined Movie-Feature Matrix (Q):")
say.paragraph(
  "Multiplied back together, they give a prediction for every cell, real rating in brackets:")
say.table(RatingTables.predictions(model.predictedMatrix(), beside: data))
if let warning = Tables.offScaleGrid(model.predictedMatrix(), scale: data.scale) {
  say.paragraph(warning)
}
say.paragraph(
  "On the ratings it trained on, the model is now off by \(fixed(last.train.mae, 2)) stars on "
    + "average (MAE) with RMSE \(fixed(last.train.rmse, 2)), "
    + Tables.change(from: startMetrics.rmse, to: last.train.rmse)
    + " \(fixed(startMetrics.mae, 2)) and \(fixed(startMetrics.rmse, 2)) at the start.")
var longer = start
var longerTrainer = SGDTrainer(settings: trainer.settings, ratings: data.ratings)
let longerEpochs = settings.epochs * 10
do {
  let longerRun = try longerTrainer.train(&longer, epochs: longerEpochs).last!
  let isListing =
    settings.common.seed == 42 && k == 2 && settings.epochs == 50 && settings.learningRate == 0.01
  say.paragraph(
    Tables.longer(
      shortRMSE: last.train.rmse, longRMSE: longerRun.train.rmse, epochs: settings.epochs,
      longEpochs: longerEpochs, isListing: isListing))
} catch {
  say.paragraph(
    "Training longer from the same start does not help at this learning rate: over "
      + "\(longerEpochs) epochs the run diverges (\(error.description.prefix { $0 != ":" })).")
}

// MARK: - A rating the model never saw

say.pauseIfRequested(settings.common.pauses)
say.heading("A rating the model never saw")
let hidden = data.ratings.first {
  $0.user == settings.hiddenUser && $0.item == settings.hiddenMovie
}!
let viewer = data.userNames[hidden.user]
let movie = data.itemNames[hidden.item]
say.paragraph(
  "Fitting known ratings is the easy half. The point of the blog is the empty cells, but the "
    + "listing never predicts one. So hide one rating, \(viewer)'s \(Int(hidden.value)) stars for "
    + "\(movie), train the same way from the same start on the other \(data.ratings.count - 1), "
    + "and ask the model for the cell it never saw.")
let visible = data.ratings.filter { $0 != hidden }
var blind = start
var blindTrainer = SGDTrainer(settings: trainer.settings, ratings: visible)
do {
  _ = try blindTrainer.train(&blind, epochs: settings.epochs)
} catch {
  exitWithError(.diverged(error, flags: rateFlags), command: info.command)
}
let guess = blind.predict(user: hidden.user, item: hidden.item)
let viewerMean = DatasetStatistics(data.with(ratings: visible)).userMeans[hidden.user]!
say.table(
  TextTable(
    columns: [.left("Prediction for the hidden cell"), .right("Stars")],
    rows: [
      ["the real rating (hidden from training)", fixed(hidden.value, 0)],
      ["matrix factorization, trained on the rest", fixed(guess, 2)],
      ["\(viewer)'s average over the rest", fixed(viewerMean, 2)],
    ]))
say.paragraph(
  Tables.hiddenVerdict(
    guess: guess, truth: hidden.value, viewerMean: viewerMean, viewer: viewer, scale: data.scale))

// MARK: - Charts

say.pauseIfRequested(settings.common.pauses)
charts.write(
  Figures.learningCurve(history, ratingCount: data.ratings.count),
  named: "basic-mf-learning-curve.svg")
charts.write(Figures.factorization(model, data: data), named: "basic-mf-factorization.svg")
charts.write(Figures.latentSpace(model, data: data), named: "basic-mf-latent-space.svg")
charts.writeAll(reportingTo: say)

// MARK: - What to try next

say.pauseIfRequested(settings.common.pauses)
say.heading("Try next")
let current = [
  "--epochs": "\(settings.epochs)", "--learning-rate": "\(settings.learningRate)",
  "--factors": "\(k)", "--hide-user": "\(settings.hiddenUser)",
  "--hide-movie": "\(settings.hiddenMovie)",
]
say.bullets(
  Tables.tryNext(
    [
      .init(
        flags: [("--epochs", "500")], text: "see how far training goes in ten times the epochs"),
      .init(
        flags: [("--learning-rate", "0.05")],
        text: "five times larger nudges: watch whether the summed error keeps falling"),
      .init(
        flags: [("--learning-rate", "0.1")],
        text: "find where the nudges grow so large that training blows up"),
      .init(flags: [("--factors", "1")], text: "one hidden number per viewer and movie"),
      .init(flags: [("--factors", "3")], text: "three hidden numbers per viewer and movie"),
      .init(
        flags: [("--hide-user", "3"), ("--hide-movie", "1")],
        text: "hide David's Romantic Comedy instead"),
      .init(
        flags: [], text: "swift run chapter-biases: add each viewer's and each movie's own tilt"),
    ], current: current))
