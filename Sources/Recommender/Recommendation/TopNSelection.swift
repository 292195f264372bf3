/// A title with its score, ordered for recommendation: higher score first, and on equal
/// scores the lower index first, so rankings never depend on chance.
struct RankedTitle {
  let index: Int
  let score: Double

  /// Whether `self` belongs before `other` in a ranking. NaN scores rank below every number.
  func ranksAbove(_ other: RankedTitle) -> Bool {
    if score.isNaN != other.score.isNaN { return other.score.isNaN }
    if !score.isNaN && score != other.score { return score > other.score }
    return index < other.index
  }
}

/// The indices of the `count` best-scoring titles, best first.
///
/// Ties go to the lower index; NaN scores rank last. Keeps only the best `count` seen so far
/// in a heap whose root is the worst of them, so one pass over the titles suffices and nothing
/// is sorted but the winners.
///
/// - Parameters:
///   - count: How many titles to return (fewer if there are fewer titles).
///   - scores: One score per title; title i scores `scores[i]`.
/// - Complexity: O(t log N) for t titles and N = `count`, plus O(N log N) to order the result.
public func topN(count: Int, scores: [Double]) -> [Int] {
  topN(count: count, titleCount: scores.count) { scores[$0] }
}

/// The indices of the `count` best-scoring titles among `0..<titleCount`, best first.
///
/// This is the serving path without a cache: every title is scored on every request.
///
/// - Parameters:
///   - count: How many titles to return (fewer if there are fewer titles).
///   - titleCount: The number of titles, scored as 0, 1, …, titleCount − 1.
///   - score: The score of a title, called exactly once per title, in index order.
/// - Complexity: O(t log N) for t titles and N = `count`, plus t calls of `score`.
public func topN(count: Int, titleCount: Int, score: (_ title: Int) -> Double) -> [Int] {
  precondition(count >= 0 && titleCount >= 0, "counts must not be negative")
  let keep = min(count, titleCount)
  guard keep > 0 else { return [] }
  // A heap by rank whose root is the worst title kept: a newcomer only has to beat the root.
  var heap: [RankedTitle] = []
  heap.reserveCapacity(keep)
  for title in 0..<titleCount {
    let candidate = RankedTitle(index: title, score: score(title))
    if heap.count < keep {
      heap.append(candidate)
      siftTowardRoot(&heap, from: heap.count - 1)
    } else if candidate.ranksAbove(heap[0]) {
      heap[0] = candidate
      siftAwayFromRoot(&heap, from: 0)
    }
  }
  return heap.sorted { $0.ranksAbove($1) }.map(\.index)
}

/// A precomputed top-N list per user: the cache a serving system consults instead of scoring
/// every title on each request.
///
/// - Parameters:
///   - users: The users to precompute.
///   - count: Titles per user.
///   - titleCount: The number of titles.
///   - score: The score of a title for a user.
/// - Complexity: O(u · t log N) once; afterwards each request is one O(1) average dictionary
///   lookup.
public func topNCache(
  users: Range<Int>, count: Int, titleCount: Int,
  score: (_ user: Int, _ title: Int) -> Double
) -> [Int: [Int]] {
  var cache: [Int: [Int]] = [:]
  cache.reserveCapacity(users.count)
  for user in users {
    cache[user] = topN(count: count, titleCount: titleCount) { score(user, $0) }
  }
  return cache
}

/// Restores the heap after appending at `index`: moves the element up while it ranks below
/// its parent, since every parent must rank at or below its children (the root is the worst).
private func siftTowardRoot(_ heap: inout [RankedTitle], from index: Int) {
  var child = index
  while child > 0 {
    let parent = (child - 1) / 2
    guard heap[parent].ranksAbove(heap[child]) else { return }
    heap.swapAt(parent, child)
    child = parent
  }
}

/// Restores the heap after replacing the element at `index`: moves it down, swapping with its
/// worst-ranked child while that child ranks below it.
private func siftAwayFromRoot(_ heap: inout [RankedTitle], from index: Int) {
  var parent = index
  while true {
    let left = 2 * parent + 1
    let right = left + 1
    var worst = parent
    if left < heap.count && heap[worst].ranksAbove(heap[left]) { worst = left }
    if right < heap.count && heap[worst].ranksAbove(heap[right]) { worst = right }
    if worst == parent { return }
    heap.swapAt(parent, worst)
    parent = worst
  }
}
