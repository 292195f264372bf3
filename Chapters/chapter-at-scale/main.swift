// chapter-at-scale: blog section 13, "Distributed Computing Architecture". The Netflix Prize's shape on
// one machine, matrix factorization trained in parallel three ways (DSGD's blocks, Hogwild!'s
// races, ALS's independent solves), what many machines would add, and serving from shards.
//
//     swift run chapter-at-scale [--scale F] [--workers N] [--factors K] [--method M]
//     swift run -c release chapter-at-scale --scale 1 --factors 100 --method dsgd --epochs 1

import ChapterKit
import Foundation
import LookupTiming
import Recommender

let info = ChapterInfo(
  command: "chapter-at-scale",
  mirrors: "Blog section 13, \"Distributed Computing Architecture: The Invisible Engine of "
    + "Your Binge\"",
  summary: "Generates ratings with the Netflix Prize's shape, trains in parallel with DSGD, "
    + "Hogwild! and ALS on this machine's cores, prices many machines with the measured rates, "
    + "and splits serving over simulated nodes by consistent hashing.")
let settings: Settings = parseOrExit(info)
let seed = settings.common.seed
let (k, workers, epochs) = (settings.factors, settings.workers, settings.epochs)
var charts = ChartOutput(settings.common, command: info.command)
let say = Narrator()
say.banner(
  title: "At scale: the Netflix Prize on one machine, training in parallel, serving from shards",
  mirrors: info.mirrors, command: "swift run \(info.command)")

// MARK: - The Netflix Prize on one machine

say.heading("The Netflix Prize on one machine")
let scale = settings.effectiveScale
let (data, shape, generationNanoseconds) = prepareData(scale: scale, seed: seed, workers: workers)
say.paragraph(
  "The Netflix Prize's training set held \(grouped(PrizeShapedRatings.prizeRatings)) ratings by "
    + "\(grouped(PrizeShapedRatings.prizeUsers)) viewers of \(grouped(PrizeShapedRatings.prizeMovies)) "
    + "titles. Packed as a 4-byte viewer, a 2-byte title, a byte of stars and a byte saying "
    + "whether the rating is held out (\(MemoryLayout<PackedRating>.stride) bytes in all), the "
    + "whole set takes \(bytesText(Double(PrizeShapedRatings.prizeRatings * MemoryLayout<PackedRating>.stride))): "
    + "it fits in a laptop's memory with room to spare. Rather than depend on a copy of the "
    + "data, this chapter generates ratings with its shape from seed \(seed): hidden tastes and "
    + "biases, a log-normal number of ratings per viewer, skewed title popularity, stars "
    + "rounded from taste plus noise, and \(percent(PrizeShapedRatings.probeShare)) held out "
    + "as a probe set, as in the Prize.")
if settings.quick && settings.scale > scale {
  say.note("--quick generates at scale \(scale) instead of the \(settings.scale) asked for.")
}
say.table(Tables.shape(shape))
say.paragraph(Tables.shapeReading(shape))

// MARK: - Training in parallel: DSGD, and ALS

say.heading("Training in parallel: the same model, several ways")
let blocks = settings.effectiveBlocks(items: data.items)
let blocked =
  blocks == 1 ? data : data.regrouped(strata: blocks, order: .viewerByViewer, seed: seed)
let baselineRMSE = ParallelSGD.rmse(freshModel(data, factors: k, seed: seed), on: data.probe)
say.paragraph(
  (settings.method == .all
    ? "Every method trains the same model, r̂ = μ + bᵤ + bᵢ + pᵤ · qᵢ with k = \(k) "
      + (k == 1 ? "factor" : "factors") + ", from "
      + "the same start, "
    : "--method \(settings.method.rawValue) trains one way only: the model r̂ = μ + bᵤ + bᵢ + "
      + "pᵤ · qᵢ with k = \(k) " + (k == 1 ? "factor" : "factors") + ", ")
    + "on the \(grouped(data.trainingCount)) training ratings, scored by its RMSE on the "
    + "\(grouped(data.probe.count)) probe ratings after every epoch. Before any "
    + "training the model predicts about μ = \(fixed(data.meanStars, 3)) for everyone: RMSE "
    + "\(fixed(baselineRMSE, 4)).")
if let asked = settings.blocks, asked < workers {
  say.note(
    "--blocks \(asked) is fewer than the \(workers) workers; DSGD uses \(blocks) × \(blocks).")
}
say.bullets(
  Tables.methodBullets(workers: workers, blocked: blocked, k: k, method: settings.method))
