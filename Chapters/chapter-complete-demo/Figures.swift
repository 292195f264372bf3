import ChapterKit
import ChartKit
import LookupTiming
import Recommender

/// The four charts of chapter-complete-demo, named as the companion README names its figures.
enum Figures {
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

  /// R ≈ P × Qᵀ for a slice: four heatmaps in two rows (R ≈ P above, × Qᵀ → predictions below),
  /// so the figure fits a docs column of about 800 pixels instead of one 1,700-pixel row.
  static func factorization(
    _ slice: RatingsDataset, P: Matrix, Qᵀ: Matrix, predictions: Matrix, factorCount: Int
  ) -> String {
    let factorLabels = (0..<P.columns).map { "f\($0 + 1)" }
    let top = HeatmapPanel(
      title: "R ≈ P × Qᵀ: a few viewers and titles, up close",
      subtitle: "The regularized model; predictions include μ + bᵤ + bᵢ"
        + (P.columns < factorCount ? "; first \(P.columns) of \(factorCount) factors" : ""),
      description: "Known ratings R with empty cells hatched, and the viewers' factors P.",
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
      ], cellWidth: 46)
    let bottom = HeatmapPanel(
      title: "… × Qᵀ, and the predictions it gives",
      description: "The titles' factors Q transposed, and the predicted ratings.",
      items: [
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
      ], cellWidth: 46)
    return stacked(
      [top.svg(), bottom.svg()], title: "R ≈ P × Qᵀ: a few viewers and titles, up close",
      description: "Four heatmaps in two rows: known ratings R with empty cells hatched and "
        + "the viewers' factors P; then the titles' factors Q transposed and the predicted "
        + "ratings.")
  }

  /// SVG documents one above the other, each centred, in one SVG document.
  private static func stacked(_ parts: [String], title: String, description: String) -> String {
    func size(_ svg: String) -> (width: Double, height: Double) {
      let tag = svg[..<svg.firstIndex(of: ">")!]
      func attribute(_ name: String) -> Double {
        let match = tag.firstMatch(of: try! Regex(" \(name)=\"([0-9.]+)\""))!
        return Double(match.output[1].substring!)!
      }
      return (attribute("width"), attribute("height"))
    }
    let sizes = parts.map(size)
    let width = sizes.map(\.width).max()!
    let height = sizes.map(\.height).reduce(0, +)
    var y = 0.0
    var body = ""
    for (part, partSize) in zip(parts, sizes) {
      let x = (width - partSize.width) / 2
      body += part.replacing(
        "<svg ", with: "<svg x=\"\(fixed(x, 2))\" y=\"\(fixed(y, 2))\" ", maxReplacements: 1)
      if !body.hasSuffix("\n") { body += "\n" }
      y += partSize.height
    }
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(fixed(width, 2))\" "
      + "height=\"\(fixed(height, 2))\" viewBox=\"0 0 \(fixed(width, 2)) \(fixed(height, 2))\" "
      + "role=\"img\" font-family=\"Helvetica, Arial, sans-serif\">\n"
      + "  <title>\(title)</title>\n  <desc>\(description)</desc>\n"
      + "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n" + body + "</svg>\n"
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

extension Figures {
  /// ``factorization(_:P:Qᵀ:predictions:factorCount:)`` for the slice the chapter prints.
  static func factorization(_ slice: FactorSlice, factorCount: Int) -> String {
    factorization(
      slice.data, P: slice.P, Qᵀ: slice.Qᵀ, predictions: slice.predictions,
      factorCount: factorCount)
  }
}
