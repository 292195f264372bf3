/// Training ratings cut into a p × p grid of blocks, the layout of distributed SGD (DSGD,
/// Gemulla et al., KDD 2011): viewers are dealt to p row strata and titles to p column strata,
/// and block (a, b) holds the ratings of row stratum a's viewers for column stratum b's titles.
/// The ids are dealt in runs of neighbouring ids (``stratum(_:strata:run:)``): with runs of 64,
/// viewers 0–63 to row stratum 0, 64–127 to row stratum 1, …, wrapping round after p runs;
/// titles likewise. The run is as long as the ids allow (``runLength(count:strata:)``).
///
/// Blocks (a, b) and (a′, b′) with a ≠ a′ and b ≠ b′ share no viewer and no title, so the p
/// blocks {(a, (a + s) mod p) : a < p} of sub-epoch s can be trained at the same time, on p
/// workers or p machines, without touching each other's rows of P and Q.
///
/// p may exceed the workers: each sub-epoch's p blocks are then shared out among them. On one
/// machine that is what makes the grid fast: a block of a fine grid touches few titles, so
/// their rows of Q stay in the processor's cache while it is trained
/// (``strata(items:factors:workers:)``), and with ``VisitOrder/viewerByViewer`` each viewer's
/// row of P is read from memory once per block rather than once per rating. (LIBMF, Zhuang et
/// al., RecSys 2013, cuts its ratings finer than its threads for the same reason.)
///
/// The probe ratings are kept aside for testing.
public struct BlockedRatings: Sendable {
  /// p, the strata on each side: p² blocks.
  public let strata: Int
  public let users: Int
  public let items: Int
  /// How many neighbouring viewer ids go to a row stratum at a time: ``runLength(count:strata:)``
  /// of the viewers.
  public let userRun: Int
  /// How many neighbouring title ids go to a column stratum at a time.
  public let itemRun: Int
  /// The training ratings, block (0, 0) first, then (0, 1), …, row by row.
  let ratings: [PackedRating]
  /// Where each block starts in `ratings`, p² + 1 entries.
  let blockStarts: [Int]
  /// The held-out ratings.
  public let probe: [PackedRating]
  /// μ, the mean training rating.
  public let meanStars: Double

  /// How SGD visits the ratings of a block; both are fixed once, from the seed.
  public enum VisitOrder: Sendable {
    /// Every rating of the block in one shuffle: a viewer's ratings are spread through it.
    case shuffled
    /// Viewer by viewer, in order of their index, each viewer's ratings in a shuffled order.
    case viewerByViewer
  }

  /// Sorts the training ratings into blocks (a counting sort) and orders each block.
  ///
  /// - Complexity: O(ratings + p²) time and one copy of the training ratings, plus
  ///   O(n log n) per block of n ratings for ``VisitOrder/viewerByViewer``.
  public init(
    _ all: [PackedRating], users: Int, items: Int, strata p: Int, order: VisitOrder = .shuffled,
    seed: UInt32
  ) {
    self.init(
      training: all.lazy.filter { !$0.isProbe }, probe: all.filter(\.isProbe), users: users,
      items: items, strata: p, order: order, seed: seed)
  }

  /// The same ratings in a p × p grid: a copy of the training ratings, not of the originals.
  public func regrouped(strata p: Int, order: VisitOrder, seed: UInt32) -> BlockedRatings {
    BlockedRatings(
      training: ratings, probe: probe, users: users, items: items, strata: p, order: order,
      seed: seed)
  }

  init<Training: Collection<PackedRating>>(
    training: Training, probe: [PackedRating], users: Int, items: Int, strata p: Int,
    order: VisitOrder, seed: UInt32
  ) {
    precondition(p >= 1, "at least one stratum")
    strata = p
    self.users = users
    self.items = items
    let runs = (
      user: Self.runLength(count: users, strata: p), item: Self.runLength(count: items, strata: p)
    )
    (userRun, itemRun) = runs
    func block(_ rating: PackedRating) -> Int {
      Self.stratum(Int(rating.user), strata: p, run: runs.user) * p
        + Self.stratum(Int(rating.item), strata: p, run: runs.item)
    }
    var counts = [Int](repeating: 0, count: p * p)
    var total = 0.0
    for rating in training {
      counts[block(rating)] += 1
      total += Double(rating.stars)
    }
    var starts = [0]
    for count in counts { starts.append(starts.last! + count) }
    var next = Array(starts.dropLast())
    var ratings = [PackedRating](
      repeating: PackedRating(user: 0, item: 0, stars: 0, isProbe: false), count: starts.last!)
    for rating in training {
      let b = block(rating)
      ratings[next[b]] = rating
      next[b] += 1
    }
    var random = NumpyRandom(seed: seed)
    for b in 0..<(p * p) where starts[b] < starts[b + 1] {
      switch order {
      case .shuffled:
        random.shuffle(&ratings[starts[b]..<starts[b + 1]])
      case .viewerByViewer:
        ratings[starts[b]..<starts[b + 1]].sort { $0.user < $1.user }
        var first = starts[b]
        while first < starts[b + 1] {
          var end = first + 1
          while end < starts[b + 1] && ratings[end].user == ratings[first].user { end += 1 }
          random.shuffle(&ratings[first..<end])
          first = end
        }
      }
    }
    self.ratings = ratings
    self.blockStarts = starts
    self.probe = probe
    self.meanStars = ratings.isEmpty ? 0 : total / Double(ratings.count)
  }

