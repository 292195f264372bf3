/// The implicit-feedback protocol of He et al. (2017): every viewer with at least two chosen
/// titles has one of them held out; the model ranks it among `negatives` titles the viewer never
/// chose, and the list's top K is judged:
///
///     rank  = the number of negatives scored at least as high as the held-out title
///     HR@K  = 1 if rank < K, else 0
///     NDCG@K = 1 / log₂(rank + 2) if rank < K, else 0
///
/// averaged over viewers. A tie counts against the model, so a model that scores everything
/// alike is not rewarded. With n negatives, scoring at random gives HR@K = min(K, n + 1)/(n + 1).
public struct LeaveOneOut: Sendable {
  public let userCount: Int
  public let itemCount: Int
  /// The chosen titles left to learn from (target 1).
  public let training: [Rating]
  /// One held-out title per evaluated viewer.
  public let heldOut: [Rating]
  /// The titles each held-out one is ranked against, ascending.
  public let negatives: [[Int]]
  /// Per viewer, whether each title is among the training choices.
  private let chosen: [Set<Int>]

  /// Splits `positives` (one entry per viewer and chosen title) as the protocol says.
  ///
  /// - Parameters:
  ///   - negatives: titles sampled per held-out one among those the viewer never chose; all of
  ///     them when the viewer has fewer.
  ///   - seed: picks the held-out title and the negatives.
  /// - Complexity: O(positives + viewers × items).
  public init(positives: [Rating], userCount: Int, itemCount: Int, negatives: Int, seed: UInt32) {
    var random = NumpyRandom(seed: seed)
    var byUser = [[Int]](repeating: [], count: userCount)
    for rating in positives { byUser[rating.user].append(rating.item) }
    var training: [Rating] = []
    var heldOut: [Rating] = []
    var sampled: [[Int]] = []
    var chosen = [Set<Int>](repeating: [], count: userCount)
    for user in 0..<userCount {
      let items = Array(Set(byUser[user])).sorted()
      var isPositive = [Bool](repeating: false, count: itemCount)
      for item in items { isPositive[item] = true }
      var kept = items
      if items.count >= 2 {
        let held = kept.remove(at: random.nextInt(through: items.count - 1))
        heldOut.append(Rating(user: user, item: held, value: 1))
        var pool = (0..<itemCount).filter { !isPositive[$0] }
        if pool.count > negatives {
          random.shuffle(&pool)
          pool = Array(pool.prefix(negatives)).sorted()
        }
        sampled.append(pool)
      }
      for item in kept {
        training.append(Rating(user: user, item: item, value: 1))
        chosen[user].insert(item)
      }
    }
    self.userCount = userCount
    self.itemCount = itemCount
    self.training = training
    self.heldOut = heldOut
    self.negatives = sampled
    self.chosen = chosen
  }

  /// Each training choice (target 1) with `ratio` titles the viewer did not choose in training
  /// (target 0), drawn uniformly with replacement; a viewer who chose every title gets none.
  public func examples(ratio: Int, random: inout NumpyRandom) -> [TrainingExample] {
    var examples: [TrainingExample] = []
    examples.reserveCapacity(training.count * (ratio + 1))
    for rating in training {
      examples.append(TrainingExample(user: rating.user, item: rating.item, target: 1))
      guard chosen[rating.user].count < itemCount else { continue }
      for _ in 0..<ratio {
        var item = random.nextInt(through: itemCount - 1)
        while chosen[rating.user].contains(item) { item = random.nextInt(through: itemCount - 1) }
        examples.append(TrainingExample(user: rating.user, item: item, target: 0))
      }
    }
    return examples
  }

  /// HR@K and NDCG@K averaged over the held-out titles.
  public struct Score: Sendable, Equatable {
    public let hitRate: Double
    public let ndcg: Double
  }

  /// Position of each held-out title among its candidates (0 = first).
  public func ranks(score: (_ user: Int, _ item: Int) -> Double) -> [Int] {
    zip(heldOut, negatives).map { held, negatives in
      let target = score(held.user, held.item)
      var rank = 0
      for negative in negatives where score(held.user, negative) >= target { rank += 1 }
      return rank
    }
  }

  public func evaluate(k: Int, score: (_ user: Int, _ item: Int) -> Double) -> Score {
    Self.score(ranks: ranks(score: score), k: k)
  }

  /// HR@K and NDCG@K from ranks.
  public static func score(ranks: [Int], k: Int) -> Score {
    let count = Double(max(ranks.count, 1))
    let hits = ranks.filter { $0 < k }
    return Score(
      hitRate: Double(hits.count) / count,
      ndcg: hits.reduce(0) { $0 + 1 / ListJudgement.discount(rank: $1 + 1) } / count)
  }

  /// The HR@K that scoring at random would give on average.
  public func chanceHitRate(k: Int) -> Double {
    let shares = negatives.map { Double(min(k, $0.count + 1)) / Double($0.count + 1) }
    return shares.reduce(0, +) / Double(max(shares.count, 1))
  }

  /// How many training choices each title has: the popularity baseline's score.
  public var popularity: [Int] {
    var counts = [Int](repeating: 0, count: itemCount)
    for rating in training { counts[rating.item] += 1 }
    return counts
  }
}
