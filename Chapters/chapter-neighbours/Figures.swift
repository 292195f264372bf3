import ChapterKit
import ChartKit
import Recommender

/// The four charts of chapter-neighbours.
enum Figures {
  /// The sample's item–item similarities by each measure, side by side, on one colour scale.
  static func sampleHeatmaps(_ sample: SampleNeighbours) -> String {
    let names = sample.data.itemNames
    let items: [HeatmapPanel.Item] = SimilarityMeasure.allCases.map { measure in
      let matrix = sample.items[measure]!
      let grid = HeatmapGrid(
        rows: names.indices.map { a in names.indices.map { b in matrix.similarity(a, b) } },
        rowLabels: measure == .cosine ? names : [], columnLabels: names.map(Self.initials),
        decimals: 2, colorMap: .diverging, valueRange: -1...1)
      return .grid(grid, caption: measure.rawValue)
    }
    return HeatmapPanel(
      title: "Which titles are alike? Three ways to ask the same ratings",
      subtitle: "Item–item similarity on the listing's ratings, \(sample.hiddenUserName)'s "
        + "\(sample.hiddenItemName) hidden",
      description: "Three 4 by 4 heatmaps of the similarity between the blog's four movies: "
        + "cosine of raw ratings, Pearson correlation and shrunk Pearson-baseline.",
      items: items,
      note: "Colour from −1 (opposite tastes) through 0 to +1 (the same); columns use the "
        + "titles' initials."
    )
    .svg()
  }

  /// "Sci-Fi Epic" → "SE".
  static func initials(_ name: String) -> String {
    String(name.split(separator: " ").compactMap(\.first))
  }

  /// Mean RMSE per model with one standard deviation over the folds.
  static func rmseBars(_ validation: CrossValidation, folds: Int) -> String {
    let rmse = validation.rmse
    return BarChart(
      title: "Neighbours, factorization and their blend on held-out ratings",
      subtitle: "Mean test RMSE over \(folds) folds; whiskers span one standard deviation "
        + "(lower is better)",
      description: "Horizontal bar chart of each model's mean RMSE over the folds, with error "
        + "bars of one standard deviation.",
      categoryAxisTitle: "", valueAxisTitle: "RMSE (stars)",
      categories: CrossValidation.modelNames,
      groups: [
        BarGroup(
          name: "RMSE", values: rmse.map(\.mean), errors: rmse.map(\.standardDeviation))
      ], orientation: .horizontal, showsValueLabels: true, valueDecimals: 4
    ).svg()
  }

  /// The quality of a new viewer's picks against the number of ratings they gave.
  static func coldStartCurve(_ coldStart: ColdStart) -> String {
    let x = ColdStart.steps.map(Double.init)
    return LineChart(
      title: "A new viewer's picks improve with each rating they give",
      subtitle: "Mean true rating of the top \(coldStart.top) titles picked, over "
        + "\(ColdStart.newViewerCount) new viewers of the demo catalogue",
      description: "Line chart of the mean true rating of the picks against the number of "
        + "ratings a new viewer has given, for popularity, item kNN-baseline, MF folded in, the "
        + "best possible picks and random titles.",
      xAxisTitle: "Ratings the new viewer has given", yAxisTitle: "True rating of picks (stars)",
      series: ColdStart.methods.indices.map { method in
        LineSeries(
          name: ColdStart.methods[method], x: x, y: coldStart.quality.map { $0[method] },
          showsMarkers: true, isDashed: method >= 3)
      }
    ).svg()
  }

  /// The blend's weights, mean and spread over the folds.
  static func blendWeights(_ validation: CrossValidation) -> String {
    let weights = validation.weights
    return BarChart(
      title: "How the blend weighs its models",
      subtitle: "Weight at a typical test rating, fitted on validation ratings; mean over "
        + "folds, whiskers one sd",
      description: "Horizontal bar chart of each blended model's weight, with error bars.",
      categoryAxisTitle: "", valueAxisTitle: "Weight in the blend (unitless)",
      categories: ModelRecipe.blended.map { ModelRecipe.names[$0] },
      groups: [
        BarGroup(
          name: "Weight", values: weights.map(\.mean), errors: weights.map(\.standardDeviation))
      ], orientation: .horizontal, showsValueLabels: true, valueDecimals: 3
    ).svg()
  }
}
