/// What one pass over the training ratings did.
public struct EpochRecord: Sendable {
  /// 1-based epoch number.
  public let epoch: Int
  /// Σ |eᵤᵢ| over the pass, each error taken just before its update: the listing's number.
  public let totalAbsoluteError: Double
  /// The model after the epoch, measured on the training ratings.
  public let train: ErrorMetrics
  /// The model after the epoch, measured on held-out ratings, when there are any.
  public let test: ErrorMetrics?
  /// How long the pass over the ratings took (the SGD steps alone, not the measuring), for
  /// throughput; the only part of a record that differs between identical runs.
  public let sweepNanoseconds: UInt64
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
