// chapter-discovery: blog section 11, multi-task learning and the joy of discovery. Every chapter
// so far scored predicted stars; a recommender is judged by the top of its list. Here lists are
// measured (precision, recall, hit rate, MAP and NDCG at K; coverage, diversity, novelty and
// personalisation), re-ranked for variety, and a two-headed model learns ratings and what was
// watched at once. On the demo catalogue every list is also judged against the hidden truth.
//
//     swift run chapter-discovery [--k N] [--relevant X] [--diversity-weight X] [--task-weight X]
//     swift run -c release chapter-discovery --ratings ml-100k/u.data --titles ml-100k/u.item

import ChapterKit
import Recommender

let info = ChapterInfo(
  command: "chapter-discovery",
  mirrors: "Blog section 11 (multi-task learning: balancing accuracy with the joy of discovery)",
  summary: "Judges top-K lists by ranking and beyond-accuracy metrics, trades accuracy for "
    + "diversity and novelty by re-ranking, and trains one model on two tasks.")
let settings: Settings = parseOrExit(info)
settings.data.checkOrExit(command: info.command)
let seed = settings.common.seed
let source = settings.data.loadOrExit(seed: seed, command: info.command)
let data = source.dataset
let onCatalogue = source.catalogue != nil
let k = settings.k ?? (onCatalogue ? 5 : 10)
let split = source.splitOrExit(
  testFraction: 0.2, seed: seed, ratingsPath: settings.data.ratingsPath, command: info.command)
let recipe = Recipe(data: data, onCatalogue: onCatalogue, command: info.command)
// The assets folder is checked before the story starts; the charts are written at the end.
var charts = ChartOutput(settings.common, command: info.command)

let say = Narrator()
say.banner(
  title: "Discovery: judging the list, and trading accuracy for variety", mirrors: info.mirrors,
  command: "swift run \(info.command)")

// MARK: - Judging a list, not a rating

say.heading("Judging a list, not a rating")
say.paragraph(Tables.dataIntroduction(source, split: split, ratingsPath: settings.data.ratingsPath))
say.paragraphs(Tables.metricDefinitions(k: k, relevant: settings.relevant))
let lineup = Lineup(
  split: split, source: source, recipe: recipe, k: k, relevant: settings.relevant, seed: seed)
let worked = WorkedList(lineup: lineup, source: source, relevant: settings.relevant)
say.paragraph(worked.introduction)
say.table(worked.table)
say.paragraphs(worked.arithmetic)
say.paragraphs(Tables.varietyDefinitions(onCatalogue: onCatalogue))
say.pauseIfRequested(settings.common.pauses)

// MARK: - The ranking table

say.heading("Four models, judged by their lists")
say.paragraph(Tables.lineupIntroduction(lineup, recipe: recipe, onCatalogue: onCatalogue))
say.table(Tables.accuracyTable(lineup.models, k: k))
say.table(Tables.varietyTable(lineup.models))
say.note(Tables.varietyKey)
say.paragraphs(Tables.rankingVerdicts(lineup, k: k))
charts.write(Figures.metricBars(lineup.models, k: k), named: "discovery-metrics.svg")
say.pauseIfRequested(settings.common.pauses)

// MARK: - Trading accuracy for discovery

say.heading("Re-ranking: trading a little accuracy for variety")
let pools = RerankSweep.pools(lineup)
let weights = RerankSweep.weights(quick: settings.quick, extra: settings.diversityWeight)
let sweeps = [RerankSweep.Kind.diversity, .novelty].map {
  RerankSweep($0, lineup: lineup, pools: pools, weights: weights)
}
say.paragraph(
  Tables.rerankIntroduction(k: k, poolSize: RerankSweep.poolSize(k: k), onCatalogue: onCatalogue))
for sweep in sweeps {
  say.table(Tables.sweepTable(sweep, k: k))
  say.paragraph(Tables.sweepVerdict(sweep, k: k))
}
let shown = WeightedLists(sweeps: sweeps, weight: settings.diversityWeight, source: source)
say.paragraph(shown.introduction)
say.table(shown.table)
charts.write(Figures.frontier(sweeps[0], k: k), named: "discovery-diversity-frontier.svg")
charts.write(Figures.frontier(sweeps[1], k: k), named: "discovery-novelty-frontier.svg")
say.pauseIfRequested(settings.common.pauses)

// MARK: - Multi-task learning

say.heading("Multi-task learning: one model, two tasks")
let study = MultiTaskStudy(
  data: data, recipe: recipe, k: k, relevant: settings.relevant,
  taskWeight: settings.taskWeight, seed: seed, quick: settings.quick,
  progress: ProgressBar(
    total: MultiTaskStudy.weights(quick: settings.quick, taskWeight: settings.taskWeight).count
      * (settings.quick ? 2 : 3), unit: "models"))
say.paragraphs(Tables.multiTaskIntroduction(study, recipe: recipe, onCatalogue: onCatalogue))
say.table(Tables.multiTaskTable(study, k: k))
say.paragraphs(Tables.multiTaskVerdicts(study, k: k, onCatalogue: onCatalogue))
charts.write(Figures.taskWeightSweep(study, k: k), named: "discovery-task-weight.svg")
charts.writeAll(reportingTo: say)

// MARK: - What to try next

say.pauseIfRequested(settings.common.pauses)
say.heading("Try next")
say.bullets(Tables.tryNext(settings, k: k, onCatalogue: onCatalogue))
