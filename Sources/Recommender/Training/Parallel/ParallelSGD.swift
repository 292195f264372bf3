import Dispatch
import Foundation

/// SGD spread over workers, in the two standard ways, with the step of
/// ``MatrixFactorization/sgdStep(user:item:rating:settings:)`` computed through pointers.
///
/// - DSGD (Gemulla et al. 2011): p sub-epochs per epoch; in sub-epoch s the p blocks
///   (a, (a + s) mod p) of ``BlockedRatings`` are trained, each by whichever worker is free
///   next, and a block of the next sub-epoch starts as soon as the blocks before it in its row
///   and its column are done (``BlockSchedule``). No two blocks trained at once touch the same
///   row of P or Q, so the parameters need no locks and there are no races, and the result
///   does not depend on which worker trains which block: it equals one worker visiting
///   ``BlockedRatings/visitOrder``.
/// - Hogwild! (Niu et al. 2011): w workers each take a share of the ratings and update P and Q
///   with no locks at all. Two workers sometimes update the same title's row at once and one
///   update is lost or mixed; with sparse data that is rare, and SGD shrugs it off. The result
///   differs from run to run.
public enum ParallelSGD {
  /// One DSGD epoch with `ratings.strata` workers.
  ///
  /// - Complexity: O(ratings × k) work, spread over p workers, with two synchronisations a
  ///   block.
  public static func dsgdEpoch(
    _ model: inout MatrixFactorization, _ ratings: BlockedRatings, workers: Int? = nil,
    settings: SGDTrainer.Settings
  ) {
    let p = ratings.strata
    let workers = min(workers ?? p, p)
    let sweep = SGDSweep(model, settings)
    model.withParallelPointers { parameters in
      // snippet: dsgd-epoch
      // Shared safely: a block starts only once the blocks before it in its row and in its
      // column are trained, so blocks trained at the same time share no viewer and no title,
      // and each worker writes rows of P, Q and biases that no other worker reads or writes.
      // A worker takes the next such block as soon as it finishes one, even one of the next
      // sub-epoch, rather than waiting for the whole sub-epoch to end.
      let schedule = BlockSchedule(strata: p)
      DispatchQueue.concurrentPerform(iterations: workers) { _ in
        while let (a, s) = schedule.claim() {
          ratings.withBlock(row: a, column: (a + s) % p) { block in
            _ = sweep.run(inOrder: block, parameters.shared)
          }
          schedule.finish(row: a, subEpoch: s)
        }
      }
      // end snippet
    }
  }

  /// One Hogwild! epoch: the ratings in ``BlockedRatings/visitOrder`` cut into `workers`
  /// contiguous shares, trained at the same time with no locks.
  ///
  /// - Complexity: O(ratings × k) work over `workers` threads, one synchronisation.
  public static func hogwildEpoch(
    _ model: inout MatrixFactorization, _ ratings: BlockedRatings, workers: Int,
    settings: SGDTrainer.Settings
  ) {
    let total = ratings.trainingCount
    let sweep = SGDSweep(model, settings)
    model.withParallelPointers { parameters in
      // Races by design: two workers may update the same title's qᵢ and bᵢ at once, and one of
      // the two writes wins. That is Hogwild!'s bet (a rare lost update costs less than a lock
      // on every step); the chapter measures what it costs in accuracy.
      DispatchQueue.concurrentPerform(iterations: workers) { w in
        let range = (total * w / workers)..<(total * (w + 1) / workers)
        ratings.ratings.withUnsafeBufferPointer { all in
          _ = sweep.run(inOrder: UnsafeBufferPointer(rebasing: all[range]), parameters.shared)
        }
      }
    }
  }

  /// RMSE of the model's predictions on `ratings`: √(Σ (r − r̂)² / n).
  public static func rmse(_ model: MatrixFactorization, on ratings: [PackedRating]) -> Double {
    guard !ratings.isEmpty else { return 0 }
    var sum = 0.0
    for rating in ratings {
      let e = Double(rating.stars) - model.predict(user: Int(rating.user), item: Int(rating.item))
      sum += e * e
    }
    return (sum / Double(ratings.count)).squareRoot()
  }
}

