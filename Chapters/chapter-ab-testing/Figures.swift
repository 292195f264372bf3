import ChapterKit
import ChartKit
import Recommender

/// The four charts of chapter-ab-testing.
enum Figures {
  /// The difference in titles enjoyed per viewer after each day, with its interval, against zero
  /// and the minimum detectable effect.
  static func lift(_ daily: [ComparisonResult?], effect δ: Double, α: Double) -> String {
    let days = daily.indices.compactMap { day in daily[day].map { (Double(day + 1), $0) } }
    let lastDay = Double(max(daily.count, 2))
    return LineChart(
      title: "The lift, day by day, with its \(level(α)) confidence interval",
      subtitle: "Treatment (MF) minus control (popularity), all viewers so far",
      description: "Line chart of the estimated difference in titles enjoyed per viewer after "
        + "each day, with the lower and upper ends of its confidence interval as dashed lines, "
        + "zero and the minimum detectable effect as reference lines.",
      xAxisTitle: "Day of the test", yAxisTitle: "Difference (titles enjoyed per viewer)",
      series: [
        LineSeries(
          name: "Estimated lift", x: days.map(\.0), y: days.map(\.1.difference),
          showsMarkers: true, color: "#1f77b4"),
        LineSeries(
          name: "\(level(α)) interval, upper", x: days.map(\.0),
          y: days.map(\.1.interval.upperBound), isDashed: true, color: "#6baed6"),
        LineSeries(
          name: "\(level(α)) interval, lower", x: days.map(\.0),
          y: days.map(\.1.interval.lowerBound), isDashed: true, color: "#9ecae1"),
        LineSeries(
          name: "Minimum detectable effect δ", x: [1, lastDay], y: [δ, δ], isDashed: true,
          color: "#2ca02c"),
        LineSeries(name: "No difference", x: [1, lastDay], y: [0, 0], color: "#777777"),
      ],
      yIncludesZero: true, legendPlacement: .bottom
    ).svg()
  }

  /// One A/A test's daily p-values and always-valid p-values, against α.
  static func peeking(_ aa: AATests, α: Double) -> String {
    let example = aa.example
    let days = Double(max(example.pValues.count, 2))
    return LineChart(
      title: "Peeking at an A/A test: the p-value after each day",
      subtitle: "A/A test \(example.test): both arms see the same row, so every dip below α is "
        + "chance",
      description: "Line chart of the daily Welch p-value of one A/A test and of its always-valid "
        + "p-value, with α as a dashed line.",
      xAxisTitle: "Day of the test", yAxisTitle: "p-value",
      series: [
        LineSeries(
          name: "Welch p-value, read daily", valuesFromOne: example.pValues, showsMarkers: true,
          color: "#d62728"),
        LineSeries(
          name: "Always-valid p-value (mSPRT)", valuesFromOne: example.alwaysValid,
          showsMarkers: true, color: "#1f77b4"),
        LineSeries(name: "α = \(α)", x: [1, days], y: [α, α], isDashed: true, color: "#777777"),
      ],
      yIncludesZero: true, legendPlacement: .bottom
    ).svg()
  }

  /// The A/A tests' final p-values in 20 bars of width 0.05.
  static func histogram(_ aa: AATests, α: Double) -> String {
    let bins = 20
    let counts = aa.histogram(bins: bins)
    return BarChart(
      title: "\(grouped(aa.count)) A/A tests: their p-values after the last day",
      subtitle: "Uniform p-values would put about \(grouped(aa.count / bins)) tests in each bar; "
        + "the first bar holds p < 0.05",
      description: "Bar chart of how many A/A tests ended with a p-value in each twentieth of "
        + "the range from 0 to 1.",
      categoryAxisTitle: "p-value (bars of width 0.05, labelled by their lower end)",
      valueAxisTitle: "A/A tests",
      categories: (0..<bins).map { fixed(Double($0) / Double(bins), 2) },
      groups: [BarGroup(name: "A/A tests", values: counts.map(Double.init))],
      legendPlacement: .hidden
    ).svg()
  }

  /// Power against viewers per arm: the formula as a curve, the simulations as points.
  static func power(plan: PowerAnalysis, checks: [PowerCheck], needed: Int) -> String {
    let largest = max(2 * needed, checks.map(\.viewersPerArm).max() ?? 2)
    let curve = (1...60).map { step -> ChartPoint in
      let n = max(2, largest * step / 60)
      return ChartPoint(x: Double(n), y: 100 * plan.power(viewersPerArm: n))
    }
    return LineChart(
      title: "Power against sample size, for the minimum detectable effect",
      subtitle: "δ = \(fixed(plan.effect, 3)) titles per viewer at α = \(plan.alpha); the plan "
        + "needs \(grouped(needed)) viewers per arm for \(percent(Design.power, decimals: 0))",
      description: "Line chart of the power of the two-sided test against viewers per arm, from "
        + "the formula, with the share of simulated tests that found the effect at four sizes.",
      xAxisTitle: "Viewers per arm", yAxisTitle: "Power (%)",
      series: [
        LineSeries(name: "Formula", points: curve, color: "#1f77b4"),
        LineSeries(
          name: "Simulated tests", x: checks.map { Double($0.viewersPerArm) },
          y: checks.map { 100 * $0.power }, showsMarkers: true, isDashed: true, color: "#d62728"),
        LineSeries(
          name: "\(percent(Design.power, decimals: 0)) power", x: [0, Double(largest)],
          y: [100 * Design.power, 100 * Design.power], isDashed: true, color: "#777777"),
      ],
      yIncludesZero: true, legendPlacement: .bottom
    ).svg()
  }
}
