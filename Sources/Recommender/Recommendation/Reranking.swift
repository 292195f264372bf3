/// Re-ranking: a model's best candidates (the pool, best first) re-ordered into a K-title list
/// that trades some predicted rating for variety.
///
/// Both re-rankers first rescale the pool's scores to ŝᵢ in [0, 1] (the best candidate 1, the
/// worst 0), so the weight w ∈ [0, 1] means the same on any rating scale. Weight 0 keeps the
/// model's own order; ties go to the better-scored candidate.
public enum Reranking {
  /// Maximal marginal relevance (Carbonell and Goldstein, 1998): the list grows one title at a
  /// time, each time taking from the rest of the pool
  ///
  ///     argmax_i  (1 − w) ŝᵢ − w max_{j ∈ S} sim(i, j)
  ///
  /// where S is the list so far (the maximum over an empty S is 0): a title very like one
  /// already listed must score that much higher to follow it.
  ///
  /// - Parameters:
  ///   - pool: candidate titles, best first.
  ///   - scores: the model's score of each pool title, in pool order.
  ///   - k: the list length.
  ///   - weight: w.
  ///   - similarity: sim(i, j) of two titles.
  /// - Complexity: O(K × pool) calls of `similarity`.
  public static func maximalMarginalRelevance(
    pool: [Int], scores: [Double], k: Int, weight: Double, similarity: (Int, Int) -> Double
  ) -> [Int] {
    let relevance = rescaled(scores)
    // The largest similarity of each pool title to the list so far.
    var closest = [Double](repeating: 0, count: pool.count)
    var taken = [Bool](repeating: false, count: pool.count)
    var list: [Int] = []
    while list.count < min(k, pool.count) {
      var best = -1
      var bestValue = -Double.infinity
      for index in pool.indices where !taken[index] {
        let value = (1 - weight) * relevance[index] - weight * closest[index]
        if value > bestValue {
          (best, bestValue) = (index, value)
        }
      }
      taken[best] = true
      list.append(pool[best])
      for index in pool.indices where !taken[index] {
        let s = similarity(pool[index], pool[best])
        closest[index] = list.count == 1 ? s : max(closest[index], s)
      }
    }
    return list
  }

  /// A novelty bonus: the pool ordered by (1 − w) ŝᵢ + w n̂ᵢ, with n̂ the titles'
  /// self-information rescaled over the pool like ŝ, so rarely seen titles climb.
  ///
  /// - Parameters:
  ///   - pool: candidate titles, best first.
  ///   - scores: the model's score of each pool title, in pool order.
  ///   - k: the list length.
  ///   - weight: w.
  ///   - selfInformation: −log₂ pᵢ of every title (indexed by title).
  /// - Complexity: O(pool log pool).
  public static func noveltyBonus(
    pool: [Int], scores: [Double], k: Int, weight: Double, selfInformation: [Double]
  ) -> [Int] {
    let relevance = rescaled(scores)
    let novelty = rescaled(pool.map { selfInformation[$0] })
    let blended = pool.indices.map { (1 - weight) * relevance[$0] + weight * novelty[$0] }
    let order = pool.indices.sorted {
      blended[$0] != blended[$1] ? blended[$0] > blended[$1] : $0 < $1
    }
    return order.prefix(k).map { pool[$0] }
  }

  /// Values mapped linearly onto [0, 1], largest to 1; all 0 when they are all equal.
  static func rescaled(_ values: [Double]) -> [Double] {
    guard let low = values.min(), let high = values.max(), high > low else {
      return values.map { _ in 0 }
    }
    return values.map { ($0 - low) / (high - low) }
  }
}
