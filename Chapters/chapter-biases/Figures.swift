import ChapterKit
import ChartKit
import Recommender

/// The two charts of chapter-biases.
enum Figures {
  /// Training RMSE per epoch of the three models.
  static func learningCurves(_ contenders: [Contender]) -> String {
    LineChart(
      title: "Three models from one fresh start: fit per epoch",
      subtitle: "RMSE on the listing's 20 ratings after each epoch (lower is a closer fit)",
      description: "Line chart of training RMSE per epoch for the bias-only, basic and "
        + "biased matrix factorization models.",
      xAxisTitle: "Epoch", yAxisTitle: "RMSE (stars)",
      series: contenders.enumerated().map { index, contender in
        LineSeries(
          name: contender.name, valuesFromOne: contender.history.records.map(\.train.rmse),
          isDashed: index == 0)
      },
      yIncludesZero: true
    ).svg()
  }

  /// Diverging bars: every viewer's and movie's bias around zero.
  static func biasBars(_ settling: Settling, data: RatingsDataset, μ: Double) -> String {
    let model = settling.model
    return BarChart(
      title: "Learned biases: who rates high, which movie is liked",
      subtitle: "Stars above or below the global mean μ = \(fixed(μ, 2)), learned by the bias-only "
        + (settling.settled ? "model (a) trained until they settle" : "model (a), not yet settled"),
      description: "Horizontal bar chart of user biases and movie biases around zero.",
      categoryAxisTitle: "Viewer or movie", valueAxisTitle: "Bias (stars from μ)",
      categories: data.userNames + data.itemNames,
      groups: [
        BarGroup(
          name: "Viewers (bᵤ)",
          values: model.userBiases.map { $0 } + data.itemNames.map { _ in nil }),
        BarGroup(
          name: "Movies (bᵢ)", values: data.userNames.map { _ in nil } + model.itemBiases.map { $0 }
        ),
      ],
      orientation: .horizontal, showsValueLabels: true, valueDecimals: 2
    ).svg()
  }
}
