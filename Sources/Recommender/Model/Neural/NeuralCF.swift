/// The neural collaborative filtering models of He et al. (2017), and the dot product they were
/// measured against, as one model with parts switched on or off. With pᵤ, qᵢ the viewer's and
/// title's embeddings and h the output weights:
///
///     MF (dot product)  s = pᵤ · qᵢ + bᵢ + b
///     GMF               s = hᵀ (pᵤ ⊙ qᵢ) + b
///     MLP               s = hᵀ a_L,   a_ℓ = ReLU(W_ℓ a_{ℓ−1} + b_ℓ),   a₀ = [pᵤ'; qᵢ']
///     NeuMF             s = hᵀ [pᵤ ⊙ qᵢ; a_L] + b   (GMF and MLP with their own embeddings)
///
/// GMF with h fixed at all ones is the dot product: what the MLP adds is the learned,
/// non-linear similarity that Rendle et al. (2020) found hard to train. The score s becomes a
/// rating or a probability through the ``Loss``.
public struct NeuralCF: Sendable {
  public enum Architecture: String, Sendable, CaseIterable {
    case dotProduct = "MF (dot product)"
    case gmf = "GMF"
    case mlp = "MLP"
    case neuMF = "NeuMF"
  }

  public let architecture: Architecture
  public let loss: Loss
  /// k, the width of the GMF (and dot-product) embeddings.
  public let factors: Int
  /// The MLP's widths: layers[0] is the concatenated input (two embeddings of half of it).
  public let layers: [Int]
  /// Every parameter: embeddings first, then the dense layers, the output weights and biases.
  public var θ: [Double]

  let gmfUsers: Embedding?
  let gmfItems: Embedding?
  let mlpUsers: Embedding?
  let mlpItems: Embedding?
  let itemBiases: Embedding?
  let tower: Tower?
  let head: Dense?
  /// Where the parameters every example uses (tower, head, b) begin in θ.
  let denseStart: Int
  /// b of the dot product (the head holds it otherwise).
  let globalBias: Int?

  /// A fresh model: embeddings drawn from N(0, 0.01²) as He et al. initialise them, dense
  /// layers by Glorot's uniform rule, biases at zero; all from `random`, in θ's order.
  ///
  /// - Parameters:
  ///   - layers: the MLP's widths, e.g. [32, 16, 8]; layers[0] must be even. Unused by GMF
  ///     and the dot product.
  public init(
    _ architecture: Architecture, users: Int, items: Int, factors: Int, layers: [Int],
    loss: Loss, random: inout NumpyRandom
  ) {
    precondition(layers.count >= 1 && layers[0] % 2 == 0, "the MLP input is two halves")
    self.architecture = architecture
    self.loss = loss
    self.factors = factors
    self.layers = layers
    var next = 0
    func table(_ rows: Int, _ width: Int) -> Embedding {
      defer { next += rows * width }
      return Embedding(offset: next, rows: rows, width: width)
    }
    let usesGMF = architecture != .mlp
    let usesMLP = architecture == .mlp || architecture == .neuMF
    gmfUsers = usesGMF ? table(users, factors) : nil
    gmfItems = usesGMF ? table(items, factors) : nil
    mlpUsers = usesMLP ? table(users, layers[0] / 2) : nil
    mlpItems = usesMLP ? table(items, layers[0] / 2) : nil
    itemBiases = architecture == .dotProduct ? table(items, 1) : nil
    denseStart = next
    if usesMLP {
      let built = Tower(offset: next, widths: layers, activation: .relu)
      tower = built
      next += built.parameterCount
    } else {
      tower = nil
    }
    if architecture == .dotProduct {
      head = nil
      globalBias = next
      next += 1
    } else {
      let features = (usesGMF ? factors : 0) + (usesMLP ? layers.last! : 0)
      let output = Dense(offset: next, inputs: features, outputs: 1, activation: .identity)
      head = output
      globalBias = nil
      next += output.parameterCount
    }
    var θ = [Double](repeating: 0, count: next)
    for table in [gmfUsers, gmfItems, mlpUsers, mlpItems].compactMap({ $0 }) {
      for index in table.offset..<(table.offset + table.parameterCount) {
        θ[index] = 0.01 * random.nextGaussian()
      }
    }
    for layer in tower?.layers ?? [] { layer.initialise(&θ, random: &random) }
    head?.initialise(&θ, random: &random)
    self.θ = θ
  }

  public var parameterCount: Int { θ.count }

  /// What the backward pass needs from the forward pass.
  struct Pass {
    var product: [Double] = []
    var tower = Tower.Pass()
    var features: [Double] = []
    var score = 0.0
  }

