/// The timing of an arbitrary operation: nanoseconds per call, batch size, and checksum.
public struct OperationMeasurement: Sendable, Equatable {
  /// Nanoseconds per operation, one sample per timed batch.
  public let nanosecondsPerOperation: BenchmarkSummary
  /// Operations per timed batch, as calibrated.
  public let operationsPerSample: Int
  /// Operations over all recorded samples: `operationsPerSample × sampleCount`.
  public let operations: Int
  /// The sum of the operation's results over the recorded samples.
  public let checksum: Int
}

/// Times any operation with the same calibration, warm-up and sampling as lookups.
public enum OperationBenchmark {
  /// Measures nanoseconds per call of `operation`.
  ///
  /// - Parameters:
  ///   - budget: Samples and batch bounds.
  ///   - operation: Called with the operation's number (0, 1, 2, … within a batch, so a chapter
  ///     can vary the input, e.g. `user = number % users`). Return something computed from the
  ///     work, such as a count or an id; it is summed and kept, so the work cannot be optimised
  ///     away.
  public static func measure(
    budget: BenchmarkBudget, _ operation: (_ number: Int) -> Int
  ) -> OperationMeasurement {
    let collected = SampleCollector(budget: budget).collect { operationCount, firstOperation in
      var checksum = 0
      for number in firstOperation..<(firstOperation + operationCount) {
        checksum &+= operation(number)
      }
      return checksum
    }
    return OperationMeasurement(
      nanosecondsPerOperation: BenchmarkSummary(samples: collected.nanosecondsPerOperation),
      operationsPerSample: collected.operationsPerSample,
      operations: collected.operationsPerSample * budget.sampleCount,
      checksum: collected.recordedChecksum)
  }
}
