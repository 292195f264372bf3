import ChartKit

/// The three charts of chapter-regularization.
enum Figures {
  typealias Run = RegularizationExperiment.Run

  static func overfittingChart(_ none: Run, _ best: Run) -> String {
    LineChart(
      title: "Overfitting: the held-out error turns without a penalty",
      subtitle:
        "RMSE per epoch on training and held-out ratings, λ = 0 against λ = \(Tables.label(best.λ))",
      description: "Line chart of training and test RMSE per epoch for an unregularized and the "
        + "best regularized model.",
      xAxisTitle: "Epoch", yAxisTitle: "RMSE (stars)",
      series: [
        LineSeries(
          name: "λ = 0, held-out", valuesFromOne: none.history.records.map(\.test!.rmse),
          color: ChartPalette.color(at: 3)),
        LineSeries(
          name: "λ = 0, training", valuesFromOne: none.history.records.map(\.train.rmse),
          isDashed: true, color: ChartPalette.color(at: 3)),
        LineSeries(
          name: "λ = \(Tables.label(best.λ)), held-out",
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
      title: "Error against λ: training fit and held-out accuracy",
      subtitle: "RMSE after the last epoch; lower held-out bars are better predictions",
      description: "Grouped bar chart of training and test RMSE for each regularization strength.",
      categoryAxisTitle: "Regularization strength λ", valueAxisTitle: "RMSE (stars)",
      categories: runs.map { Tables.label($0.λ) },
      groups: [
        BarGroup(name: "Training ratings", values: runs.map { $0.final.train.rmse }),
        BarGroup(name: "Held-out ratings", values: runs.map { $0.final.test!.rmse }),
      ],
      showsValueLabels: true, valueDecimals: 2
    ).svg()
  }

  static func weightsChart(_ runs: [Run]) -> String {
    BarChart(
      title: "The penalty keeps the parameters small",
      subtitle: "Size of all parameters, √(‖P‖² + ‖Q‖² + ‖b‖²), after the last epoch",
      description: "Bar chart of the L2 norm of the model's parameters for each λ.",
      categoryAxisTitle: "Regularization strength λ", valueAxisTitle: "L2 norm of parameters",
      categories: runs.map { Tables.label($0.λ) },
      groups: [BarGroup(name: "Parameter size", values: runs.map { $0.model.parameterNorm })],
      showsValueLabels: true, valueDecimals: 1
    ).svg()
  }
}
