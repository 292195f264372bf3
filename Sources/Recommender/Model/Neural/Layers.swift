import Foundation

// The pieces of a neural recommender, written out by hand: every parameter of a model lives in
// one flat array θ, and each piece knows where its own parameters sit in it. A gradient is an
// array of the same shape, so checking one against finite differences, or stepping an optimizer
// over it, needs nothing more than indices.

/// The non-linearity applied after a dense layer's weighted sum.
public enum Activation: Sendable, Equatable {
  /// f(z) = max(0, z): the tower's activation in He et al. (2017).
  case relu
  /// f(z) = z: the output of a rating, or a layer left linear.
  case identity
  /// f(z) = σ(z) = 1 / (1 + e⁻ᶻ): AutoRec's hidden layer.
  case sigmoid

  /// f(z).
  public func value(_ z: Double) -> Double {
    switch self {
    case .relu: max(0, z)
    case .identity: z
    case .sigmoid: logistic(z)
    }
  }

  /// f′(z); ReLU's derivative at exactly 0 is taken as 0.
  public func derivative(_ z: Double) -> Double {
    switch self {
    case .relu: return z > 0 ? 1 : 0
    case .identity: return 1
    case .sigmoid:
      let s = logistic(z)
      return s * (1 - s)
    }
  }
}

/// σ(z) = 1 / (1 + e⁻ᶻ), written so that neither branch overflows.
public func logistic(_ z: Double) -> Double {
  z >= 0 ? 1 / (1 + exp(-z)) : exp(z) / (1 + exp(z))
}

/// A table of learned vectors, one row per viewer or per title: looking a row up is the whole
/// forward pass, and its gradient is the gradient of whatever used the row.
public struct Embedding: Sendable, Equatable {
  /// Where row 0 starts in θ.
  public let offset: Int
  public let rows: Int
  /// The length of each vector (k).
  public let width: Int

  public init(offset: Int, rows: Int, width: Int) {
    self.offset = offset
    self.rows = rows
    self.width = width
  }

  public var parameterCount: Int { rows * width }

  /// Where `row`'s vector sits in θ.
  public func range(_ row: Int) -> Range<Int> {
    (offset + row * width)..<(offset + (row + 1) * width)
  }
}

/// A fully connected layer: a = f(W x + b), with W (outputs × inputs, row-major) then b stored
/// from `offset` in θ.
///
/// Backpropagation, for ∂L/∂a given: δ = ∂L/∂a ⊙ f′(z), ∂L/∂W = δ xᵀ, ∂L/∂b = δ,
/// ∂L/∂x = Wᵀ δ.
///
/// - Complexity: inputs × outputs multiply-adds forward, twice that backward.
public struct Dense: Sendable, Equatable {
  public let offset: Int
  public let inputs: Int
  public let outputs: Int
  public let activation: Activation

  public init(offset: Int, inputs: Int, outputs: Int, activation: Activation) {
    self.offset = offset
    self.inputs = inputs
    self.outputs = outputs
    self.activation = activation
  }

  public var parameterCount: Int { inputs * outputs + outputs }
  public var range: Range<Int> { offset..<(offset + parameterCount) }

  /// Glorot's uniform draw for W (limit √(6 / (inputs + outputs))), b at zero.
  public func initialise(_ θ: inout [Double], random: inout NumpyRandom) {
    let limit = (6 / Double(inputs + outputs)).squareRoot()
    for index in offset..<(offset + inputs * outputs) {
      θ[index] = (2 * random.nextDouble() - 1) * limit
    }
  }

  /// z = W x + b and a = f(z).
  public func forward(_ θ: [Double], _ x: [Double]) -> (z: [Double], a: [Double]) {
    var z = [Double](repeating: 0, count: outputs)
    let biases = offset + inputs * outputs
    // Unchecked buffers: the loops are the whole cost of training; the gradient checks test
    // them against finite differences.
    θ.withUnsafeBufferPointer { θ in
      x.withUnsafeBufferPointer { x in
        for row in 0..<outputs {
          var sum = θ[biases + row]
          let start = offset + row * inputs
          for column in 0..<inputs { sum += θ[start + column] * x[column] }
          z[row] = sum
        }
      }
    }
    return (z, activation == .identity ? z : z.map(activation.value))
  }

