/// Can an MLP learn a dot product? After Rendle et al. (2020, section 4): targets are generated
/// by a dot product, y = pᵤ · qᵢ, of random embeddings pᵤ, qᵢ ~ N(0, d^(−1/2)) (so y has
/// variance 1), and an MLP over the concatenation [pᵤ; qᵢ] is fitted to them by squared error:
///
///     ŷ = hᵀ a₂ + b,   a₂ = ReLU(W₂ a₁ + b₂),   a₁ = ReLU(W₁ [pᵤ; qᵢ] + b₁)
///
/// with widths w and w/2. The MLP is even handed the true embeddings, which Rendle et al.'s
/// models had to learn; the dot product fits these targets exactly with no parameter at all.
/// The score is the RMSE on pairs not trained on, against predicting the mean (RMSE ≈ 1).
public struct DotProductLearning: Sendable {
  public struct Fit: Sendable, Equatable {
    /// w, the first hidden layer's width.
    public let width: Int
    public let parameters: Int
    public let trainRMSE: Double
    public let testRMSE: Double
  }

  public let dimension: Int
  public let trainPairs: Int
  public let testPairs: Int
  /// The RMSE of predicting the training targets' mean for every test pair.
  public let meanRMSE: Double
  public let fits: [Fit]

  /// Generates the embeddings and pairs from `seed`, then fits one MLP per width.
  ///
  /// - Parameters:
  ///   - dimension: d, the embeddings' length.
  ///   - entities: how many viewers, and how many titles.
  ///   - widths: the first hidden width w of each MLP tried.
  ///   - training: epochs, Adam's step, batch size and seed of every fit.
  /// - Complexity: O(epochs × trainPairs × w²) per width.
  public init(
    dimension: Int, entities: Int, trainPairs: Int, testPairs: Int, widths: [Int],
    training: NeuralTraining
  ) {
    var random = NumpyRandom(seed: training.seed)
    let spread = 1 / Double(dimension).squareRoot().squareRoot()
    let users = (0..<entities).map { _ in
      (0..<dimension).map { _ in spread * random.nextGaussian() }
    }
    let items = (0..<entities).map { _ in
      (0..<dimension).map { _ in spread * random.nextGaussian() }
    }
    func pairs(_ count: Int) -> [(x: [Double], y: Double)] {
      (0..<count).map { _ in
        let u = random.nextInt(through: entities - 1)
        let i = random.nextInt(through: entities - 1)
        return (users[u] + items[i], zip(users[u], items[i]).reduce(0) { $0 + $1.0 * $1.1 })
      }
    }
    let train = pairs(trainPairs)
    let test = pairs(testPairs)
    let mean = train.reduce(0) { $0 + $1.y } / Double(train.count)
    self.dimension = dimension
    self.trainPairs = trainPairs
    self.testPairs = testPairs
    meanRMSE = Self.rmse(test.map { ($0.y, mean) })
    fits = widths.map { width in
      Self.fit(width: width, dimension: dimension, train: train, test: test, training: training)
    }
  }

  static func rmse(_ pairs: [(Double, Double)]) -> Double {
    (pairs.reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) } / Double(max(pairs.count, 1)))
      .squareRoot()
  }

  /// The widths of the MLP with first hidden width `width`: 2d → w → w/2 → 1.
  public static func widths(dimension: Int, width: Int) -> [Int] {
    [2 * dimension, width, max(width / 2, 1), 1]
  }

  static func fit(
    width: Int, dimension: Int, train: [(x: [Double], y: Double)],
    test: [(x: [Double], y: Double)], training: NeuralTraining
  ) -> Fit {
    let widths = Self.widths(dimension: dimension, width: width)
    let hidden = Tower(offset: 0, widths: Array(widths.dropLast()), activation: .relu)
    let output = Dense(
      offset: hidden.parameterCount, inputs: widths[widths.count - 2], outputs: 1,
      activation: .identity)
    var random = NumpyRandom(seed: training.seed &+ UInt32(width))
    var θ = [Double](repeating: 0, count: hidden.parameterCount + output.parameterCount)
    for layer in hidden.layers { layer.initialise(&θ, random: &random) }
    output.initialise(&θ, random: &random)
    // One example's values, reused by every example: the hidden layers' pass, the output's z
    // and a, then ∂L/∂ŷ and the hidden layers' gradients.
    var scratch = [Double](repeating: 0, count: hidden.passCount + 3 + hidden.gradientCount)
    let outputStart = hidden.passCount
    let gradientsStart = outputStart + 3
    func predict(
      _ x: [Double], _ θ: UnsafeBufferPointer<Double>, _ scratch: UnsafeMutableBufferPointer<Double>
    ) -> Double {
      let pass = scratch.slice(0..<hidden.passCount)
      _ = pass.update(fromContentsOf: x)
      hidden.forward(θ, pass: pass)
      let prediction = scratch.slice(outputStart..<(outputStart + 2))
      output.forward(
        θ, UnsafeBufferPointer(pass.slice(hidden.outputRange)), z: prediction.slice(0..<1),
        a: prediction.slice(1..<2))
      return prediction[0]
    }
    func predict(_ x: [Double]) -> Double {
      θ.withUnsafeBufferPointer { θ in
        scratch.withUnsafeMutableBufferPointer { predict(x, θ, $0) }
      }
    }
    var adam = Adam(parameterCount: θ.count, learningRate: training.learningRate)
    var gradient = [Double](repeating: 0, count: θ.count)
    let everything = [0..<θ.count]
    var order = Array(train.indices)
    for _ in 0..<training.epochs {
      random.shuffle(&order)
      var start = 0
      while start < order.count {
        let end = min(start + training.batchSize, order.count)
        θ.withUnsafeBufferPointer { θ in
          gradient.withUnsafeMutableBufferPointer { gradient in
            scratch.withUnsafeMutableBufferPointer { scratch in
              let gradients = scratch.slice(gradientsStart..<scratch.count)
              for index in order[start..<end] {
                let ŷ = predict(train[index].x, θ, scratch)
                scratch[outputStart + 2] = 2 * (ŷ - train[index].y) / Double(end - start)
                // ∂L/∂a of the last hidden layer, straight into the place backward reads it.
                output.backward(
                  θ, x: UnsafeBufferPointer(scratch.slice(hidden.outputRange)),
                  z: UnsafeBufferPointer(scratch.slice(outputStart..<(outputStart + 1))),
                  outputGradient: UnsafeBufferPointer(
                    scratch.slice((outputStart + 2)..<(outputStart + 3))),
                  inputGradient: gradients.slice(hidden.outputGradientRange), into: gradient)
                hidden.backward(
                  θ, pass: scratch.slice(0..<hidden.passCount), gradients: gradients,
                  into: gradient)
              }
            }
          }
        }
        adam.update(&θ, gradient: gradient, ranges: everything)
        for j in gradient.indices { gradient[j] = 0 }
        start = end
      }
    }
    return Fit(
      width: width, parameters: θ.count,
      trainRMSE: rmse(train.map { ($0.y, predict($0.x)) }),
      testRMSE: rmse(test.map { ($0.y, predict($0.x)) }))
  }
}
