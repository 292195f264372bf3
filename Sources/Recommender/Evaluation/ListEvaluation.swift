/// Top-K lists for every viewer, and their scores: ``ListJudgement`` against some relevance,
/// averaged over viewers, and ``ListVariety`` beside it.
///
/// The protocol of the ranking literature: every viewer's list is drawn from the titles they
/// did not rate in training (the candidates), and judged by what the held-out ratings, or
/// another source of truth, say about those titles.
public struct ListEvaluation: Sendable {
  /// K, the length of every list.
  public let k: Int
  public let userCount: Int
  public let itemCount: Int
  /// Each viewer's training ratings.
  let training: RatingLists
  /// −log₂ pᵢ per title, from the training ratings.
  public let selfInformation: [Double]
  /// The titles' factor vectors scaled to length 1: the yardstick of factor distance.
  let unitVectors: Matrix
  /// Each title's genre, when the data has genres.
  public let genres: [Int]?

  /// - Parameters:
  ///   - training: the ratings the models learned from.
  ///   - k: K.
  ///   - itemFactors: one row of factors per title, for the factor distance 1 − cos(qᵢ, qⱼ):
  ///     every model's lists are measured with the same vectors.
  ///   - genres: each title's genre, or nil.
  public init(
    training: [Rating], userCount: Int, itemCount: Int, k: Int, itemFactors: Matrix,
    genres: [Int]?
  ) {
    precondition(k >= 1, "K must be at least 1")
    self.k = k
    self.userCount = userCount
    self.itemCount = itemCount
    self.training = RatingLists(training, by: .users, count: userCount)
    self.selfInformation = ListVariety.selfInformation(
      training, userCount: userCount, itemCount: itemCount)
    var unit = itemFactors
    for item in 0..<unit.rows {
      let length = (0..<unit.columns).reduce(0) { $0 + unit[item, $1] * unit[item, $1] }
        .squareRoot()
      for f in 0..<unit.columns { unit[item, f] = length > 0 ? unit[item, f] / length : 0 }
    }
    self.unitVectors = unit
    self.genres = genres
  }

  /// Whether each title is a candidate for `user`: not rated by them in training.
  public func candidateMask(of user: Int) -> [Bool] {
    var mask = [Bool](repeating: true, count: itemCount)
    for entry in training.range(of: user) { mask[training.others[entry]] = false }
    return mask
  }

  /// The `count` best candidates of every viewer by `score`, best first (ties to the lower
  /// index).
  ///
  /// - Complexity: O(users × titles × log count) plus the calls of `score`.
  public func topLists(count: Int? = nil, score: (_ user: Int, _ item: Int) -> Double) -> [[Int]] {
    (0..<userCount).map { user in
      let mask = candidateMask(of: user)
      return topN(count: count ?? k, titleCount: itemCount) { item in
        mask[item] ? score(user, item) : -.infinity
      }.filter { mask[$0] }
    }
  }

  /// 1 − cos(qᵢ, qⱼ): 0 for titles whose factors point the same way, 2 for opposite ones.
  public func factorDistance(_ a: Int, _ b: Int) -> Double {
    1 - cosine(a, b)
  }

  /// cos(qᵢ, qⱼ) of the yardstick's vectors; 0 when either is all zeros.
  public func cosine(_ a: Int, _ b: Int) -> Double {
    (0..<unitVectors.columns).reduce(0) { $0 + unitVectors[a, $1] * unitVectors[b, $1] }
  }

  /// 1 when two titles' genres differ, 0 when they match; nil without genres.
  public func genreDistance(_ a: Int, _ b: Int) -> Double? {
    genres.map { $0[a] == $0[b] ? 0 : 1 }
  }

