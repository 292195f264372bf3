import ChapterKit
import ChartKit
import Recommender

/// The three charts of chapter-basic-mf.
enum Figures {
  /// The listing's total absolute error for every epoch.
  static func learningCurve(_ history: TrainingHistory, ratingCount: Int) -> String {
    // The title says "falls" only when this run's error did.
    let errors = history.records.map(\.totalAbsoluteError)
    let trend =
      errors.count < 2
      ? "the error after one epoch"
      : errors.last! < errors.first! ? "the error falls as SGD trains" : "the error as SGD trains"
    return LineChart(
      title: "Basic matrix factorization: " + trend,
      subtitle:
        "Sum of |r − p·q| over the \(ratingCount) ratings, each taken just before its update",
      description:
        "Line chart of the total absolute error per epoch while training the basic model.",
      xAxisTitle: "Epoch", yAxisTitle: "Total absolute error (stars)",
      series: [
        LineSeries(
          name: "Total absolute error",
          valuesFromOne: errors)
      ],
      yIncludesZero: true
    ).svg()
  }

  /// R ≈ P × Qᵀ = R̂ as four heatmaps side by side.
  static func factorization(_ model: MatrixFactorization, data: RatingsDataset) -> String {
    let factorLabels = (1...model.factorCount).map { "f\($0)" }
    let shortTitles = data.itemNames.map { $0.split(separator: " ").last.map(String.init) ?? $0 }
    let stars = data.scale
    return HeatmapPanel(
      title: "R ≈ P × Qᵀ: the ratings as a product of two thin matrices",
      subtitle: "Movies: "
        + zip(shortTitles, data.itemNames).map { "\($0) = \($1)" }.joined(separator: ", "),
      description: "Four heatmaps: the rating matrix R, the learned user factors P, the learned "
        + "movie factors Q transposed, and their product, the predicted ratings.",
      items: [
        .grid(
          HeatmapGrid(
            values: data.grid, rowLabels: data.userNames, columnLabels: shortTitles, decimals: 0,
            valueRange: stars), caption: "R, ratings"),
        .symbol("≈"),
        .grid(
          HeatmapGrid(matrix: model.P, rowLabels: data.userNames, columnLabels: factorLabels),
          caption: "P, viewers"),
        .symbol("×"),
        .grid(
          HeatmapGrid(
            matrix: model.Q.transposed, rowLabels: factorLabels, columnLabels: shortTitles),
          caption: "Qᵀ, movies"),
        .symbol("="),
        .grid(
          HeatmapGrid(
            matrix: model.predictedMatrix(), rowLabels: data.userNames, columnLabels: shortTitles,
            decimals: 1, valueRange: stars), caption: "P × Qᵀ, predictions"),
      ]
    ).svg()
  }

  /// Viewers (rows of P) and movies (rows of Q) as points in the space of the first two factors.
  static func latentSpace(_ model: MatrixFactorization, data: RatingsDataset) -> String {
    precondition(model.factorCount >= 1)
    let second = min(1, model.factorCount - 1)
    func points(_ matrix: Matrix, _ names: [String]) -> [LabelledPoint] {
      names.indices.map { LabelledPoint(x: matrix[$0, 0], y: matrix[$0, second], label: names[$0]) }
    }
    return ScatterChart(
      title: "Viewers and movies in the learned factor space",
      subtitle: "A viewer rates a movie high when their vectors point the same way (large p·q)",
      description:
        "Scatter plot of the rows of P (viewers) and Q (movies) by their first two factors.",
      xAxisTitle: "Factor 1 (learned, no unit)",
      yAxisTitle: "Factor \(second + 1) (learned, no unit)",
      groups: [
        // Movies first as diamonds, viewers on top as triangles: where a viewer sits on a
        // movie's spot (Bob on Sci-Fi Epic in the default run) the diamond's side and bottom
        // tips still show around the triangle, so neither point hides the other.
        ScatterGroup(
          name: "Movies (rows of Q)", points: points(model.Q, data.itemNames), color: "#0072B2",
          marker: .diamond),
        ScatterGroup(
          name: "Viewers (rows of P)", points: points(model.P, data.userNames), color: "#E69F00",
          marker: .triangle),
      ]
    ).svg()
  }
}
