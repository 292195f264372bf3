import ChapterKit
import Recommender

/// A p-value as printed: four decimals, or "< 0.0001".
func pText(_ p: Double) -> String { p < 0.0001 ? "p < 0.0001" : "p = \(fixed(p, 4))" }

/// The confidence level 1 − α as a percentage: "95%", "99.9%".
func level(_ α: Double) -> String {
  let value = 100 * (1 - α)
  return (value.rounded() == value ? fixed(value, 0) : fixed(value, 1)) + "%"
}

/// A number with its sign: "+0.312", "−0.040".
func signed(_ x: Double, _ decimals: Int) -> String {
  NumberFormat.signedFixed(x, decimals: decimals)
}

/// An interval as printed: "[+0.312, +0.447]".
func intervalText(_ interval: ClosedRange<Double>, _ decimals: Int = 3) -> String {
  "[\(signed(interval.lowerBound, decimals)), "
    + "\(signed(interval.upperBound, decimals))]"
}

/// The design, stated before any viewer sees a row.
enum Design {
  /// The power the plan asks for.
  static let power = 0.8

  static func setting(_ population: Population, seed: UInt32) -> String {
    "The demo catalogue grows to \(grouped(population.viewerCount)) viewers (the blog's five "
      + "among them) and 40 titles; each viewer has a hidden favourite genre, drawn with seed "
      + "\(seed), and 30% of the cells are rated. Every model learns from the same 80% of "
      + "those \(grouped(population.catalogue.dataset.ratings.count)) ratings "
      + "(\(Population.epochs) epochs of SGD, γ = \(Population.learningRate)). Control is the "
      + "row everyone sees today: the three titles the viewer has not rated with the largest "
      + "bᵢ of the Bias-only model, popularity. Treatment is the row MF with biases and "
      + "λ = \(Population.lambda) (k = \(Population.factors)) predicts highest. A viewer plays "
      + "each title of the row with a chance that grows with how much they would like it, and "
      + "enjoys it when the rating they would give is 4 or 5 stars. The catalogue knows those "
      + "chances; the analysis below does not use them."
  }

  static func plan(
    baseline: (mean: Double, standardDeviation: Double), effect: Double, δ: Double, alpha: Double
  ) -> [String] {
    [
      "Hypothesis: viewers shown the MF row enjoy more of its titles than viewers shown the "
        + "popularity row (H₀: the same mean).",
      "Primary metric: titles enjoyed per viewer, out of the three in the row. On the "
        + "popularity row it averages \(fixed(baseline.mean, 3)) with a standard deviation σ = "
        + "\(fixed(baseline.standardDeviation, 3)) per viewer (a team knows these from the "
        + "weeks before a test; here they come from the hidden tastes).",
      "Minimum detectable effect: +\(percent(effect, decimals: 0)) of the control's mean, "
        + "δ = \(fixed(δ, 3)) titles per viewer; a smaller gain is not worth a launch.",
      "α = \(alpha), two-sided; power \(percent(power, decimals: 0)).",
    ]
  }

  static func sampleSize(needed: Int, viewers: Int, days: Int, plan: PowerAnalysis) -> String {
    let perArm = viewers / 2
    let start =
      "Welch's test finds δ with \(percent(power, decimals: 0)) power at α = \(plan.alpha) "
      + "with n = 2σ²(z₁₋α/₂ + z_power)²/δ² = \(grouped(needed)) viewers per arm, "
      + "\(grouped(2 * needed)) in all. This test has \(grouped(viewers)), about "
      + "\(grouped(perArm)) per arm, "
    let power = plan.power(viewersPerArm: perArm)
    return start
      + (perArm >= needed
        ? "enough: its power for δ is \(percent(power)). "
        : "too few: its power for δ is only \(percent(power)), so a gain of δ would be missed "
          + "\(percent(1 - power, decimals: 0)) of the time. ")
      + "The plan is fixed now, before the data: "
      + (days == 1 ? "one day, one look at the end." : "\(days) days, one look at the end.")
  }
}

