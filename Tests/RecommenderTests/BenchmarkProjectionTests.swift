import Testing

@testable import Recommender

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

  @Test("the README's quoted figures are carried as published")
  func quotedFigures() {
    #expect(NetflixProjection.quotedHashLookupSeconds == 0.000_001)
    #expect(NetflixProjection.quotedLinearSearchSeconds == 0.015)
    #expect(NetflixProjection.quotedSpeedup == 15_000)
    #expect(NetflixProjection.profileCount == 230_000_000)
    #expect(NetflixProjection.titleCount == 15_000)
  }

  @Test("the quoted linear search equals 15,000 titles × the quoted hash lookup")
  func quotedRelation() {
    let product =
      Double(NetflixProjection.titleCount) * NetflixProjection.quotedHashLookupSeconds
    #expect(isClose(product, NetflixProjection.quotedLinearSearchSeconds))
  }
}

@Suite("Top-N selection")
struct BenchmarkTopNTests {
  // Ranking worked by hand: 0.9 (1), 0.9 (3), 0.7 (4), 0.5 (0), 0.5 (6), 0.1 (2), NaN (5).
  let scores = [0.5, 0.9, 0.1, 0.9, 0.7, Double.nan, 0.5]

  @Test("picks the best three, ties broken by lower index")
  func topThree() {
    #expect(topN(count: 3, scores: scores) == [1, 3, 4])
  }

  @Test("a tie at the cut keeps the lower index")
  func tieAtCut() {
    #expect(topN(count: 4, scores: scores) == [1, 3, 4, 0])
  }

  @Test("asking for more than there are returns all, NaN last")
  func moreThanAvailable() {
    #expect(topN(count: 10, scores: scores) == [1, 3, 4, 0, 6, 2, 5])
  }

  @Test("zero titles wanted or none available gives an empty list")
  func empty() {
    #expect(topN(count: 0, scores: scores) == [])
    #expect(topN(count: 3, scores: []) == [])
  }

  @Test("all-equal scores rank by index")
  func allEqual() {
    #expect(topN(count: 2, scores: [1, 1, 1, 1]) == [0, 1])
  }

  @Test("matches a full sort on seeded random scores with many ties")
  func matchesFullSort() {
    var random = NumpyRandom(seed: 4)
    let values = (0..<500).map { _ in Double(random.nextInt(through: 20)) }
    let fullSort = values.indices.sorted {
      values[$0] != values[$1] ? values[$0] > values[$1] : $0 < $1
    }
    #expect(topN(count: 25, scores: values) == Array(fullSort.prefix(25)))
  }

  @Test("scores each title exactly once, in index order")
  func scoresOnce() {
    var scored: [Int] = []
    _ = topN(count: 2, titleCount: 5) { title in
      scored.append(title)
      return Double(title % 3)
    }
    #expect(scored == [0, 1, 2, 3, 4])
  }

  @Test("the cache holds each user's top-N as topN computes it")
  func cache() {
    let cache = topNCache(users: 0..<3, count: 2, titleCount: 4) { user, title in
      Double((user + title) % 4)
    }
    #expect(cache[0] == [3, 2])
    #expect(cache[1] == [2, 1])
    #expect(cache[2] == [1, 0])
    #expect(cache.count == 3)
  }
}
