import Testing

@testable import Recommender

@Suite("Top-N selection")
struct TopNSelectionTests {
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
