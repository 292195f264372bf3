/// Backpropagation checked against the definition of a derivative: each analytic ∂L/∂θⱼ is
/// compared with the central difference (L(θ + h eⱼ) − L(θ − h eⱼ)) / 2h, whose own error is
/// O(h²), by the relative error |a − n| / max(|a| + |n|, 10⁻⁷).
public enum GradientCheck {
  /// The largest relative error over every parameter of θ.
  public static func largestRelativeError(
    _ θ: [Double], step h: Double = 1e-6, loss: ([Double]) -> Double,
    gradient: ([Double]) -> [Double]
  ) -> Double {
    let analytic = gradient(θ)
    var largest = 0.0
    var shifted = θ
    for j in θ.indices {
      shifted[j] = θ[j] + h
      let above = loss(shifted)
      shifted[j] = θ[j] - h
      let below = loss(shifted)
      shifted[j] = θ[j]
      let numeric = (above - below) / (2 * h)
      largest = max(
        largest, abs(analytic[j] - numeric) / max(abs(analytic[j]) + abs(numeric), 1e-7))
    }
    return largest
  }

  /// Every piece of the neural models on a small random instance drawn from `seed`, with its
  /// largest relative error.
  public static func pieces(seed: UInt32) -> [(piece: String, error: Double)] {
    var random = NumpyRandom(seed: seed)
    func normals(_ count: Int) -> [Double] { (0..<count).map { _ in random.nextGaussian() } }
    var checks: [(String, Double)] = []

    // A dense layer under L = c · a, so ∂L/∂a = c: its weights, biases and input.
    for (name, activation) in [
      ("Dense layer, ReLU", Activation.relu), ("Dense layer, sigmoid", .sigmoid),
    ] {
      let layer = Dense(offset: 0, inputs: 4, outputs: 3, activation: activation)
      let θ = normals(layer.parameterCount)
      let x = normals(4)
      let c = normals(3)
      func loss(_ θ: [Double], _ x: [Double]) -> Double {
        zip(layer.forward(θ, x).a, c).reduce(0) { $0 + $1.0 * $1.1 }
      }
      func gradients(_ θ: [Double], _ x: [Double]) -> (θ: [Double], x: [Double]) {
        var g = [Double](repeating: 0, count: θ.count)
        let z = layer.forward(θ, x).z
        let gx = layer.backward(θ, x: x, z: z, outputGradient: c, into: &g)
        return (g, gx)
      }
      let weights = largestRelativeError(θ, loss: { loss($0, x) }, gradient: { gradients($0, x).θ })
      let input = largestRelativeError(x, loss: { loss(θ, $0) }, gradient: { gradients(θ, $0).x })
      checks.append((name, max(weights, input)))
    }

    // The losses, through their outputs, by the score.
    for (name, loss, target) in [
      ("Squared error, linear output", Loss.squaredError(offset: 3.5), 4.0),
      ("Cross-entropy, sigmoid output", Loss.binaryCrossEntropy, 1.0),
    ] {
      let s = normals(1)
      checks.append(
        (
          name,
          largestRelativeError(
            s, loss: { loss.value(score: $0[0], target: target) },
            gradient: { [loss.derivative(score: $0[0], target: target)] })
        ))
    }

    // Each model whole, on one example: embeddings, tower and output together.
    for architecture in NeuralCF.Architecture.allCases {
      let loss: Loss = architecture == .neuMF ? .squaredError(offset: 3.5) : .binaryCrossEntropy
      var model = NeuralCF(
        architecture, users: 3, items: 4, factors: 3, layers: [6, 4, 2], loss: loss,
        random: &random)
      model.θ = normals(model.parameterCount).map { 0.5 * $0 }
      let target = architecture == .neuMF ? 4.0 : 1.0
      let error = largestRelativeError(
        model.θ,
        loss: { θ in
          var probe = model
          probe.θ = θ
          return loss.value(score: probe.score(user: 1, item: 2), target: target)
        },
        gradient: { θ in
          var probe = model
          probe.θ = θ
          var g = [Double](repeating: 0, count: θ.count)
          probe.accumulateGradient(user: 1, item: 2, target: target, into: &g)
          return g
        })
      checks.append(("Embeddings and " + architecture.rawValue, error))
    }

    var autoRec = AutoRec(users: 5, hidden: 3, mean: 3.5, random: &random)
    autoRec.θ = normals(autoRec.parameterCount).map { 0.5 * $0 }
    let column: [(user: Int, rating: Double)] = [(0, 4), (2, 1), (3, 5)]
    let error = largestRelativeError(
      autoRec.θ,
      loss: { θ in
        var probe = autoRec
        probe.θ = θ
        let code = probe.encode(column)
        return column.reduce(0) {
          $0 + (probe.decode(code, user: $1.user) - $1.rating)
            * (probe.decode(code, user: $1.user) - $1.rating)
        }
      },
      gradient: { θ in
        var probe = autoRec
        probe.θ = θ
        var g = [Double](repeating: 0, count: θ.count)
        probe.accumulateGradient(column, into: &g)
        return g
      })
    checks.append(("I-AutoRec", error))
    return checks
  }
}
