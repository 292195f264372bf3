import Testing

@testable import LookupTiming

@Suite("LookupBenchmark harness")
struct LookupBenchmarkTests {
  /// A budget whose batch is fixed at `operations`: calibration has nothing to grow.
  private func fixedBudget(operations: Int, samples: Int) -> BenchmarkBudget {
    BenchmarkBudget(
      sampleCount: samples, minimumSampleNanoseconds: 0, minimumOperationsPerSample: operations,
      maximumOperationsPerSample: operations, warmUpRounds: 1)
  }

  @Test("the quick run returns one row per (structure, size), in size then case order")
  func quickRunRows() {
    let report = LookupBenchmark.quick.run()
    let expected = [10, 100, 1_000].flatMap { size in
      LookupStructure.allCases.map { "\($0.rawValue)@\(size)" }
    }
    #expect(report.rows.map { "\($0.structure.rawValue)@\($0.size)" } == expected)
    #expect(report.sizes == [10, 100, 1_000])
  }

  @Test("every quick row has finite positive timings with min ≤ median ≤ max")
  func quickRunTimings() {
    for row in LookupBenchmark.quick.run().rows {
      #expect(row.medianNanoseconds.isFinite && row.medianNanoseconds > 0)
      #expect(row.minimumNanoseconds <= row.medianNanoseconds)
      #expect(row.medianNanoseconds <= row.maximumNanoseconds)
      #expect(row.nanosecondsPerLookup.count == BenchmarkBudget.quick.sampleCount)
    }
  }

  @Test("every quick row's hits equal the present keys among the lookups performed")
  func quickRunHits() {
    let benchmark = LookupBenchmark.quick
    for row in benchmark.run().rows {
      let workload = benchmark.workload(size: row.size)
      #expect(row.lookups == row.lookupsPerSample * BenchmarkBudget.quick.sampleCount)
      #expect(row.hits == workload.expectedHits(forLookups: row.lookups))
      // How many lookups a sample holds depends on the machine's speed (calibration), so a
      // short run may stop before its first absent key; once every key was looked up, some
      // must have missed.
      if row.lookups >= workload.keys.count, workload.absentKeyCount > 0 {
        #expect(row.hits < row.lookups)
      }
    }
  }

  @Test("the run reports each row as it is measured")
  func progress() {
    var reported: [ScalingResult] = []
    let report = LookupBenchmark(
      budget: fixedBudget(operations: 8, samples: 2), sizes: [5, 50]
    ).run(structures: [.set, .linearSearch]) { reported.append($0) }
    #expect(reported == report.rows)
    #expect(report.rows.count == 4)
  }

  @Test("the run skips sizes above a structure's suggested maximum")
  func skipsLargeConstantHash() {
    let report = LookupBenchmark(
      budget: fixedBudget(operations: 4, samples: 1), sizes: [10, 20_000]
    ).run(structures: [.constantHashSet, .set])
    #expect(report.rows.map(\.size) == [10, 10, 20_000])
    #expect(report.result(for: .constantHashSet, size: 20_000) == nil)
    #expect(report.result(for: .set, size: 20_000) != nil)
  }

  @Test("a fixed batch gives exactly batch × samples lookups")
  func fixedBatch() {
    let row = LookupBenchmark(budget: fixedBudget(operations: 100, samples: 3), sizes: [])
      .measure(.binarySearch, size: 64)
    #expect(row.lookupsPerSample == 100)
    #expect(row.lookups == 300)
  }

  @Test("samples number their operations consecutively after calibration and warm-up")
  func sampleNumbering() {
    var batches: [[Int]] = []
    let collected = SampleCollector(budget: fixedBudget(operations: 4, samples: 3)).collect {
      count, first in
      batches.append([count, first])
      return first
    }
    // One warm-up batch from 0, then samples from 0, 4 and 8.
    #expect(batches == [[4, 0], [4, 0], [4, 4], [4, 8]])
    #expect(collected.recordedChecksum == 12)
  }

  @Test("calibration doubles the batch and stops at the maximum")
  func calibrationCapped() {
    let budget = BenchmarkBudget(
      sampleCount: 1, minimumSampleNanoseconds: .max, minimumOperationsPerSample: 1,
      maximumOperationsPerSample: 8, warmUpRounds: 0)
    var batchSizes: [Int] = []
    let collected = SampleCollector(budget: budget).collect { count, _ in
      batchSizes.append(count)
      return 0
    }
    #expect(batchSizes == [1, 2, 4, 8])
    #expect(collected.operationsPerSample == 8)
  }

  @Test("an operation benchmark sums the operations' results over the recorded samples")
  func operationChecksum() {
    let measurement = OperationBenchmark.measure(budget: fixedBudget(operations: 5, samples: 2)) {
      $0
    }
    #expect(measurement.operations == 10)
    #expect(measurement.checksum == 45)  // 0 + 1 + … + 9
  }

  @Test("the speedup is the linear search's median over the structure's median")
  func reportSpeedup() {
    func row(_ structure: LookupStructure, _ size: Int, _ nanoseconds: Double) -> ScalingResult {
      ScalingResult(
        structure: structure, size: size,
        nanosecondsPerLookup: BenchmarkSummary(samples: [nanoseconds]), lookupsPerSample: 1,
        lookups: 1, hits: 1)
    }
    let report = ScalingReport(rows: [
      row(.linearSearch, 1_000, 1_000), row(.set, 1_000, 20), row(.set, 10, 15),
    ])
    #expect(report.speedup(of: .set, size: 1_000) == 50)
    #expect(report.speedup(of: .set, size: 10) == nil)
    #expect(report.speedup(of: .dictionary, size: 1_000) == nil)
    #expect(report.largestResult(for: .set)?.size == 1_000)
    #expect(report.sizes == [10, 1_000])
  }
}
