/// A title found similar to another, with how similar.
public struct SimilarTitle: Sendable, Equatable {
  /// The title's index.
  public let item: Int
  /// The cosine of the angle between the two titles' factor vectors, from −1 to 1.
  public let cosine: Double

  public init(item: Int, cosine: Double) {
    self.item = item
    self.cosine = cosine
  }
}

extension MatrixFactorization {
  /// cos θ = qₐ · q_b / (‖qₐ‖ ‖q_b‖): whether two titles' factor vectors point the same way.
  ///
  /// Titles that viewers rate alike end up with vectors pointing alike, whatever their length;
  /// the length says more about how strongly a title divides opinion. A zero vector is
  /// similar to nothing (0).
  ///
  /// - Complexity: O(k).
  public func cosineSimilarity(item a: Int, item b: Int) -> Double {
    let k = factorCount
    return Q.storage.withUnsafeBufferPointer { q in
      let rowA = q.baseAddress! + a * k
      let rowB = q.baseAddress! + b * k
      let lengths =
        (dotProduct(rowA, rowA, count: k) * dotProduct(rowB, rowB, count: k)).squareRoot()
      return lengths == 0 ? 0 : dotProduct(rowA, rowB, count: k) / lengths
    }
  }

  /// The titles whose factor vectors point most nearly the way `item`'s does: "Because you
  /// watched …".
  ///
  /// Ties go to the lower index.
  ///
  /// - Parameters:
  ///   - item: the title watched.
  ///   - count: how many titles to return.
  ///   - excluded: titles never to return (say, the ones the viewer has seen); `item` itself is
  ///     never returned.
  ///   - candidates: the titles to choose from, or nil for every title.
  /// - Complexity: O(candidates × k).
  public func titlesSimilar(
    to item: Int, count: Int, excluding excluded: Set<Int> = [], among candidates: [Int]? = nil
  ) -> [SimilarTitle] {
    let pool = (candidates ?? Array(0..<Q.rows)).filter { $0 != item && !excluded.contains($0) }
    let cosines = pool.map { cosineSimilarity(item: item, item: $0) }
    return topN(count: count, scores: cosines).map {
      SimilarTitle(item: pool[$0], cosine: cosines[$0])
    }
  }
}
