/// How well one model predicts the ratings it learned from and the ratings held out from it.
public struct ModelScore: Sendable, Equatable {
  /// The model's name in tables and charts.
  public let name: String
  /// Errors on the training ratings: how closely the model fits what it saw.
  public let train: ErrorMetrics
  /// Errors on the held-out ratings: how well it guesses what it did not see.
  public let test: ErrorMetrics

  public init(name: String, train: ErrorMetrics, test: ErrorMetrics) {
    self.name = name
    self.train = train
    self.test = test
  }

  /// One row per model: MAE and RMSE on the training and on the held-out ratings.
  ///
  /// - Parameter scores: the models, in the order to list them.
  public static func table(_ scores: [ModelScore]) -> TextTable {
    TextTable(
      columns: [
        .left("Model"), .right("Train MAE"), .right("Train RMSE"), .right("Test MAE"),
        .right("Test RMSE"),
      ],
      rows: scores.map {
        [
          $0.name, fixed($0.train.mae, 3), fixed($0.train.rmse, 3), fixed($0.test.mae, 3),
          fixed($0.test.rmse, 3),
        ]
      })
  }
}
