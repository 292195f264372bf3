import Foundation
import Recommender
import Testing

@testable import LookupTiming

@Suite("Scaling sizes, growth exponents and the clock's own interval")
struct ScalingSizesTests {
  private func row(_ structure: LookupStructure, _ size: Int, _ nanoseconds: Double)
    -> ScalingResult
  {
    ScalingResult(
      structure: structure, size: size,
      nanosecondsPerLookup: BenchmarkSummary(samples: [nanoseconds]), lookupsPerSample: 1,
      lookups: 1, hits: 1)
  }

  @Test("sizes grow by factors of ten from the smallest to the largest")
  func powersOfTen() {
    #expect(
      LookupBenchmark.scalingSizes(from: 100, through: 1_000_000)
        == [100, 1_000, 10_000, 100_000, 1_000_000])
  }

  @Test("a largest size off the decades ends the list")
  func offDecade() {
    #expect(LookupBenchmark.scalingSizes(from: 100, through: 3_000) == [100, 1_000, 3_000])
    #expect(LookupBenchmark.scalingSizes(from: 100, through: 100) == [100])
  }

  @Test("sizes near Int.max stop without overflowing")
  func noOverflow() {
    let sizes = LookupBenchmark.scalingSizes(from: 1, through: .max)
    #expect(sizes.count == 20)
    #expect(sizes.last == .max)
  }

  @Test("a cost that grows like n has exponent 1, a constant cost exponent 0")
  func growthExponents() {
    let report = ScalingReport(rows: [
      row(.linearSearch, 100, 50), row(.linearSearch, 10_000, 5_000),
      row(.set, 100, 20), row(.set, 10_000, 20),
    ])
    #expect(abs(report.growthExponent(of: .linearSearch, from: 100, to: 10_000)! - 1) < 1e-12)
    #expect(report.growthExponent(of: .set, from: 100, to: 10_000) == 0)
  }

  @Test("a cost growing like √n has exponent one half")
  func squareRootGrowth() {
    let report = ScalingReport(rows: [row(.binarySearch, 100, 10), row(.binarySearch, 10_000, 100)])
    #expect(abs(report.growthExponent(of: .binarySearch, from: 100, to: 10_000)! - 0.5) < 1e-12)
  }

  @Test("no exponent for an unmeasured size or a single size")
  func missingExponent() {
    let report = ScalingReport(rows: [row(.set, 100, 20)])
    #expect(report.growthExponent(of: .set, from: 100, to: 1_000) == nil)
    #expect(report.growthExponent(of: .set, from: 100, to: 100) == nil)
  }

  @Test("the clock's reading interval has one sample per pair of readings, none negative")
  func readingInterval() {
    let interval = MonotonicClock.readingInterval(samples: 51)
    #expect(interval.count == 51)
    #expect(interval.minimum >= 0)
  }
}
