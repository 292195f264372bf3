// chapter-regularization: blog section 9, "Regularization": the listing's λ-penalised model,
// then the test the listing never runs, on ratings the model has not seen.
//
//     swift run chapter-regularization [--lambda λ] [--sweep-epochs N] [--init normal|uniform]

import ChapterKit
import Recommender

struct Settings: ChapterSettings {
  var common = CommonOptions()
  // The listing's run.
  var lambda = 0.1
  var factors = 2
  var epochs = 100
  var learningRate = 0.01
  var biasLearningRate = 0.005
  var reportEvery = 20
  // The held-out experiment (see RegularizationExperiment for its catalogue).
  var sweepFactors = RegularizationExperiment().factors
  var sweepEpochs = RegularizationExperiment().epochs
  var sweepLearningRate = RegularizationExperiment().learningRate
  var initialisation = RegularizationExperiment().initialisation

  static let maximumSweepEpochs = 200

  static var options: [ChapterOption<Settings>] {
    [
      .double("--lambda", \.lambda, .nonNegative, help: "λ of the listing's run"),
      .integer("--factors", \.factors, atLeast: 1, atMost: 50, help: "k of the listing's run"),
      .integer(
        "--epochs", \.epochs, atLeast: 1, atMost: 10_000, help: "epochs of the listing's run"),
      .double("--learning-rate", \.learningRate, .positive, help: "γ of the listing's run"),
      .double(
        "--bias-learning-rate", \.biasLearningRate, .positive, help: "γ_b of the listing's run"),
      .integer(
        "--report-every", \.reportEvery, atLeast: 1, atMost: 10_000,
        help: "epochs between progress lines"),
      .integer(
        "--sweep-factors", \.sweepFactors, atLeast: 1, atMost: 50,
        help: "k in the held-out experiment"),
      .integer(
        "--sweep-epochs", \.sweepEpochs, atLeast: 1, atMost: maximumSweepEpochs,
        help: "epochs in the held-out experiment"),
      .double(
        "--sweep-learning-rate", \.sweepLearningRate, .positive,
        help: "γ in the held-out experiment"),
      .choice("--init", \.initialisation, help: "how the experiment's P and Q start"),
    ] + .common(\.common)
  }
}

let info = ChapterInfo(
  command: "chapter-regularization",
  mirrors: "Blog section 9, second half: regularization",
  summary: "Runs the listing's λ-penalised model, then measures what λ does on unseen ratings.")
let settings: Settings = parseOrExit(info)
var charts = ChartOutput(settings.common, command: info.command)
let say = Narrator()
let data = BlogSamples.listing
let μ = DatasetStatistics(data).globalMean

say.banner(
  title: "Regularization: a penalty against memorising", mirrors: info.mirrors,
  command: "swift run \(info.command)")

// MARK: - Regularization: preventing over-memorizing

say.heading("Regularization")
say.paragraph(
  "A model with enough parameters can learn its training ratings by heart, noise included, "
    + "and then predict new ratings badly. L2 regularization charges for size: every step "
    + "also shrinks each factor it updates by the fraction γ·λ of its own value (γ the "
    + "learning rate; γ_b·λ for a bias), so a large value has to earn its place by lowering the "
    + "error. The listing uses λ = \(settings.lambda) on P, Q and both biases.")

// MARK: - The listing's run

say.pauseIfRequested(settings.common.pauses)
say.heading("The listing's run")
say.paragraph(
  "The listing draws a fresh P_reg and Q_reg with np.random.rand, after the P and Q of the "
    + "earlier sections, so with --seed \(settings.common.seed) they are the next numbers of "
    + "the same stream. Biases start at zero; \(settings.epochs) epochs with γ = "
    + "\(settings.learningRate), γ_b = \(settings.biasLearningRate):")
var random = NumpyRandom(seed: settings.common.seed)
_ = MatrixFactorization(users: 5, items: 4, factors: settings.factors, random: &random)
let start = MatrixFactorization(
  users: 5, items: 4, factors: settings.factors, usesBiases: true, globalMean: μ, random: &random)
