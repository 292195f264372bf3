/// The inner loop of ``SGDTrainer``: one epoch of the step
/// ``MatrixFactorization/sgdStep(user:item:rating:settings:)`` defines, over packed ratings and
/// through raw pointers. That step is the definition; the two paths here are tested against it.
///
/// Which path runs when, and why:
/// - k < 16 (the blog's k = 2, the teaching chapters' k ≤ 10): ``shortPass``, the definition's
///   formulas in the definition's order, so it gives the same bits, and the blog's numbers.
///   It reads the parameters through pointers rather than calling the definition because debug
///   builds (the test suite runs every chapter in one) pay for each `Matrix` subscript and
///   model copy: chapter-regularization took 2.0 s of CPU this way and 5.4 s through the
///   definition.
/// - k ≥ 16 (MovieLens's k = 100: about 100 million multiply-adds per epoch on 100k ratings):
///   ``longPass``, written for the processor rather than for brevity:
///   - the model's choices (biases or not, which pᵤ the qᵢ update reads, λ or not) are decided
///     once per pass, not once per rating: `longPass` is generic over them, and the compiler
///     makes one copy of it per combination with the branches folded away;
///   - the factor updates work on four factors at a time (`SIMD4<Double>`), the last k mod 4
///     one at a time;
///   - the loop that updates this rating's pᵤ and qᵢ also computes the next rating's dot
///     product, when the next rating has another user and another movie (so its rows are not
///     being changed). The processor then fetches the next rows from memory while it is still
///     busy with this step, instead of waiting for them afterwards.
///
///   With λ = 0 this changes no bit of the result: each value is computed with the same
///   operations in the same order as the definition, and the interleaved dot product equals
///   ``dotProduct(_:_:count:)``, which the model's prediction uses too. With λ > 0 the factor
///   step is rearranged (``ShrinkingStep``) and agrees with the definition up to rounding.
struct SGDSweep {
  let learningRate: Double
  let biasLearningRate: Double
  let regularization: Double
  let globalMean: Double
  let learnsBiases: Bool
  let updatesSequentially: Bool

  /// Runs one SGD step per rating, front to back: the ratings are stored in visit order (the
  /// trainer shuffles them in place; DSGD's blocks are laid out block by block).
  ///
  /// - Parameters:
  ///   - ratings: the ratings to visit, in order.
  ///   - parameters: the model, changed in place.
  /// - Returns: Σ |eᵤᵢ| and Σ eᵤᵢ², each error taken just before its update.
  /// - Complexity: O(ratings × k).
  func run<Rating: SweepRating>(
    inOrder ratings: UnsafeBufferPointer<Rating>, _ parameters: Parameters
  )
    -> SweepErrors
  {
    guard !ratings.isEmpty else { return SweepErrors() }
    guard parameters.factorCount >= dotProductLaneThreshold else {
      return shortPass(ratings, parameters)
    }
    // One generic specialisation per combination: the compiler folds each choice away.
    switch (learnsBiases, regularization == 0, updatesSequentially) {
    case (false, true, false):
      return longPass(ratings, parameters, No.self, PlainStep.self, No.self)
    case (false, true, true):
      return longPass(ratings, parameters, No.self, PlainStep.self, Yes.self)
    case (false, false, false):
      return longPass(ratings, parameters, No.self, ShrinkingStep.self, No.self)
    case (false, false, true):
      return longPass(ratings, parameters, No.self, ShrinkingStep.self, Yes.self)
    case (true, true, false):
      return longPass(ratings, parameters, Yes.self, PlainStep.self, No.self)
    case (true, true, true):
      return longPass(ratings, parameters, Yes.self, PlainStep.self, Yes.self)
    case (true, false, false):
      return longPass(ratings, parameters, Yes.self, ShrinkingStep.self, No.self)
    case (true, false, true):
      return longPass(ratings, parameters, Yes.self, ShrinkingStep.self, Yes.self)
    }
  }