  /// Adds ∂L/∂W and ∂L/∂b to `gradient` and returns ∂L/∂x.
  ///
  /// - Parameters:
  ///   - x, z: the input and the weighted sum of the forward pass.
  ///   - outputGradient: ∂L/∂a.
  public func backward(
    _ θ: [Double], x: [Double], z: [Double], outputGradient: [Double],
    into gradient: inout [Double]
  ) -> [Double] {
    var inputGradient = [Double](repeating: 0, count: inputs)
    let biases = offset + inputs * outputs
    θ.withUnsafeBufferPointer { θ in
      x.withUnsafeBufferPointer { x in
        gradient.withUnsafeMutableBufferPointer { gradient in
          inputGradient.withUnsafeMutableBufferPointer { inputGradient in
            for row in 0..<outputs {
              let δ = outputGradient[row] * activation.derivative(z[row])
              guard δ != 0 else { continue }
              gradient[biases + row] += δ
              let start = offset + row * inputs
              for column in 0..<inputs {
                gradient[start + column] += δ * x[column]
                inputGradient[column] += θ[start + column] * δ
              }
            }
          }
        }
      }
    }
    return inputGradient
  }
}

/// Dense layers one after another: the MLP "tower".
public struct Tower: Sendable, Equatable {
  public let layers: [Dense]

  /// Layers of the given widths from `offset`: widths[0] is the input, every later entry one
  /// layer's output, each with `activation`.
  public init(offset: Int, widths: [Int], activation: Activation) {
    var layers: [Dense] = []
    var start = offset
    for (inputs, outputs) in zip(widths, widths.dropFirst()) {
      let layer = Dense(offset: start, inputs: inputs, outputs: outputs, activation: activation)
      layers.append(layer)
      start += layer.parameterCount
    }
    self.layers = layers
  }

  public var parameterCount: Int { layers.reduce(0) { $0 + $1.parameterCount } }

  /// What backpropagation needs from the forward pass: every layer's input and weighted sum.
  public struct Pass: Sendable {
    public var inputs: [[Double]] = []
    public var sums: [[Double]] = []
    public var output: [Double] = []
  }

  public func forward(_ θ: [Double], _ x: [Double]) -> Pass {
    var pass = Pass()
    var a = x
    for layer in layers {
      let (z, next) = layer.forward(θ, a)
      pass.inputs.append(a)
      pass.sums.append(z)
      a = next
    }
    pass.output = a
    return pass
  }

  /// Adds every layer's gradient to `gradient` and returns ∂L/∂x.
  public func backward(
    _ θ: [Double], pass: Pass, outputGradient: [Double], into gradient: inout [Double]
  ) -> [Double] {
    var upstream = outputGradient
    for (index, layer) in layers.enumerated().reversed() {
      upstream = layer.backward(
        θ, x: pass.inputs[index], z: pass.sums[index], outputGradient: upstream, into: &gradient)
    }
    return upstream
  }

  /// Multiply-adds of one forward pass.
  public var multiplyAdds: Int { layers.reduce(0) { $0 + $1.inputs * $1.outputs } }
}

/// A loss on one example, with the output it is paired with: the model computes a score s and
/// the loss turns it into a prediction ŷ.
///
///     squared error:         ŷ = μ + s,   L = (ŷ − y)²,                    ∂L/∂s = 2(ŷ − y)
///     binary cross-entropy:  ŷ = σ(s),    L = −y log ŷ − (1 − y) log(1 − ŷ), ∂L/∂s = ŷ − y
///
/// Pairing the sigmoid with cross-entropy gives the simple ∂L/∂s and avoids log 0.
public enum Loss: Sendable, Equatable {
  /// For ratings: μ, the mean rating, is added so the model learns deviations from it.
  case squaredError(offset: Double)
  /// For implicit feedback: y = 1 for a title the viewer chose, 0 for a sampled one.
  case binaryCrossEntropy

  public func prediction(_ s: Double) -> Double {
    switch self {
    case .squaredError(let μ): μ + s
    case .binaryCrossEntropy: logistic(s)
    }
  }

  public func value(score s: Double, target y: Double) -> Double {
    switch self {
    case .squaredError(let μ):
      return (μ + s - y) * (μ + s - y)
    case .binaryCrossEntropy:
      // log σ(s) = −log(1 + e⁻ˢ), computed without overflow for either sign.
      let softplusMinus = max(-s, 0) + log1p(exp(-abs(s)))
      let softplusPlus = max(s, 0) + log1p(exp(-abs(s)))
      return y * softplusMinus + (1 - y) * softplusPlus
    }
  }

  /// ∂L/∂s.
  public func derivative(score s: Double, target y: Double) -> Double {
    switch self {
    case .squaredError(let μ): 2 * (μ + s - y)
    case .binaryCrossEntropy: logistic(s) - y
    }
  }
}
