import Recommender

extension ModelScore {
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