  /// One pass for short vectors: ``MatrixFactorization/sgdStep(user:item:rating:settings:)``
  /// line for line, through pointers, so the same operations in the same order give the same
  /// bits (the blog's numbers among them).
  private func shortPass<Rating: SweepRating>(
    _ ratings: UnsafeBufferPointer<Rating>, _ parameters: Parameters
  ) -> SweepErrors {
    let k = parameters.factorCount
    let bUser = parameters.userBiases
    let bItem = parameters.itemBiases
    let γ = learningRate
    let γ_b = biasLearningRate
    let λ = regularization
    var errors = SweepErrors()
    for rating in ratings {
      let user = rating.userIndex
      let item = rating.itemIndex
      let p = parameters.userRow(user)
      let q = parameters.itemRow(item)

      // 1. error
      var prediction = dotProduct(p, q, count: k)
      if learnsBiases { prediction += globalMean + bUser[user] + bItem[item] }
      let e = rating.value - prediction
      errors.add(e)

      // 2. biases
      if learnsBiases {
        bUser[user] += γ_b * (e - λ * bUser[user])
        bItem[item] += γ_b * (e - λ * bItem[item])
      }

      // 3. factors
      for f in 0..<k {
        let pBefore = p[f]
        let qBefore = q[f]
        if λ == 0 {
          p[f] = pBefore + (γ * e) * qBefore
          q[f] = qBefore + (γ * e) * (updatesSequentially ? p[f] : pBefore)
        } else {
          p[f] = pBefore + γ * (e * qBefore - λ * pBefore)
          q[f] = qBefore + γ * (e * (updatesSequentially ? p[f] : pBefore) - λ * qBefore)
        }
      }
    }
    return errors
  }

  /// One pass for long vectors with the model's choices fixed: the three beats of
  /// ``MatrixFactorization/sgdStep(user:item:rating:settings:)``, vectorised.
  private func longPass<Rating: SweepRating, Biases: Choice, Step: FactorStep, Sequential: Choice>(
    _ ratings: UnsafeBufferPointer<Rating>, _ parameters: Parameters,
    _ biases: Biases.Type, _ step: Step.Type, _ sequential: Sequential.Type
  ) -> SweepErrors {
    let k = parameters.factorCount
    let bUser = parameters.userBiases
    let bItem = parameters.itemBiases
    let γ_b = biasLearningRate
    let λ = regularization
    let μ = globalMean
    var errors = SweepErrors()
    let first = ratings[0]
    var dot = dotProduct(
      parameters.userRow(first.userIndex), parameters.itemRow(first.itemIndex), count: k)
    for index in ratings.indices {
      let rating = ratings[index]
      let user = rating.userIndex
      let item = rating.itemIndex

      // 1. error
      var prediction = dot
      if Biases.isOn { prediction += μ + bUser[user] + bItem[item] }
      let e = rating.value - prediction
      errors.add(e)

      // 2. biases
      if Biases.isOn {
        bUser[user] += γ_b * (e - λ * bUser[user])
        bItem[item] += γ_b * (e - λ * bItem[item])
      }

      // 3. factors, and the next rating's p · q
      let p = parameters.userRow(user)
      let q = parameters.itemRow(item)
      let rule = Step(learningRate: learningRate, regularization: λ, error: e)
      guard index + 1 < ratings.count else {
        update(p, q, count: k, rule, sequential: Sequential.isOn)
        break
      }
      let next = ratings[index + 1]
      let nextP = parameters.userRow(next.userIndex)
      let nextQ = parameters.itemRow(next.itemIndex)
      if next.userIndex != user && next.itemIndex != item {
        dot = updateWhileDotting(p, q, nextP, nextQ, count: k, rule, sequential: Sequential.isOn)
      } else {
        update(p, q, count: k, rule, sequential: Sequential.isOn)
        dot = dotProduct(nextP, nextQ, count: k)
      }
    }
    return errors
  }

  /// Updates pᵤ and qᵢ in place, four factors at a time.
  @inline(__always)
  private func update<Step: FactorStep>(
    _ p: UnsafeMutablePointer<Double>, _ q: UnsafeMutablePointer<Double>, count k: Int,
    _ rule: Step, sequential: Bool
  ) {
    var f = 0
    while f + 4 <= k {
      let (pAfter, qAfter) = rule.step(Lanes.load(p + f), Lanes.load(q + f), sequential)
      Lanes.store(pAfter, p + f)
      Lanes.store(qAfter, q + f)
      f += 4
    }
    while f < k {
      // One factor at a time, in the first lane of a pair; the second lane is unused.
      let (pAfter, qAfter) = rule.step(SIMD2(p[f], 0), SIMD2(q[f], 0), sequential)
      p[f] = pAfter[0]
      q[f] = qAfter[0]
      f += 1
    }
  }

