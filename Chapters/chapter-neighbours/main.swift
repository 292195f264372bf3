// chapter-neighbours: blog sections 1 and 2, the Netflix Prize and "because you watched":
// collaborative filtering by neighbours, worked by hand on the blog's sample, then measured
// against matrix factorization on real ratings, for new viewers, and blended as the Prize was.
//
//     swift run chapter-neighbours [--similarity cosine|pearson|pearson-baseline] [--neighbours K]
//     swift run -c release chapter-neighbours --ratings ml-100k/u.data --titles ml-100k/u.item

import ChapterKit
import Recommender

struct Settings: ChapterSettings {
  var common = CommonOptions()
  var data = DataFileOptions()
  var similarity = SimilarityMeasure.pearsonBaseline
  var neighbours = 40
  var minimumSupport = 1
  var shrinkage = 100.0
  var folds = 5
  // Left nil without the flag: the complete demo's defaults, which depend on the data.
  var factors: Int?
  var epochs: Int?
  var learningRate: Double?
  var lambda: Double?
  var top = 5

  static var options: [ChapterOption<Settings>] {
    [
      .choice("--similarity", \.similarity, help: "how alike two viewers or two titles are"),
      .integer(
        "--neighbours", \.neighbours, atLeast: 1, atMost: 1000,
        help: "k, the most neighbours one prediction uses"),
      .integer(
        "--min-support", \.minimumSupport, atLeast: 1, atMost: 1000,
        help: "the fewest co-raters a similarity needs (below it, 0)"),
      .double(
        "--shrinkage", \.shrinkage, .closedRange(0...10_000),
        help: "pulls pearson-baseline similarities with few co-raters toward 0"),
      .integer("--folds", \.folds, atLeast: 2, atMost: 10, help: "K of K-fold cross-validation"),
      .integer(
        "--factors", \.factors, atLeast: 1, atMost: 100, help: "MF's hidden factors k",
        whenAbsent: "5; 100 with --ratings"),
      .integer(
        "--epochs", \.epochs, atLeast: 1, atMost: 200, help: "MF's passes over the ratings",
        whenAbsent: "100; 20 with --ratings"),
      .double(
        "--learning-rate", \.learningRate, .positive, help: "MF's γ",
        whenAbsent: "0.02; 0.005 with --ratings"),
      .double(
        "--lambda", \.lambda, .nonNegative, help: "MF's λ", whenAbsent: "0.1; 0.02 with --ratings"
      ),
      .integer("--top", \.top, atLeast: 1, atMost: 20, help: "titles per list"),
    ] + .dataFiles(\.data) + .common(\.common)
  }
}

let info = ChapterInfo(
  command: "chapter-neighbours",
  mirrors: "Blog sections 1 (the Netflix Prize) and 2 (\"because you watched\", "
    + "collaborative filtering)",
  summary: "Predicts ratings from similar viewers and similar titles, by hand on the blog's "
    + "sample and then against matrix factorization, for new viewers, and blended.")
let settings: Settings = parseOrExit(info)
settings.data.checkOrExit(command: info.command)
let seed = settings.common.seed
let source = settings.data.loadOrExit(seed: seed, command: info.command)
let data = source.dataset
let onCatalogue = source.catalogue != nil
if data.ratings.count < settings.folds * 2 {
  exitWithError(
    .dataError(
      "\(settings.data.ratingsPath ?? "the data") has \(grouped(data.ratings.count)) ratings, "
        + "too few for \(settings.folds) folds; give more ratings or fewer --folds"),
    command: info.command)
}
let recipe = ModelRecipe(
  neighbours: settings.neighbours, minimumSupport: settings.minimumSupport,
  shrinkage: settings.shrinkage, measure: settings.similarity,
  factors: settings.factors ?? (onCatalogue ? 5 : 100),
  epochs: settings.epochs ?? (onCatalogue ? 100 : 20),
  learningRate: settings.learningRate ?? (onCatalogue ? 0.02 : 0.005),
  lambda: settings.lambda ?? (onCatalogue ? 0.1 : 0.02), seed: seed, userCount: data.userCount,
  itemCount: data.itemCount, scale: data.scale, command: info.command)
