import Recommender

/// Many A/A tests: both arms see the control's row, so every difference the tests find is
/// chance. Each test splits the same viewers with a salt of its own and draws their answers
/// afresh; each is read three ways: once at the end, at every daily look (stopping at the
/// first p < α), and with the always-valid p-value at every look.
struct AATests {
  /// Welch's p-value after the last day, one per test.
  let finalPValues: [Double]
  /// The first day whose look had p < α, per test; nil when none did.
  let peekingStops: [Int?]
  /// The first day whose always-valid p-value was ≤ α, per test; nil when none was.
  let sequentialStops: [Int?]
  /// The first test that a daily look stopped at p < α though its last day's p was ≥ α (or the
  /// first test, when no test did that): its daily p-values and always-valid p-values.
  let example: (test: Int, pValues: [Double], alwaysValid: [Double])

  init(
    control: OutcomeTable, arrivals: [Int], days: Int, salt: String, alpha: Double,
    mixtureSpread τ: Double, count: Int, seed: UInt32
  ) {
    var random = NumpyRandom(seed: seed)
    var finals: [Double] = []
    var peeking: [Int?] = []
    var sequential: [Int?] = []
    var example: (test: Int, pValues: [Double], alwaysValid: [Double])?
    for test in 0..<count {
      let run = DailyExperiment(
        arrivals: arrivals, days: days,
        assignment: ExperimentAssignment(salt: "\(salt)/aa-\(test + 1)"), control: control,
        treatment: control, random: &random)
      let pValues = run.pValues
      let alwaysValid = run.alwaysValidPValues(mixtureSpread: τ)
      let stop = pValues.firstIndex { $0 < alpha }.map { $0 + 1 }
      finals.append(pValues.last!)
      peeking.append(stop)
      sequential.append(alwaysValid.firstIndex { $0 <= alpha }.map { $0 + 1 })
      if example == nil, stop != nil, pValues.last! >= alpha {
        example = (test + 1, pValues, alwaysValid)
      }
    }
    if example == nil {
      // No test shows peeking's trap; show the first one (run again: the same draws).
      var again = NumpyRandom(seed: seed)
      let run = DailyExperiment(
        arrivals: arrivals, days: days, assignment: ExperimentAssignment(salt: "\(salt)/aa-1"),
        control: control, treatment: control, random: &again)
      example = (1, run.pValues, run.alwaysValidPValues(mixtureSpread: τ))
    }
    finalPValues = finals
    peekingStops = peeking
    sequentialStops = sequential
    self.example = example!
  }

  var count: Int { finalPValues.count }
  /// The share of tests that a single look at the end called significant.
  func fixedRate(alpha: Double) -> Double { share(finalPValues.filter { $0 < alpha }.count) }
  var peekingRate: Double { share(peekingStops.compactMap { $0 }.count) }
  var sequentialRate: Double { share(sequentialStops.compactMap { $0 }.count) }
  private func share(_ k: Int) -> Double { Double(k) / Double(count) }

  /// How many final p-values fall in each of `bins` equal slices of [0, 1].
  func histogram(bins: Int) -> [Int] {
    var counts = [Int](repeating: 0, count: bins)
    for p in finalPValues { counts[min(bins - 1, Int(p * Double(bins)))] += 1 }
    return counts
  }

  /// Pearson's χ² of the histogram against a flat one: are the p-values uniform?
  func uniformity(bins: Int) -> ChiSquareTest {
    ChiSquareTest(
      observed: histogram(bins: bins).map(Double.init),
      expected: Array(repeating: Double(count) / Double(bins), count: bins),
      degreesOfFreedom: bins - 1)
  }
}

/// A treatment built to have exactly the minimum detectable effect: every title of the
/// control's row that a viewer would not have enjoyed is won over with the same chance r,
///
///     q′ᵤᵢ = qᵤᵢ + r (1 − qᵤᵢ),   r = δ / mean over viewers of Σᵢ (1 − qᵤᵢ),
///
/// so the mean number enjoyed rises by δ (r capped at 1: no row gives more than all its titles).
func liftedProbabilities(_ q: [[Double]], by δ: Double) -> [[Double]] {
  let room = q.reduce(0) { $0 + $1.reduce(0) { $0 + (1 - $1) } } / Double(q.count)
  let r = min(1, δ / room)
  return q.map { row in row.map { $0 + r * (1 - $0) } }
}

/// The plan checked by simulation: fixed-size tests of a treatment with exactly the minimum
/// detectable effect, at several sizes; the share that found it is the simulated power.
struct PowerCheck {
  let viewersPerArm: Int
  let tests: Int
  let significant: Int
  var power: Double { Double(significant) / Double(tests) }

  static func run(
    control: OutcomeTable, treatment: OutcomeTable, sizes: [Int], tests: Int, alpha: Double,
    seed: UInt32
  ) -> [PowerCheck] {
    // Plain loops: a closure capturing the generator would box it, slow in a debug build.
    var random = NumpyRandom(seed: seed)
    var checks: [PowerCheck] = []
    for n in sizes {
      var significant = 0
      for _ in 0..<tests {
        let p = simulatedTestPValue(
          control: control, treatment: treatment, viewersPerArm: n, random: &random)
        if p < alpha { significant += 1 }
      }
      checks.append(PowerCheck(viewersPerArm: n, tests: tests, significant: significant))
    }
    return checks
  }
}
