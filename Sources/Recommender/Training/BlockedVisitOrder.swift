/// The visit order of ``SGDTrainer/VisitOrder/blocked(strata:seed:)``: the ratings cut into a
/// p × p grid as DSGD cuts them (``BlockedRatings/stratum(_:strata:run:)``: ids dealt to the
/// strata in runs of neighbouring ids), the blocks taken sub-epoch by sub-epoch (block
/// (a, (a + s) mod p) for a = 0, 1, … in sub-epoch s), each block viewer by viewer, each
/// viewer's ratings in it shuffled once.
///
/// Why: in numpy's shuffled order every step reads a row of P and a row of Q from anywhere, and
/// once P and Q outgrow the processor's caches (MovieLens 25M: 89 MB in `Float` at k = 100)
/// each step waits for main memory twice. A block touches about I/p titles, whose rows of Q
/// stay in cache while it is trained, and reads each of its viewers' rows of P once for all of
/// that viewer's ratings in it. This is the layout LIBMF (Zhuang et al., RecSys 2013) and
/// chapter-at-scale's ``BlockedRatings`` train in; on one core it changes only where the
/// steps find their rows, not what a step computes.
enum BlockedVisitOrder {
  /// The positions of `ratings` in visiting order, and where each block starts among them: the
  /// block of visit rank s · p + a, (a, (a + s) mod p), at `blockStarts[s · p + a]` (p² + 1
  /// entries).
  ///
  /// - Complexity: O(n + U + p²) time for n ratings and U viewers (two counting sorts and one
  ///   shuffle per viewer and block), O(n + U) extra memory.
  static func positions(of ratings: [Rating], strata p: Int, seed: UInt32) -> (
    order: [UInt32], blockStarts: [Int]
  ) {
    precondition(p >= 1, "at least one stratum")
    let n = ratings.count
    guard n > 0 else { return ([], [Int](repeating: 0, count: p * p + 1)) }
    let users = ratings.reduce(0) { max($0, $1.user) } + 1
    let items = ratings.reduce(0) { max($0, $1.item) } + 1
    // The runs from the ids seen, where ``BlockedRatings`` takes the counts it is given: they
    // agree unless the highest ids go unrated and the count sits at a run length's threshold.
    let userRun = BlockedRatings.runLength(count: users, strata: p)
    let itemRun = BlockedRatings.runLength(count: items, strata: p)
    // Sub-epoch s = (b − a) mod p visits block (a, b) as its a-th block.
    func visitRank(_ rating: Rating) -> Int {
      let (a, b) = (
        BlockedRatings.stratum(rating.user, strata: p, run: userRun),
        BlockedRatings.stratum(rating.item, strata: p, run: itemRun)
      )
      return ((b - a + p) % p) * p + a
    }

    // 1. Positions by viewer, each viewer's in the order given (a counting sort).
    let byViewer = countingSort(0..<n, buckets: users) { ratings[$0].user }.sorted
    // 2. Into blocks in visiting order, each block keeping the viewer order of step 1.
    let ranks = ratings.map { Int32(visitRank($0)) }
    let (sorted, blockStarts) = countingSort(byViewer, buckets: p * p) { Int(ranks[Int($0)]) }
    var order = sorted
    // 3. Each viewer's run within a block shuffled, the blocks taken row by row as
    // ``BlockedRatings`` takes them, so one seed gives both the same order.
    var random = NumpyRandom(seed: seed)
    for a in 0..<p {
      for b in 0..<p {
        let rank = ((b - a + p) % p) * p + a
        var first = blockStarts[rank]
        while first < blockStarts[rank + 1] {
          let viewer = ratings[Int(order[first])].user
          var end = first + 1
          while end < blockStarts[rank + 1] && ratings[Int(order[end])].user == viewer {
            end += 1
          }
          random.shuffle(&order[first..<end])
          first = end
        }
      }
    }
    return (order, blockStarts)
  }

  /// `elements` grouped by `bucket(element)` in 0..<buckets, stable within a bucket, and where
  /// each bucket starts (buckets + 1 entries).
  private static func countingSort<Elements: Collection>(
    _ elements: Elements, buckets: Int, _ bucket: (Elements.Element) -> Int
  ) -> (sorted: [UInt32], starts: [Int]) where Elements.Element: BinaryInteger {
    var starts = [Int](repeating: 0, count: buckets + 1)
    for element in elements { starts[bucket(element) + 1] += 1 }
    for index in 0..<buckets { starts[index + 1] += starts[index] }
    var next = starts
    var sorted = [UInt32](repeating: 0, count: elements.count)
    for element in elements {
      let b = bucket(element)
      sorted[next[b]] = UInt32(element)
      next[b] += 1
    }
    return (sorted, starts)
  }
}