/// Who sees which row.
enum Segmentation {
  static func hashing(salt: String) -> String {
    "Each viewer's arm is FNV-1a of the text \"\(salt):<viewer id>\", mixed by SplitMix64's "
      + "finalizer and read as a number u in [0, 1): treatment when u < ½. No table of "
      + "assignments is stored, yet a viewer lands in the same arm on every visit and every "
      + "server; the salt, the experiment's name, makes each test's split its own. (Swift's "
      + "Hasher would not do: it is seeded afresh in every process.)"
  }

  static func ratioCheck(treated: Int, of total: Int, _ test: ChiSquareTest) -> String {
    let share = percent(Double(treated) / Double(total))
    return "\(grouped(treated)) of the \(grouped(total)) viewers (\(share))"
      + " landed in treatment. The sample-ratio-mismatch check compares the arms with the "
      + "intended 50/50: χ² = \(fixed(test.statistic, 2)) with 1 degree of freedom, "
      + pText(test.pValue) + ". "
      + (test.pValue < 0.001
        ? "That is a mismatch (the usual alarm is p < 0.001): an assignment or logging fault, "
          + "and no result of this test could be trusted."
        : "No sign of a mismatch (the usual alarm is p < 0.001): the split is as intended.")
  }

  /// Viewers by arm under the salt (rows) and under the second salt (columns).
  static func crossTable(_ first: [Bool], _ second: [Bool]) -> [[Int]] {
    var table = [[0, 0], [0, 0]]
    for (a, b) in zip(first, second) { table[a ? 1 : 0][b ? 1 : 0] += 1 }
    return table
  }

  static func crossTableText(_ table: [[Int]], salt: String) -> TextTable {
    TextTable(
      title: "Viewers by arm, under \"\(salt)\" (rows) and \"\(salt)-2\" (columns):",
      columns: [.left("Arm"), .right("Control"), .right("Treatment")],
      rows: [
        ["Control", grouped(table[0][0]), grouped(table[0][1])],
        ["Treatment", grouped(table[1][0]), grouped(table[1][1])],
      ])
  }

  static func independenceReading(_ test: ChiSquareTest, salt: String) -> String {
    "A second salt, \"\(salt)-2\", splits the same viewers again, as a second test running "
      + "beside this one would. If the splits were related, one test's treatment would crowd "
      + "into one arm of the other. χ² test of independence: χ² = "
      + "\(fixed(test.statistic, 2)), \(pText(test.pValue)): "
      + (test.pValue < 0.001
        ? "the splits are related, so the two tests could not run side by side."
        : "no sign of a relation, so the two tests can run side by side.")
  }
}

/// The days of the test.
enum Collection {
  static func introduction(viewers: Int, days: Int) -> String {
    "The viewers arrive in a seeded random order"
      + (days == 1
        ? ", all \(grouped(viewers)) on the one day. "
        : ", about \(grouped(viewers / days)) a day for \(days) days. ")
      + "Each sees their arm's row once and answers title by title: a draw for each play, then, "
      + "for each title played, the rating they would give with the catalogue's noise "
      + "(σ = 0.5 stars). After the last day:"
  }

  static func arms(_ look: (control: SampleSummary, treatment: SampleSummary)) -> TextTable {
    TextTable(
      columns: [
        .left("Arm"), .right("Viewers"), .right("Enjoyed per viewer"), .right("Std. deviation"),
      ],
      rows: [("Control (popularity)", look.control), ("Treatment (MF)", look.treatment)].map {
        [
          $0.0, grouped($0.1.count), $0.1.count > 0 ? fixed($0.1.mean, 3) : "–",
          $0.1.count > 1 ? fixed($0.1.variance.squareRoot(), 3) : "–",
        ]
      })
  }
}

/// The numbers of the test.
enum Analysis {
  static func reading(_ result: ComparisonResult?, control: SampleSummary, α: Double) -> String {
    guard let result else {
      return "Nothing to compare: an arm has fewer than two viewers, or no viewer's value "
        + "differs from another's."
    }
    return "Treatment minus control: \(signed(result.difference, 3)) titles "
      + "enjoyed per viewer (\(signed(100 * result.difference / control.mean, 1))% "
      + "of the control's \(fixed(control.mean, 3))), \(level(α)) confidence interval "
      + "\(intervalText(result.interval)). Welch's t = \(fixed(result.statistic, 2)) with "
      + "ν = \(fixed(result.degreesOfFreedom!, 1)) degrees of freedom, two-sided "
      + "\(pText(result.pValue)): "
      + (result.pValue < α
        ? "a difference this large would arise by chance less often than α = \(α)."
        : "a difference this large arises by chance more often than α = \(α), so it is too "
          + "small to call.")
  }

