import ChapterKit
import ChartKit
import LookupTiming
import Recommender

/// The chapter's three charts.
enum Figures {
  /// Probe RMSE after each epoch, one line per method.
  static func rmse(_ runs: [TrainingRun], k: Int) -> String {
    let racing = runs.contains { $0.name.hasPrefix("Hogwild") }
    return LineChart(
      title: "The same model, trained several ways: probe RMSE per epoch",
      subtitle: "k = \(k); lower is better"
        + (racing ? "; Hogwild!'s line differs from run to run (its workers race)" : ""),
      description: "Line chart of the RMSE on held-out probe ratings after each epoch for "
        + runs.map(\.name).joined(separator: ", ") + ".",
      xAxisTitle: "Epoch", yAxisTitle: "Probe RMSE (stars)",
      series: runs.enumerated().map { index, run in
        LineSeries(
          name: run.name, valuesFromOne: run.rmse, showsMarkers: true, isDashed: index % 2 == 1)
      },
      legendPlacement: .bottom
    ).svg()
  }

  /// Measured speedup against workers, beside the ideal.
  static func speedup(
    _ speedups: [(workers: Int, run: TrainingRun)], build: BuildConfiguration, k: Int
  ) -> String {
    let base = speedups[0].run.medianNanoseconds
    return BarChart(
      title: "DSGD: speedup against workers",
      subtitle: "k = \(k), \(build) build; measured, so it differs from run to run",
      description: "Bar chart of the measured DSGD speedup over one worker for "
        + speedups.map { "\($0.workers)" }.joined(separator: ", ")
        + " workers, beside the ideal where p workers are p times as fast.",
      categoryAxisTitle: "Workers", valueAxisTitle: "Speedup over one worker (×)",
      categories: speedups.map { "\($0.workers)" },
      groups: [
        BarGroup(name: "Measured", values: speedups.map { base / $0.run.medianNanoseconds }),
        BarGroup(name: "Ideal (p×)", values: speedups.map { Double($0.workers) }),
      ],
      showsValueLabels: true, valueDecimals: 2, legendPlacement: .bottom
    ).svg()
  }

  /// Share of viewers moved when a node leaves and when one joins, per placement.
  static func resharding(_ experiment: ShardingExperiment) -> String {
    let n = Double(ShardingExperiment.viewers)
    return BarChart(
      title: "Viewers that change node when the cluster changes",
      subtitle: "\(grouped(ShardingExperiment.viewers)) viewers on \(experiment.nodes) simulated "
        + "nodes in one process",
      description: "Bar chart of the percentage of viewers whose node changes when one node "
        + "leaves and when one joins, for modulo hashing and consistent-hash rings.",
      categoryAxisTitle: "Placement", valueAxisTitle: "Viewers moved (%)",
      categories: experiment.placements.map(\.name),
      groups: [
        BarGroup(
          name: "A node leaves",
          values: experiment.placements.map { 100 * Double($0.rows.movedOnLeave) / n }),
        BarGroup(
          name: "A node joins",
          values: experiment.placements.map { 100 * Double($0.rows.movedOnJoin) / n }),
      ],
      showsValueLabels: true, valueDecimals: 1, legendPlacement: .bottom
    ).svg()
  }
}