  /// The bytes of Q a block should touch at most: 2 MB, measured rather than derived.
  ///
  /// The grid trades Q against P. A finer grid keeps a block's rows of Q in a nearer cache, but
  /// every viewer's row of P is read once per block of its row, p times an epoch; at the Prize's
  /// full size, with P in main memory, that is what costs. On the 2-core machine this was
  /// tuned on (1 MiB of second-level cache a core, 32 MiB of third-level shared), a full-size
  /// epoch at k = 100 took about a tenth less time on an 8 × 8 grid (1.8 MB of Q a block) than
  /// on 30 × 30 (474 kB, the second-level cache's size), and MovieLens-25M-shaped data in
  /// `Float` trained a fifth faster on 8 × 8 than on 48 × 48 (docs/11-at-scale.md and
  /// docs/speed.md have the runs).
  public static let cacheBudget = 2_000_000

  /// The smallest grid whose blocks' rows of Q fit in ``cacheBudget``, rounded up to a
  /// multiple of the workers so each sub-epoch shares its blocks out evenly; at most 1,024.
  ///
  /// Block (a, b) touches the rows of about I/p titles, I k / p numbers of `bytesPerFactor`
  /// bytes. P is not counted: its rows are many more, and visited
  /// ``VisitOrder/viewerByViewer`` each is read once per block.
  public static func strata(items: Int, factors: Int, bytesPerFactor: Int = 8, workers: Int)
    -> Int
  {
    let bytes = items * factors * bytesPerFactor
    let fitting = max(1, (bytes + cacheBudget - 1) / cacheBudget)
    let even = (max(fitting, workers) + workers - 1) / workers * workers
    return min(even, max(workers, 1024 / workers * workers))
  }

  /// The stratum of viewer or title `id` in a p × p grid, ids dealt in runs of `run`:
  /// (id div run) mod p.
  ///
  /// Why runs and not id mod p: eight biases in `Double` fill a 64-byte cache line, and with
  /// id mod p every line of bᵢ held titles of every column stratum, so two workers training
  /// blocks of different columns wrote the same lines and passed them between their cores at
  /// nearly every step. With runs, two workers meet on a line only where one run ends and the
  /// next begins, and the rows of P or Q of neighbouring ids lie side by side for the one
  /// worker that trains them. Swift arrays need not start on a cache line, so a run of eight
  /// biases mostly straddles two lines, each shared with a neighbouring run; a run of 64 fills
  /// eight lines and shares at most the two at its ends.
  public static func stratum(_ id: Int, strata p: Int, run: Int) -> Int {
    id / run % p
  }

  /// The run ids of 0..<count are dealt to p strata in: the longest of 64, 8 and 1 that still
  /// gives every stratum at least eight runs, so that the strata differ by at most an eighth.
  ///
  /// The Prize's 17,770 titles on an 8 × 8 grid are dealt in runs of 64 (34 or 35 runs each);
  /// the tests' 96 viewers on 3 strata, one by one (eight runs of eight each would take 192).
  public static func runLength(count: Int, strata p: Int) -> Int {
    for run in [64, 8] where count >= 8 * run * p { return run }
    return 1
  }

  /// The most ids of 0..<count that any one of p strata holds, dealt in runs of `run`.
  public static func largestStratum(count: Int, strata p: Int, run: Int) -> Int {
    // Full rounds of p runs give every stratum `run` ids each; the rest fills runs from
    // stratum 0.
    let rounds = count / (run * p)
    let rest = count - rounds * run * p
    return rounds * run + min(rest, run)
  }

  /// Ratings trained on.
  public var trainingCount: Int { ratings.count }

  /// The ratings of block (a, b), in the order SGD visits them.
  public func block(row a: Int, column b: Int) -> ArraySlice<PackedRating> {
    ratings[blockStarts[a * strata + b]..<blockStarts[a * strata + b + 1]]
  }

  /// Calls `body` with the ratings of block (a, b) in visit order.
  func withBlock<Result>(
    row a: Int, column b: Int, _ body: (UnsafeBufferPointer<PackedRating>) -> Result
  ) -> Result {
    ratings.withUnsafeBufferPointer { all in
      body(
        UnsafeBufferPointer(
          rebasing: all[blockStarts[a * strata + b]..<blockStarts[a * strata + b + 1]]))
    }
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
