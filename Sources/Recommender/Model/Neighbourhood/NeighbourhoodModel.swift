/// Collaborative filtering by neighbours: a rating predicted from the ratings the most similar
/// users gave the title (user-based), or that the viewer gave the most similar titles
/// (item-based, Amazon's and Netflix's "because you watched").
///
/// For item-based, with N the k titles rated by u most similar to i (only positive
/// similarities count),
///
///     r̂_ui = b_ui + Σ_{j ∈ N} s_ij (r_uj − b_uj) / Σ_{j ∈ N} s_ij
///
/// With the baseline (Koren's KNNBaseline) b_ui = μ + b_u + b_i, so neighbours only explain what
/// the biases leave; without it b = 0 and r̂ is a weighted average of the neighbours' ratings.
/// User-based swaps the roles: N are the k users who rated i most similar to u. When no
/// neighbour qualifies the prediction is b_ui, or μ without the baseline. Predictions are
/// clipped to the rating scale.
public struct NeighbourhoodModel: Sendable {
  /// Whose neighbours are looked up.
  public enum Kind: String, Sendable, CaseIterable {
    case userBased = "user-based"
    case itemBased = "item-based"
  }

  public let kind: Kind
  /// k, the most neighbours one prediction uses.
  public let neighbourCount: Int
  /// b_ui, or nil to average raw ratings.
  public let baseline: BaselineEstimates?
  public let similarities: SimilarityMatrix
  /// μ, the fallback without a baseline.
  public let globalMean: Double
  public let scale: ClosedRange<Double>
  /// Each user's ratings (item-based) or each item's (user-based).
  let lists: RatingLists

  /// - Parameters:
  ///   - ratings: the training ratings.
  ///   - kind: user-based or item-based.
  ///   - neighbourCount: k.
  ///   - usesBaseline: predict residuals from b_ui (KNNBaseline) rather than raw ratings.
  ///   - similarities: s between users (user-based) or items (item-based).
  ///   - baseline: the fitted b_ui; required when `usesBaseline`.
  ///   - userCount: users in the data.
  ///   - itemCount: items in the data.
  ///   - scale: the rating scale predictions are clipped to.
  public init(
    _ ratings: [Rating], kind: Kind, neighbourCount: Int, usesBaseline: Bool,
    similarities: SimilarityMatrix, baseline: BaselineEstimates?, userCount: Int,
    itemCount: Int, scale: ClosedRange<Double>
  ) {
    precondition(
      similarities.owner == (kind == .itemBased ? .items : .users),
      "item-based needs item similarities, user-based user similarities")
    precondition(!usesBaseline || baseline != nil, "a baseline model needs b_ui")
    self.kind = kind
    self.neighbourCount = neighbourCount
    self.baseline = usesBaseline ? baseline : nil
    self.similarities = similarities
    self.globalMean =
      ratings.isEmpty ? 0 : ratings.reduce(0) { $0 + $1.value } / Double(ratings.count)
    self.scale = scale
    self.lists =
      kind == .itemBased
      ? RatingLists(ratings, by: .users, count: userCount)
      : RatingLists(ratings, by: .items, count: itemCount)
  }

  /// r̂_ui, with the neighbours it used.
  ///
  /// - Complexity: O(n log k) for the n ratings of u (item-based) or of i (user-based).
  public func prediction(user: Int, item: Int) -> NeighbourhoodPrediction {
    let (target, owner) = kind == .itemBased ? (item, user) : (user, item)
    let entries = lists.range(of: owner)
    return estimate(
      target: target, count: entries.count,
      candidate: { (lists.others[entries.lowerBound + $0], lists.values[entries.lowerBound + $0]) },
      base: { other in
        guard let baseline else { return 0 }
        return kind == .itemBased
          ? baseline.estimate(user: user, item: other) : baseline.estimate(user: other, item: item)
      })
  }

  /// r̂_ui for every rating in `ratings`.
  public func predict(user: Int, item: Int) -> Double { prediction(user: user, item: item).value }

  /// Item-based r̂ for a viewer the model has never seen, from the ratings they have just given:
  /// no retraining, the similarities already hold what the crowd knows. Their b_u comes from
  /// ``BaselineEstimates/userBias(forNew:)``.
  public func predictForNewViewer(item: Int, ratings: [(item: Int, value: Double)])
    -> Double
  {
    precondition(kind == .itemBased, "a new viewer has no user–user similarities yet")
    let userBias = baseline?.userBias(forNew: ratings) ?? 0
    return estimate(
      target: item, count: ratings.count, candidate: { (ratings[$0].item, ratings[$0].value) },
      base: { other in
        guard let baseline else { return 0 }
        return baseline.globalMean + userBias + baseline.itemBiases[other]
      }
    ).value
  }

  /// The weighted residual average over the k most similar candidates (Σ s(r − b) / Σ s).
  private func estimate(
    target: Int, count: Int, candidate: (Int) -> (other: Int, value: Double),
    base: (Int) -> Double
  ) -> NeighbourhoodPrediction {
    // snippet: knn-estimate
    var scored: [(other: Int, value: Double, s: Double)] = []
    for index in 0..<count {
      let (other, value) = candidate(index)
      guard other != target else { continue }
      let s = similarities.similarity(target, other)
      if s > 0 { scored.append((other, value, s)) }
    }
    scored.sort { $0.s != $1.s ? $0.s > $1.s : $0.other < $1.other }
    let ranked = scored.prefix(neighbourCount)
    let fallback = baseline == nil ? globalMean : base(target)
    guard !ranked.isEmpty else {
      return NeighbourhoodPrediction(value: clipped(fallback), neighbours: [])
    }
    var weighted = 0.0
    var weights = 0.0
    for neighbour in ranked {
      weighted += neighbour.s * (neighbour.value - base(neighbour.other))
      weights += neighbour.s
    }
    let raw = (baseline == nil ? 0 : fallback) + weighted / weights
    // end snippet
    return NeighbourhoodPrediction(
      value: clipped(raw),
      neighbours: ranked.map { (index: $0.other, similarity: $0.s, rating: $0.value) })
  }

  private func clipped(_ value: Double) -> Double {
    min(max(value, scale.lowerBound), scale.upperBound)
  }
}

/// One neighbourhood prediction, with the neighbours that made it.
public struct NeighbourhoodPrediction: Sendable {
  /// r̂_ui, clipped to the scale.
  public let value: Double
  /// The users or items used, most similar first, with their rating of the title (or the
  /// viewer's rating of them).
  public let neighbours: [(index: Int, similarity: Double, rating: Double)]
}