  /// The share of each arm who enjoyed at least one title of the row, compared.
  static func enjoyedAny(_ enjoyed: [Int], inTreatment: [Bool], α: Double) -> (
    control: (Int, Int), treatment: (Int, Int), result: ComparisonResult?
  ) {
    var control = (0, 0)
    var treatment = (0, 0)
    for (value, isTreatment) in zip(enjoyed, inTreatment) {
      if isTreatment {
        treatment.1 += 1
        if value > 0 { treatment.0 += 1 }
      } else {
        control.1 += 1
        if value > 0 { control.0 += 1 }
      }
    }
    return (
      control, treatment,
      twoProportionTest(
        controlSuccesses: control.0, of: control.1, treatmentSuccesses: treatment.0,
        of: treatment.1, confidence: 1 - α)
    )
  }

  static func secondary(
    _ shares: (control: (Int, Int), treatment: (Int, Int), result: ComparisonResult?), α: Double
  ) -> String {
    let c = Double(shares.control.0) / Double(max(1, shares.control.1))
    let t = Double(shares.treatment.0) / Double(max(1, shares.treatment.1))
    let start =
      "A second metric, the share of viewers who enjoyed at least one title of the row: "
      + "\(percent(t)) in treatment against \(percent(c)) in control"
    guard let result = shares.result else {
      return start + "; every viewer answered alike, so there is no spread to test."
    }
    return start + ", \(signed(100 * result.difference, 1)) points "
      + "(\(level(α)) interval \(signed(100 * result.interval.lowerBound, 1)) to "
      + "\(signed(100 * result.interval.upperBound, 1)); two-proportion "
      + "z = \(fixed(result.statistic, 2)), \(pText(result.pValue))): "
      + (result.pValue < α
        ? "significant, \(result.difference > 0 ? "up" : "down") as well."
        : "too small to call at α = \(α).")
  }
}

/// Launch, iterate, discard, or not enough evidence, from the interval and δ.
struct Decision {
  let result: ComparisonResult?
  let effect: Double
  let α: Double

  var sentence: String {
    guard let result else {
      return "Not enough evidence: there is nothing to compare, so nothing is decided."
    }
    let interval = intervalText(result.interval)
    let estimate = signed(result.difference, 3)
    let δ = fixed(effect, 3)
    if result.interval.lowerBound > 0 {
      return result.difference >= effect
        ? "Launch: the whole \(level(α)) interval \(interval) lies above zero, and the "
          + "estimate, \(estimate), is at least the minimum detectable effect δ = \(δ)."
        : "Iterate: the gain is real (the \(level(α)) interval \(interval) lies above zero) "
          + "but its estimate, \(estimate), is below the δ = \(δ) worth launching for; "
          + "improve the row and test again."
    }
    if result.interval.upperBound < 0 {
      return "Discard: the whole \(level(α)) interval \(interval) lies below zero; the new row "
        + "makes viewers enjoy fewer titles."
    }
    if result.interval.upperBound < effect {
      return "Discard: no difference could be called, and the \(level(α)) interval "
        + "\(interval) rules out a gain as large as δ = \(δ), the effect the test was built to "
        + "find."
    }
    return "Not enough evidence: the \(level(α)) interval \(interval) holds both zero and the "
      + "δ = \(δ) worth launching for. A larger or longer test would tell them apart."
  }

  /// What no real test can print: the true lift, from the hidden tastes.
  static func truth(_ lift: Double, baseline: Double, result: ComparisonResult?) -> String {
    let start =
      "Unlike a real test, this one can be checked against the truth: from the hidden tastes, "
      + "the MF row gives \(fixed(baseline + lift, 3)) titles enjoyed per viewer on average "
      + "against \(fixed(baseline, 3)), a true lift of \(signed(lift, 3))"
    guard let result else { return start + "." }
    return start
      + (result.interval.contains(lift)
        ? ", inside the interval."
        : ", outside the interval: an interval at this level misses the truth in a share α "
          + "of tests, and this is one of them.")
  }
}

