/// A title suggested to a viewer, with the rating the model predicts they would give it.
public struct Recommendation: Sendable, Equatable {
  /// The title's index.
  public let item: Int
  /// r̂ᵤᵢ, as the model computes it (not clipped to the scale).
  public let predictedRating: Double

  public init(item: Int, predictedRating: Double) {
    self.item = item
    self.predictedRating = predictedRating
  }
}

extension MatrixFactorization {
  /// The titles `user` is predicted to rate highest, among those they have not rated.
  ///
  /// Ties go to the lower index, so the list never depends on chance.
  ///
  /// - Parameters:
  ///   - user: the viewer.
  ///   - count: how many titles to return (fewer if fewer are left).
  ///   - rated: the titles the viewer has rated; none of them is returned.
  ///   - candidates: the titles to choose from, or nil for every title.
  /// - Complexity: O(candidates × k), plus O(candidates × log count) to rank.
  public func recommendations(
    for user: Int, count: Int, excluding rated: Set<Int>, among candidates: [Int]? = nil
  ) -> [Recommendation] {
    // snippet: top-n
    let pool = (candidates ?? Array(0..<Q.rows)).filter { !rated.contains($0) }
    return withPredictor { predict in
      let scores = pool.map { predict(user, $0) }
      return topN(count: count, scores: scores).map {
        Recommendation(item: pool[$0], predictedRating: scores[$0])
      }
    }
    // end snippet
  }
}

extension RatingsDataset {
  /// The titles each of `users` has rated, in one pass over the ratings.
  ///
  /// - Parameter users: the viewers to collect for.
  /// - Returns: one set per entry of `users`, in the same order.
  /// - Complexity: O(ratings).
  public func itemsRated(by users: [Int]) -> [Set<Int>] {
    var wanted = [Bool](repeating: false, count: userCount)
    var rated = [Int: Set<Int>]()
    for user in users {
      wanted[user] = true
      rated[user] = []
    }
    // The array check first: most ratings belong to other viewers and skip the dictionary.
    for rating in ratings where wanted[rating.user] { rated[rating.user]!.insert(rating.item) }
    return users.map { rated[$0]! }
  }
}
