/// One simulated online test, day by day: viewers arrive in a fixed order, an equal share each
/// day; each is sent to an arm by ``ExperimentAssignment`` and shows a value of the metric. The
/// arms' running summaries after every day are what a team looking at a dashboard would see.
public struct DailyExperiment: Sendable {
  /// The arms after each day (day 1 first): what a look at the end of that day sees.
  public let looks: [(control: SampleSummary, treatment: SampleSummary)]

  /// Runs the test.
  ///
  /// - Parameters:
  ///   - arrivals: viewer indices in the order they arrive; day d (from 0) gets positions
  ///     d·N/D up to (d + 1)·N/D.
  ///   - days: D, the number of daily looks, at least 1.
  ///   - assignment: which arm each viewer lands in.
  ///   - value: a viewer's metric, given the viewer and whether they see the treatment.
  /// - Complexity: O(N) hashes and calls of `value`.
  public init(
    arrivals: [Int], days: Int, assignment: ExperimentAssignment,
    value: (_ viewer: Int, _ isTreatment: Bool) -> Int
  ) {
    precondition(days >= 1, "a test lasts at least a day")
    var control = SampleSummary()
    var treatment = SampleSummary()
    var looks: [(control: SampleSummary, treatment: SampleSummary)] = []
    for day in 0..<days {
      for position in (day * arrivals.count / days)..<((day + 1) * arrivals.count / days) {
        let viewer = arrivals[position]
        let isTreatment = assignment.isTreatment(viewer)
        let outcome = Double(value(viewer, isTreatment))
        if isTreatment { treatment.add(outcome) } else { control.add(outcome) }
      }
      looks.append((control, treatment))
    }
    self.looks = looks
  }

  /// The same test with each viewer's value drawn from the outcome table of their arm, one
  /// uniform draw per viewer.
  public init(
    arrivals: [Int], days: Int, assignment: ExperimentAssignment, control: OutcomeTable,
    treatment: OutcomeTable, random: inout NumpyRandom
  ) {
    self.init(arrivals: arrivals, days: days, assignment: assignment) { viewer, isTreatment in
      (isTreatment ? treatment : control).value(viewer: viewer, uniform: random.nextDouble())
    }
  }

  /// Welch's two-sided p-value at each look; 1 where an arm has fewer than 2 viewers or no
  /// spread, so nothing can be concluded.
  public var pValues: [Double] {
    looks.map { welchPValue(control: $0.control, treatment: $0.treatment) ?? 1 }
  }

  /// The always-valid p-value after each look (see ``AlwaysValidPValue``).
  public func alwaysValidPValues(mixtureSpread τ: Double) -> [Double] {
    var sequential = AlwaysValidPValue(mixtureSpread: τ)
    return looks.map { look in
      guard look.control.count > 1, look.treatment.count > 1 else { return sequential.value }
      return sequential.look(
        difference: look.treatment.mean - look.control.mean,
        variance: look.control.variance / Double(look.control.count)
          + look.treatment.variance / Double(look.treatment.count))
    }
  }
}

/// One fixed-size test of `viewersPerArm` viewers in each arm, each drawn at random (with
/// replacement) from the outcome tables' viewers: viewers like these, as many as the plan asks
/// for. Returns Welch's two-sided p-value, 1 when nothing can be concluded.
///
/// - Complexity: O(viewersPerArm) draws.
public func simulatedTestPValue(
  control: OutcomeTable, treatment: OutcomeTable, viewersPerArm n: Int,
  random: inout NumpyRandom
) -> Double {
  var arms = (SampleSummary(), SampleSummary())
  let last = control.viewerCount - 1
  for _ in 0..<n {
    let viewer = random.nextInt(through: last)
    arms.0.add(Double(control.value(viewer: viewer, uniform: random.nextDouble())))
  }
  for _ in 0..<n {
    let viewer = random.nextInt(through: last)
    arms.1.add(Double(treatment.value(viewer: viewer, uniform: random.nextDouble())))
  }
  return welchPValue(control: arms.0, treatment: arms.1) ?? 1
}
