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
    precondition(θ.count >= range.upperBound && x.count == inputs)
    var z = [Double](repeating: 0, count: outputs)
    var a = z
    θ.withUnsafeBufferPointer { θ in
      x.withUnsafeBufferPointer { x in
        z.withUnsafeMutableBufferPointer { z in
          a.withUnsafeMutableBufferPointer { a in forward(θ, x, z: z, a: a) }
        }
      }
    }
    return (z, a)
  }

  /// z = W x + b and a = f(z), written into `z` and `a` (`outputs` long each): the version the
  /// training loops run, on scratch they own, so that no example allocates. Unchecked buffers,
  /// because these loops are the whole cost of training; the gradient checks test them against
  /// finite differences.
  func forward(
    _ θ: UnsafeBufferPointer<Double>, _ x: UnsafeBufferPointer<Double>,
    z: UnsafeMutableBufferPointer<Double>, a: UnsafeMutableBufferPointer<Double>
  ) {
    let biases = offset + inputs * outputs
    // Four rows at a time, one in each lane of a SIMD4: every lane adds its row's terms in the
    // same order as the loop after it, so z is the same to the last bit, but four chains of
    // additions overlap where one would wait on each addition in turn.
    var row = 0
    while row + 4 <= outputs {
      let w0 = UnsafeBufferPointer(rebasing: θ[weightRange(row)])
      let w1 = UnsafeBufferPointer(rebasing: θ[weightRange(row + 1)])
      let w2 = UnsafeBufferPointer(rebasing: θ[weightRange(row + 2)])
      let w3 = UnsafeBufferPointer(rebasing: θ[weightRange(row + 3)])
      var sums = SIMD4(
        θ[biases + row], θ[biases + row + 1], θ[biases + row + 2], θ[biases + row + 3])
      for column in 0..<inputs {
        sums += SIMD4(w0[column], w1[column], w2[column], w3[column]) * x[column]
      }
      for lane in 0..<4 {
        z[row + lane] = sums[lane]
        a[row + lane] = activation.value(sums[lane])
      }
      row += 4
    }
    for row in row..<outputs {
      let weights = UnsafeBufferPointer(rebasing: θ[weightRange(row)])
      var sum = θ[biases + row]
      for column in 0..<inputs { sum += weights[column] * x[column] }
      z[row] = sum
      a[row] = activation.value(sum)
    }
  }

  /// Where row `row` of W (the weights into output `row`) sits in θ.
  func weightRange(_ row: Int) -> Range<Int> {
    (offset + row * inputs)..<(offset + (row + 1) * inputs)
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
    precondition(θ.count >= range.upperBound && gradient.count >= range.upperBound)
    precondition(x.count == inputs && z.count == outputs && outputGradient.count == outputs)
    var inputGradient = [Double](repeating: 0, count: inputs)
    θ.withUnsafeBufferPointer { θ in
      x.withUnsafeBufferPointer { x in
        z.withUnsafeBufferPointer { z in
          outputGradient.withUnsafeBufferPointer { outputGradient in
            gradient.withUnsafeMutableBufferPointer { gradient in
              inputGradient.withUnsafeMutableBufferPointer { inputGradient in
                backward(
                  θ, x: x, z: z, outputGradient: outputGradient, inputGradient: inputGradient,
                  into: gradient)
              }
            }
          }
        }
      }
    }
    return inputGradient
  }

  /// Adds ∂L/∂W and ∂L/∂b to `gradient` and writes ∂L/∂x into `inputGradient` (`inputs` long),
  /// on buffers the caller owns, like the forward pass above.
  func backward(
    _ θ: UnsafeBufferPointer<Double>, x: UnsafeBufferPointer<Double>,
    z: UnsafeBufferPointer<Double>, outputGradient: UnsafeBufferPointer<Double>,
    inputGradient: UnsafeMutableBufferPointer<Double>,
    into gradient: UnsafeMutableBufferPointer<Double>
  ) {
    inputGradient.update(repeating: 0)
    let biases = offset + inputs * outputs
    for row in 0..<outputs {
      let δ = outputGradient[row] * activation.derivative(z[row])
      guard δ != 0 else { continue }
      gradient[biases + row] += δ
      let weights = UnsafeBufferPointer(rebasing: θ[weightRange(row)])
      let weightGradient = gradient.slice(weightRange(row))
      for column in 0..<inputs {
        weightGradient[column] += δ * x[column]
        inputGradient[column] += weights[column] * δ
      }
    }
  }
}

