// chapter-complete-demo: the companion README's "Complete Demonstration" in one run: the data,
// every model compared on held-out ratings, learning curves, the factorization made visible,
// the hash-table sidebar in brief, and recommendations. Runs on a demo catalogue built around
// the blog's five viewers, or on real MovieLens files.
//
//     swift run chapter-complete-demo [--top N] [--seed N]
//     swift run -c release chapter-complete-demo --ratings ml-100k/u.data --titles ml-100k/u.item

import ChapterKit
import Foundation
import LookupTiming
import Recommender

struct Settings: ChapterSettings {
  var common = CommonOptions()
  var data = DataFileOptions()
  // Left nil without the flag: the default depends on the data (see "Training settings").
  var factors: Int?
  var epochs: Int?
  var learningRate: Double?
  var lambda: Double?
  var testFraction = 0.2
  var top = 3
  var folds: Int?
  var precision: SGDTrainer.Precision?
  var order = RatingOrder.shuffled
  var workers = 1
  var quick = false

  static var options: [ChapterOption<Settings>] {
    .dataFiles(\.data) + [
      .integer(
        "--factors", \.factors, atLeast: 1, atMost: 300, help: "hidden factors k",
        whenAbsent: "5; 100 with --ratings"),
      .integer(
        "--epochs", \.epochs, atLeast: 1, atMost: 500, help: "passes over the training ratings",
        whenAbsent: "100; 20 with --ratings"),
      .double(
        "--learning-rate", \.learningRate, .positive, help: "γ, the step for factors and biases",
        whenAbsent: "0.02; 0.005 with --ratings"),
      .double(
        "--lambda", \.lambda,
        .explained(
          .positive,
          because: "λ = 0 is the MF-with-biases row already; chapter-regularization runs λ = 0"),
        help: "λ, the regularization of Bias-only and of the last model",
        whenAbsent: "chosen on a validation split carved from the training ratings"),
      .double(
        "--test-fraction", \.testFraction, .closedRange(0.01...0.9),
        help: "share of ratings held out for testing"),
      .integer("--top", \.top, atLeast: 1, atMost: 50, help: "recommendations per viewer"),
      .integer(
        "--folds", \.folds, atLeast: 2, atMost: 10,
        help: "also score every model by K-fold cross-validation, as Surprise's benchmark does",
        whenAbsent: "off"),
      .choice(
        "--precision", \.precision, help: "the number type SGD computes in",
        whenAbsent: "double; single with --ratings"),
      .choice(
        "--order", \.order,
        help: "how each epoch visits the ratings: numpy's shuffle, or block by block (LIBMF)"),
      .integer(
        "--workers", \.workers, atLeast: 1, atMost: 16,
        help: "threads training blocks at once with --order blocked, DSGD's way (same model)"),
      .flag("--quick", \.quick, help: "a shorter hash-table benchmark (tests and CI)"),
    ] + .common(\.common)
  }
}

let info = ChapterInfo(
  command: "chapter-complete-demo",
  mirrors: "Blog sections 4 to 9 and the hash-table sidebar, end to end: the companion "
    + "README's complete demonstration",
  summary: "Compares every model on held-out ratings, shows the factorization, times hash "
    + "tables and recommends titles, on a demo catalogue or on MovieLens files.")
let settings: Settings = parseOrExit(info)
settings.data.checkOrExit(command: info.command)
settings.checkOrExit(command: info.command)
let seed = settings.common.seed

// Data before the assets folder: a bad file ends the run before anything is written.
var source = ChapterData.loadOrExit(
  ratingsPath: settings.data.ratingsPath, titlesPath: settings.data.titlesPath,
  format: settings.data.format,
  seed: seed, command: info.command)
// The dataset; its ratings are held by `split` alone while the models train (see below).
var data: RatingsDataset { source.dataset }
let onCatalogue = source.catalogue != nil
let statistics = DatasetStatistics(data)
// The dataset lends its ratings to the split until the models are trained: at MovieLens 25M's
// size a second copy of them beside the split's parts, the trainer's and the model's would be
// 400 MB more at the run's peak.
let split = source.takeSplitOrExit(
  testFraction: settings.testFraction, seed: seed, ratingsPath: settings.data.ratingsPath,
  command: info.command)

