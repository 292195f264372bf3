/// P, Q and the biases as raw pointers, as a pass writes them: no bounds checks and no
/// copy-on-write checks in the inner loop. `Double` for ``SGDSweep``, `Float` for
/// ``SingleSGDSweep``.
struct SweepParameters<Scalar> {
  let userFactors: UnsafeMutablePointer<Scalar>
  let itemFactors: UnsafeMutablePointer<Scalar>
  let userBiases: UnsafeMutablePointer<Scalar>
  let itemBiases: UnsafeMutablePointer<Scalar>
  /// k, the length of each row of P and Q.
  let factorCount: Int

  /// pᵤ, row `user` of P.
  func userRow(_ user: Int32) -> UnsafeMutablePointer<Scalar> {
    userFactors + Int(user) * factorCount
  }

  /// pᵤ, row `user` of P.
  func userRow(_ user: Int) -> UnsafeMutablePointer<Scalar> {
    userFactors + user * factorCount
  }

  /// qᵢ, row `item` of Q.
  func itemRow(_ item: Int) -> UnsafeMutablePointer<Scalar> {
    itemFactors + item * factorCount
  }

  /// qᵢ, row `item` of Q.
  func itemRow(_ item: Int32) -> UnsafeMutablePointer<Scalar> {
    itemFactors + Int(item) * factorCount
  }
}

extension SGDSweep {
  typealias Parameters = SweepParameters<Double>
}

extension MatrixFactorization {
  /// Calls `body` with pointers to P, Q and the biases, for the trainer's inner loop.
  ///
  /// The arrays are moved out of the model for the call and back afterwards, so writing through
  /// the pointers never triggers a copy.
  mutating func withParameterPointers<Result>(_ body: (SGDSweep.Parameters) -> Result) -> Result {
    var pStorage: [Double] = []
    var qStorage: [Double] = []
    var userBiasStorage: [Double] = []
    var itemBiasStorage: [Double] = []
    swap(&pStorage, &P.storage)
    swap(&qStorage, &Q.storage)
    swap(&userBiasStorage, &userBiases)
    swap(&itemBiasStorage, &itemBiases)
    defer {
      swap(&pStorage, &P.storage)
      swap(&qStorage, &Q.storage)
      swap(&userBiasStorage, &userBiases)
      swap(&itemBiasStorage, &itemBiases)
    }
    let k = factorCount
    return pStorage.withUnsafeMutableBufferPointer { p in
      qStorage.withUnsafeMutableBufferPointer { q in
        userBiasStorage.withUnsafeMutableBufferPointer { bUser in
          itemBiasStorage.withUnsafeMutableBufferPointer { bItem in
            body(
              SGDSweep.Parameters(
                userFactors: p.baseAddress!, itemFactors: q.baseAddress!,
                userBiases: bUser.baseAddress!, itemBiases: bItem.baseAddress!, factorCount: k))
          }
        }
      }
    }
  }
}
