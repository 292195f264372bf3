// chapter-ab-testing: blog section 14, "A/B Testing Frameworks". Netflix does not guess, it
// experiments: a hypothesis, random assignment, data, an analysis, a decision. Here the viewers
// are simulated from the demo catalogue's hidden tastes, so the true effect is known, and the
// things that go wrong (chance, peeking) can be counted over thousands of tests.
//
//     swift run chapter-ab-testing [--viewers N] [--days N] [--effect X] [--alpha X]
//                                  [--experiments N] [--salt NAME] [--seed N]

import ChapterKit
import Recommender

let info = ChapterInfo(
  command: "chapter-ab-testing",
  mirrors: "Blog section 14: A/B Testing Frameworks",
  summary: "Runs an A/B test of popularity picks against matrix factorization on simulated "
    + "viewers whose tastes are known, then counts what chance and peeking do over thousands "
    + "of A/A tests.")
let settings: Settings = parseOrExit(info)
let seed = settings.common.seed
let α = settings.alpha
let days = settings.days
let experiments = settings.experiments ?? (settings.quick ? 200 : 1_000)
var charts = ChartOutput(settings.common, command: info.command)
let say = Narrator()

say.banner(
  title: "A/B testing: does the new row win with real viewers?", mirrors: info.mirrors,
  command: "swift run \(info.command)")

// MARK: - Experiment design

say.heading("Experiment design: the question before the data")
let population = Population(viewers: settings.viewers ?? (settings.quick ? 500 : 2_000), seed: seed)
let controlQ = population.enjoyProbabilities(model: 0)
let treatmentQ = population.enjoyProbabilities(model: 2)
let controlTable = OutcomeTable(enjoyProbabilities: controlQ)
let treatmentTable = OutcomeTable(enjoyProbabilities: treatmentQ)
let baseline = controlTable.populationMoments
let δ = settings.effect * baseline.mean
let plan = PowerAnalysis(effect: δ, standardDeviation: baseline.standardDeviation, alpha: α)
let needed = plan.viewersPerArm(power: Design.power)
say.paragraph(Design.setting(population, seed: seed))
say.bullets(Design.plan(baseline: baseline, effect: settings.effect, δ: δ, alpha: α))
say.paragraph(
  Design.sampleSize(needed: needed, viewers: population.viewerCount, days: days, plan: plan))
say.pauseIfRequested(settings.common.pauses)

// MARK: - User segmentation

say.heading("User segmentation: assignment by hashing")
let assignment = ExperimentAssignment(salt: settings.salt)
let viewers = Array(0..<population.viewerCount)
let inTreatment = viewers.map(assignment.isTreatment)
let treated = inTreatment.filter { $0 }.count
let ratio = ChiSquareTest.sampleRatio(
  counts: [population.viewerCount - treated, treated], shares: [0.5, 0.5])
let second = ExperimentAssignment(salt: settings.salt + "-2")
let crossTable = Segmentation.crossTable(inTreatment, viewers.map(second.isTreatment))
let independence = ChiSquareTest.independence(crossTable)
say.paragraph(Segmentation.hashing(salt: settings.salt))
say.paragraph(Segmentation.ratioCheck(treated: treated, of: population.viewerCount, ratio))
say.table(Segmentation.crossTableText(crossTable, salt: settings.salt))
say.paragraph(Segmentation.independenceReading(independence, salt: settings.salt))
say.pauseIfRequested(settings.common.pauses)

// MARK: - Data collection

say.heading("Data collection: \(days == 1 ? "one day" : "\(days) days") of viewers")
var arrivalOrder = NumpyRandom(seed: seed &+ 1)
var arrivals = viewers
arrivalOrder.shuffle(&arrivals)
var answers = NumpyRandom(seed: seed &+ 2)
var enjoyed = [Int](repeating: 0, count: population.viewerCount)
let test = DailyExperiment(arrivals: arrivals, days: days, assignment: assignment) {
  viewer, isTreatment in
  enjoyed[viewer] = population.responses.respond(
    viewer: viewer, row: population.rows[isTreatment ? 2 : 0][viewer], random: &answers)
  return enjoyed[viewer]
}
say.paragraph(Collection.introduction(viewers: population.viewerCount, days: days))
say.table(Collection.arms(test.looks.last!))
say.pauseIfRequested(settings.common.pauses)