// Training settings: tuned for the small catalogue, or what libraries use on MovieLens.
let factors = settings.factors ?? (onCatalogue ? 5 : 100)
let epochs = settings.epochs ?? (onCatalogue ? 100 : 20)
let learningRate = settings.learningRate ?? (onCatalogue ? 0.02 : 0.005)
let precision = settings.precision ?? (onCatalogue ? .double : .single)
let visitOrder = settings.order.visitOrder(
  items: data.itemCount, factors: factors, precision: precision, seed: seed,
  workers: settings.workers)
let training = DemoTraining(
  data: data, epochs: epochs, learningRate: learningRate, precision: precision,
  order: visitOrder, seed: seed, command: info.command)

var charts = ChartOutput(settings.common, command: info.command)
let say = Narrator()

say.banner(
  title: "The complete demonstration: from ratings to recommendations", mirrors: info.mirrors,
  command: "swift run \(info.command)")

// MARK: - The data

say.heading("The data")
say.paragraph(Tables.dataIntroduction(source, ratingsPath: settings.data.ratingsPath, seed: seed))
say.table(RatingTables.summary([(onCatalogue ? "Demo catalogue" : "Loaded file", statistics)]))
say.table(Tables.histogram(statistics))
say.paragraph(Tables.sparsityReading(statistics, data: data))
say.pauseIfRequested(settings.common.pauses)

let μ = split.train.reduce(0) { $0 + $1.value } / Double(split.train.count)

// MARK: - Choosing λ without the test set

say.heading("Choosing λ without looking at the hidden ratings")
let lambda: Double
if let chosen = settings.lambda {
  lambda = chosen
  say.paragraph(Tables.lambdaFromFlag(chosen))
} else if let tuning = ValidationChoice.split(split.train, seed: seed) {
  // MF with biases learns from 80% of the training ratings with each λ of the grid.
  let choice = ValidationChoice(
    tuning: tuning, factors: factors, onCatalogue: onCatalogue, training: training)
  lambda = choice.chosen
  say.paragraph(ValidationChoice.explanation(trainCount: split.train.count, tuning: tuning))
  say.table(choice.table)
  say.paragraph(choice.verdict)
} else {
  lambda = ValidationChoice.fallbackLambda(onCatalogue: onCatalogue)
  say.paragraph(Tables.lambdaUntested(lambda, trainCount: split.train.count))
}
say.pauseIfRequested(settings.common.pauses)

// MARK: - Every model on ratings it has not seen

say.heading("Every model on ratings it has not seen")
say.paragraph(
  Tables.comparisonSetup(
    split, testFraction: settings.testFraction, seed: seed, learningRate: learningRate,
    epochs: epochs, precision: precision, order: visitOrder))
say.bullets(Tables.modelList(mean: μ, lambda: lambda, factors: factors))

// On loaded data big enough to take a while, every epoch reports; timings never appear on the
// catalogue, whose output stays the same from run to run.
let reportsEpochs = !onCatalogue && split.train.count >= 50_000
let epochReports = reportsEpochs ? say : nil
let globalMean = ModelScore.globalMean(μ, on: split)
func train(_ name: String, factors: Int, biases: Bool, λ: Double)
  -> (TrainedModel, MatrixFactorization)
{
  training.model(
    name, factors: factors, biases: biases, λ: λ, on: split, mean: μ, reportingTo: epochReports)
}
let (biasOnly, _) = train("Bias-only", factors: 0, biases: true, λ: lambda)
let (basic, _) = train("Basic MF", factors: factors, biases: false, λ: 0)
let (withBiases, _) = train("MF with biases", factors: factors, biases: true, λ: 0)
let (withλ, final) = train("MF with biases and λ", factors: factors, biases: true, λ: lambda)
source.restoreRatings(from: split)
let models = [biasOnly, basic, withBiases, withλ]
let scores = [globalMean] + models.map(\.score)
let histories = models.map { ($0.name, $0.history) }
if reportsEpochs { say.blank() }
say.table(ModelScore.table(scores))
say.paragraph(Tables.comparisonVerdict(scores))
if !onCatalogue {
  say.paragraph(
    Tables.speedIntroduction(
      precision: precision, order: settings.order, workers: settings.workers,
      cores: ProcessInfo.processInfo.activeProcessorCount,
      shufflesAhead: training.shufflesAhead(ratingCount: split.train.count)))
  say.table(Tables.speed(histories, ratingCount: split.train.count, order: settings.order))
}
charts.write(Figures.modelComparison(scores), named: "model_comparison.svg")
say.pauseIfRequested(settings.common.pauses)