/// Dense layers one after another: the MLP "tower".
///
/// A pass keeps what backpropagation needs in one buffer of ``passCount`` doubles, laid out
/// [a₀ | z₁ a₁ | z₂ a₂ | …]: the input, then each layer's weighted sum and its output, which is
/// the next layer's input. The gradients go the other way through a buffer of
/// ``gradientCount`` doubles, [∂L/∂a₀ | ∂L/∂a₁ | … | ∂L/∂a_L]. The caller owns both, so an
/// example costs no allocation.
public struct Tower: Sendable, Equatable {
  public let layers: [Dense]
  /// The input's width, then every layer's output width.
  public let widths: [Int]
  /// Doubles of a pass: the input, then z and a of every layer.
  public let passCount: Int
  /// Doubles of the gradients: ∂L/∂a of the input and of every layer.
  public let gradientCount: Int

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
    self.widths = widths
    passCount = widths[0] + 2 * widths.dropFirst().reduce(0, +)
    gradientCount = widths.reduce(0, +)
  }

  public var parameterCount: Int { layers.reduce(0) { $0 + $1.parameterCount } }

  /// Where the output a_L sits in a pass (the input itself when there is no layer).
  public var outputRange: Range<Int> { (passCount - widths.last!)..<passCount }
  /// Where ∂L/∂a_L sits among the gradients: the caller writes it there before ``backward``.
  public var outputGradientRange: Range<Int> { (gradientCount - widths.last!)..<gradientCount }

  /// Runs every layer on the input the caller wrote at pass[0..<widths[0]], keeping each z and
  /// a for ``backward(_:pass:gradients:into:)``; the output is left at ``outputRange``.
  func forward(_ θ: UnsafeBufferPointer<Double>, pass: UnsafeMutableBufferPointer<Double>) {
    var input = 0
    for layer in layers {
      let sum = input + layer.inputs
      let output = sum + layer.outputs
      layer.forward(
        θ, UnsafeBufferPointer(pass.slice(input..<sum)), z: pass.slice(sum..<output),
        a: pass.slice(output..<(output + layer.outputs)))
      input = output
    }
  }

  /// Adds every layer's gradient to `gradient`, from ∂L/∂a_L at ``outputGradientRange`` of
  /// `gradients` down to ∂L/∂a₀ (= ∂L/∂x), which it leaves at gradients[0..<widths[0]].
  func backward(
    _ θ: UnsafeBufferPointer<Double>, pass: UnsafeMutableBufferPointer<Double>,
    gradients: UnsafeMutableBufferPointer<Double>, into gradient: UnsafeMutableBufferPointer<Double>
  ) {
    // Walk both buffers from their ends: layer ℓ's output a_ℓ, z_ℓ before it, its input before
    // that; ∂L/∂a_ℓ, ∂L/∂a_(ℓ−1) before it.
    var output = outputRange.lowerBound
    var outputGradient = outputGradientRange.lowerBound
    for layer in layers.reversed() {
      let sum = output - layer.outputs
      let input = sum - layer.inputs
      let inputGradient = outputGradient - layer.inputs
      layer.backward(
        θ, x: UnsafeBufferPointer(pass.slice(input..<sum)),
        z: UnsafeBufferPointer(pass.slice(sum..<output)),
        outputGradient: UnsafeBufferPointer(
          gradients.slice(outputGradient..<(outputGradient + layer.outputs))),
        inputGradient: gradients.slice(inputGradient..<outputGradient), into: gradient)
      output = input
      outputGradient = inputGradient
    }
  }

  /// Multiply-adds of one forward pass.
  public var multiplyAdds: Int { layers.reduce(0) { $0 + $1.inputs * $1.outputs } }
}

extension UnsafeMutableBufferPointer {
  /// The entries in `range`, as a buffer of their own: how a scratch buffer is cut into the
  /// pieces of a pass.
  func slice(_ range: Range<Int>) -> UnsafeMutableBufferPointer<Element> {
    UnsafeMutableBufferPointer(rebasing: self[range])
  }
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