/// The plan against simulated tests.
enum PowerCurve {
  /// A quarter, half, all and one and a half of the planned viewers per arm.
  static func sizes(needed: Int) -> [Int] {
    [needed / 4, needed / 2, needed, 3 * needed / 2].map { max(2, $0) }
  }

  static func introduction(lifted: Double, baseline: (mean: Double, standardDeviation: Double))
    -> String
  {
    "The sample size above rests on a formula. To check it, a treatment is built with exactly "
      + "the minimum detectable effect (each title of the popularity row a viewer would not "
      + "have enjoyed is won over with the same chance, which lifts the mean from "
      + "\(fixed(baseline.mean, 3)) to \(fixed(lifted, 3))) and tested many times at each "
      + "size, viewers drawn at random from the catalogue's:"
  }

  /// Simulated tests per size: half the A/A tests, as many as 2.5 million simulated viewers
  /// allow (so a small δ, whose sizes are large, stays quick), and at least 20.
  static func tests(sizes: [Int], experiments: Int) -> Int {
    max(20, min(experiments / 2, 2_500_000 / (2 * sizes.reduce(0, +))))
  }

  /// Two standard errors of a simulated share.
  static func margin(_ share: Double, tests: Int) -> Double {
    2 * (max(share * (1 - share), 0.01) / Double(tests)).squareRoot()
  }

  static func table(_ checks: [PowerCheck], plan: PowerAnalysis) -> TextTable {
    TextTable(
      columns: [
        .right("Viewers per arm"), .right("Power, formula"), .right("Power, simulated"),
        .right("Tests"),
      ],
      rows: checks.map {
        [
          grouped($0.viewersPerArm), percent(plan.power(viewersPerArm: $0.viewersPerArm)),
          percent($0.power) + " ± " + fixed(100 * margin($0.power, tests: $0.tests), 1),
          grouped($0.tests),
        ]
      })
  }

  static func verdict(_ checks: [PowerCheck], plan: PowerAnalysis, needed: Int) -> String {
    let atPlan = checks.first { $0.viewersPerArm == needed } ?? checks[checks.count / 2]
    let formula = plan.power(viewersPerArm: atPlan.viewersPerArm)
    let allowed = margin(atPlan.power, tests: atPlan.tests)
    let agreeing = checks.filter {
      let formula = plan.power(viewersPerArm: $0.viewersPerArm)
      return abs($0.power - formula) <= margin($0.power, tests: $0.tests)
    }.count
    return "At the planned \(grouped(atPlan.viewersPerArm)) viewers per arm, "
      + "\(percent(atPlan.power)) of the simulated tests found the effect, against "
      + "\(percent(formula)) from the formula: "
      + (abs(atPlan.power - formula) <= allowed
        ? "they agree within the simulation's margin (± two standard errors, "
          + "\(fixed(100 * allowed, 1)) points)"
        : "they differ by more than the simulation's margin (± \(fixed(100 * allowed, 1)) "
          + "points), so the formula misjudges this test")
      + ". Over all \(checks.count) sizes, \(agreeing) agree within their margin. Fewer viewers "
      + "than planned do not make a test wrong, only likely to miss what it looks for."
  }
}

/// Chance, peeking, and the sequential test, read from the A/A tests.
enum Chance {
  /// Two binomial standard errors of a rate of α over `count` tests.
  static func margin(_ α: Double, count: Int) -> Double {
    2 * (α * (1 - α) / Double(count)).squareRoot()
  }

