/// I-AutoRec (Sedhain et al., 2015): each title's column of ratings rᵢ ∈ ℝᵁ (one entry per
/// viewer, known ones only) is encoded into h hidden units and decoded back:
///
///     hᵢ = σ(V rᵢ + μ_h)        r̂ᵢ = W hᵢ + b
///
/// trained only on the observed entries, min Σᵢ Σ_{u observed} (r̂ᵤᵢ − rᵤᵢ)² + (λ/2)(‖W‖² + ‖V‖²).
/// The prediction for a viewer who has not rated title i is entry u of r̂ᵢ.
///
/// V and W are stored one row per viewer (Vᵤ ∈ ℝʰ, the weights from u's rating; Wᵤ ∈ ℝʰ, the
/// weights to u's reconstruction), so a title touches only the rows of its own raters.
///
/// - Complexity: O(nᵢ h) to encode title i with nᵢ ratings, then O(h) per prediction.
public struct AutoRec: Sendable {
  public let users: Int
  public let hidden: Int
  public var θ: [Double]
  let inputWeights: Embedding
  let outputWeights: Embedding
  let outputBiases: Embedding
  let hiddenBiases: Range<Int>

  /// A fresh model: V and W uniform in ±√(6 / (users + h)) (Glorot), μ_h zero, and b at the mean
  /// rating μ so an untrained row predicts μ rather than 0.
  public init(users: Int, hidden: Int, mean: Double, random: inout NumpyRandom) {
    self.users = users
    self.hidden = hidden
    inputWeights = Embedding(offset: 0, rows: users, width: hidden)
    outputWeights = Embedding(offset: users * hidden, rows: users, width: hidden)
    outputBiases = Embedding(offset: 2 * users * hidden, rows: users, width: 1)
    hiddenBiases = (2 * users * hidden + users)..<(2 * users * hidden + users + hidden)
    var θ = [Double](repeating: 0, count: hiddenBiases.upperBound)
    let limit = (6 / Double(users + hidden)).squareRoot()
    for index in 0..<(2 * users * hidden) { θ[index] = (2 * random.nextDouble() - 1) * limit }
    for index in outputBiases.offset..<hiddenBiases.lowerBound { θ[index] = mean }
    self.θ = θ
  }

  public var parameterCount: Int { θ.count }

  /// V and W, the penalised weights, come first in θ.
  var weightCount: Int { 2 * users * hidden }

  /// hᵢ for a title whose known ratings are `column` (viewer, rating).
  public func encode(_ column: [(user: Int, rating: Double)]) -> [Double] {
    var code = [Double](repeating: 0, count: hidden)
    θ.withUnsafeBufferPointer { θ in
      code.withUnsafeMutableBufferPointer { encode(column, θ, into: $0) }
    }
    return code
  }

  /// hᵢ written into `code` (h long): the training loop's version, on scratch it owns. θ is
  /// read unchecked, as in the layers.
  func encode(
    _ column: [(user: Int, rating: Double)], _ θ: UnsafeBufferPointer<Double>,
    into code: UnsafeMutableBufferPointer<Double>
  ) {
    precondition(θ.count == hiddenBiases.upperBound, "θ has the wrong length")
    for j in 0..<hidden { code[j] = θ[hiddenBiases.lowerBound + j] }
    for (user, rating) in column {
      precondition(0 <= user && user < users, "no such viewer")
      let row = inputWeights.range(user).lowerBound
      for j in 0..<hidden { code[j] += rating * θ[row + j] }
    }
    for j in 0..<hidden { code[j] = logistic(code[j]) }
  }

  /// r̂ᵤᵢ from a title's code hᵢ.
  public func decode(_ code: [Double], user: Int) -> Double {
    precondition(code.count == hidden && 0 <= user && user < users, "no such viewer")
    precondition(θ.count == hiddenBiases.upperBound, "θ has the wrong length")
    return θ.withUnsafeBufferPointer { θ in
      code.withUnsafeBufferPointer { decode($0, user: user, θ) }
    }
  }

  func decode(_ code: UnsafeBufferPointer<Double>, user: Int, _ θ: UnsafeBufferPointer<Double>)
    -> Double
  {
    let row = outputWeights.range(user).lowerBound
    var sum = θ[outputBiases.offset + user]
    for j in 0..<hidden { sum += θ[row + j] * code[j] }
    return sum
  }

  /// The parameters one title's column uses.
  public func ranges(_ column: [(user: Int, rating: Double)]) -> [Range<Int>] {
    column.flatMap { entry in
      [
        inputWeights.range(entry.user), outputWeights.range(entry.user),
        outputBiases.range(entry.user),
      ]
    } + [hiddenBiases]
  }

  /// Marks ``ranges(_:)`` as touched without building the list (the training loop's version).
  public func touch(_ column: [(user: Int, rating: Double)], in gradient: inout SparseGradient) {
    for (user, _) in column {
      gradient.touch(inputWeights.range(user))
      gradient.touch(outputWeights.range(user))
      gradient.touch(outputBiases.range(user))
    }
    gradient.touch(hiddenBiases)
  }

