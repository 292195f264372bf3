// chapter-neural-cf: blog section 10, neural collaborative filtering, tested rather than
// praised. The layers, backpropagation and Adam are written out and checked against finite
// differences; He et al.'s GMF, MLP and NeuMF and Sedhain et al.'s I-AutoRec then meet matrix
// factorization on held-out ratings and on He et al.'s implicit-feedback protocol, and an MLP
// tries to learn a plain dot product, as Rendle et al. (2020) asked it to.
//
//     swift run chapter-neural-cf [--model all|gmf|mlp|neumf|autorec] [--epochs N] [--seed N]
//     swift run -c release chapter-neural-cf --ratings ml-100k/u.data --titles ml-100k/u.item

import ChapterKit
import LookupTiming
import Recommender

let info = ChapterInfo(
  command: "chapter-neural-cf",
  mirrors: "Blog section 10, Neural Collaborative Filtering: GMF, MLP and NeuMF (He et al. "
    + "2017), I-AutoRec (Sedhain et al. 2015) and the dot product revisited (Rendle et al. 2020)",
  summary: "Builds neural recommenders from scratch and measures them against matrix "
    + "factorization on ratings and on implicit feedback.")
let settings: Settings = parseOrExit(info)
settings.data.checkOrExit(command: info.command)
let seed = settings.common.seed

// Data and flags before the assets folder: a bad file or --layers ends the run before any work.
let source = ChapterData.loadOrExit(
  ratingsPath: settings.data.ratingsPath, titlesPath: settings.data.titlesPath,
  format: settings.data.format, seed: seed, command: info.command)
let data = source.dataset
let onCatalogue = source.catalogue != nil
let recipe = Recipe(settings: settings, onCatalogue: onCatalogue, command: info.command)
_ = source.splitOrExit(
  testFraction: 0.2, seed: seed, ratingsPath: settings.data.ratingsPath, command: info.command)

var charts = ChartOutput(settings.common, command: info.command)
let say = Narrator()
say.banner(
  title: "Neural collaborative filtering, measured", mirrors: info.mirrors,
  command: "swift run \(info.command)")

// MARK: - The data

say.heading("The data")
say.paragraph(Narration.data(source, recipe: recipe))
say.pauseIfRequested(settings.common.pauses)

// MARK: - The pieces, from scratch

say.heading("The pieces, from scratch")
say.paragraph(Narration.pieces)
let checks = GradientCheck.pieces(seed: seed)
say.table(Tables.gradientChecks(checks))
say.paragraph(Narration.checkVerdict(checks))
say.pauseIfRequested(settings.common.pauses)

// MARK: - GMF, MLP and NeuMF

say.heading("GMF, MLP and NeuMF")
var shapes = NumpyRandom(seed: seed)
let architectures = NeuralCF.Architecture.allCases.map { architecture in
  NeuralCF(
    architecture, users: data.userCount, items: data.itemCount, factors: recipe.factors,
    layers: recipe.tower, loss: .binaryCrossEntropy, random: &shapes)
}
say.paragraph(Narration.architectures(recipe))
say.table(Tables.architecture(architectures))
charts.write(
  Figures.neuMF(factors: recipe.factors, tower: recipe.tower), named: "neural-cf-neumf.svg")
say.pauseIfRequested(settings.common.pauses)

// MARK: - Predicting ratings

say.heading("Predicting ratings")
let ratings = RatingComparison(
  data: data, recipe: recipe, choice: settings.model, command: info.command)
say.paragraph(Narration.ratingSetup(ratings, recipe: recipe))
say.table(Tables.ratings(ratings.scores, seeds: recipe.seeds))
say.paragraphs(Tables.ratingVerdicts(ratings.scores))
let mfRMSE = ratings.scores.first { $0.name == "MF with biases and λ" }!.values[0]
if !ratings.curves.isEmpty {
  charts.write(
    Figures.ratingCurves(ratings.curves, mf: mfRMSE, seed: recipe.seeds[0]),
    named: "neural-cf-rating-curves.svg")
}
charts.write(
  Figures.ratingBars(ratings.scores, seeds: recipe.seeds.count), named: "neural-cf-rmse.svg")
say.pauseIfRequested(settings.common.pauses)

// MARK: - Predicting choices: He et al.'s protocol

say.heading("Predicting choices: He et al.'s protocol")
let choices = ChoiceComparison(
  data: data, recipe: recipe, choice: settings.model, command: info.command)
guard !choices.protocolSample.heldOut.isEmpty else {
  exitWithError(
    .dataError("no viewer has two or more chosen titles, so none can be held out"),
    command: info.command)
}
say.paragraph(Narration.choiceSetup(choices, recipe: recipe, onCatalogue: onCatalogue))
say.table(Tables.choices(choices.hitRates, choices.ndcgs, k: recipe.k))
say.paragraphs(Tables.choiceVerdicts(choices.hitRates, chance: choices.chance, k: recipe.k))
if settings.model == .autorec {
  say.paragraph(Narration.autoRecOnChoices)
}
charts.write(
  Figures.choiceCurves(
    choices.curves, popularity: choices.hitRates[0].values[0], k: recipe.k, seed: recipe.seeds[0]),
  named: "neural-cf-choice-curves.svg")
charts.write(
  Figures.choiceBars(choices.hitRates, choices.ndcgs, k: recipe.k, seeds: recipe.seeds.count),
  named: "neural-cf-hit-rate.svg")
say.pauseIfRequested(settings.common.pauses)

// MARK: - Can an MLP learn a dot product?

say.heading("Can an MLP learn a dot product?")
let dot = DotProductLearning(
  dimension: 4, entities: 100, trainPairs: settings.quick ? 1_000 : 2_000, testPairs: 1_000,
  widths: recipe.dotWidths,
  training: NeuralTraining(
    epochs: recipe.dotEpochs, learningRate: 0.003, batchSize: 32, regularization: 0, seed: seed))
say.paragraph(Narration.dotProduct(dot, epochs: recipe.dotEpochs))
say.table(Tables.dotProduct(dot))
say.paragraph(Tables.dotProductVerdict(dot))
charts.write(Figures.dotProduct(dot), named: "neural-cf-dot-product.svg")
say.pauseIfRequested(settings.common.pauses)

// MARK: - What it costs

say.heading("What it costs")
say.paragraph(Narration.costIntroduction(users: data.userCount, items: data.itemCount))
say.table(Tables.costs(ratings.costs, items: data.itemCount, users: data.userCount))
say.paragraph(Tables.costVerdict(ratings.costs, items: data.itemCount))
if !onCatalogue {
  say.table(Tables.timings(ratings.costs + choices.costs.map(Narration.onChoices)))
}

// MARK: - Charts

charts.writeAll(reportingTo: say)

// MARK: - Try next

say.heading("Try next")
say.bullets(Narration.tryNext(settings, onCatalogue: onCatalogue))