  static func reading(_ aa: AATests, α: Double) -> String {
    let rate = aa.fixedRate(alpha: α)
    let allowed = margin(α, count: aa.count)
    let significant = aa.finalPValues.filter { $0 < α }.count
    let uniformity = aa.uniformity(bins: 20)
    let inside = abs(rate - α) <= allowed
    return "In an A/A test both arms see the popularity row, so every difference is chance. "
      + "Each of \(grouped(aa.count)) tests splits the same viewers with a salt of its own "
      + "and draws their answers afresh from the hidden tastes (one draw per viewer from the "
      + "distribution of their number enjoyed, no model retrained). Read once, after the last "
      + "day, \(grouped(significant)) of them (\(percent(rate))) have p < α = \(α), where α "
      + "promises \(percent(α)): "
      + (inside
        ? "within the ± \(fixed(100 * allowed, 1)) points that \(grouped(aa.count)) tests allow "
          + "by chance (two standard errors). "
        : "outside the ± \(fixed(100 * allowed, 1)) points that \(grouped(aa.count)) tests allow "
          + "by chance (two standard errors), so the test's false-positive rate is not the α "
          + "it promises. ")
      + "Under no difference the p-values should be spread evenly from 0 to 1; a χ² test of "
      + "their 20-bar histogram against a flat one gives χ² = "
      + "\(fixed(uniformity.statistic, 1)) with 19 degrees of freedom, "
      + "\(pText(uniformity.pValue)): "
      + (uniformity.pValue >= 0.01
        ? "no sign that they are not uniform."
        : "they are not uniform, so the test's p-values cannot be taken at face value.")
  }

  static func peeking(_ aa: AATests, α: Double, days: Int) -> String {
    let rate = aa.peekingRate
    let fixedRate = aa.fixedRate(alpha: α)
    guard days > 1 else {
      return "With a test of one day there is a single look, so peeking changes nothing: "
        + "\(percent(rate)) of the A/A tests stop at p < α, as above. Run more days to see "
        + "what looking every day does."
    }
    let stopped = aa.peekingStops.compactMap { $0 }
    let example = aa.example
    let stopDay = example.pValues.firstIndex { $0 < α }.map { $0 + 1 }
    let exampleText =
      stopDay.map { day in
        " The chart follows A/A test \(example.test): on day \(day) its p-value was "
          + "\(fixed(example.pValues[day - 1], 4)), a 'win' a peeking team would have "
          + "launched, yet after day \(days) it was \(fixed(example.pValues.last!, 4))."
      } ?? ""
    let times = rate / α
    return "Now the same tests are looked at after every day and stopped at the first "
      + "p < α, as a team watching a dashboard might: \(grouped(stopped.count)) of "
      + "\(grouped(aa.count)) (\(percent(rate))) end with a 'significant' difference that is "
      + "pure chance, "
      + (rate > fixedRate + margin(α, count: aa.count)
        ? "\(fixed(times, 1)) times the α promised. Each look is one more chance to be "
          + "fooled, and a test stopped while it is ahead keeps the luck it stopped on."
        : "within chance of the single look's \(percent(fixedRate)): here the daily looks "
          + "added no false positives that chance does not explain.")
      + exampleText
  }

  static func sequential(_ aa: AATests, α: Double, days: Int, τ: Double) -> String {
    let rate = aa.sequentialRate
    let stopped = aa.sequentialStops.compactMap { $0 }.count
    return "A test that may be looked at every day needs a p-value built for it. The mixture "
      + "sequential probability ratio test (Johari, Koomen, Pekelis and Walsh, 2017) weighs "
      + "the evidence so far against a spread of possible effects (τ = δ = \(fixed(τ, 3))) "
      + "and keeps the smallest 1/Λ seen: an always-valid p-value, which only falls as "
      + "evidence builds up and falls below α under no difference with a chance of at most α, "
      + "however often it is read. Over the same \(grouped(aa.count)) A/A tests, read "
      + "\(days == 1 ? "once" : "after each of the \(days) days"), it stops "
      + "\(grouped(stopped)) (\(percent(rate))): "
      + (rate <= α + margin(α, count: aa.count)
        ? "back at or below the α = \(percent(α)) promised, looks and all."
        : "above the α promised by more than chance explains (± "
          + "\(fixed(100 * margin(α, count: aa.count), 1)) points), so at these settings it does "
          + "not keep its promise.")
  }