var runs: [TrainingRun] = []
let sgd = Hyperparameters.sgd
if settings.method.includes(.sgd) {
  runs.append(
    train("Sequential SGD", data, factors: k, epochs: epochs, seed: seed) {
      ParallelSGD.dsgdEpoch(&$0, data, settings: sgd)
    })
}
if settings.method.includes(.dsgd) && (blocks > 1 || !settings.method.includes(.sgd)) {
  runs.append(
    train("DSGD, \(blocks) × \(blocks) blocks", blocked, factors: k, epochs: epochs, seed: seed) {
      ParallelSGD.dsgdEpoch(&$0, blocked, workers: workers, settings: sgd)
    })
}
if settings.method.includes(.als) {
  let als = AlternatingLeastSquares(data, lambda: Hyperparameters.alsLambda)
  runs.append(
    train("ALS", data, factors: k, epochs: epochs, seed: seed) { model in
      als.epoch(&model, workers: workers)
    })
}
if !runs.isEmpty {
  say.table(Tables.rmsePerEpoch(runs))
  say.paragraphs(Tables.accuracyReading(runs, baseline: baselineRMSE, workers: workers))
}
var hogwild: TrainingRun?
if settings.method.includes(.hogwild) {
  hogwild = train("Hogwild!, \(workers) workers", data, factors: k, epochs: epochs, seed: seed) {
    ParallelSGD.hogwildEpoch(&$0, data, workers: workers, settings: sgd)
  }
}

// MARK: - Speed on this machine

say.heading("Speed on this machine")
let build = BuildConfiguration.current
let cores = ProcessInfo.processInfo.activeProcessorCount
let timedEpochs = settings.quick ? 1 : min(3, epochs)
var speedups: [(workers: Int, run: TrainingRun)] = []
if settings.method.includes(.dsgd) || settings.method.includes(.sgd) {
  // 1, 2, … up to the cores present, and the workers asked for; their epochs take turns, so a
  // busy moment on the machine slows every worker count alike rather than one row.
  let counts = Set(Array(1...min(workers, max(2, cores))) + [workers]).sorted()
  let timings = timeInTurns(
    counts.map { "DSGD, \($0) worker(s)" }, blocked, factors: k, rounds: timedEpochs, seed: seed
  ) { index, model in
    ParallelSGD.dsgdEpoch(&model, blocked, workers: counts[index], settings: sgd)
  }
  speedups = Array(zip(counts, timings))
}
say.paragraphs(
  Tables.speedIntroduction(
    build: build, cores: cores, shape: shape, nanoseconds: generationNanoseconds,
    workers: workers))
if !speedups.isEmpty {
  say.table(Tables.speedups(speedups))
  say.paragraph(Tables.speedupReading(speedups, cores: cores, k: k))
  if let sequential = runs.first(where: { $0.name == "Sequential SGD" }), blocks > 1 {
    say.paragraph(
      Tables.blocksReading(single: speedups[0].run, sequential: sequential, blocks: blocks))
  }
  charts.write(Figures.speedup(speedups, build: build, k: k), named: "at-scale-speedup.svg")
}
if let hogwild {
  say.paragraph(
    Tables.hogwildReading(
      hogwild, sequential: runs.first { $0.name == "Sequential SGD" }, workers: workers))
  runs.append(hogwild)
}
if let als = runs.first(where: { $0.name == "ALS" }) {
  say.paragraph(Tables.alsSpeedReading(als, sgd: speedups.first?.run, workers: workers, k: k))
}
if !runs.isEmpty {
  charts.write(Figures.rmse(runs, k: k), named: "at-scale-rmse.svg")
}

// MARK: - What many machines add

say.heading("What many machines add")
if let single = speedups.first?.run {
  let model = CostModel(secondsPerRating: 1 / single.ratingsPerSecond, factors: k)
  say.paragraphs(model.narration(build: build))
  say.table(model.table)
  say.paragraph(model.reading)
} else {
  say.paragraph(
    "The cost model prices DSGD on many machines from the measured single-worker rate; with "
      + "--method \(settings.method.rawValue) no DSGD ran, so there is no rate to price. Run "
      + "with --method dsgd or all to see it.")
}

// MARK: - Serving from shards

say.heading("Serving from shards: consistent hashing against modulo")
let serving = ShardingExperiment(nodes: settings.nodes, seed: seed)
say.paragraph(serving.introduction)
say.table(serving.table)
say.paragraphs(serving.reading)
charts.write(Figures.resharding(serving), named: "at-scale-resharding.svg")

// MARK: - Charts

charts.writeAll(reportingTo: say)

// MARK: - Try next

say.heading("Try next")
say.bullets(Tables.tryNext(settings))
