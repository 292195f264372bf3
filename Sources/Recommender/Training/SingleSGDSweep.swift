/// The trainer's inner loop in single precision: the step
/// ``MatrixFactorization/sgdStep(user:item:rating:settings:)`` defines, on `Float` copies of P,
/// Q and the biases, for ``SGDTrainer/Precision/single``.
///
/// Why a second loop: on real data a step is memory traffic and multiply-adds over two rows of
/// k numbers. `Float` halves the bytes of every row (more of P and Q stays in cache) and doubles
/// the numbers one vector instruction holds (eight lanes here, `SIMD8<Float>`), where the
/// double loop has four. Production libraries train in `Float` for the same reasons. Ratings
/// are whole or half stars, and a `Float` holds them exactly; the error of a prediction, about
/// one star, needs no more than `Float`'s seven digits. What changes is rounding, step after
/// step: the model ends close to the double one, not equal to it, which is why the blog's
/// listings, whose digits the chapters reproduce, never take this path. The tests hold it to
/// the definition within single-precision rounding and to the same test RMSE.
///
/// The factor step is computed as (1 − γλ) pᵤ + (γ eᵤᵢ) qᵢ (likewise qᵢ), the rearrangement the
/// double loop uses for λ > 0, and like that loop it computes the next rating's p · q while it
/// updates this rating's rows, so the processor fetches them meanwhile.
struct SingleSGDSweep {
  let learningRate: Float
  let biasLearningRate: Float
  let regularization: Float
  let globalMean: Float
  let learnsBiases: Bool
  let updatesSequentially: Bool

  /// P, Q and the biases in single precision, as raw pointers.
  typealias Parameters = SweepParameters<Float>

  /// Runs one SGD step per rating, front to back: the ratings are stored in visit order.
  ///
  /// - Returns: Σ |eᵤᵢ| and Σ eᵤᵢ², each error taken just before its update, summed in double.
  /// - Complexity: O(ratings × k).
  func run(
    inOrder ratings: UnsafeBufferPointer<CompactTrainingRating>, _ parameters: Parameters
  ) -> SweepErrors {
    guard !ratings.isEmpty else { return SweepErrors() }
    // One specialisation per combination, the choices folded away as in the double loop.
    switch (learnsBiases, updatesSequentially) {
    case (false, false): return pass(ratings, parameters, No.self, No.self)
    case (false, true): return pass(ratings, parameters, No.self, Yes.self)
    case (true, false): return pass(ratings, parameters, Yes.self, No.self)
    case (true, true): return pass(ratings, parameters, Yes.self, Yes.self)
    }
  }

  private func pass<Biases: Choice, Sequential: Choice>(
    _ ratings: UnsafeBufferPointer<CompactTrainingRating>, _ parameters: Parameters,
    _ biases: Biases.Type, _ sequential: Sequential.Type
  ) -> SweepErrors {
    let k = parameters.factorCount
    let bUser = parameters.userBiases
    let bItem = parameters.itemBiases
    let (γ, γ_b, λ, μ) = (learningRate, biasLearningRate, regularization, globalMean)
    let shrink = 1 - γ * λ
    var errors = SweepErrors()
    var dot = Self.dot(parameters.userRow(ratings[0].user), parameters.itemRow(ratings[0].item), k)
    for index in ratings.indices {
      let rating = ratings[index]
      let user = Int(rating.user)
      let item = Int(rating.item)

      // 1. error
      var prediction = dot
      if Biases.isOn { prediction += μ + bUser[user] + bItem[item] }
      let e = rating.value - prediction
      errors.add(Double(e))

      // 2. biases
      if Biases.isOn {
        bUser[user] += γ_b * (e - λ * bUser[user])
        bItem[item] += γ_b * (e - λ * bItem[item])
      }

      // 3. factors, and the next rating's p · q
      let p = parameters.userRow(rating.user)
      let q = parameters.itemRow(rating.item)
      let step = FactorStep(shrink: shrink, scaledError: γ * e, sequential: Sequential.isOn)
      guard index + 1 < ratings.count else {
        step.apply(p, q, k)
        break
      }
      let next = ratings[index + 1]
      let nextP = parameters.userRow(next.user)
      let nextQ = parameters.itemRow(next.item)
      if next.user != rating.user && next.item != rating.item {
        dot = step.applyWhileDotting(p, q, nextP, nextQ, k)
      } else {
        step.apply(p, q, k)
        dot = Self.dot(nextP, nextQ, k)
      }
    }
    return errors
  }

  /// pᵤ · qᵢ in eight lanes, then the last k mod 8 products.
  @inline(__always)
  static func dot(_ a: UnsafeMutablePointer<Float>, _ b: UnsafeMutablePointer<Float>, _ k: Int)
    -> Float
  {
    var lanes = SIMD8<Float>()
    var f = 0
    while f + 8 <= k {
      lanes += Lanes8.load(a + f) * Lanes8.load(b + f)
      f += 8
    }
    var sum = lanes.sum()
    while f < k {
      sum += a[f] * b[f]
      f += 1
    }
    return sum
  }
}

/// One rating's factor step: pᵤ ← (1 − γλ) pᵤ + (γ e) qᵢ, then qᵢ ← (1 − γλ) qᵢ + (γ e) pᵤ with
/// the pᵤ from after the step (the blog) or before it (Surprise).
private struct FactorStep {
  let shrink: Float
  let scaledError: Float
  let sequential: Bool