/// Hands out an epoch's p × p blocks, each once, to whichever worker asks next, a block only
/// once it may start: block (a, s), row stratum a of sub-epoch s, after (a, s − 1), the block
/// before it in its row of P, and (a + 1, s − 1), the block before it in its column of Q (its
/// column is (a + s) mod p). So every row and every column sees its blocks in sub-epoch order,
/// as one worker visiting them sub-epoch by sub-epoch would, and two blocks trained at the same
/// time never share a row or a column: the result is the same bits whichever worker trains
/// which block and when. Among the blocks free to start, the earliest sub-epoch goes first.
final class BlockSchedule: @unchecked Sendable {
  private let p: Int
  /// For block s · p + a, how many of the blocks it waits for are not yet trained.
  private var waitingFor: [Int]
  /// Blocks free to start, as s · p + a.
  private var free: [Int]
  private var unclaimed: Int
  // A lock and a condition rather than atomics, for every platform Package.swift supports; they
  // are taken twice a block, against millions of SGD steps.
  private let condition = NSCondition()

  init(strata p: Int) {
    self.p = p
    waitingFor = (0..<(p * p)).map { block in
      block < p ? 0 : Set(Self.predecessors(row: block % p, subEpoch: block / p, p)).count
    }
    free = Array(0..<p)
    unclaimed = p * p
  }

  /// The blocks block (a, s) waits for: the ones before it in its row and in its column.
  private static func predecessors(row a: Int, subEpoch s: Int, _ p: Int) -> [Int] {
    s == 0 ? [] : [(s - 1) * p + a, (s - 1) * p + (a + 1) % p]
  }

  /// The blocks that wait for block (a, s): the ones after it in its row and in its column.
  private func successors(row a: Int, subEpoch s: Int) -> Set<Int> {
    s + 1 == p ? [] : [(s + 1) * p + a, (s + 1) * p + (a + p - 1) % p]
  }

  /// The next block free to start, waiting while the others are being trained; `nil` once
  /// every block has been handed out.
  func claim() -> (row: Int, subEpoch: Int)? {
    condition.lock()
    defer { condition.unlock() }
    while free.isEmpty && unclaimed > 0 { condition.wait() }
    return takeFree()
  }

  /// The next block free to start, or `nil` if none is free now (for the tests, which play
  /// the workers one step at a time).
  func claimIfFree() -> (row: Int, subEpoch: Int)? {
    condition.lock()
    defer { condition.unlock() }
    return takeFree()
  }

  /// Hands out the free block of the earliest sub-epoch (then the lowest row). Lock held.
  private func takeFree() -> (row: Int, subEpoch: Int)? {
    guard let first = free.indices.min(by: { free[$0] < free[$1] }) else { return nil }
    let block = free.remove(at: first)
    unclaimed -= 1
    if unclaimed == 0 { condition.broadcast() }
    return (block % p, block / p)
  }

  /// Records that block (a, s) is trained, freeing the blocks that waited only for it.
  func finish(row a: Int, subEpoch s: Int) {
    condition.lock()
    defer { condition.unlock() }
    for block in successors(row: a, subEpoch: s) {
      waitingFor[block] -= 1
      if waitingFor[block] == 0 { free.append(block) }
    }
    condition.broadcast()
  }
}

/// The model's parameters as base addresses, for the parallel loops, in double precision
/// (``SGDSweep``) or single (``SingleSGDSweep``). `@unchecked Sendable`: safe only as each
/// caller arranges (DSGD: disjoint rows; Hogwild!: races accepted).
struct ParameterPointers<Scalar>: @unchecked Sendable {
  let shared: SweepParameters<Scalar>
  var P: UnsafeMutablePointer<Scalar> { shared.userFactors }
  var Q: UnsafeMutablePointer<Scalar> { shared.itemFactors }
  var userBiases: UnsafeMutablePointer<Scalar> { shared.userBiases }
  var itemBiases: UnsafeMutablePointer<Scalar> { shared.itemBiases }
}

extension SGDSweep {
  /// The sweep ``SGDTrainer`` runs for `model` with `settings`, in double precision.
  init(_ model: MatrixFactorization, _ settings: SGDTrainer.Settings) {
    self.init(
      learningRate: settings.learningRate, biasLearningRate: settings.biasLearningRate,
      regularization: settings.regularization, globalMean: model.globalMean,
      learnsBiases: model.usesBiases,
      updatesSequentially: settings.factorUpdate == .blogSequential)
  }
}

extension MatrixFactorization {
  /// Calls `body` with pointers to P, Q and the biases, which it may write through: the
  /// trainer's own pointers (``withParameterPointers(_:)``).
  mutating func withParallelPointers<Result>(
    _ body: (ParameterPointers<Double>) -> Result
  ) -> Result {
    withParameterPointers { body(ParameterPointers(shared: $0)) }
  }
}
