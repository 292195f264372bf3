import Foundation

/// How good one viewer's top-K list is, judged by the titles that turned out relevant to them.
///
/// A list L = (ℓ₁, …, ℓ_K) is ranked best first; Rel is the set of relevant titles (for
/// held-out ratings: those rated at least a threshold t), and gᵢ ≥ 0 the graded relevance of
/// title i (0 when i ∉ Rel). With hits(n) = |{ℓ₁, …, ℓₙ} ∩ Rel|,
///
///     precision@K = hits(K) / K
///     recall@K    = hits(K) / |Rel|
///     hit rate@K  = 1 if hits(K) > 0, else 0
///     AP@K        = (1 / min(K, |Rel|)) · Σₙ₌₁..K  [ℓₙ ∈ Rel] · hits(n) / n
///     DCG@K       = Σₙ₌₁..K  g(ℓₙ) / log₂(n + 1)
///     NDCG@K      = DCG@K / IDCG@K
///
/// where IDCG@K is the DCG@K of the ideal list: every title with g > 0, largest g first (how
/// equal grades are ordered does not change it). MAP@K is AP@K averaged over viewers. Every
/// metric lies in [0, 1]; all are undefined for a viewer with no relevant title, whom an
/// evaluation leaves out.
public struct ListJudgement: Sendable, Equatable {
  public let precision: Double
  public let recall: Double
  public let hitRate: Double
  public let averagePrecision: Double
  public let ndcg: Double

  /// Judges `list` (best first, at most `k` titles read) against graded relevance.
  ///
  /// - Parameters:
  ///   - list: the recommended titles, best first; titles past the K-th are ignored.
  ///   - gains: gᵢ for every relevant title (entries ≤ 0 are not relevant); must hold one.
  ///   - k: K, the length the list is judged at; a shorter list counts its missing places as
  ///     misses.
  /// - Complexity: O(K + |Rel| log |Rel|).
  public init(_ list: [Int], gains: [Int: Double], k: Int) {
    precondition(k >= 1, "K must be at least 1")
    let relevant = gains.filter { $0.value > 0 }
    precondition(!relevant.isEmpty, "a judgement needs at least one relevant title")
    var hits = 0
    var precisionSum = 0.0
    var dcg = 0.0
    for (offset, item) in list.prefix(k).enumerated() {
      let n = offset + 1
      guard let gain = relevant[item] else { continue }
      hits += 1
      precisionSum += Double(hits) / Double(n)
      dcg += gain / Self.discount(rank: n)
    }
    let ideal = relevant.values.sorted(by: >).prefix(k)
    let idcg = ideal.enumerated().reduce(0) { $0 + $1.element / Self.discount(rank: $1.offset + 1) }
    precision = Double(hits) / Double(k)
    recall = Double(hits) / Double(relevant.count)
    hitRate = hits > 0 ? 1 : 0
    averagePrecision = precisionSum / Double(min(k, relevant.count))
    ndcg = dcg / idcg
  }

  /// log₂(n + 1): how much less the n-th place counts than the first.
  public static func discount(rank n: Int) -> Double { log2(Double(n) + 1) }
}
