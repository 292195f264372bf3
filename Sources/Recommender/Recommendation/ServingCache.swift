/// Top-N lists kept between requests, as in chapter-hash-tables' `topNCache`, for a model that
/// keeps learning: when a viewer rates a title, their list is dropped, so their next request is
/// scored afresh by the updated model.
///
/// Only the viewer who rated is invalidated. The same step also moved the title's qᵢ and bᵢ,
/// which every viewer's scores read, so other viewers' cached lists may go stale; a serving
/// system accepts that until the next refresh, and ``staleLists(model:rated:count:)`` counts
/// how many have.
public struct TopNServingCache: Sendable {
  /// The cached list of each viewer who has one.
  public private(set) var lists: [Int: [Recommendation]] = [:]
  /// Requests answered from the cache, and requests that had to score every title.
  public private(set) var hits = 0
  public private(set) var misses = 0
  /// Lists dropped because their viewer rated a title.
  public private(set) var invalidations = 0

  public init() {}

  /// The viewer's list: the cached one when there is one (a hit), else `score()`'s, kept for
  /// next time (a miss).
  ///
  /// - Complexity: O(1) on average for a hit; a miss costs what `score` costs.
  public mutating func list(for user: Int, score: () -> [Recommendation]) -> [Recommendation] {
    if let cached = lists[user] {
      hits += 1
      return cached
    }
    misses += 1
    let fresh = score()
    lists[user] = fresh
    return fresh
  }

  /// Drops the viewer's list, if cached: they just rated, so the model has moved for them.
  public mutating func invalidate(user: Int) {
    if lists.removeValue(forKey: user) != nil { invalidations += 1 }
  }

  /// How many cached lists differ, in their titles or order, from what `model` would serve now.
  ///
  /// - Parameters:
  ///   - model: the model as it is now.
  ///   - rated: the titles each viewer has rated, indexed by viewer.
  ///   - count: the length of every list.
  /// - Complexity: O(cached viewers × titles × k).
  public func staleLists(model: MatrixFactorization, rated: [Set<Int>], count: Int) -> Int {
    lists.filter { user, list in
      model.recommendations(for: user, count: count, excluding: rated[user]).map(\.item)
        != list.map(\.item)
    }.count
  }
}
