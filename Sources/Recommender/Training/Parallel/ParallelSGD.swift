import Dispatch
import Foundation

/// SGD spread over workers, in the two standard ways, with the step of
/// ``MatrixFactorization/sgdStep(user:item:rating:settings:)`` computed through pointers.
///
/// - DSGD (Gemulla et al. 2011): p sub-epochs per epoch; in sub-epoch s the p blocks
///   (a, (a + s) mod p) of ``BlockedRatings`` are trained, each by whichever worker is free
///   next. No two of them touch the same row of P or Q, so the parameters need no locks and
///   there are no races, and the result does not depend on which worker trains which block:
///   it equals one worker visiting ``BlockedRatings/visitOrder``.
/// - Hogwild! (Niu et al. 2011): w workers each take a share of the ratings and update P and Q
///   with no locks at all. Two workers sometimes update the same title's row at once and one
///   update is lost or mixed; with sparse data that is rare, and SGD shrugs it off. The result
///   differs from run to run.
public enum ParallelSGD {
  /// One DSGD epoch with `ratings.strata` workers.
  ///
  /// - Complexity: O(ratings × k) work, spread over p workers, with p synchronisations.
  public static func dsgdEpoch(
    _ model: inout MatrixFactorization, _ ratings: BlockedRatings, workers: Int? = nil,
    settings: SGDTrainer.Settings
  ) {
    let p = ratings.strata
    let workers = min(workers ?? p, p)
    let sweep = SGDSweep(model, settings)
    model.withParallelPointers { parameters in
      // snippet: dsgd-epoch
      for s in 0..<p {
        // Shared safely: the p blocks of a sub-epoch share no viewer and no title, so each
        // worker writes rows of P, Q and biases that no other worker reads or writes.
        // Each worker takes the next untrained block until none is left, so a worker slowed
        // by something else on the machine trains fewer blocks instead of holding up the rest.
        let nextBlock = BlockCounter(count: p)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
          while let a = nextBlock.claim() {
            ratings.withBlock(row: a, column: (a + s) % p) { block in
              _ = sweep.run(inOrder: block, parameters.shared)
            }
          }
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

/// Hands out 0, 1, …, count − 1, each once, to whichever worker asks next.
final class BlockCounter: @unchecked Sendable {
  private let count: Int
  private var next = 0
  // A lock rather than an atomic, for every platform Package.swift supports; it is taken
  // p + workers times a sub-epoch, against millions of SGD steps.
  private let lock = NSLock()

  init(count: Int) { self.count = count }

  /// The next block not yet claimed, or `nil` once every block has been.
  func claim() -> Int? {
    lock.lock()
    defer { lock.unlock() }
    guard next < count else { return nil }
    next += 1
    return next - 1
  }
}

/// The model's parameters as base addresses, for the parallel loops. `@unchecked Sendable`:
/// safe only as each caller arranges (DSGD: disjoint rows; Hogwild!: races accepted).
struct ParameterPointers: @unchecked Sendable {
  let shared: SGDSweep.Parameters
  var P: UnsafeMutablePointer<Double> { shared.userFactors }
  var Q: UnsafeMutablePointer<Double> { shared.itemFactors }
  var userBiases: UnsafeMutablePointer<Double> { shared.userBiases }
  var itemBiases: UnsafeMutablePointer<Double> { shared.itemBiases }
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
  mutating func withParallelPointers<Result>(_ body: (ParameterPointers) -> Result) -> Result {
    withParameterPointers { body(ParameterPointers(shared: $0)) }
  }
}