  /// Adds the gradient of Σ_{u observed} (r̂ᵤ − rᵤ)² for one column and returns that sum.
  @discardableResult
  public func accumulateGradient(
    _ column: [(user: Int, rating: Double)], into gradient: inout [Double]
  ) -> Double {
    var scratch = [Double](repeating: 0, count: 2 * hidden)
    return accumulateGradient(column, into: &gradient, scratch: &scratch)
  }

  /// The same on a scratch buffer of 2h doubles that the training loop keeps from title to
  /// title: the code hᵢ, then ∂L/∂hᵢ.
  func accumulateGradient(
    _ column: [(user: Int, rating: Double)], into gradient: inout [Double],
    scratch: inout [Double]
  ) -> Double {
    precondition(gradient.count == θ.count && scratch.count == 2 * hidden)
    return θ.withUnsafeBufferPointer { θ in
      gradient.withUnsafeMutableBufferPointer { gradient in
        scratch.withUnsafeMutableBufferPointer { scratch in
          let code = scratch.slice(0..<hidden)
          let codeGradient = scratch.slice(hidden..<(2 * hidden))
          encode(column, θ, into: code)
          codeGradient.update(repeating: 0)
          var loss = 0.0
          for (user, rating) in column {
            let error = decode(UnsafeBufferPointer(code), user: user, θ) - rating
            loss += error * error
            let e = 2 * error
            let row = outputWeights.range(user).lowerBound
            gradient[outputBiases.offset + user] += e
            for j in 0..<hidden {
              gradient[row + j] += e * code[j]
              codeGradient[j] += e * θ[row + j]
            }
          }
          // Through the sigmoid: ∂L/∂a = ∂L/∂h ⊙ h(1 − h), in place of ∂L/∂h.
          let sumGradient = codeGradient
          for j in 0..<hidden { sumGradient[j] = codeGradient[j] * code[j] * (1 - code[j]) }
          for j in 0..<hidden { gradient[hiddenBiases.lowerBound + j] += sumGradient[j] }
          for (user, rating) in column {
            let row = inputWeights.range(user).lowerBound
            for j in 0..<hidden { gradient[row + j] += rating * sumGradient[j] }
          }
          return loss
        }
      }
    }
  }

  /// The training ratings as one column per title.
  public static func columns(_ ratings: [Rating], items: Int) -> [[(user: Int, rating: Double)]] {
    var columns = [[(user: Int, rating: Double)]](repeating: [], count: items)
    for rating in ratings { columns[rating.item].append((rating.user, rating.value)) }
    return columns
  }

  /// Trains on `columns` for `epochs`: titles in a seeded random order, `batchSize` titles a
  /// step, Adam on the mean gradient plus λθ on the weights the batch used.
  ///
  /// - Parameter onEpoch: called after each epoch with its number and the model.
  /// - Throws: ``NeuralDivergence`` when a parameter is no longer finite.
  public mutating func fit(
    _ columns: [[(user: Int, rating: Double)]], training: NeuralTraining,
    onEpoch: (Int, AutoRec) -> Void = { _, _ in }
  ) throws(NeuralDivergence) {
    var random = NumpyRandom(seed: training.seed)
    var adam = Adam(parameterCount: parameterCount, learningRate: training.learningRate)
    var gradient = SparseGradient(count: parameterCount)
    var scratch = [Double](repeating: 0, count: 2 * hidden)
    var order = columns.indices.filter { !columns[$0].isEmpty }
    for epoch in 1...max(training.epochs, 1) where training.epochs > 0 {
      random.shuffle(&order)
      var start = 0
      var total = 0.0
      while start < order.count {
        let end = min(start + training.batchSize, order.count)
        for item in order[start..<end] {
          touch(columns[item], in: &gradient)
          total += gradient.withValues {
            accumulateGradient(columns[item], into: &$0, scratch: &scratch)
          }
        }
        gradient.scale(by: 1 / Double(end - start))
        gradient.addWeightDecay(training.regularization, θ) { $0.upperBound <= weightCount }
        adam.update(&θ, gradient: gradient.values, ranges: gradient.ranges)
        gradient.reset()
        start = end
      }
      guard total.isFinite, θ.allSatisfy(\.isFinite) else { throw NeuralDivergence(epoch: epoch) }
      onEpoch(epoch, self)
    }
  }

  /// Predicts every rating of `ratings` from the titles' training columns.
  public func predictions(
    _ ratings: [Rating], columns: [[(user: Int, rating: Double)]]
  ) -> [Double] {
    var codes: [Int: [Double]] = [:]
    return ratings.map { rating in
      if codes[rating.item] == nil { codes[rating.item] = encode(columns[rating.item]) }
      return decode(codes[rating.item]!, user: rating.user)
    }
  }
}
