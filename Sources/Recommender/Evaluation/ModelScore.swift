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

}