  func forward(user: Int, item: Int) -> Pass {
    var pass = Pass()
    if let gmfUsers, let gmfItems {
      let p = gmfUsers.range(user).lowerBound
      let q = gmfItems.range(item).lowerBound
      pass.product = (0..<factors).map { θ[p + $0] * θ[q + $0] }
    }
    if let tower, let mlpUsers, let mlpItems {
      let input = Array(θ[mlpUsers.range(user)]) + Array(θ[mlpItems.range(item)])
      pass.tower = tower.forward(θ, input)
    }
    if let head {
      pass.features = pass.product + pass.tower.output
      pass.score = head.forward(θ, pass.features).z[0]
    } else {
      pass.score =
        pass.product.reduce(0, +) + θ[itemBiases!.range(item).lowerBound]
        + θ[globalBias!]
    }
    return pass
  }

  /// s for one viewer and title.
  public func score(user: Int, item: Int) -> Double { forward(user: user, item: item).score }

  /// ŷ: a rating, or the probability that the viewer chose the title.
  public func predict(user: Int, item: Int) -> Double {
    loss.prediction(score(user: user, item: item))
  }

  /// The parameters one example uses: its viewer's and title's rows and every dense parameter.
  public func ranges(user: Int, item: Int) -> [Range<Int>] {
    var ranges: [Range<Int>] = []
    for table in [gmfUsers, mlpUsers].compactMap({ $0 }) { ranges.append(table.range(user)) }
    for table in [gmfItems, mlpItems, itemBiases].compactMap({ $0 }) {
      ranges.append(table.range(item))
    }
    ranges.append(denseStart..<θ.count)
    return ranges
  }

  /// Marks ``ranges(user:item:)`` as touched without building the list (the training loop's
  /// version).
  public func touch(user: Int, item: Int, in gradient: inout SparseGradient) {
    if let gmfUsers { gradient.touch(gmfUsers.range(user)) }
    if let mlpUsers { gradient.touch(mlpUsers.range(user)) }
    if let gmfItems { gradient.touch(gmfItems.range(item)) }
    if let mlpItems { gradient.touch(mlpItems.range(item)) }
    if let itemBiases { gradient.touch(itemBiases.range(item)) }
    gradient.touch(denseStart..<θ.count)
  }

  /// Adds ∂L/∂θ of one example to `gradient` (only the entries of ``ranges(user:item:)``) and
  /// returns the loss L.
  @discardableResult
  public func accumulateGradient(
    user: Int, item: Int, target: Double, into gradient: inout [Double]
  ) -> Double {
    let pass = forward(user: user, item: item)
    let d = loss.derivative(score: pass.score, target: target)
    var productGradient = [Double](repeating: d, count: factors)
    if let head {
      let featureGradient = head.backward(
        θ, x: pass.features, z: [pass.score], outputGradient: [d], into: &gradient)
      productGradient = Array(featureGradient.prefix(pass.product.count))
      if let tower, let mlpUsers, let mlpItems {
        let inputGradient = tower.backward(
          θ, pass: pass.tower, outputGradient: Array(featureGradient.dropFirst(pass.product.count)),
          into: &gradient)
        let half = mlpUsers.width
        for (offset, j) in mlpUsers.range(user).enumerated() {
          gradient[j] += inputGradient[offset]
        }
        for (offset, j) in mlpItems.range(item).enumerated() {
          gradient[j] += inputGradient[half + offset]
        }
      }
    } else {
      gradient[itemBiases!.range(item).lowerBound] += d
      gradient[globalBias!] += d
    }
    if let gmfUsers, let gmfItems {
      let p = gmfUsers.range(user).lowerBound
      let q = gmfItems.range(item).lowerBound
      for f in 0..<factors {
        let (pf, qf) = (θ[p + f], θ[q + f])
        gradient[p + f] += productGradient[f] * qf
        gradient[q + f] += productGradient[f] * pf
      }
    }
    return loss.value(score: pass.score, target: target)
  }

  /// Multiply-adds to score one viewer and title once the model is trained.
  ///
  /// - Complexity: the dot product k; GMF 2k; the MLP its tower's weights plus the output;
  ///   NeuMF both.
  public var multiplyAddsPerPrediction: Int {
    let gmf = gmfUsers == nil ? 0 : factors
    return gmf + (tower?.multiplyAdds ?? 0) + (head?.inputs ?? 0)
  }

  /// Whether the scores can be written as pᵤ · qᵢ (+ biases), so the best titles for a viewer
  /// can be found by a maximum-inner-product index without scoring every title.
  public var isDotProduct: Bool { architecture == .dotProduct || architecture == .gmf }
}
