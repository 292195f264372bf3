import ChartKit

/// The three charts of chapter-regularization.
enum Figures {
  typealias Run = RegularizationExperiment.Run

  static func overfittingChart(_ none: Run, _ best: Run) -> String {
    LineChart(
      title: Tables.turns(none)
        ? "Overfitting: the validation error turns without a penalty"
        : "No turn yet: the validation error has not risen within \(Tables.count(none.final.epoch, "epoch"))",
      subtitle:
        "RMSE per epoch on training and validation ratings, λ = 0 against λ = "
        + Tables.label(best.λ),
      description: "Line chart of training and validation RMSE per epoch for an unregularized "
        + "model and the one chosen on the validation ratings.",
      xAxisTitle: "Epoch", yAxisTitle: "RMSE (stars)",
      series: [
        LineSeries(
          name: "λ = 0, validation", valuesFromOne: none.history.records.map(\.test!.rmse),
          color: ChartPalette.color(at: 3)),
        LineSeries(
          name: "λ = 0, training", valuesFromOne: none.history.records.map(\.train.rmse),
          isDashed: true, color: ChartPalette.color(at: 3)),
        LineSeries(
          name: "λ = \(Tables.label(best.λ)), validation",
          valuesFromOne: best.history.records.map(\.test!.rmse),
          color: ChartPalette.color(at: 0)),
        LineSeries(
          name: "λ = \(Tables.label(best.λ)), training",
          valuesFromOne: best.history.records.map(\.train.rmse),
          isDashed: true, color: ChartPalette.color(at: 0)),
      ],
      yIncludesZero: true
    ).svg()
  }

  static func sweepChart(_ runs: [Run]) -> String {
    BarChart(
      title: "Error against λ: training fit and validation accuracy",
      subtitle: "RMSE after the last epoch; lower validation bars are better predictions",
      description:
        "Grouped bar chart of training and validation RMSE for each regularization strength.",
      categoryAxisTitle: "Regularization strength λ", valueAxisTitle: "RMSE (stars)",
      categories: runs.map { Tables.label($0.λ) },
      groups: [
        BarGroup(name: "Training ratings", values: runs.map { $0.final.train.rmse }),
        BarGroup(name: "Validation ratings", values: runs.map(\.validationRMSE)),
      ],
      showsValueLabels: true, valueDecimals: 2
    ).svg()
  }

  static func weightsChart(_ runs: [Run]) -> String {
    BarChart(
      title: Tables.normsFall(runs)
        ? "The penalty keeps the parameters small" : "Parameter size against λ",
      subtitle: "Size of all parameters, √(‖P‖² + ‖Q‖² + ‖b‖²), after the last epoch",
      description: "Bar chart of the L2 norm of the model's parameters for each λ.",
      categoryAxisTitle: "Regularization strength λ", valueAxisTitle: "L2 norm of parameters",
      categories: runs.map { Tables.label($0.λ) },
      groups: [BarGroup(name: "Parameter size", values: runs.map { $0.model.parameterNorm })],
      showsValueLabels: true, valueDecimals: 1
    ).svg()
  }
}
