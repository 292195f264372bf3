// chapter-real-time: blog section 12, "Real-time Learning Systems". A deployed model keeps
// learning: each rating that arrives is one SGD step, the viewer's list is served again at
// once, a new viewer is folded in from their first ratings, and a replay in time order
// compares a frozen model, online updates and periodic retraining while tastes drift.
//
//     swift run chapter-real-time [--learning-rate X] [--warm-up FRACTION] [--retrain-every N]
//     swift run -c release chapter-real-time --ratings ml-100k/u.data --titles ml-100k/u.item

import ChapterKit
import LookupTiming
import Recommender

let info = ChapterInfo(
  command: "chapter-real-time",
  mirrors: "Blog section 12, \"Real-time Learning Systems: Adapting to Your Every Whim\"",
  summary: "Replays ratings in time order: one SGD step per event, new viewers folded in, a "
    + "frozen model against online updates and retraining while tastes drift, a top-N cache "
    + "kept current, and the latency of it all.")
let settings: Settings = parseOrExit(info)
settings.data.checkOrExit(command: info.command)
let seed = settings.common.seed

// Data before the assets folder: a bad file ends the run before anything is written.
let source = StreamSource.loadOrExit(settings.data, seed: seed, command: info.command)
let timeline = source.timeline
let data = source.dataset
let choices = ModelChoices(onCatalogue: source.drifting != nil, learningRate: settings.learningRate)
let cut = timeline.warmUpCount(settings.warmUp)
let warmUp = timeline.events[..<cut]
let stream = timeline.events[cut...]
let streamTimes = timeline.times[cut...]
let retrainEvery = settings.retrainEvery ?? max(10, (stream.count + 4) / 5)
let training = BatchTraining(
  users: data.userCount, items: data.itemCount, factors: choices.factors, epochs: choices.epochs,
  learningRate: choices.learningRate, regularization: choices.lambda, seed: seed)

var charts = ChartOutput(settings.common, command: info.command)
let say = Narrator()
say.banner(
  title: "Real-time learning: a model that keeps learning after it ships",
  mirrors: info.mirrors, command: "swift run \(info.command)")

// MARK: - Event capture: ratings in time order

say.heading("Event capture: ratings in the order they arrived")
say.paragraph(Tables.dataIntroduction(source, seed: seed, path: settings.data.ratingsPath))
if let drifting = source.drifting { say.paragraph(Tables.driftIntroduction(drifting)) }
let batch = Tables.trainOrExit(training, warmUp: Array(warmUp), command: info.command)
say.paragraph(
  Tables.cutReading(
    source, cut: cut, warmUp: settings.warmUp, choices: choices, batch: batch,
    warmUpRatings: warmUp))
say.pauseIfRequested(settings.common.pauses)

// MARK: - Model update: one event, one step

say.heading("Model update: one event, one step")
var warmUpCounts = [Int](repeating: 0, count: data.userCount)
var rated = [Set<Int>](repeating: [], count: data.userCount)
for rating in warmUp {
  warmUpCounts[rating.user] += 1
  rated[rating.user].insert(rating.item)
}
let shownOffset = OneEvent.pick(
  stream: stream, times: streamTimes, warmUpCounts: warmUpCounts, drifting: source.drifting)
// The model as it stands when that event arrives: the batch model plus every earlier event.
var live = batch
var ratedSoFar = rated
for event in stream.prefix(shownOffset) {
  _ = live.sgdStep(
    user: event.user, item: event.item, rating: event.value, settings: training.settings)
  ratedSoFar[event.user].insert(event.item)
}
let shown = OneEvent(
  index: shownOffset, rating: stream[cut + shownOffset], time: streamTimes[cut + shownOffset],
  model: live, rated: ratedSoFar[stream[cut + shownOffset].user], settings: training.settings,
  listLength: choices.listLength)
say.paragraph(Tables.eventIntroduction(shown, source: source))
say.table(Tables.parameters(shown))
say.paragraph(Tables.stepReading(shown, learningRate: choices.learningRate))
say.table(Tables.lists(shown, source: source))
say.paragraph(Tables.listReading(shown, source: source))
say.pauseIfRequested(settings.common.pauses)

// MARK: - A new viewer: folding in

say.heading("A new viewer: folded in from their first ratings")
let cold = ColdStart(
  batch: batch, timeline: timeline, warmUpCount: cut, training: training,
  drifting: source.drifting, listLength: choices.listLength, limit: 200)
say.paragraph(Tables.foldInIntroduction(cold))
if cold.viewers.isEmpty {
  say.paragraph(Tables.noColdViewers)
} else {
  say.table(Tables.coldStart(cold))
  say.paragraph(Tables.coldStartReading(cold))
  charts.write(
    Figures.coldStart(cold, onCatalogue: source.drifting != nil), named: "real-time-cold-start.svg")
}
say.pauseIfRequested(settings.common.pauses)

// MARK: - Replaying the stream: frozen, online, retrained

say.heading("Replaying the stream: frozen, online, retrained")
let replay = Tables.replayOrExit(
  warmUp: Array(warmUp), stream: Array(stream), batch: batch, training: training,
  retrainEvery: retrainEvery, command: info.command)
say.paragraph(
  Tables.replayIntroduction(stream: stream.count, retrainEvery: retrainEvery, replay: replay))
let windows = ErrorWindows(replay, times: Array(streamTimes), source: source)
say.table(windows.table)
say.paragraph(Tables.overallVerdict(replay))
if let drifting = source.drifting {
  let groups = DriftGroups(
    replay, stream: stream, times: streamTimes, drifting: drifting, warmUpCounts: warmUpCounts)
  say.table(groups.table)
  for reading in groups.readings { say.paragraph(reading) }
} else {
  say.paragraph(Tables.noDriftKnown)
}
charts.write(Figures.prequential(windows, source: source), named: "real-time-prequential.svg")
say.pauseIfRequested(settings.common.pauses)

// MARK: - Recommendation delivery: serving while learning

say.heading("Recommendation delivery: serving while learning")
let serving = ServingRun(
  warmUp: warmUp, stream: stream, batch: batch, settings: training.settings,
  listLength: choices.listLength, seed: seed)
say.paragraph(Tables.servingIntroduction(listLength: choices.listLength, titles: data.itemCount))
say.table(Tables.cacheCounts(serving))
say.paragraph(Tables.cacheReading(serving, replay: replay))
say.pauseIfRequested(settings.common.pauses)

// MARK: - Within milliseconds? Latency on one core

say.heading("Within milliseconds? Latency on one core")
let build = BuildConfiguration.current
let perSecond = updatesPerSecond(
  stream: stream, batch: batch, settings: training.settings, passes: settings.quick ? 1 : 5)
let latency = Latency(serving, updatesPerSecond: perSecond, shownIndex: shown.index)
say.paragraph(
  Tables.latencyIntroduction(build: build, titles: data.itemCount, factors: choices.factors))
say.table(latency.table)
say.paragraph(latency.reading(build: build, titles: data.itemCount))
charts.write(
  Figures.latency(latency, build: build, titles: data.itemCount), named: "real-time-latency.svg")

// MARK: - Charts

charts.writeAll(reportingTo: say)

// MARK: - Try next

say.heading("Try next")
say.bullets(
  TryNext.suggestions(
    onCatalogue: source.drifting != nil, settings: settings, retrainEvery: retrainEvery,
    build: build))