  /// Every list judged against `relevance` (one table of gains per viewer); viewers with no
  /// relevant title are left out.
  public func accuracy(_ lists: [[Int]], relevance: [[Int: Double]]) -> ListAccuracy {
    var viewers: [Int] = []
    var judgements: [ListJudgement] = []
    for user in lists.indices where relevance[user].values.contains(where: { $0 > 0 }) {
      viewers.append(user)
      judgements.append(ListJudgement(lists[user], gains: relevance[user], k: k))
    }
    return ListAccuracy(viewers: viewers, judgements: judgements)
  }

  /// Coverage, diversity by factors and by genre, novelty and personalisation of `lists`.
  public func variety(_ lists: [[Int]]) -> VarietyScores {
    let meanOverViewers = { (measure: ([Int]) -> Double) in
      lists.isEmpty ? 0 : lists.reduce(0) { $0 + measure($1) } / Double(lists.count)
    }
    return VarietyScores(
      coverage: ListVariety.coverage(lists, candidateCount: itemCount),
      factorDiversity: meanOverViewers { ListVariety.diversity($0, distance: factorDistance) },
      genreDiversity: genres == nil
        ? nil : meanOverViewers { ListVariety.diversity($0) { genreDistance($0, $1)! } },
      novelty: meanOverViewers { ListVariety.novelty($0, selfInformation: selfInformation) },
      personalisation: ListVariety.personalisation(lists, k: k))
  }
}

/// Graded relevance per viewer: which titles count as relevant, and how much.
public enum Relevance {
  /// The held-out ratings at or above `threshold` t, graded g = r − t + 1 (so with t = 4 a
  /// 4-star title gains 1 and a 5-star title 2).
  public static func heldOut(_ test: [Rating], threshold: Double, userCount: Int)
    -> [[Int: Double]]
  {
    var gains = [[Int: Double]](repeating: [:], count: userCount)
    for rating in test where rating.value >= threshold {
      gains[rating.user][rating.item] = rating.value - threshold + 1
    }
    return gains
  }

  /// Every candidate whose true expected rating e is at least `threshold`, graded
  /// g = e − t + 1: relevance from a source that knows every cell, not only the held-out ones.
  public static func truth(
    _ evaluation: ListEvaluation, threshold: Double, expected: (_ user: Int, _ item: Int) -> Double
  ) -> [[Int: Double]] {
    (0..<evaluation.userCount).map { user in
      let mask = evaluation.candidateMask(of: user)
      var gains: [Int: Double] = [:]
      for item in 0..<evaluation.itemCount where mask[item] {
        let e = expected(user, item)
        if e >= threshold { gains[item] = e - threshold + 1 }
      }
      return gains
    }
  }
}

/// ``ListJudgement`` for every viewer with a relevant title, and their means.
public struct ListAccuracy: Sendable {
  /// The viewers judged, in order.
  public let viewers: [Int]
  public let judgements: [ListJudgement]

  /// One metric for every judged viewer, in ``viewers``' order.
  public func values(_ metric: KeyPath<ListJudgement, Double>) -> [Double] {
    judgements.map { $0[keyPath: metric] }
  }

  /// The metric's mean over the judged viewers; 0 when none was judged.
  public func mean(_ metric: KeyPath<ListJudgement, Double>) -> Double {
    judgements.isEmpty ? 0 : values(metric).reduce(0, +) / Double(judgements.count)
  }

  public var precision: Double { mean(\.precision) }
  public var recall: Double { mean(\.recall) }
  public var hitRate: Double { mean(\.hitRate) }
  /// MAP@K: AP@K averaged over viewers.
  public var meanAveragePrecision: Double { mean(\.averagePrecision) }
  public var ndcg: Double { mean(\.ndcg) }
}

/// ``ListVariety``'s measures of one set of lists.
public struct VarietyScores: Sendable, Equatable {
  public let coverage: Double
  /// Mean 1 − cos(qᵢ, qⱼ) within a list.
  public let factorDiversity: Double
  /// Mean share of a list's pairs in different genres; nil without genres.
  public let genreDiversity: Double?
  /// Mean self-information of the listed titles, in bits.
  public let novelty: Double
  public let personalisation: Double
}