var charts = ChartOutput(settings.common, command: info.command)
let say = Narrator()

say.banner(
  title: "Neighbours: the wisdom of the crowd, and the Prize's lesson", mirrors: info.mirrors,
  command: "swift run \(info.command)")

// MARK: - The Netflix Prize

say.heading("The Netflix Prize: ten percent better than Cinematch")
say.paragraph(Tables.prizeStory)
say.table(Tables.prizeTable)
say.paragraph(Tables.prizeLesson)
say.pauseIfRequested(settings.common.pauses)

// MARK: - Similar tastes, by hand on the blog's sample

say.heading("Because you watched: similar titles on the blog's sample")
let sample = SampleNeighbours(recipe: recipe)
say.paragraph(sample.introduction)
for measure in SimilarityMeasure.allCases {
  say.table(sample.itemTable(measure))
}
say.paragraph(sample.reading)
say.table(sample.userTable)
say.paragraph(sample.userReading)
say.heading("One rating predicted from its neighbours, step by step")
say.paragraph(sample.workedIntroduction)
if let table = sample.workedTable { say.table(table) }
say.paragraph(sample.workedResult)
charts.write(Figures.sampleHeatmaps(sample), named: "neighbours-sample-similarity.svg")
say.pauseIfRequested(settings.common.pauses)

// MARK: - Neighbours against factorization on real ratings

say.heading("Neighbours against matrix factorization, \(settings.folds)-fold")
say.paragraph(Tables.dataIntroduction(source, ratingsPath: settings.data.ratingsPath, seed: seed))
say.paragraph(Tables.method(recipe: recipe, folds: settings.folds, onCatalogue: onCatalogue))
let validation = CrossValidation(
  data.ratings, folds: settings.folds, recipe: recipe,
  progress: ProgressBar(total: settings.folds, unit: "folds"))
say.table(Tables.scoreTable(validation))
say.paragraphs(Tables.verdicts(validation, measure: settings.similarity))
charts.write(Figures.rmseBars(validation, folds: settings.folds), named: "neighbours-rmse.svg")
say.pauseIfRequested(settings.common.pauses)

// MARK: - Because you watched, on real ratings

say.heading("Because you watched: item neighbours with their evidence")
let full = recipe.fit(data.ratings)
let lists = BecauseYouWatched(
  source: source, models: full, recipe: recipe, count: settings.top)
say.paragraph(lists.introduction)
for list in lists.lists { say.table(list) }
if let check = lists.genreCheck {
  say.table(check.table)
  say.paragraph(check.reading)
}
say.pauseIfRequested(settings.common.pauses)

// MARK: - A viewer with no history

say.heading("Cold start: a new viewer's first ratings")
if let catalogue = source.catalogue {
  let coldStart = ColdStart(catalogue: catalogue, recipe: recipe, top: settings.top)
  say.paragraph(coldStart.introduction)
  say.table(coldStart.table)
  say.paragraphs(coldStart.verdicts)
  charts.write(Figures.coldStartCurve(coldStart), named: "neighbours-cold-start.svg")
} else {
  say.paragraph(Tables.coldStartNeedsTruth)
}
say.pauseIfRequested(settings.common.pauses)

// MARK: - The Prize's lesson: blend

say.heading("Blending, the way the Prize was won")
say.paragraph(Tables.blendIntroduction)
say.table(Tables.weightTable(validation))
say.paragraphs(Tables.blendVerdicts(validation))
charts.write(Figures.blendWeights(validation), named: "neighbours-blend-weights.svg")
charts.writeAll(reportingTo: say)

// MARK: - What to try next

say.pauseIfRequested(settings.common.pauses)
say.heading("Try next")
say.bullets(Tables.tryNext(settings, onCatalogue: onCatalogue))
