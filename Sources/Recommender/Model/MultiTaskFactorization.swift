import Foundation

/// One factorization, two tasks: a shared bottom (the viewers' factors pᵤ and the titles' qᵢ)
/// under two heads, one predicting the rating and one predicting whether the viewer watched
/// (rated) the title at all.
///
///     rating head:   r̂ᵤᵢ = μ + bᵤ + bᵢ + pᵤ · qᵢ
///     watched head:  ŷᵤᵢ = σ(c + aᵢ + Σ_f w_f p_uf q_if),   σ(z) = 1 / (1 + e⁻ᶻ)
///
/// The watched head has its own offset c, title bias aᵢ and per-factor weights w, so the two
/// tasks share the factors but may read them differently. Trained by ``MultiTaskTrainer`` on
///
///     L = (1 − α) Σ_{(u,i)∈R} (rᵤᵢ − r̂ᵤᵢ)²  +  α Σ_{(u,i)∈R∪S} ℓ(yᵤᵢ, ŷᵤᵢ)  +  λ (‖pᵤ‖² + ‖qᵢ‖² + bᵤ² + bᵢ² + aᵢ²)
///
/// with R the training ratings (y = 1), S as many sampled unrated pairs (y = 0), ℓ the
/// logistic loss −y log ŷ − (1 − y) log(1 − ŷ) and α the task weight: α = 0 is matrix
/// factorization with biases, α = 1 learns only what was watched.
public struct MultiTaskFactorization: Sendable {
  /// pᵤ, shared by both heads.
  public var P: Matrix
  /// qᵢ, shared by both heads.
  public var Q: Matrix
  /// The rating head's μ, bᵤ and bᵢ.
  public let globalMean: Double
  public var userBiases: [Double]
  public var itemBiases: [Double]
  /// The watched head's c, aᵢ and w.
  public var watchOffset: Double
  public var itemWatchBiases: [Double]
  public var watchWeights: [Double]

  /// A model with the given factors; biases, c and aᵢ at 0, and w at 1 (so the watched head
  /// starts from the same pᵤ · qᵢ as the rating head).
  public init(P: Matrix, Q: Matrix, globalMean: Double) {
    precondition(P.columns == Q.columns, "P and Q must have the same number of factors")
    self.P = P
    self.Q = Q
    self.globalMean = globalMean
    userBiases = [Double](repeating: 0, count: P.rows)
    itemBiases = [Double](repeating: 0, count: Q.rows)
    watchOffset = 0
    itemWatchBiases = [Double](repeating: 0, count: Q.rows)
    watchWeights = [Double](repeating: 1, count: P.columns)
  }

  /// Factors drawn from N(0, 0.1²), P first, then Q, as ``MatrixFactorization`` draws them.
  public init(
    users: Int, items: Int, factors: Int, globalMean: Double, random: inout NumpyRandom
  ) {
    self.init(
      P: FactorInitialisation.normal.matrix(rows: users, columns: factors, random: &random),
      Q: FactorInitialisation.normal.matrix(rows: items, columns: factors, random: &random),
      globalMean: globalMean)
  }

  public var factorCount: Int { P.columns }

  /// r̂ᵤᵢ, the rating head.
  public func predictRating(user: Int, item: Int) -> Double {
    globalMean + userBiases[user] + itemBiases[item] + products(user, item) { p, q, _ in p * q }
  }

  /// c + aᵢ + Σ w_f p_uf q_if, the watched head before σ: a score that ranks like ŷ.
  public func watchLogit(user: Int, item: Int) -> Double {
    watchOffset + itemWatchBiases[item] + products(user, item) { p, q, w in w * p * q }
  }

  /// Σ_f term(p_uf, q_if, w_f), summed left to right, read through pointers: the heads are
  /// called for every viewer and title when lists are ranked.
  private func products(
    _ user: Int, _ item: Int, _ term: (Double, Double, Double) -> Double
  ) -> Double {
    let k = factorCount
    return P.storage.withUnsafeBufferPointer { p in
      Q.storage.withUnsafeBufferPointer { q in
        watchWeights.withUnsafeBufferPointer { w in
          var sum = 0.0
          for f in 0..<k { sum += term(p[user * k + f], q[item * k + f], w[f]) }
          return sum
        }
      }
    }
  }

  /// ŷᵤᵢ = σ(``watchLogit(user:item:)``), the probability that u watched i.
  public func watchProbability(user: Int, item: Int) -> Double {
    1 / (1 + exp(-watchLogit(user: user, item: item)))
  }

  /// True when every parameter is a finite number.
  public var isFinite: Bool {
    P.isFinite && Q.isFinite && watchOffset.isFinite
      && (userBiases + itemBiases + itemWatchBiases + watchWeights).allSatisfy(\.isFinite)
  }
}

/// Stochastic gradient descent on ``MultiTaskFactorization``'s joint loss: every epoch draws
/// fresh unrated pairs, one per training rating, and visits ratings and pairs in one shuffle.
public struct MultiTaskTrainer: Sendable {
  /// γ, the step for every parameter.
  public let learningRate: Double
  /// λ, the pull towards zero.
  public let regularization: Double
  /// α in [0, 1]: 0 trains the rating head only, 1 the watched head only.
  public let taskWeight: Double

  public init(learningRate: Double, regularization: Double, taskWeight: Double) {
    precondition((0...1).contains(taskWeight), "the task weight is a share, from 0 to 1")
    self.learningRate = learningRate
    self.regularization = regularization
    self.taskWeight = taskWeight
  }

