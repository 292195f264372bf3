import ChapterKit
import ChartKit
import LookupTiming
import Recommender

/// The four charts of chapter-complete-demo, named as the companion README names its figures.
enum DemoCharts {
  /// Train and test RMSE of every model, side by side.
  static func modelComparison(_ scores: [ModelScore]) -> String {
    BarChart(
      title: "Every model on the ratings it learned from and on hidden ones",
      subtitle: "Root mean square error in stars; lower is better",
      description: "Grouped bar chart of training and test RMSE for the global mean, the "
        + "bias-only baseline, basic matrix factorization, with biases, and with biases and "
        + "regularization.",
      categoryAxisTitle: "", valueAxisTitle: "RMSE (stars)",
      categories: scores.map(\.name),
      groups: [
        BarGroup(name: "Training ratings", values: scores.map(\.train.rmse)),
        BarGroup(name: "Held-out ratings", values: scores.map(\.test.rmse)),
      ],
      orientation: .horizontal, showsValueLabels: true, valueDecimals: 3,
      legendPlacement: .bottom
    ).svg()
  }

  /// Test RMSE after every epoch, one line per trained model, the global mean as a baseline.
  ///
  /// Epochs whose error is far above the global mean's (a model starting from nearly zero
  /// predicts nearly zero) are left out, so the interesting part of the chart keeps its height.
  static func learningCurve(
    _ models: [(name: String, history: TrainingHistory)], globalMeanRMSE: Double
  ) -> String {
    let epochs = models.first?.history.records.count ?? 1
    let ceiling = 1.5 * globalMeanRMSE
    let series = models.map { model in
      LineSeries(
        name: model.name,
        points: model.history.records.filter { $0.test!.rmse <= ceiling }.map {
          ChartPoint(x: Double($0.epoch), y: $0.test!.rmse)
        })
    }
    let clipped = models.filter { $0.history.records.contains { $0.test!.rmse > ceiling } }
    return LineChart(
      title: "Learning curves: the error on hidden ratings, epoch by epoch",
      subtitle: "RMSE on the held-out ratings after each epoch; lower is better"
        + (clipped.isEmpty
          ? ""
          : "; " + clipped.map(\.name).joined(separator: ", ") + " starts above "
            + fixed(ceiling, 2) + ", off the chart"),
      description: "Line chart of the held-out RMSE after each training epoch for each model, "
        + "with the global-mean guess as a dashed baseline.",
      xAxisTitle: "Epoch", yAxisTitle: "Test RMSE (stars)",
      series: series + [
        LineSeries(
          name: "Global mean", x: [1, Double(epochs)], y: [globalMeanRMSE, globalMeanRMSE],
          isDashed: true, color: "#777777")
      ],
      legendPlacement: .bottom
    ).svg()
  }

  /// R ≈ P × Qᵀ for a slice: four heatmaps side by side.
  static func factorization(
    _ slice: RatingsDataset, P: Matrix, Qᵀ: Matrix, predictions: Matrix, factorCount: Int
  ) -> String {
    let factorLabels = (0..<P.columns).map { "f\($0 + 1)" }
    return HeatmapPanel(
      title: "R ≈ P × Qᵀ: a few viewers and titles, up close",
      subtitle: "The regularized model; predictions include μ + bᵤ + bᵢ"
        + (P.columns < factorCount ? "; first \(P.columns) of \(factorCount) factors" : ""),
      description: "Four heatmaps: known ratings R with empty cells hatched, the viewers' "
        + "factors P, the titles' factors Q transposed, and the predicted ratings.",
      items: [
        .grid(
          HeatmapGrid(
            values: slice.grid, rowLabels: slice.userNames, columnLabels: slice.itemNames,
            decimals: 0, valueRange: slice.scale), caption: "R, known ratings"),
        .symbol("≈"),
        .grid(
          HeatmapGrid(
            matrix: P, rowLabels: slice.userNames, columnLabels: factorLabels,
            colorMap: .diverging), caption: "P, viewers"),
        .symbol("×"),
        .grid(
          HeatmapGrid(
            matrix: Qᵀ, rowLabels: factorLabels, columnLabels: slice.itemNames,
            colorMap: .diverging), caption: "Qᵀ, titles"),
        .symbol("→"),
        .grid(
          HeatmapGrid(
            matrix: predictions, rowLabels: slice.userNames, columnLabels: slice.itemNames,
            decimals: 1, valueRange: slice.scale), caption: "Predicted ratings"),
      ]
    ).svg()
  }

