import Foundation

/// What a set of top-K lists offers beyond accuracy: how much of the catalogue they reach, how
/// varied each list is, how unexpected its titles are, and how different the viewers' lists are
/// from one another.
///
/// With Lᵤ viewer u's list, U the viewers with a list and I the titles that could be listed,
///
///     coverage          = |∪ᵤ Lᵤ| / |I|
///     diversity(Lᵤ)     = mean over pairs i ≠ j in Lᵤ of d(i, j)
///     novelty(Lᵤ)       = mean over i in Lᵤ of −log₂ pᵢ,   pᵢ = (nᵢ + 1) / (|U| + 1)
///     personalisation   = 1 − mean over pairs u ≠ v of |Lᵤ ∩ Lᵥ| / K
///
/// where d is a distance between titles (different genre, or 1 − cosine of their factors) and
/// nᵢ the number of viewers who rated i in training: −log₂ pᵢ is the self-information of
/// meeting title i, in bits, large for titles few have seen (the add-one keeps it finite for a
/// title no one rated). Diversity and novelty are averaged over viewers.
public enum ListVariety {
  /// The share of `candidateCount` titles that appear in at least one list.
  ///
  /// - Complexity: O(Σ |Lᵤ|).
  public static func coverage(_ lists: [[Int]], candidateCount: Int) -> Double {
    guard candidateCount > 0 else { return 0 }
    return Double(Set(lists.joined()).count) / Double(candidateCount)
  }

  /// The mean distance between the titles of one list, over its unordered pairs; 0 for a list
  /// of fewer than two titles.
  ///
  /// - Complexity: O(K²) calls of `distance`.
  public static func diversity(_ list: [Int], distance: (Int, Int) -> Double) -> Double {
    guard list.count >= 2 else { return 0 }
    var total = 0.0
    for a in list.indices {
      for b in list.indices where b > a { total += distance(list[a], list[b]) }
    }
    return total / Double(list.count * (list.count - 1) / 2)
  }

  /// −log₂ pᵢ for every title, pᵢ = (nᵢ + 1) / (viewers + 1), from the training ratings.
  ///
  /// - Complexity: O(ratings + titles).
  public static func selfInformation(_ ratings: [Rating], userCount: Int, itemCount: Int)
    -> [Double]
  {
    var counts = [Int](repeating: 0, count: itemCount)
    for rating in ratings { counts[rating.item] += 1 }
    return counts.map { -log2(Double($0 + 1) / Double(userCount + 1)) }
  }

  /// The mean self-information of a list's titles, in bits; 0 for an empty list.
  public static func novelty(_ list: [Int], selfInformation: [Double]) -> Double {
    guard !list.isEmpty else { return 0 }
    return list.reduce(0) { $0 + selfInformation[$1] } / Double(list.count)
  }

  /// 1 − the mean share of titles two viewers' lists have in common, over every pair of
  /// viewers: the definition, pair by pair.
  ///
  /// - Complexity: O(U² K).
  public static func personalisationByPairs(_ lists: [[Int]], k: Int) -> Double {
    guard lists.count >= 2 else { return 0 }
    let sets = lists.map(Set.init)
    var overlap = 0.0
    for u in sets.indices {
      for v in sets.indices where v > u { overlap += Double(sets[u].intersection(sets[v]).count) }
    }
    let pairs = Double(lists.count * (lists.count - 1) / 2)
    return 1 - overlap / (pairs * Double(k))
  }

  /// ``personalisationByPairs(_:k:)`` without visiting pairs: a title in cᵢ lists is shared
  /// by cᵢ(cᵢ − 1)/2 pairs, so Σ_{u<v} |Lᵤ ∩ Lᵥ| = Σᵢ cᵢ(cᵢ − 1)/2. Equal to it up to rounding.
  ///
  /// - Complexity: O(Σ |Lᵤ|), for MovieLens's 943 viewers instead of their 444,153 pairs.
  public static func personalisation(_ lists: [[Int]], k: Int) -> Double {
    guard lists.count >= 2 else { return 0 }
    var listsHolding: [Int: Int] = [:]
    for list in lists {
      for item in Set(list) { listsHolding[item, default: 0] += 1 }
    }
    let shared = listsHolding.values.reduce(0.0) { $0 + Double($1 * ($1 - 1) / 2) }
    let pairs = Double(lists.count) * Double(lists.count - 1) / 2
    return 1 - shared / (pairs * Double(k))
  }
}