// MARK: - Cross-validation, on request

if let folds = settings.folds {
  say.heading("\(folds)-fold cross-validation")
  say.paragraph(DemoCrossValidation.introduction(folds: folds, ratingCount: data.ratings.count))
  let validation = DemoCrossValidation(
    data.ratings, folds: folds, factors: factors, lambda: lambda, seed: seed, training: training)
  say.table(validation.table)
  say.paragraph(validation.verdict)
  say.pauseIfRequested(settings.common.pauses)
}

// MARK: - Learning curves

say.heading("Learning curves")
say.paragraph(Tables.curvesIntroduction)
say.table(Tables.curves(histories, epochs: epochs))
say.paragraph(
  Tables.curveVerdict(
    unregularized: withBiases.history, regularized: withλ.history, lambda: lambda,
    epochs: epochs))
charts.write(
  Figures.learningCurve(histories, globalMeanRMSE: globalMean.test.rmse),
  named: "learning_curve.svg")
say.pauseIfRequested(settings.common.pauses)

// MARK: - R ≈ P × Qᵀ, up close

say.heading("R ≈ P × Qᵀ, up close")
let slice = FactorSlice(model: final, source: source, statistics: statistics)
say.paragraph(Tables.sliceIntroduction(slice, factorCount: final.factorCount))
say.paragraph(Tables.columnKey(letters: slice.letters, items: slice.items, source: source))
say.table(RatingTables.grid(slice.lettered))
say.matrix(slice.P, label: "P, these viewers:")
say.matrix(slice.Qᵀ, label: slice.qᵀLabel)
say.table(RatingTables.predictions(slice.predictions, beside: slice.lettered))
if let warning = Tables.outOfScaleWarning(slice.predictions, scale: data.scale) {
  say.paragraph(warning)
}
say.paragraph(Tables.sliceFitReading(slice.fit, knownCells: slice.data.ratings.count))
charts.write(
  Figures.factorization(slice, factorCount: final.factorCount),
  named: "matrix_factorization_visualization.svg")
say.pauseIfRequested(settings.common.pauses)

// MARK: - Hash tables, briefly

say.heading("Hash tables, briefly")
say.paragraph(Tables.lookupIntroduction)
let report = LookupBenchmark.demo(quick: settings.quick).run(structures: [
  .linearSearch, .binarySearch, .set, .dictionary,
])
say.table(Tables.lookups(report))
say.paragraph(Tables.lookupVerdict(report))
charts.write(Figures.hashTables(report), named: "hash_table_performance.svg")
say.pauseIfRequested(settings.common.pauses)

// MARK: - Recommendations

say.heading("Recommendations")
let candidates = source.candidates(statistics: statistics)
say.paragraph(
  Tables.recommendationsIntroduction(source, candidates: candidates, statistics: statistics))
for viewer in ViewerPicks.all(
  model: final, source: source, candidates: candidates, count: settings.top)
{
  say.line(Tables.picksHeading(for: viewer.viewer, viewer.picks, source: source))
  say.bullets(Tables.picks(viewer.picks, source: source))
  guard let watched = viewer.watched else { continue }
  say.line(Tables.becauseWatched(data.userNames[viewer.viewer], watched, source: source))
  say.bullets(Tables.similar(viewer.similar, source: source))
  if let closest = viewer.similar.first?.cosine, closest < FileReadings.weakCosine {
    say.paragraph(FileReadings.weakNeighbours(closest: closest, factors: final.factorCount))
  }
}
if !onCatalogue {
  let readings = FileReadings.afterRecommendations(
    final, candidates: candidates, source: source, statistics: statistics, top: settings.top)
  for reading in readings { say.paragraph(reading) }
}
if let catalogue = source.catalogue {
  say.paragraph(Tables.genreCheck(catalogue, model: final, top: settings.top))
}

// MARK: - Charts

charts.writeAll(reportingTo: say)

// MARK: - What to try next

say.heading("Try next")
say.bullets(
  TryNext.suggestions(
    onCatalogue: onCatalogue, lambda: settings.lambda, factors: factors, epochs: epochs,
    top: settings.top, seed: seed, order: settings.order, workers: settings.workers))
