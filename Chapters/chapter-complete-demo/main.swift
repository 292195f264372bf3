// chapter-complete-demo: the companion README's "Complete Demonstration" in one run: the data,
// every model compared on held-out ratings, learning curves, the factorization made visible,
// the hash-table sidebar in brief, and recommendations. Runs on a demo catalogue built around
// the blog's five viewers, or on real MovieLens files.
//
//     swift run chapter-complete-demo [--top N] [--seed N]
//     swift run -c release chapter-complete-demo --ratings ml-100k/u.data --titles ml-100k/u.item

import ChapterKit
import LookupTiming
import Recommender

struct Settings: ChapterSettings {
  var common = CommonOptions()
  var ratingsPath: String?
  var titlesPath: String?
  var format: RatingsFileFormat?
  // Left nil without the flag: the default depends on the data (see "Training settings").
  var factors: Int?
  var epochs: Int?
  var learningRate: Double?
  var lambda: Double?
  var testFraction = 0.2
  var top = 3
  var quick = false

  static var options: [ChapterOption<Settings>] {
    [
      .string(
        "--ratings", \.ratingsPath, valueName: "FILE",
        help: "MovieLens u.data or ratings.csv, or a user,item,rating CSV, instead of the demo "
          + "catalogue"),
      .string(
        "--titles", \.titlesPath, valueName: "FILE",
        help: "u.item or movies.csv naming the movies of --ratings"),
      .choice("--format", \.format, help: "the layout of --ratings", whenAbsent: "detected"),
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
if settings.ratingsPath == nil, settings.titlesPath != nil || settings.format != nil {
  exitWithError(
    .usage("--titles and --format describe a --ratings file; give --ratings FILE too"),
    command: info.command)
}
let seed = settings.common.seed

// Data before the assets folder: a bad file ends the run before anything is written.
let source: DemoData
if let ratingsPath = settings.ratingsPath {
  do {
    source = try DemoData(
      ratingsPath: ratingsPath, titlesPath: settings.titlesPath, format: settings.format)
  } catch {
    exitWithError(.dataError(error.description), command: info.command)
  }
} else {
  source = DemoData(catalogueSeed: seed)
}
let data = source.dataset
let onCatalogue = source.catalogue != nil
let split = TrainTestSplit(data.ratings, testFraction: settings.testFraction, seed: seed)
if split.train.isEmpty || split.test.isEmpty {
  exitWithError(
    .dataError(
      "\(settings.ratingsPath ?? "the data") has only \(grouped(data.ratings.count)) "
        + (data.ratings.count == 1 ? "rating" : "ratings") + ", too few to hold "
        + "\(percent(settings.testFraction, decimals: 0)) out for testing and learn from the rest"),
    command: info.command)
}

// Training settings: tuned for the small catalogue, or what libraries use on MovieLens.
let factors = settings.factors ?? (onCatalogue ? 5 : 100)
let epochs = settings.epochs ?? (onCatalogue ? 100 : 20)
let learningRate = settings.learningRate ?? (onCatalogue ? 0.02 : 0.005)
let epochsText = epochs == 1 ? "1 epoch" : "\(epochs) epochs"

var charts = ChartOutput(settings.common, command: info.command)
let say = Narrator()

say.banner(
  title: "The complete demonstration: from ratings to recommendations", mirrors: info.mirrors,
  command: "swift run \(info.command)")

// MARK: - The data

say.heading("The data")
if let catalogue = source.catalogue {
  let blogTitles = BlogSamples.listing.itemCount
  say.paragraph(
    "The blog's five viewers keep their 20 ratings of its four movies, and join "
      + "\(data.userCount - 5) more viewers and \(data.itemCount - blogTitles) more titles in "
      + "\(DemoCatalogue.genres.count) genres (\(DemoCatalogue.genres.joined(separator: ", "))). "
      + "Every other rating comes from a hidden taste drawn with seed \(seed): each viewer has a "
      + "favourite genre, and only \(percent(catalogue.recipe.density, decimals: 0)) of the "
      + "other cells are rated at all.")
} else {
  say.paragraph(
    "Loaded \(settings.ratingsPath!): \(source.fileSummary!)."
      + (source.titlesSummary.map { " Titles: \($0)." } ?? ""))
}
let statistics = DatasetStatistics(data)
say.table(RatingTables.summary([(onCatalogue ? "Demo catalogue" : "Loaded file", statistics)]))
let largestCount = statistics.histogram.map(\.count).max() ?? 1
say.table(RatingTables.histogram(statistics, barScale: max(1, (largestCount + 39) / 40)))
say.paragraph(
  "A viewer rated \(fixed(Double(statistics.ratingCount) / Double(data.userCount), 1)) of the "
    + "\(grouped(data.itemCount)) titles on average, so \(percent(statistics.sparsity)) of the "
    + "matrix is empty: those are the cells the models below must fill.")
say.pauseIfRequested(settings.common.pauses)

let μ = split.train.reduce(0) { $0 + $1.value } / Double(split.train.count)

/// One model of the comparison, by its per-epoch record. The parameters are not kept: on
/// MovieLens 25M each model's P and Q take 177 MB, and only the last model is needed later.
struct TrainedModel {
  let name: String
  let history: TrainingHistory

  var score: ModelScore {
    ModelScore(name: name, train: history.last!.train, test: history.last!.test!)
  }
}

// On loaded data big enough to take a while, every epoch reports; timings never appear on the
// catalogue, whose output stays the same from run to run.
let reportsEpochs = !onCatalogue && split.train.count >= 50_000

/// Trains one model from the shared seed on `ratings.train`, scoring `ratings.test` after every
/// epoch, or ends the run if it diverges.
func fit(
  _ name: String, factors: Int, biases: Bool, λ: Double, on ratings: TrainTestSplit,
  mean: Double, reports: Bool = false
) -> (TrainingHistory, MatrixFactorization) {
  var random = NumpyRandom(seed: seed)
  var model = MatrixFactorization(
    users: data.userCount, items: data.itemCount, factors: factors, initialisation: .normal,
    usesBiases: biases, globalMean: mean, random: &random)
  var trainer = SGDTrainer(
    settings: .init(
      learningRate: learningRate, biasLearningRate: learningRate, regularization: λ,
      factorUpdate: .simultaneous, visitOrder: .shuffledEachEpoch(seed: seed)),
    ratings: ratings.train)
  let bar = ProgressBar(total: epochs, unit: "epochs")
  let start = MonotonicClock.now()
  do {
    let history = try trainer.train(&model, epochs: epochs, test: ratings.test) { record in
      bar.show(done: record.epoch, label: name)
      guard reports else { return }
      bar.clear()
      let seconds = Double(MonotonicClock.now() - start) / 1e9
      say.line(
        "\(name), epoch \(record.epoch)/\(epochs): train RMSE \(fixed(record.train.rmse, 4)), "
          + "test RMSE \(fixed(record.test!.rmse, 4)), \(fixed(seconds, 2)) s")
    }
    bar.clear()
    return (history, model)
  } catch {
    bar.clear()
    exitWithError(
      .diverged(
        error,
        flags: RateFlags(
          learningRate: "--learning-rate", biasLearningRate: "--learning-rate",
          regularization: "--lambda"), run: name),
      command: info.command)
  }
}

/// One model of the comparison on the test split.
func train(_ name: String, factors: Int, biases: Bool, λ: Double)
  -> (TrainedModel, MatrixFactorization)
{
  let (history, model) = fit(
    name, factors: factors, biases: biases, λ: λ, on: split, mean: μ, reports: reportsEpochs)
  return (TrainedModel(name: name, history: history), model)
}

// MARK: - Choosing λ without the test set

say.heading("Choosing λ without looking at the hidden ratings")
let lambda: Double
if let chosen = settings.lambda {
  lambda = chosen
  say.paragraph(
    "λ = \(chosen) comes from --lambda, so nothing is chosen here. Without the flag, the demo "
      + "tries a few values of λ on a validation set carved from the training ratings.")
} else {
  let tuning = ValidationChoice.split(split.train, seed: seed)
  if let tuning {
    let tuningMean = tuning.train.reduce(0) { $0 + $1.value } / Double(tuning.train.count)
    let tried = ValidationChoice.lambdaGrid(onCatalogue: onCatalogue).map { λ in
      let (history, _) = fit(
        "Validating λ = \(λ)", factors: factors, biases: true, λ: λ, on: tuning,
        mean: tuningMean)
      return (λ: λ, rmse: history.last!.test!.rmse)
    }
    let choice = ValidationChoice(tried: tried)
    lambda = choice.chosen
    say.paragraph(ValidationChoice.explanation(trainCount: split.train.count, tuning: tuning))
    say.table(choice.table)
    say.paragraph(choice.verdict)
  } else {
    lambda = ValidationChoice.fallbackLambda(onCatalogue: onCatalogue)
    say.paragraph(
      "The \(grouped(split.train.count)) training ratings are too few to set a validation "
        + "set aside, so λ = \(lambda), the usual value, is used untested.")
  }
}
say.pauseIfRequested(settings.common.pauses)

// MARK: - Every model on ratings it has not seen

say.heading("Every model on ratings it has not seen")
say.paragraph(
  "A model is only as good as its guesses for ratings it never saw. So "
    + "\(grouped(split.test.count)) ratings (\(percent(settings.testFraction, decimals: 0)), "
    + "picked with seed \(seed)) are hidden, each model learns from the other "
    + "\(grouped(split.train.count)), and then predicts the hidden ones. All learn by the same "
    + "SGD: γ = \(learningRate) for factors and biases, \(epochsText), factors starting "
    + "small (normal, σ = 0.1), the ratings in a fresh shuffle every epoch, and qᵢ moved with "
    + "the pᵤ from before the step, as the Surprise library does.")
say.bullets([
  "Global mean: always guess μ = \(fixed(μ, 2)), the average training rating.",
  "Bias-only: μ + bᵤ + bᵢ, each viewer's and each title's own tilt, λ = \(lambda).",
  "Basic MF: p·q with \(factors) factors, as in chapter-basic-mf.",
  "MF with biases: μ + bᵤ + bᵢ + p·q, as in chapter-biases.",
  "MF with biases and λ = \(lambda): every step also pulls the parameters towards zero, as in "
    + "chapter-regularization.",
])

let globalMean = ModelScore(
  name: "Global mean", train: ErrorMetrics(ratings: split.train) { _ in μ },
  test: ErrorMetrics(ratings: split.test) { _ in μ })
let (biasOnly, _) = train("Bias-only", factors: 0, biases: true, λ: lambda)
let (basic, _) = train("Basic MF", factors: factors, biases: false, λ: 0)
let (withBiases, _) = train("MF with biases", factors: factors, biases: true, λ: 0)
let (withλ, final) = train("MF with biases and λ", factors: factors, biases: true, λ: lambda)
let models = [biasOnly, basic, withBiases, withλ]
let scores = [globalMean] + models.map(\.score)
if reportsEpochs { say.blank() }
say.table(ModelScore.table(scores))
say.paragraph(Tables.comparisonVerdict(scores))
if !onCatalogue {
  say.paragraph("Training speed (\(BuildConfiguration.current) build, one core, SGD steps only):")
  say.table(Tables.speed(models.map { ($0.name, $0.history) }, ratingCount: split.train.count))
}
charts.write(Figures.modelComparison(scores), named: "model_comparison.svg")
say.pauseIfRequested(settings.common.pauses)

// MARK: - Learning curves

say.heading("Learning curves")
say.paragraph(
  "Training error falls with every epoch; the question is what happens meanwhile to the error "
    + "on the hidden ratings. The test RMSE of each model after selected epochs:")
say.table(Tables.curves(models.map { ($0.name, $0.history) }, epochs: epochs))
let unregularized = withBiases.history
let regularized = withλ.history
say.paragraph(
  Tables.curveVerdict(
    unregularized: withBiases.history, regularized: withλ.history, lambda: lambda,
    epochs: epochs))
charts.write(
  Figures.learningCurve(
    models.map { ($0.name, $0.history) }, globalMeanRMSE: globalMean.test.rmse),
  named: "learning_curve.svg")
say.pauseIfRequested(settings.common.pauses)

// MARK: - R ≈ P × Qᵀ, up close

say.heading("R ≈ P × Qᵀ, up close")
let slice = source.readableSlice(statistics: statistics)
let sliceData = data.slice(users: slice.users, items: slice.items)
let shownFactors = min(final.factorCount, 5)
let sliceP = final.P.submatrix(rows: slice.users, columns: 0..<shownFactors)
let sliceQᵀ = final.Q.submatrix(rows: slice.items, columns: 0..<shownFactors).transposed
let slicePredictions = final.predictions(users: slice.users, items: slice.items)
say.paragraph(
  "The regularized model keeps \(final.factorCount) "
    + (final.factorCount == 1 ? "number" : "numbers") + " per viewer and per title. For "
    + "\(slice.users.count) viewers and \(slice.items.count) titles, here are the known ratings R "
    + "(· where there is none), the viewers' rows of P, the titles' columns of Qᵀ"
    + (shownFactors < final.factorCount
      ? " (the first \(shownFactors) of \(final.factorCount) factors)" : "")
    + ", and the predictions μ + bᵤ + bᵢ + p·q, the real rating in brackets.")
// Letters for column headers keep the tables within 80 columns; the key says which is which.
let letters = slice.items.indices.map { String(UnicodeScalar(UInt8(65 + $0))) }
var lettered = sliceData
lettered.itemNames = letters
say.paragraph(
  "Columns: "
    + zip(letters, slice.items).map { "\($0) = \(source.titleWithGenre($1))" }
    .joined(separator: ", ") + ".")
say.table(RatingTables.grid(lettered))
say.matrix(sliceP, label: "P, these viewers:")
say.matrix(sliceQᵀ, label: "Qᵀ, these titles (columns \(letters.first!) to \(letters.last!)):")
say.table(RatingTables.predictions(slicePredictions, beside: lettered))
if let warning = Tables.outOfScaleWarning(slicePredictions, scale: data.scale) {
  say.paragraph(warning)
}
let sliceFit = ErrorMetrics(ratings: sliceData.ratings) { slicePredictions[$0.user, $0.item] }
say.paragraph(
  "On the \(sliceData.ratings.count) known "
    + (sliceData.ratings.count == 1 ? "cell" : "cells") + " shown, the predictions are off by "
    + "\(fixed(sliceFit.mae, 2)) stars on average; every empty cell now has a guess, which is "
    + "all a recommender needs.")
charts.write(
  Figures.factorization(
    sliceData, P: sliceP, Qᵀ: sliceQᵀ, predictions: slicePredictions,
    factorCount: final.factorCount),
  named: "matrix_factorization_visualization.svg")
say.pauseIfRequested(settings.common.pauses)

// MARK: - Hash tables, briefly

say.heading("Hash tables, briefly")
say.paragraph(
  "Every step above found a viewer's row and a title's row by number, and loading a file turns "
    + "each id into that number with a table lookup. The blog's sidebar asks why such lookups "
    + "use hash tables rather than lists. The harness of chapter-hash-tables, at a few sizes, "
    + "each structure asked the same keys, a quarter of them absent:")
let benchmark =
  settings.quick
  ? LookupBenchmark.quick : LookupBenchmark(budget: .quick, sizes: [1_000, 10_000, 100_000])
let report = benchmark.run(structures: [.linearSearch, .binarySearch, .set, .dictionary])
say.table(Tables.lookups(report))
say.paragraph(Tables.lookupVerdict(report))
charts.write(Figures.hashTables(report), named: "hash_table_performance.svg")
say.pauseIfRequested(settings.common.pauses)

// MARK: - Recommendations

say.heading("Recommendations")
let candidates = source.candidates(statistics: statistics)
say.paragraph(
  "Now the point of it all. For a few viewers: the titles they have not rated that the "
    + "regularized model predicts they would rate highest, and, for the title they rated "
    + "highest, the titles whose factor vectors point the same way (cosine similarity)."
    + (candidates.count < data.itemCount
      ? " Only titles with at least \(source.minimumRatings(statistics)) ratings are "
        + "suggested, so one enthusiastic rating cannot lift an obscure title to the top." : ""))
let viewers = source.viewersToRecommendFor
for (viewer, rated) in zip(viewers, data.itemsRated(by: viewers)) {
  let name = data.userNames[viewer]
  let favourite = source.catalogue.map {
    " (hidden favourite: \(DemoCatalogue.genres[$0.favouriteGenres[viewer]]))"
  }
  let picks = final.recommendations(
    for: viewer, count: settings.top, excluding: rated, among: candidates)
  // Predictions can overshoot the scale; a viewer is shown at most the top of it.
  let overshoots = picks.contains { $0.predictedRating > data.scale.upperBound }
  say.line(
    "Recommendations for \(name)\(favourite ?? "")"
      + (overshoots
        ? " (predictions above \(fixed(data.scale.upperBound, 0)) shown as the top)" : "")
      + ":")
  say.bullets(
    picks.isEmpty
      ? ["nothing left to suggest: every title that may be suggested is rated already"]
      : picks.map {
        let stars = min(max($0.predictedRating, data.scale.lowerBound), data.scale.upperBound)
        return "\(source.titleWithGenre($0.item)): \(fixed(stars, 2)) stars"
      })
  guard let watched = source.favouriteRated(by: viewer, among: candidates),
    !picks.isEmpty
  else { continue }
  say.line(
    "Because \(name) watched \(source.titleWithGenre(watched.item)), "
      + "\(fixed(watched.value, watched.value.rounded() == watched.value ? 0 : 1)) stars:")
  let similar = final.titlesSimilar(
    to: watched.item, count: settings.top, excluding: rated, among: candidates)
  say.bullets(similar.map { "\(source.titleWithGenre($0.item)), cosine \(fixed($0.cosine, 2))" })
  if let closest = similar.first?.cosine, closest < FileReadings.weakCosine {
    say.paragraph(FileReadings.weakNeighbours(closest: closest, factors: final.factorCount))
  }
}
if !onCatalogue {
  say.paragraph(
    FileReadings.biasExtremes(final, candidates: candidates, source: source, statistics: statistics)
  )
  say.paragraph(
    FileReadings.sameTitlesNote(
      final, candidates: candidates, data: data, top: settings.top, source: source))
}
if let catalogue = source.catalogue {
  let picks = FavouriteGenreCheck(catalogue: catalogue, model: final, count: settings.top)
  let neighbours = SameGenreCheck(catalogue: catalogue, model: final, count: settings.top)
  say.paragraph(
    "The catalogue knows what every viewer secretly likes best, so the picks can be checked. "
      + Tables.genreVerdicts(picks: picks, neighbours: neighbours, top: settings.top))
}

// MARK: - Charts

charts.writeAll(reportingTo: say)

// MARK: - What to try next

say.heading("Try next")
say.bullets(
  TryNext.suggestions(
    onCatalogue: onCatalogue, lambda: settings.lambda, factors: factors, epochs: epochs,
    top: settings.top, seed: seed))
