/// What one pass over the training ratings did.
public struct EpochRecord: Sendable {
  /// 1-based epoch number.
  public let epoch: Int
  /// Σ |eᵤᵢ| over the pass, each error taken just before its update: the listing's number.
  public let totalAbsoluteError: Double
  /// The training error during the pass: each rating's error just before its update, so the
  /// model as it moved through the epoch, not as it ended it. Free to compute.
  public let duringPass: ErrorMetrics
  /// The model after the epoch, measured on the training ratings, when the trainer was asked
  /// to (a second pass over them).
  public let afterPass: ErrorMetrics?
  /// The model after the epoch, measured on held-out ratings, when there are any.
  public let test: ErrorMetrics?
  /// How long the epoch's shuffle took; 0 when the order is the data's. With a blocked order,
  /// the first epoch's holds the time taken to put the ratings in that order, once.
  public let shuffleNanoseconds: UInt64
  /// How long the pass over the ratings took (the SGD steps alone, not the shuffle nor the
  /// measuring), for throughput. The timings are the only parts of a record that differ
  /// between identical runs.
  public let sweepNanoseconds: UInt64

  /// The training error after the pass where it was measured, else during the pass.
  public var train: ErrorMetrics { afterPass ?? duringPass }
}

/// The per-epoch record of a training run, for narration and learning-curve charts.
public struct TrainingHistory: Sendable {
  public private(set) var records: [EpochRecord] = []

  public init() {}

  public mutating func append(_ record: EpochRecord) { records.append(record) }

  /// The record of the last epoch, if any epoch ran.
  public var last: EpochRecord? { records.last }

  /// The record of a 1-based epoch.
  public func record(epoch: Int) -> EpochRecord { records[epoch - 1] }

  /// The epoch whose held-out RMSE was lowest (the first of equals), when there is a test set.
  public var bestTestEpoch: EpochRecord? {
    records.filter { $0.test != nil }.min { $0.test!.rmse < $1.test!.rmse }
  }
}