  /// Nanoseconds per lookup against the number of stored keys, both axes logarithmic.
  static func hashTables(_ report: ScalingReport) -> String {
    let structures = LookupStructure.allCases.filter { structure in
      report.rows.contains { $0.structure == structure }
    }
    return LineChart(
      title: "Looking a key up: time per lookup as the number of keys grows",
      subtitle: "Median time per lookup, \(BuildConfiguration.current) build",
      description: "Log-log line chart of the median nanoseconds per lookup against the number "
        + "of stored keys, for a linear search, a binary search, a Set and a Dictionary.",
      xAxisTitle: "Keys stored (n)", yAxisTitle: "Time per lookup (ns)",
      series: structures.map { structure in
        let rows = report.rows.filter { $0.structure == structure }
        return LineSeries(
          name: structure.displayName, x: rows.map { Double($0.size) },
          y: rows.map(\.medianNanoseconds), showsMarkers: true)
      },
      xScale: .log10, yScale: .log10, legendPlacement: .bottom
    ).svg()
  }
}

/// The chapter's tables that need more than a library call.
enum DemoTables {
  /// Seconds of SGD and rating updates per second for each model.
  static func speed(_ models: [(name: String, history: TrainingHistory)], ratingCount: Int)
    -> TextTable
  {
    TextTable(
      columns: [.left("Model"), .right("Epochs"), .right("SGD seconds"), .right("Updates/s")],
      rows: models.map { model in
        let nanoseconds = model.history.records.reduce(0) { $0 + $1.sweepNanoseconds }
        let updates = Double(ratingCount * model.history.records.count)
        let seconds = Double(nanoseconds) / 1e9
        return [
          model.name, String(model.history.records.count), fixed(seconds, 2),
          seconds > 0 ? fixed(updates / seconds / 1e6, 2) + " million" : "–",
        ]
      })
  }

  /// Test RMSE after epochs 1, ¼, ½, ¾ and all of the way, per model.
  static func curves(_ models: [(name: String, history: TrainingHistory)], epochs: Int)
    -> TextTable
  {
    var shown = [1, epochs / 4, epochs / 2, 3 * epochs / 4, epochs].filter { $0 >= 1 }
    shown = shown.enumerated().filter { $0.offset == 0 || $0.element != shown[$0.offset - 1] }
      .map(\.element)
    return TextTable(
      columns: [.left("Model")] + shown.map { .right("Epoch \($0)") },
      rows: models.map { model in
        [model.name] + shown.map { fixed(model.history.record(epoch: $0).test!.rmse, 3) }
      })
  }

  /// Median nanoseconds per lookup, one row per size, one column per structure.
  static func lookups(_ report: ScalingReport) -> TextTable {
    let structures = LookupStructure.allCases.filter { structure in
      report.rows.contains { $0.structure == structure }
    }
    return TextTable(
      title: "Median nanoseconds per lookup:",
      columns: [.right("Keys n")] + structures.map { .right(shortName($0)) },
      rows: report.sizes.map { size in
        [grouped(size)]
          + structures.map { structure in
            report.result(for: structure, size: size).map { nanoseconds($0.medianNanoseconds) }
              ?? "–"
          }
      })
  }

  /// One sentence on the largest size: how many times faster the dictionary was.
  static func lookupVerdict(_ report: ScalingReport) -> String {
    guard let size = report.sizes.last,
      let dictionary = report.result(for: .dictionary, size: size),
      let linear = report.result(for: .linearSearch, size: size)
    else { return "" }
    let speedup = dictionary.speedup(over: linear)
    return "With \(grouped(size)) keys the dictionary answered in "
      + duration(dictionary.medianNanoseconds) + " and the list scan in "
      + duration(linear.medianNanoseconds) + ", "
      + (speedup >= 1
        ? "\(grouped(Int(speedup.rounded()))) times faster. "
        : "so the list was not slower at this size. ")
      + "A list scan takes longer the more keys there are; a hash lookup does not. Timings "
      + "differ from run to run and between debug and release builds."
  }

  /// A column header short enough for an 80-column table.
  private static func shortName(_ structure: LookupStructure) -> String {
    switch structure {
    case .linearSearch: "List scan"
    case .binarySearch: "Binary search"
    case .set: "Set"
    case .dictionary: "Dictionary"
    case .constantHashSet: "Colliding set"
    }
  }

  /// "89.4" below 100 ns, else whole nanoseconds with separators: "2,897,313".
  private static func nanoseconds(_ value: Double) -> String {
    value < 100 ? fixed(value, 1) : grouped(Int(value.rounded()))
  }

  /// A duration in the unit that reads best: "111 ns", "48.1 µs", "2.9 ms".
  private static func duration(_ nanoseconds: Double) -> String {
    if nanoseconds < 1_000 { return fixed(nanoseconds, 0) + " ns" }
    if nanoseconds < 1_000_000 { return fixed(nanoseconds / 1_000, 1) + " µs" }
    return fixed(nanoseconds / 1_000_000, 1) + " ms"
  }
}
