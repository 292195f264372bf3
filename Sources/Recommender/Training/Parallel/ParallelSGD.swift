import Dispatch

/// SGD spread over workers, in the two standard ways, with the step of
/// ``MatrixFactorization/sgdStep(user:item:rating:settings:)`` computed through pointers.
///
/// - DSGD (Gemulla et al. 2011): p workers, p sub-epochs per epoch; in sub-epoch s worker a
///   trains block (a, (a + s) mod p) of ``BlockedRatings``. No two workers touch the same row
///   of P or Q, so there are no locks and no races, and the result does not depend on which
///   worker runs first: it equals one worker visiting ``BlockedRatings/visitOrder``.
/// - Hogwild! (Niu et al. 2011): w workers each take a share of the ratings and update P and Q
///   with no locks at all. Two workers sometimes update the same title's row at once and one
///   update is lost or mixed; with sparse data that is rare, and SGD shrugs it off. The result
///   differs from run to run.
public enum ParallelSGD {
  /// One DSGD epoch with `ratings.strata` workers.
  ///
  /// - Complexity: O(ratings × k) work, spread over p workers, with p synchronisations.
  public static func dsgdEpoch(
    _ model: inout MatrixFactorization, _ ratings: BlockedRatings,
    settings: SGDTrainer.Settings
  ) {
    let p = ratings.strata
    model.withParallelPointers { parameters in
      // snippet: dsgd-epoch
      for s in 0..<p {
        // Shared safely: the p blocks of a sub-epoch share no viewer and no title, so each
        // worker writes rows of P, Q and biases that no other worker reads or writes.
        DispatchQueue.concurrentPerform(iterations: p) { a in
          for rating in ratings.block(row: a, column: (a + s) % p) {
            parameters.step(rating, settings)
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
    model.withParallelPointers { parameters in
      // Races by design: two workers may update the same title's qᵢ and bᵢ at once, and one of
      // the two writes wins. That is Hogwild!'s bet (a rare lost update costs less than a lock
      // on every step); the chapter measures what it costs in accuracy.
      DispatchQueue.concurrentPerform(iterations: workers) { w in
        let range = (total * w / workers)..<(total * (w + 1) / workers)
        ratings.ratings.withUnsafeBufferPointer { all in
          for index in range { parameters.step(all[index], settings) }
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

/// The model's parameters as base addresses, for the parallel loops. `@unchecked Sendable`:
/// safe only as each caller arranges (DSGD: disjoint rows; Hogwild!: races accepted).
struct ParameterPointers: @unchecked Sendable {
  let P: UnsafeMutablePointer<Double>
  let Q: UnsafeMutablePointer<Double>
  let userBiases: UnsafeMutablePointer<Double>
  let itemBiases: UnsafeMutablePointer<Double>
  let k: Int
  let globalMean: Double
  let usesBiases: Bool

  /// ``MatrixFactorization/sgdStep(user:item:rating:settings:)`` on one packed rating, the
  /// same arithmetic in the same order, so its results agree to the last bit.
  @inline(__always)
  func step(_ rating: PackedRating, _ settings: SGDTrainer.Settings) {
    let (γ, γ_b, λ) = (settings.learningRate, settings.biasLearningRate, settings.regularization)
    let (u, i) = (Int(rating.user), Int(rating.item))
    let (pᵤ, qᵢ) = (P + u * k, Q + i * k)
    let dot = dotProduct(pᵤ, qᵢ, count: k)
    let prediction = usesBiases ? globalMean + userBiases[u] + itemBiases[i] + dot : dot
    let e = Double(rating.stars) - prediction
    if usesBiases {
      userBiases[u] += γ_b * (e - λ * userBiases[u])
      itemBiases[i] += γ_b * (e - λ * itemBiases[i])
    }
    let sequential = settings.factorUpdate == .blogSequential
    for f in 0..<k {
      let (p, q) = (pᵤ[f], qᵢ[f])
      pᵤ[f] = λ == 0 ? p + (γ * e) * q : p + γ * (e * q - λ * p)
      let pNow = sequential ? pᵤ[f] : p
      qᵢ[f] = λ == 0 ? q + (γ * e) * pNow : q + γ * (e * pNow - λ * q)
    }
  }
}

extension MatrixFactorization {
  /// Calls `body` with pointers to P, Q and the biases, which it may write through: the
  /// trainer's own pointers (``withParameterPointers(_:)``), with μ and the bias choice beside.
  mutating func withParallelPointers<Result>(_ body: (ParameterPointers) -> Result) -> Result {
    let (mean, biases) = (globalMean, usesBiases)
    return withParameterPointers { parameters in
      body(
        ParameterPointers(
          P: parameters.userFactors, Q: parameters.itemFactors,
          userBiases: parameters.userBiases, itemBiases: parameters.itemBiases,
          k: parameters.factorCount, globalMean: mean, usesBiases: biases))
    }
  }
}
