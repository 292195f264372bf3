/// Training ratings cut into a p × p grid of blocks, the layout of distributed SGD (DSGD,
/// Gemulla et al., KDD 2011): viewer u falls in row stratum u mod p, title i in column stratum
/// i mod p, and block (a, b) holds the ratings with u mod p = a and i mod p = b.
///
/// Blocks (a, b) and (a′, b′) with a ≠ a′ and b ≠ b′ share no viewer and no title, so the p
/// blocks {(a, (a + s) mod p) : a < p} of sub-epoch s can be trained at the same time, on p
/// workers or p machines, without touching each other's rows of P and Q.
///
/// Within a block the ratings are shuffled once, from the seed, so SGD does not visit a viewer's
/// ratings one after another. The probe ratings are kept aside for testing.
public struct BlockedRatings: Sendable {
  /// p, the strata on each side: p² blocks.
  public let strata: Int
  public let users: Int
  public let items: Int
  /// The training ratings, block (0, 0) first, then (0, 1), …, row by row.
  let ratings: [PackedRating]
  /// Where each block starts in `ratings`, p² + 1 entries.
  let blockStarts: [Int]
  /// The held-out ratings.
  public let probe: [PackedRating]
  /// μ, the mean training rating.
  public let meanStars: Double

  /// Sorts the training ratings into blocks (a counting sort) and shuffles each block.
  ///
  /// - Complexity: O(ratings + p²) time and one copy of the training ratings.
  public init(_ all: [PackedRating], users: Int, items: Int, strata p: Int, seed: UInt32) {
    self.init(
      training: all.lazy.filter { !$0.isProbe }, probe: all.filter(\.isProbe), users: users,
      items: items, strata: p, seed: seed)
  }

  /// The same ratings in a p × p grid: a copy of the training ratings, not of the originals.
  public func regrouped(strata p: Int, seed: UInt32) -> BlockedRatings {
    BlockedRatings(
      training: ratings, probe: probe, users: users, items: items, strata: p, seed: seed)
  }

  init<Training: Collection<PackedRating>>(
    training: Training, probe: [PackedRating], users: Int, items: Int, strata p: Int,
    seed: UInt32
  ) {
    precondition(p >= 1, "at least one stratum")
    strata = p
    self.users = users
    self.items = items
    var counts = [Int](repeating: 0, count: p * p)
    var total = 0.0
    for rating in training {
      counts[Self.block(rating, p)] += 1
      total += Double(rating.stars)
    }
    var starts = [0]
    for count in counts { starts.append(starts.last! + count) }
    var next = Array(starts.dropLast())
    var ratings = [PackedRating](
      repeating: PackedRating(user: 0, item: 0, stars: 0, isProbe: false), count: starts.last!)
    for rating in training {
      let b = Self.block(rating, p)
      ratings[next[b]] = rating
      next[b] += 1
    }
    for b in 0..<(p * p) {
      var random = NumpyRandom(seed: seed ^ UInt32(truncatingIfNeeded: (b + 1) &* 2_654_435_761))
      var index = starts[b + 1] - 1
      while index > starts[b] {
        let other = starts[b] + random.nextInt(through: index - starts[b])
        ratings.swapAt(index, other)
        index -= 1
      }
    }
    self.ratings = ratings
    self.blockStarts = starts
    self.probe = probe
    self.meanStars = ratings.isEmpty ? 0 : total / Double(ratings.count)
  }

  static func block(_ rating: PackedRating, _ p: Int) -> Int {
    (Int(rating.user) % p) * p + Int(rating.item) % p
  }

  /// Ratings trained on.
  public var trainingCount: Int { ratings.count }

  /// The ratings of block (a, b), in the order SGD visits them.
  public func block(row a: Int, column b: Int) -> ArraySlice<PackedRating> {
    ratings[blockStarts[a * strata + b]..<blockStarts[a * strata + b + 1]]
  }

  /// Every training rating as a ``Rating``, in DSGD's order: sub-epoch s = 0, 1, …, and within
  /// it blocks (0, s), (1, 1 + s), … one after another. The blocks of a sub-epoch share no
  /// parameter, so training them one by one in this order gives exactly what p workers give.
  public var visitOrder: [Rating] {
    (0..<strata).flatMap { s in
      (0..<strata).flatMap { a in
        block(row: a, column: (a + s) % strata).map {
          Rating(user: Int($0.user), item: Int($0.item), value: Double($0.stars))
        }
      }
    }
  }
}
