/// The parameters of a matrix-factorization model and the prediction they make.
///
/// The prediction for user u and movie i is
///
///     r̂ᵤᵢ = pᵤ · qᵢ                       (basic model, chapter-basic-mf)
///     r̂ᵤᵢ = μ + bᵤ + bᵢ + pᵤ · qᵢ         (with biases, chapter-biases)
///
/// where pᵤ is row u of P (users × k), qᵢ is row i of Q (movies × k), μ is the global mean
/// rating, bᵤ the user's bias and bᵢ the movie's bias. With k = 0 factors and biases on, the
/// model is the bias-only baseline μ + bᵤ + bᵢ.
///
/// Training moves these parameters one rating at a time: ``sgdStep(user:item:rating:settings:)``
/// is the definition of one step, in the blog's notation; ``SGDTrainer`` computes it epoch
/// after epoch.
public struct MatrixFactorization: Sendable {
  /// User factors, one row pᵤ per user.
  public var P: Matrix
  /// Movie factors, one row qᵢ per movie.
  public var Q: Matrix
  /// bᵤ per user; all zero and unused when `usesBiases` is false.
  public var userBiases: [Double]
  /// bᵢ per movie; all zero and unused when `usesBiases` is false.
  public var itemBiases: [Double]
  /// μ, the global mean; 0 and unused when `usesBiases` is false.
  public var globalMean: Double
  /// Whether μ + bᵤ + bᵢ are part of the prediction (and learned).
  public let usesBiases: Bool

  /// A model with the given factors and biases starting at zero.
  public init(P: Matrix, Q: Matrix, usesBiases: Bool = false, globalMean: Double = 0) {
    precondition(P.columns == Q.columns, "P and Q must have the same number of factors")
    self.P = P
    self.Q = Q
    self.userBiases = [Double](repeating: 0, count: P.rows)
    self.itemBiases = [Double](repeating: 0, count: Q.rows)
    self.globalMean = usesBiases ? globalMean : 0
    self.usesBiases = usesBiases
  }

  /// A fresh model: P drawn first, then Q, from `random` (the listing's order), biases at zero.
  ///
  /// - Parameters:
  ///   - users: rows of P.
  ///   - items: rows of Q.
  ///   - factors: k, the columns of P and Q; 0 gives the bias-only baseline.
  ///   - initialisation: uniform [0, 1) like the blog, or small normal values like libraries.
  ///   - usesBiases: add μ + bᵤ + bᵢ to the prediction.
  ///   - globalMean: μ, used only with biases.
  ///   - random: the stream to draw from; it moves on by users·k + items·k draws.
  public init(
    users: Int, items: Int, factors: Int, initialisation: FactorInitialisation = .uniform,
    usesBiases: Bool = false, globalMean: Double = 0, random: inout NumpyRandom
  ) {
    let P = initialisation.matrix(rows: users, columns: factors, random: &random)
    let Q = initialisation.matrix(rows: items, columns: factors, random: &random)
    self.init(P: P, Q: Q, usesBiases: usesBiases, globalMean: globalMean)
  }

  /// k, the number of latent factors.
  public var factorCount: Int { P.columns }

  /// r̂ᵤᵢ for one user and movie.
  public func predict(user: Int, item: Int) -> Double {
    // snippet: predict
    let k = factorCount
    let dot = P.storage.withUnsafeBufferPointer { p in
      Q.storage.withUnsafeBufferPointer { q in
        dotProduct(p.baseAddress! + user * k, q.baseAddress! + item * k, count: k)
      }
    }
    guard usesBiases else { return dot }
    return globalMean + userBiases[user] + itemBiases[item] + dot
    // end snippet
  }

  /// Calls `body` with a function that predicts like ``predict(user:item:)`` but reads the
  /// parameters through pointers: for loops over many ratings.
  ///
  /// - Parameter body: receives `predict(user, item)`; it must not escape.
  public func withPredictor<Result>(
    _ body: (_ predict: (Int, Int) -> Double) throws -> Result
  ) rethrows -> Result {
    let k = factorCount
    let usesBiases = usesBiases
    let μ = globalMean
    return try P.storage.withUnsafeBufferPointer { p in
      try Q.storage.withUnsafeBufferPointer { q in
        try userBiases.withUnsafeBufferPointer { bUser in
          try itemBiases.withUnsafeBufferPointer { bItem in
            try body { user, item in
              let dot = dotProduct(p.baseAddress! + user * k, q.baseAddress! + item * k, count: k)
              guard usesBiases else { return dot }
              return μ + bUser[user] + bItem[item] + dot
            }
          }
        }
      }
    }
  }

  /// r̂ for every (user, movie) cell: the dense matrix the model fills R with.
  public func predictedMatrix() -> Matrix {
    var result = Matrix(rows: P.rows, columns: Q.rows)
    for user in 0..<P.rows {
      for item in 0..<Q.rows { result[user, item] = predict(user: user, item: item) }
    }
    return result
  }

  /// √(‖P‖² + ‖Q‖² + ‖b_user‖² + ‖b_item‖²): the size L2 regularization keeps small.
  public var parameterNorm: Double {
    let biasSquares = (userBiases + itemBiases).reduce(0) { $0 + $1 * $1 }
    let factorSquares = P.frobeniusNorm * P.frobeniusNorm + Q.frobeniusNorm * Q.frobeniusNorm
    return (factorSquares + biasSquares).squareRoot()
  }

  /// True when every parameter is a finite number.
  public var isFinite: Bool {
    P.isFinite && Q.isFinite && userBiases.allSatisfy(\.isFinite)
      && itemBiases.allSatisfy(\.isFinite)
  }
}