  /// Updates pᵤ and qᵢ in place and returns `nextP · nextQ`, summed exactly as
  /// ``dotProduct(_:_:count:)`` sums long vectors. The next rows must be other rows.
  @inline(__always)
  private func updateWhileDotting<Step: FactorStep>(
    _ p: UnsafeMutablePointer<Double>, _ q: UnsafeMutablePointer<Double>,
    _ nextP: UnsafeMutablePointer<Double>, _ nextQ: UnsafeMutablePointer<Double>, count k: Int,
    _ rule: Step, sequential: Bool
  ) -> Double {
    var lanes = DotProductLanes()
    var f = 0
    while f + 4 <= k {
      lanes.accumulate(nextP + f, nextQ + f)
      let (pAfter, qAfter) = rule.step(Lanes.load(p + f), Lanes.load(q + f), sequential)
      Lanes.store(pAfter, p + f)
      Lanes.store(qAfter, q + f)
      f += 4
    }
    update(p + f, q + f, count: k - f, rule, sequential: sequential)
    return lanes.total(nextP, nextQ, from: f, count: k)
  }
}

/// The errors of one pass, each eᵤᵢ taken just before its update: the training error during
/// the pass, at no extra cost, where measuring the model after the pass would take a second
/// pass over every rating.
struct SweepErrors {
  /// Σ |eᵤᵢ|, the listing's printed number.
  var absoluteSum = 0.0
  /// Σ eᵤᵢ².
  var squareSum = 0.0

  @inline(__always)
  mutating func add(_ e: Double) {
    absoluteSum += abs(e)
    squareSum += e * e
  }
}

/// How one SGD step moves some lanes of pᵤ and qᵢ. `sequential` says whether the qᵢ update
/// reads the new pᵤ (the blog) or the old one (Surprise).
private protocol FactorStep {
  init(learningRate γ: Double, regularization λ: Double, error e: Double)
  func step<Lanes: SIMD>(_ p: Lanes, _ q: Lanes, _ sequential: Bool) -> (p: Lanes, q: Lanes)
  where Lanes.Scalar == Double
}

/// λ = 0: the definition's factor step exactly, (γ e) times the other vector added on.
private struct PlainStep: FactorStep {
  let scaledError: Double

  init(learningRate γ: Double, regularization λ: Double, error e: Double) {
    scaledError = γ * e
  }

  @inline(__always)
  func step<Lanes: SIMD>(_ p: Lanes, _ q: Lanes, _ sequential: Bool) -> (p: Lanes, q: Lanes)
  where Lanes.Scalar == Double {
    let pAfter = p + scaledError * q
    return (pAfter, q + scaledError * (sequential ? pAfter : p))
  }
}

/// λ > 0 for long vectors: the definition's factor step rearranged as (1 − γλ) pᵤ + (γ e) qᵢ
/// (and likewise for qᵢ), two multiplications and one addition per factor instead of three and
/// two. Equal up to rounding in the last bits, which is why short vectors (the blog's listings)
/// keep the definition's form in ``SGDSweep/shortPass(_:_:)``.
private struct ShrinkingStep: FactorStep {
  let shrink: Double
  let scaledError: Double

  init(learningRate γ: Double, regularization λ: Double, error e: Double) {
    shrink = 1 - γ * λ
    scaledError = γ * e
  }

  @inline(__always)
  func step<Lanes: SIMD>(_ p: Lanes, _ q: Lanes, _ sequential: Bool) -> (p: Lanes, q: Lanes)
  where Lanes.Scalar == Double {
    let pAfter = shrink * p + scaledError * q
    return (pAfter, shrink * q + scaledError * (sequential ? pAfter : p))
  }
}

/// A yes-or-no choice known from the type, so generic code is compiled once per answer.
protocol Choice { static var isOn: Bool { get } }
enum Yes: Choice { static var isOn: Bool { true } }
enum No: Choice { static var isOn: Bool { false } }

/// Four doubles moved between memory and a `SIMD4<Double>`, at any alignment.
private enum Lanes {
  @inline(__always)
  static func load(_ pointer: UnsafeMutablePointer<Double>) -> SIMD4<Double> {
    UnsafeRawPointer(pointer).loadUnaligned(as: SIMD4<Double>.self)
  }

  @inline(__always)
  static func store(_ lanes: SIMD4<Double>, _ pointer: UnsafeMutablePointer<Double>) {
    UnsafeMutableRawPointer(pointer).storeBytes(of: lanes, as: SIMD4<Double>.self)
  }
}

/// A rating as a pass reads it: the row of P, the row of Q and the stars.
protocol SweepRating {
  var userIndex: Int { get }
  var itemIndex: Int { get }
  var value: Double { get }
}

extension TrainingRating: SweepRating {
  var userIndex: Int { Int(user) }
  var itemIndex: Int { Int(item) }
}

extension PackedRating: SweepRating {
  var userIndex: Int { Int(user) }
  var itemIndex: Int { Int(item) }
  var value: Double { Double(stars) }
}