  /// One step on one pair: for a rating (watched = true) the rating head's squared error
  /// weighted by 1 − α and the watched head's logistic loss with y = 1 weighted by α; for a
  /// sampled unrated pair only the logistic loss with y = 0. Gradients are taken at the
  /// parameters from before the step (the simultaneous update).
  public func step(
    _ model: inout MultiTaskFactorization, user u: Int, item i: Int, rating: Double,
    watched: Bool
  ) {
    let (γ, λ, α) = (learningRate, regularization, taskWeight)
    let e = watched ? (1 - α) * (rating - model.predictRating(user: u, item: i)) : 0
    let g = α * ((watched ? 1 : 0) - model.watchProbability(user: u, item: i))
    if watched {
      model.userBiases[u] += γ * (e - λ * model.userBiases[u])
      model.itemBiases[i] += γ * (e - λ * model.itemBiases[i])
    }
    model.watchOffset += γ * g
    model.itemWatchBiases[i] += γ * (g - λ * model.itemWatchBiases[i])
    for f in 0..<model.factorCount {
      let (p, q, w) = (model.P[u, f], model.Q[i, f], model.watchWeights[f])
      model.P[u, f] += γ * (e * q + g * w * q - λ * p)
      model.Q[i, f] += γ * (e * p + g * w * p - λ * q)
      model.watchWeights[f] += γ * g * p * q
    }
  }

  /// One visit of an epoch: a training rating (watched) or a sampled unrated pair.
  public struct Visit: Sendable, Equatable {
    public var user: Int
    public var item: Int
    /// The rating; unused for an unrated pair.
    public var rating: Double
    public var watched: Bool

    public init(user: Int, item: Int, rating: Double, watched: Bool) {
      self.user = user
      self.item = item
      self.rating = rating
      self.watched = watched
    }
  }

  /// ``step(_:user:item:rating:watched:)`` for every visit in order, through pointers: the same
  /// arithmetic in the same order, so the same bits, several times faster than the subscripts.
  ///
  /// - Complexity: O(visits × k).
  public func run(_ visits: [Visit], on model: inout MultiTaskFactorization) {
    let (γ, λ, α) = (learningRate, regularization, taskWeight)
    let k = model.factorCount
    let μ = model.globalMean
    var c = model.watchOffset
    model.P.storage.withUnsafeMutableBufferPointer { pBuffer in
      model.Q.storage.withUnsafeMutableBufferPointer { qBuffer in
        model.userBiases.withUnsafeMutableBufferPointer { bu in
          model.itemBiases.withUnsafeMutableBufferPointer { bi in
            model.itemWatchBiases.withUnsafeMutableBufferPointer { a in
              model.watchWeights.withUnsafeMutableBufferPointer { w in
                for visit in visits {
                  let (u, i) = (visit.user, visit.item)
                  let p = pBuffer.baseAddress! + u * k
                  let q = qBuffer.baseAddress! + i * k
                  var dot = 0.0
                  var weighted = 0.0
                  for f in 0..<k {
                    dot += p[f] * q[f]
                    weighted += w[f] * p[f] * q[f]
                  }
                  let rating = μ + bu[u] + bi[i] + dot
                  let probability = 1 / (1 + exp(-(c + a[i] + weighted)))
                  let e = visit.watched ? (1 - α) * (visit.rating - rating) : 0
                  let g = α * ((visit.watched ? 1 : 0) - probability)
                  if visit.watched {
                    bu[u] += γ * (e - λ * bu[u])
                    bi[i] += γ * (e - λ * bi[i])
                  }
                  c += γ * g
                  a[i] += γ * (g - λ * a[i])
                  for f in 0..<k {
                    let (pf, qf, wf) = (p[f], q[f], w[f])
                    p[f] += γ * (e * qf + g * wf * qf - λ * pf)
                    q[f] += γ * (e * pf + g * wf * pf - λ * qf)
                    w[f] += γ * g * pf * qf
                  }
                }
              }
            }
          }
        }
      }
    }
    model.watchOffset = c
  }

  /// Trains `model` for `epochs` passes over `ratings` and as many sampled unrated pairs.
  ///
  /// - Parameters:
  ///   - ratings: the training ratings; a pair is "unrated" when it is not among them.
  ///   - seed: seeds the sampling and the shuffles.
  /// - Throws: ``TrainingError/diverged(_:)`` when a parameter stops being a finite number.
  /// - Complexity: O(epochs × ratings × k).
  public func fit(
    _ model: inout MultiTaskFactorization, ratings: [Rating], epochs: Int, seed: UInt32
  ) throws(TrainingError) {
    let itemCount = model.Q.rows
    var random = NumpyRandom(seed: seed)
    var rated = Set<Int>(minimumCapacity: ratings.count)
    for rating in ratings { rated.insert(rating.user * itemCount + rating.item) }
    // An unrated pair exists for a viewer only if they left some title unrated.
    var ratedCount = [Int](repeating: 0, count: model.P.rows)
    for rating in ratings { ratedCount[rating.user] += 1 }
    let observed = ratings.map {
      Visit(user: $0.user, item: $0.item, rating: $0.value, watched: true)
    }
    for epoch in stride(from: 1, through: epochs, by: 1) {
      var visits = observed
      for rating in ratings where ratedCount[rating.user] < itemCount {
        var item = random.nextInt(through: itemCount - 1)
        while rated.contains(rating.user * itemCount + item) {
          item = random.nextInt(through: itemCount - 1)
        }
        visits.append(Visit(user: rating.user, item: item, rating: 0, watched: false))
      }
      random.shuffle(&visits)
      run(visits, on: &model)
      guard model.isFinite else {
        throw .diverged(
          Divergence(
            epoch: epoch,
            settings: .init(
              learningRate: learningRate, biasLearningRate: learningRate,
              regularization: regularization),
            learnsBiases: true))
      }
    }
  }
}
