import Dispatch

/// One pass of ``SGDTrainer`` over ratings stored in a blocked visit order
/// (``SGDTrainer/VisitOrder/blocked(strata:seed:workers:)``), block by block, on one worker or
/// several at once, DSGD's way.
///
/// The ratings are stored sub-epoch by sub-epoch, block (a, (a + s) mod p) at visit rank
/// s · p + a. ``BlockSchedule`` hands the blocks out so that two blocks trained at once share
/// no viewer and no title, and every row of P and Q sees its blocks in visit order: the model
/// comes out the same bits on any number of workers. The errors are summed block by block and
/// the block sums added in visit order, so they too do not depend on the workers.
struct BlockedPass: Sendable {
  /// p, the strata on each side.
  let strata: Int
  /// Where the block of visit rank s · p + a starts among the stored ratings; p² + 1 entries.
  let blockStarts: [Int]
  /// How many threads train blocks at once; at most p are ever busy.
  let workers: Int

  /// Runs `sweep` over every block of `ratings`, `workers` blocks at a time.
  ///
  /// - Complexity: O(ratings × k) work over the workers, two lock operations a block.
  func run<Rating, Scalar>(
    _ ratings: UnsafeBufferPointer<Rating>, _ parameters: SweepParameters<Scalar>,
    _ sweep: @Sendable (UnsafeBufferPointer<Rating>, SweepParameters<Scalar>) -> SweepErrors
  ) -> SweepErrors {
    let p = strata
    let blockCount = p * p
    precondition(blockStarts.count == blockCount + 1 && blockStarts.last == ratings.count)
    var blockErrors = [SweepErrors](repeating: SweepErrors(), count: blockCount)
    let busy = min(workers, p)
    blockErrors.withUnsafeMutableBufferPointer { blockErrors in
      guard busy > 1, let base = ratings.baseAddress else {
        for rank in 0..<blockCount {
          blockErrors[rank] = sweep(block(rank, of: ratings), parameters)
        }
        return
      }
      // Shared safely: the schedule starts a block only once the blocks before it in its row and
      // in its column are trained, so blocks trained at once write disjoint rows of P, Q and the
      // biases, and each block's error sum has a slot of its own.
      let stored = SharedBuffer(UnsafeMutablePointer(mutating: base))
      let count = ratings.count
      let errors = SharedBuffer(blockErrors.baseAddress!)
      let pointers = ParameterPointers(shared: parameters)
      let schedule = BlockSchedule(strata: p)
      DispatchQueue.concurrentPerform(iterations: busy) { _ in
        let ratings = UnsafeBufferPointer(start: stored.pointer, count: count)
        while let (a, s) = schedule.claim() {
          let rank = s * p + a
          errors.pointer[rank] = sweep(block(rank, of: ratings), pointers.shared)
          schedule.finish(row: a, subEpoch: s)
        }
      }
    }
    return blockErrors.reduce(into: SweepErrors()) { total, block in
      total.absoluteSum += block.absoluteSum
      total.squareSum += block.squareSum
    }
  }

  /// The ratings of the block at visit rank `rank`.
  private func block<Rating>(_ rank: Int, of ratings: UnsafeBufferPointer<Rating>)
    -> UnsafeBufferPointer<Rating>
  {
    UnsafeBufferPointer(rebasing: ratings[blockStarts[rank]..<blockStarts[rank + 1]])
  }
}