// MARK: - Statistical analysis

say.heading("Statistical analysis")
let final = test.looks.last!
let result = welchTest(control: final.control, treatment: final.treatment, confidence: 1 - α)
let shares = Analysis.enjoyedAny(enjoyed, inTreatment: inTreatment, α: α)
say.paragraph(Analysis.reading(result, control: final.control, α: α))
say.paragraph(Analysis.secondary(shares, α: α))
let daily = test.looks.map {
  welchTest(control: $0.control, treatment: $0.treatment, confidence: 1 - α)
}
charts.write(Figures.lift(daily, effect: δ, α: α), named: "ab-testing-lift.svg")
say.pauseIfRequested(settings.common.pauses)

// MARK: - Decision making

say.heading("Decision making")
say.paragraph(Decision(result: result, effect: δ, α: α).sentence)
let trueLift = treatmentTable.populationMoments.mean - baseline.mean
say.paragraph(Decision.truth(trueLift, baseline: baseline.mean, result: result))
say.pauseIfRequested(settings.common.pauses)

// MARK: - Was the plan right?

say.heading("Was the plan right? Power, checked by simulation")
let lifted = OutcomeTable(enjoyProbabilities: liftedProbabilities(controlQ, by: δ))
let sizes = PowerCurve.sizes(needed: needed)
let checks = PowerCheck.run(
  control: controlTable, treatment: lifted, sizes: sizes,
  tests: PowerCurve.tests(sizes: sizes, experiments: experiments),
  alpha: α, seed: seed &+ 4)
say.paragraph(PowerCurve.introduction(lifted: lifted.populationMoments.mean, baseline: baseline))
say.table(PowerCurve.table(checks, plan: plan))
say.paragraph(PowerCurve.verdict(checks, plan: plan, needed: needed))
charts.write(
  Figures.power(plan: plan, checks: checks, needed: needed), named: "ab-testing-power.svg")
say.pauseIfRequested(settings.common.pauses)

// MARK: - A/A tests

say.heading("What goes wrong (a): chance, in \(grouped(experiments)) A/A tests")
let aa = AATests(
  control: controlTable, arrivals: arrivals, days: days, salt: settings.salt, alpha: α,
  mixtureSpread: δ, count: experiments, seed: seed &+ 3)
say.paragraph(Chance.reading(aa, α: α))
charts.write(Figures.histogram(aa, α: α), named: "ab-testing-aa-pvalues.svg")
say.pauseIfRequested(settings.common.pauses)

// MARK: - Peeking

say.heading("What goes wrong (b): peeking every day")
say.paragraph(Chance.peeking(aa, α: α, days: days))
charts.write(Figures.peeking(aa, α: α), named: "ab-testing-peeking.svg")
say.pauseIfRequested(settings.common.pauses)

// MARK: - Sequential testing

say.heading("Sequential testing: looking every day, honestly")
let realSequential = test.alwaysValidPValues(mixtureSpread: δ)
say.paragraph(Chance.sequential(aa, α: α, days: days, τ: δ))
say.paragraph(Chance.sequentialInTest(realSequential, fixed: result, α: α, days: days))
say.pauseIfRequested(settings.common.pauses)

// MARK: - Offline against online

say.heading("What goes wrong (c): offline scores are not the launch decision")
let comparison = OfflineOnline(population: population)
say.paragraph(OfflineOnline.introduction)
say.table(comparison.table)
say.paragraph(comparison.verdict)

// MARK: - Charts

charts.writeAll(reportingTo: say)

// MARK: - What to try next

say.heading("Try next")
say.bullets(TryNext.suggestions(settings, experiments: experiments))