  static func sequentialInTest(
    _ path: [Double], fixed result: ComparisonResult?, α: Double, days: Int
  ) -> String {
    if days == 1, let only = path.first {
      return "In the A/B test above there was one look, and its always-valid p-value was "
        + (only < 0.0001 ? "below 0.0001" : fixed(only, 4))
        + ": with a single look it is simply a stricter test than "
        + "Welch's, " + (only <= α ? "and it too is below α." : "and it is not below α.")
    }
    if let day = path.firstIndex(where: { $0 <= α }) {
      return "In the A/B test above, the always-valid p-value reached \(pText(path[day])) on "
        + "day \(day + 1) of \(days): a team reading it every day could have stopped there, "
        + "with α kept."
    }
    return "In the A/B test above, the always-valid p-value never reached α in \(days) "
      + (days == 1 ? "day" : "days") + " (it ended at \(fixed(path.last!, 4))), "
      + (result.map { $0.pValue < α } == true
        ? "though the single look at the end found the difference."
        : "and the single look at the end found no difference either.")
  }
}

/// Each model's offline score against what its row does for viewers.
struct OfflineOnline {
  let names: [String]
  let rmse: [Double]
  /// Expected titles enjoyed per viewer, from the hidden tastes.
  let online: [Double]

  /// Below these, two models count as equal: RMSE in stars, titles enjoyed per viewer.
  static let rmseMargin = 0.005
  static let onlineMargin = 0.02

  init(population: Population) {
    names = population.models.map(\.name)
    rmse = population.models.indices.map(population.offlineRMSE(model:))
    online = population.models.indices.map { index in
      let q = population.enjoyProbabilities(model: index)
      return q.reduce(0) { $0 + $1.reduce(0, +) } / Double(q.count)
    }
  }

  static let introduction =
    "Every RMSE in this project is an offline score: how well a model guesses ratings held "
    + "out. What the test measured is what a row does for viewers. Both for the three models, "
    + "the online number computed from the hidden tastes (what a test with unlimited viewers "
    + "would measure):"

  var table: TextTable {
    TextTable(
      columns: [.left("Model"), .right("Test RMSE"), .right("Enjoyed per viewer")],
      rows: names.indices.map { [names[$0], fixed(rmse[$0], 3), fixed(online[$0], 3)] })
  }

  var verdict: String {
    // A pair the two scores order in opposite ways, each by more than its margin.
    for a in names.indices {
      for b in names.indices
      where rmse[a] < rmse[b] - Self.rmseMargin && online[a] < online[b] - Self.onlineMargin {
        return "Offline and online disagree: \(names[a]) guesses held-out ratings better "
          + "(RMSE \(fixed(rmse[a], 3)) against \(fixed(rmse[b], 3))), yet the row of "
          + "\(names[b]) gives viewers more titles they enjoy (\(fixed(online[b], 3)) against "
          + "\(fixed(online[a], 3))). RMSE scores every rating, liked or not; a row only needs "
          + "its top three in the right order. That is why the launch decision is an online "
          + "test, not a lower RMSE."
      }
    }
    let best = rmse.indices.min { rmse[$0] < rmse[$1] }!
    let worst = rmse.indices.max { rmse[$0] < rmse[$1] }!
    return "Here the two scores do not disagree by more than their margins (\(Self.rmseMargin) "
      + "in RMSE, \(Self.onlineMargin) titles per viewer): \(names[best]) has the lowest RMSE "
      + "(\(fixed(rmse[best], 3))) and its row gives \(fixed(online[best], 3)) titles enjoyed "
      + "per viewer, against \(fixed(online[worst], 3)) for \(names[worst]), whose RMSE is "
      + "\(fixed(rmse[worst], 3)). Still, only the online number says what a gain in "
      + "RMSE is worth to viewers."
  }
}

enum TryNext {
  static func suggestions(_ settings: Settings, experiments: Int) -> [String] {
    var list: [String] = []
    if settings.viewers != 300 {
      list.append("--viewers 300: a test too small for its own plan")
    }
    if settings.days != 1 { list.append("--days 1: one look only, so nothing to peek at") }
    if settings.days != 30 { list.append("--days 30: more looks, more chances to be fooled") }
    if settings.effect != 0.05 {
      list.append("--effect 0.05: a smaller effect to find needs more viewers")
    }
    if settings.alpha != 0.01 { list.append("--alpha 0.01: fewer false positives, less power") }
    if experiments < 5_000 {
      list.append("--experiments 5000: more A/A tests, a tighter count of false positives")
    }
    list.append("--salt another-name or --seed 7: another split, other viewers")
    list.append("swift run chapter-visualizer: section 15, matrix factorization in your browser")
    return list
  }
}