  @inline(__always)
  func lanes(_ p: SIMD8<Float>, _ q: SIMD8<Float>) -> (p: SIMD8<Float>, q: SIMD8<Float>) {
    let pAfter = shrink * p + scaledError * q
    return (pAfter, shrink * q + scaledError * (sequential ? pAfter : p))
  }

  @inline(__always)
  func one(_ p: Float, _ q: Float) -> (p: Float, q: Float) {
    let pAfter = shrink * p + scaledError * q
    return (pAfter, shrink * q + scaledError * (sequential ? pAfter : p))
  }

  @inline(__always)
  func apply(_ p: UnsafeMutablePointer<Float>, _ q: UnsafeMutablePointer<Float>, _ k: Int) {
    var f = 0
    while f + 8 <= k {
      let (pAfter, qAfter) = lanes(Lanes8.load(p + f), Lanes8.load(q + f))
      Lanes8.store(pAfter, p + f)
      Lanes8.store(qAfter, q + f)
      f += 8
    }
    while f < k {
      (p[f], q[f]) = one(p[f], q[f])
      f += 1
    }
  }

  /// ``apply(_:_:_:)``, and `nextP · nextQ` summed as ``SingleSGDSweep/dot(_:_:_:)`` sums it.
  /// The next rows must be other rows.
  @inline(__always)
  func applyWhileDotting(
    _ p: UnsafeMutablePointer<Float>, _ q: UnsafeMutablePointer<Float>,
    _ nextP: UnsafeMutablePointer<Float>, _ nextQ: UnsafeMutablePointer<Float>, _ k: Int
  ) -> Float {
    var dotLanes = SIMD8<Float>()
    var f = 0
    while f + 8 <= k {
      dotLanes += Lanes8.load(nextP + f) * Lanes8.load(nextQ + f)
      let (pAfter, qAfter) = lanes(Lanes8.load(p + f), Lanes8.load(q + f))
      Lanes8.store(pAfter, p + f)
      Lanes8.store(qAfter, q + f)
      f += 8
    }
    var sum = dotLanes.sum()
    var tail = f
    while tail < k {
      sum += nextP[tail] * nextQ[tail]
      tail += 1
    }
    while f < k {
      (p[f], q[f]) = one(p[f], q[f])
      f += 1
    }
    return sum
  }
}

/// Eight floats moved between memory and a `SIMD8<Float>`, at any alignment.
private enum Lanes8 {
  @inline(__always)
  static func load(_ pointer: UnsafeMutablePointer<Float>) -> SIMD8<Float> {
    UnsafeRawPointer(pointer).loadUnaligned(as: SIMD8<Float>.self)
  }

  @inline(__always)
  static func store(_ lanes: SIMD8<Float>, _ pointer: UnsafeMutablePointer<Float>) {
    UnsafeMutableRawPointer(pointer).storeBytes(of: lanes, as: SIMD8<Float>.self)
  }
}

/// One training rating in single precision: 12 bytes, against 16 for ``TrainingRating``.
struct CompactTrainingRating: Sendable, Equatable {
  var user: Int32
  var item: Int32
  var value: Float

  init(_ rating: TrainingRating) {
    user = rating.user
    item = rating.item
    value = Float(rating.value)
  }

  /// User, item and rating, the indices as `Int`.
  var parts: (user: Int, item: Int, value: Double) { (Int(user), Int(item), Double(value)) }
}

extension MatrixFactorization {
  /// Calls `body` with pointers to single-precision copies of P, Q and the biases, then writes
  /// the copies back into the model.
  ///
  /// - Complexity: O((users + items) × k) for the copies, besides `body`.
  mutating func withSingleParameterCopies<Result>(
    _ body: (SingleSGDSweep.Parameters) -> Result
  ) -> Result {
    // Converted through buffers, element by element, so the compiler vectorizes the loops:
    // done every epoch, `map` and element-wise assignment cost a tenth of a k = 100 pass.
    var p = Self.singleCopy(P.storage)
    var q = Self.singleCopy(Q.storage)
    var bUser = Self.singleCopy(userBiases)
    var bItem = Self.singleCopy(itemBiases)
    let k = factorCount
    let result = p.withUnsafeMutableBufferPointer { p in
      q.withUnsafeMutableBufferPointer { q in
        bUser.withUnsafeMutableBufferPointer { bUser in
          bItem.withUnsafeMutableBufferPointer { bItem in
            body(
              SingleSGDSweep.Parameters(
                userFactors: p.baseAddress!, itemFactors: q.baseAddress!,
                userBiases: bUser.baseAddress!, itemBiases: bItem.baseAddress!, factorCount: k))
          }
        }
      }
    }
    Self.copy(p, into: &P.storage)
    Self.copy(q, into: &Q.storage)
    Self.copy(bUser, into: &userBiases)
    Self.copy(bItem, into: &itemBiases)
    return result
  }

  /// `values` in single precision, with at least one element, so that every buffer has an
  /// address even for k = 0.
  private static func singleCopy(_ values: [Double]) -> [Float] {
    [Float](unsafeUninitializedCapacity: max(values.count, 1)) { buffer, count in
      buffer[0] = 0
      values.withUnsafeBufferPointer { values in
        for index in values.indices { buffer[index] = Float(values[index]) }
      }
      count = max(values.count, 1)
    }
  }

  /// Writes the first `values.count` elements of `single` back into `values`.
  private static func copy(_ single: [Float], into values: inout [Double]) {
    single.withUnsafeBufferPointer { single in
      values.withUnsafeMutableBufferPointer { values in
        for index in values.indices { values[index] = Double(single[index]) }
      }
    }
  }
}
