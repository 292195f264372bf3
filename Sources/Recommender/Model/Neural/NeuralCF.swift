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
  let users: Int
  let items: Int
  /// θ's length as built: θ may be replaced (the gradient checks do) but not resized.
  let parameterEnd: Int
  /// Where the pieces of one example's pass sit in its scratch buffer.
  let layout: ScratchLayout

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
    self.users = users
    self.items = items
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
    parameterEnd = next
    layout = ScratchLayout(
      product: usesGMF ? factors : 0, tower: tower, features: head?.inputs ?? 0)
  }

  public var parameterCount: Int { θ.count }

  /// One example's pass through the model keeps its intermediate values in a scratch buffer of
  /// ``count`` doubles that the caller owns, so that training allocates nothing per example. The
  /// forward pass fills the first ``forwardCount`` (all that scoring needs), the backward pass
  /// the rest.
  struct ScratchLayout: Sendable {
    /// pᵤ ⊙ qᵢ (GMF and the dot product).
    let product: Range<Int>
    /// The tower's pass, [pᵤ′; qᵢ′] first (see ``Tower``).
    let tower: Range<Int>
    /// [pᵤ ⊙ qᵢ; a_L], the head's input.
    let features: Range<Int>
    /// The head's weighted sum and its output: both the score s.
    let score: Range<Int>
    /// ∂L/∂s, the head's ∂L/∂features, and the tower's gradients.
    let scoreGradient: Range<Int>
    let featureGradient: Range<Int>
    let towerGradients: Range<Int>

    init(product: Int, tower: Tower?, features: Int) {
      var next = 0
      func place(_ count: Int) -> Range<Int> {
        defer { next += count }
        return next..<(next + count)
      }
      self.product = place(product)
      self.tower = place(tower?.passCount ?? 0)
      self.features = place(features)
      score = place(2)
      scoreGradient = place(1)
      featureGradient = place(features)
      towerGradients = place(tower?.gradientCount ?? 0)
    }

    var forwardCount: Int { score.upperBound }
    var count: Int { towerGradients.upperBound }
  }

  /// s for one viewer and title, leaving in `scratch` what the backward pass needs.
  func forward(
    user: Int, item: Int, _ θ: UnsafeBufferPointer<Double>,
    _ scratch: UnsafeMutableBufferPointer<Double>
  ) -> Double {
    // θ is read unchecked from here on: a viewer or title outside the tables, or a θ of another
    // length than the model's, must stop the run.
    precondition(0 <= user && user < users && 0 <= item && item < items, "no such viewer or title")
    precondition(θ.count == parameterEnd, "θ has the wrong length")
    let product = scratch.slice(layout.product)
    if let gmfUsers, let gmfItems {
      let p = gmfUsers.range(user).lowerBound
      let q = gmfItems.range(item).lowerBound
      for f in 0..<factors { product[f] = θ[p + f] * θ[q + f] }
    }
    guard let head else {
      // The dot product: Σ_f pᵤf qᵢf + bᵢ + b.
      var sum = 0.0
      for f in 0..<factors { sum += product[f] }
      return sum + θ[itemBiases!.range(item).lowerBound] + θ[globalBias!]
    }
    let features = scratch.slice(layout.features)
    _ = features.update(fromContentsOf: product)
    if let tower, let mlpUsers, let mlpItems {
      let pass = scratch.slice(layout.tower)
      let half = mlpUsers.width
      let p = mlpUsers.range(user).lowerBound
      let q = mlpItems.range(item).lowerBound
      for f in 0..<half {
        pass[f] = θ[p + f]
        pass[half + f] = θ[q + f]
      }
      tower.forward(θ, pass: pass)
      _ = features.slice(product.count..<features.count).update(
        fromContentsOf: pass[tower.outputRange])
    }
    let score = scratch.slice(layout.score)
    head.forward(θ, UnsafeBufferPointer(features), z: score.slice(0..<1), a: score.slice(1..<2))
    return score[0]
  }

  /// s for one viewer and title.
  public func score(user: Int, item: Int) -> Double {
    // On the stack: scoring runs for every candidate title of every evaluated viewer.
    withUnsafeTemporaryAllocation(of: Double.self, capacity: layout.forwardCount) { scratch in
      scratch.initialize(repeating: 0)
      return θ.withUnsafeBufferPointer { forward(user: user, item: item, $0, scratch) }
    }
  }

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
    var scratch = [Double](repeating: 0, count: layout.count)
    return accumulateGradient(
      [TrainingExample(user: user, item: item, target: target)], into: &gradient,
      scratch: &scratch)
  }

  /// ``accumulateGradient(user:item:target:into:)`` for every example of a batch, one after
  /// another, on a scratch buffer the training loop keeps from batch to batch; returns `total`
  /// plus every example's loss, added in order.
  func accumulateGradient(
    _ examples: ArraySlice<TrainingExample>, into gradient: inout [Double],
    scratch: inout [Double], total: Double = 0
  ) -> Double {
    precondition(gradient.count == θ.count && scratch.count == layout.count)
    var total = total
    θ.withUnsafeBufferPointer { θ in
      gradient.withUnsafeMutableBufferPointer { gradient in
        scratch.withUnsafeMutableBufferPointer { scratch in
          for example in examples {
            total += accumulateGradient(
              user: example.user, item: example.item, target: example.target, θ, scratch,
              into: gradient)
          }
        }
      }
    }
    return total
  }

  /// Backpropagation for one example: the forward pass, ∂L/∂s = d, then the head, the tower
  /// and the embeddings.
  func accumulateGradient(
    user: Int, item: Int, target: Double, _ θ: UnsafeBufferPointer<Double>,
    _ scratch: UnsafeMutableBufferPointer<Double>, into gradient: UnsafeMutableBufferPointer<Double>
  ) -> Double {
    let s = forward(user: user, item: item, θ, scratch)
    let d = loss.derivative(score: s, target: target)
    // ∂L/∂(pᵤ ⊙ qᵢ): d for every factor of the dot product, the head's gradient otherwise.
    let featureGradient = scratch.slice(layout.featureGradient)
    if let head {
      let scoreGradient = scratch.slice(layout.scoreGradient)
      scoreGradient[0] = d
      head.backward(
        θ, x: UnsafeBufferPointer(scratch.slice(layout.features)),
        z: UnsafeBufferPointer(scratch.slice(layout.score.prefix(1))),
        outputGradient: UnsafeBufferPointer(scoreGradient), inputGradient: featureGradient,
        into: gradient)
      if let tower, let mlpUsers, let mlpItems {
        // ∂L/∂a_L is the features' gradient after the product's.
        let gradients = scratch.slice(layout.towerGradients)
        let productCount = layout.product.count
        _ = gradients.slice(tower.outputGradientRange).update(
          fromContentsOf: featureGradient[productCount..<featureGradient.count])
        tower.backward(
          θ, pass: scratch.slice(layout.tower), gradients: gradients, into: gradient)
        let half = mlpUsers.width
        let p = mlpUsers.range(user).lowerBound
        let q = mlpItems.range(item).lowerBound
        for f in 0..<half { gradient[p + f] += gradients[f] }
        for f in 0..<half { gradient[q + f] += gradients[half + f] }
      }
    } else {
      gradient[itemBiases!.range(item).lowerBound] += d
      gradient[globalBias!] += d
    }
    if let gmfUsers, let gmfItems {
      let p = gmfUsers.range(user).lowerBound
      let q = gmfItems.range(item).lowerBound
      for f in 0..<factors {
        let productGradient = head == nil ? d : featureGradient[f]
        let (pf, qf) = (θ[p + f], θ[q + f])
        gradient[p + f] += productGradient * qf
        gradient[q + f] += productGradient * pf
      }
    }
    return loss.value(score: s, target: target)
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
