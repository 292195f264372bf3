/// Training stopped because the numbers stopped meaning anything.
public enum TrainingError: Error, Sendable, CustomStringConvertible {
  /// An error or a parameter became infinite or NaN during `epoch` (1-based).
  case diverged(epoch: Int, learningRate: Double)

  public var description: String {
    switch self {
    case .diverged(let epoch, let learningRate):
      return "training diverged in epoch \(epoch): the errors grew past any finite number "
        + "with learning rate \(learningRate); try a smaller --learning-rate"
    }
  }
}