func listingRun(λ: Double, report: Bool) -> TrainingHistory {
  var model = start
  var trainer = SGDTrainer(
    settings: .init(
      learningRate: settings.learningRate, biasLearningRate: settings.biasLearningRate,
      regularization: λ), ratings: data.ratings)
  do {
    return try trainer.train(&model, epochs: settings.epochs) { record in
      guard report, record.epoch % settings.reportEvery == 0 else { return }
      say.line(
        "Epoch \(record.epoch)/\(settings.epochs), Total Absolute Error (with biases & reg): "
          + fixed(record.totalAbsoluteError, 4))
    }
  } catch {
    exitWithError(
      .diverged(
        error,
        flags: RateFlags(
          learningRate: "--learning-rate", biasLearningRate: "--bias-learning-rate",
          regularization: "--lambda")),
      command: info.command)
  }
}
let penalised = listingRun(λ: settings.lambda, report: true).last!
let unpenalised = listingRun(λ: 0, report: false).last!
say.blank()
let extraError = penalised.totalAbsoluteError - unpenalised.totalAbsoluteError
let comparison =
  settings.lambda == 0
  ? "This run already uses λ = 0, so there is no penalty to compare. "
  : "The same start and epochs with λ = 0 end at a total absolute error of "
    + "\(fixed(unpenalised.totalAbsoluteError, 4)), against \(fixed(penalised.totalAbsoluteError, 4)) "
    + "with λ = \(settings.lambda): "
    + (abs(extraError) < 0.00005
      ? "the same to four decimals, so at this size the penalty costs no visible fit. "
      : extraError > 0
        ? "the penalty costs \(fixed(extraError, 4)) of fit on the training ratings "
          + "(\(percent(extraError / unpenalised.totalAbsoluteError, decimals: 0)) more error), "
          + "which is its price. "
        : "here the penalised run even fits the training ratings better. ")
say.paragraph(
  comparison
    + "The listing ends with the claim that this predicts new ratings better, but all its "
    + "ratings were used for training, so nothing in it can show that.")

// MARK: - Does it generalise? Ratings the model never saw

say.pauseIfRequested(settings.common.pauses)
say.heading("Testing on ratings the model never saw")
var experiment = RegularizationExperiment()
experiment.factors = settings.sweepFactors
experiment.epochs = settings.sweepEpochs
experiment.learningRate = settings.sweepLearningRate
experiment.initialisation = settings.initialisation
experiment.seed = settings.common.seed
let sweepData = experiment.makeData()
let stats = DatasetStatistics(sweepData.catalogue.dataset)
say.paragraph(
  "Twenty ratings cannot test anything, so generate a catalogue whose truth we know: "
    + "\(stats.userCount) viewers and \(stats.itemCount) movies with "
    + "\(experiment.recipe.hiddenFactors) hidden taste dimensions, biases and rating noise "
    + "(σ = \(experiment.recipe.noise) stars), \(grouped(stats.ratingCount)) ratings "
    + "(\(percent(stats.density)) of cells). Set \(percent(experiment.testFraction, decimals: 0)) "
    + "of them aside as test ratings (\(grouped(sweepData.test.count))) and do not look at them "
    + "until the end. From the rest, carve \(percent(experiment.validationFraction, decimals: 0)) "
    + "as validation ratings (\(grouped(sweepData.validation.count))), the ones λ is chosen on, "
    + "and train on the remaining \(grouped(sweepData.fit.count)) with "
    + Tables.factorsAgainstTruth(experiment.factors, truth: experiment.recipe.hiddenFactors)
    + ", for \(Tables.count(experiment.epochs, "epoch")), once per λ. Everything else is equal: "
    + "same start, same shuffles.")
