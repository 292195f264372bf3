import Testing

@testable import LookupTiming

@Suite("NetflixProjection")
struct BenchmarkProjectionTests {
  private func isClose(_ actual: Double, _ expected: Double) -> Bool {
    abs(actual - expected) <= 1e-9 * max(1, abs(expected))
  }

  private func row(
    _ structure: LookupStructure, size: Int, nanoseconds: [Double], lookups: Int, hits: Int
  ) -> ScalingResult {
    ScalingResult(
      structure: structure, size: size,
      nanosecondsPerLookup: BenchmarkSummary(samples: nanoseconds), lookupsPerSample: lookups,
      lookups: lookups, hits: hits)
  }

  @Test("a linear search of 1,000 with a quarter absent examines 625.375 elements on average")
  func expectedElements() {
    // 0.75 × 1001 / 2 + 0.25 × 1000 = 375.375 + 250
    #expect(NetflixProjection.expectedElementsScanned(size: 1_000, absentFraction: 0.25) == 625.375)
    #expect(NetflixProjection.expectedElementsScanned(size: 999, absentFraction: 0) == 500)
    #expect(NetflixProjection.expectedElementsScanned(size: 999, absentFraction: 1) == 999)
  }

  @Test("250 ns over 999 present keys is 0.5 ns per element")
  func perElementCost() {
    let linear = row(
      .linearSearch, size: 999, nanoseconds: [240, 250, 260], lookups: 100, hits: 100)
    let hash = row(.dictionary, size: 999, nanoseconds: [50], lookups: 100, hits: 100)
    let projection = NetflixProjection(linearSearch: linear, hashLookup: hash)
    #expect(projection.nanosecondsPerElementScanned == 0.5)
    #expect(projection.hashLookupNanoseconds == 50)
  }

  @Test("the observed absent fraction enters the per-element cost")
  func absentShare() {
    let linear = row(.linearSearch, size: 1_000, nanoseconds: [625.375], lookups: 100, hits: 75)
    let hash = row(.set, size: 1_000, nanoseconds: [10], lookups: 100, hits: 75)
    #expect(
      NetflixProjection(linearSearch: linear, hashLookup: hash).nanosecondsPerElementScanned == 1)
  }

  @Test("at 0.5 ns per element and 50 ns per lookup, the projections are worked by hand")
  func projectedSeconds() {
    let projection = NetflixProjection(nanosecondsPerElementScanned: 0.5, hashLookupNanoseconds: 50)
    // Profiles: (230,000,000 + 1) / 2 elements × 0.5 ns = 57,500,000.25 ns.
    #expect(isClose(projection.profileScanSeconds, 0.057_500_000_25))
    // Titles: (15,000 + 1) / 2 × 0.5 ns = 3,750.25 ns.
    #expect(isClose(projection.titleScanSeconds, 0.000_003_750_25))
    #expect(isClose(projection.hashLookupSeconds, 0.000_000_05))
    #expect(isClose(projection.profileSpeedup, 1_150_000.005))
    #expect(isClose(projection.titleSpeedup, 75.005))
    // Searching for absent keys scans everything: 15,000 × 0.5 ns.
    #expect(isClose(projection.linearScanSeconds(elementCount: 15_000, absentFraction: 1), 7.5e-6))
  }
}
