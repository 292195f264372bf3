import Recommender

/// Swallows a value so the optimiser must compute it.
///
/// Work whose result is never used may be deleted by the optimiser, and a timing of deleted
/// work is a timing of nothing. `@_optimize(none)` stops the optimiser from seeing through this
/// empty body, even within the module.
@inline(never)
@_optimize(none)
func blackHole(_ value: Int) {}

/// The raw outcome of sampling a batch-running closure.
struct CollectedSamples: Sendable {
  /// Nanoseconds per operation, one entry per recorded sample.
  let nanosecondsPerOperation: [Double]
  /// The calibrated batch size.
  let operationsPerSample: Int
  /// The sum of the batch results over the recorded samples only.
  let recordedChecksum: Int
}

/// Calibrates a batch size within a budget, warms up, then records samples.
struct SampleCollector {
  let budget: BenchmarkBudget

  /// Samples `runBatch`, which must perform `operationCount` operations numbered from
  /// `firstOperation` and return a checksum of their results (for lookups, the hit count).
  ///
  /// Calibration and warm-up batches start at operation 0; recorded samples continue from one
  /// another (0, then the batch size, …), so over the samples the operations are numbered
  /// 0..<(samples × batch).
  func collect(
    _ runBatch: (_ operationCount: Int, _ firstOperation: Int) -> Int
  ) -> CollectedSamples {
    func timedBatch(_ operationCount: Int, _ firstOperation: Int) -> (checksum: Int, UInt64) {
      let (checksum, nanoseconds) = MonotonicClock.measure {
        runBatch(operationCount, firstOperation)
      }
      blackHole(checksum)
      return (checksum, nanoseconds)
    }

    // Calibration doubles the batch until it lasts long enough; it also warms up.
    var batch = budget.minimumOperationsPerSample
    while batch < budget.maximumOperationsPerSample {
      let (_, nanoseconds) = timedBatch(batch, 0)
      if nanoseconds >= budget.minimumSampleNanoseconds { break }
      batch = min(batch * 2, budget.maximumOperationsPerSample)
    }
    for _ in 0..<budget.warmUpRounds { _ = timedBatch(batch, 0) }

    var samples: [Double] = []
    samples.reserveCapacity(budget.sampleCount)
    var checksum = 0
    for sample in 0..<budget.sampleCount {
      let (batchChecksum, nanoseconds) = timedBatch(batch, sample * batch)
      checksum &+= batchChecksum
      // A clock tick of 0 would claim free work; one nanosecond is the honest lower bound.
      samples.append(Double(max(nanoseconds, 1)) / Double(batch))
    }
    return CollectedSamples(
      nanosecondsPerOperation: samples, operationsPerSample: batch, recordedChecksum: checksum)
  }
}