func meanStartingAffinity(
  _ initialisation: FactorInitialisation, _ experiment: RegularizationExperiment
) -> Double {
  var random = NumpyRandom(seed: experiment.seed)
  let model = MatrixFactorization(
    users: stats.userCount, items: stats.itemCount, factors: experiment.factors,
    initialisation: initialisation, random: &random)
  let train = sweepData.fit
  return train.reduce(0) { $0 + model.predict(user: $1.user, item: $1.item) } / Double(train.count)
}
say.paragraph(
  "How P and Q start matters here. Drawn uniform in [0, 1) as the blog does, k = "
    + "\(Tables.count(experiment.factors, "factor")) add "
    + "\(fixed(meanStartingAffinity(.uniform, experiment), 2)) stars of p·q "
    + "on average to every first prediction, on top of μ; drawn as small normal values around 0 "
    + "(σ = 0.1), as libraries do, they add \(fixed(meanStartingAffinity(.normal, experiment), 2)), so training "
    + "starts from μ + biases and grows only the factors the data asks for. This experiment uses "
    + "\(experiment.initialisation == .normal ? "the small normal start" : "the uniform start (--init uniform)")."
)
let runs: [RegularizationExperiment.Run]
do {
  runs = try experiment.run(on: sweepData)
} catch {
  exitWithError(
    .diverged(
      error,
      flags: RateFlags(
        learningRate: "--sweep-learning-rate", biasLearningRate: "--sweep-learning-rate",
        regularization: "--sweep-learning-rate"),
      run: "the λ sweep"),
    command: info.command)
}
let best = RegularizationExperiment.best(runs)
let none = runs.first { $0.λ == 0 }!
say.table(Tables.sweepTable(runs, best: best))
say.paragraph(Tables.sweepReading(runs, best: best))
let testRMSE = ErrorMetrics(best.model, on: sweepData.test).rmse
say.paragraph(
  Tables.testReading(best: best, testRMSE: testRMSE, testCount: sweepData.test.count))

// MARK: - Watching a model overfit

say.pauseIfRequested(settings.common.pauses)
say.heading("Watching a model overfit")
// Beside λ = 0, the chosen λ; when λ = 0 itself was chosen, the best of the penalised runs.
let compared =
  best.λ > 0 ? best : runs.filter { $0.λ > 0 }.min { $0.validationRMSE < $1.validationRMSE }!
say.paragraph(
  "Follow λ = 0 and λ = \(Tables.label(compared.λ))"
    + (compared.λ == best.λ ? "" : " (the best of the penalised runs)")
    + " epoch by epoch, on the ratings they train on and on the validation ratings:")
say.table(Tables.curveTable(none, compared, every: max(1, experiment.epochs / 10)))
say.paragraph(Tables.curveReading(none, compared, maximumEpochs: Settings.maximumSweepEpochs))

// MARK: - Charts

say.pauseIfRequested(settings.common.pauses)
charts.write(
  Figures.overfittingChart(none, compared), named: "regularization-overfitting.svg")
charts.write(Figures.sweepChart(runs), named: "regularization-lambda-sweep.svg")
charts.write(Figures.weightsChart(runs), named: "regularization-weights.svg")
charts.writeAll(reportingTo: say)

// MARK: - What to try next

say.pauseIfRequested(settings.common.pauses)
say.heading("Try next")
// Each suggestion is offered only when it would change this run.
var next: [String] = []
if settings.initialisation != .uniform {
  next.append(
    "--init uniform: start the experiment's factors as the blog does, and compare the table")
}
if settings.sweepFactors != experiment.recipe.hiddenFactors {
  next.append(
    "--sweep-factors \(experiment.recipe.hiddenFactors): give the model exactly the true "
      + "number of dimensions")
}
if settings.sweepEpochs != Settings.maximumSweepEpochs {
  next.append(
    "--sweep-epochs \(Settings.maximumSweepEpochs): does the chosen λ still hold when "
      + "trained for \(Settings.maximumSweepEpochs) epochs?")
}
if settings.lambda != 0 {
  next.append("--lambda 0: the listing's run without its penalty")
}
next.append("swift run chapter-hash-tables: the sidebar on serving predictions fast")
say.bullets(next)
