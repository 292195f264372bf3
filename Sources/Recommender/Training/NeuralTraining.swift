/// One example for a neural model: a viewer, a title and the target (a rating, or 1 for a
/// title the viewer chose and 0 for a sampled one).
public struct TrainingExample: Sendable, Equatable {
  public let user: Int
  public let item: Int
  public let target: Double

  public init(user: Int, item: Int, target: Double) {
    self.user = user
    self.item = item
    self.target = target
  }
}

/// A model or loss stopped being a finite number.
public struct NeuralDivergence: Error, Sendable {
  public let epoch: Int
}

/// How a neural model learns: mini-batches of examples in a seeded random order, the mean
/// gradient of each batch (plus λθ on what the batch used) stepped by ``Adam``.
public struct NeuralTraining: Sendable {
  public let epochs: Int
  public let learningRate: Double
  public let batchSize: Int
  /// λ, the L2 penalty (λ/2)‖θ‖² applied to the parameters each batch uses.
  public let regularization: Double
  public let seed: UInt32

  public init(
    epochs: Int, learningRate: Double, batchSize: Int, regularization: Double, seed: UInt32
  ) {
    self.epochs = epochs
    self.learningRate = learningRate
    self.batchSize = batchSize
    self.regularization = regularization
    self.seed = seed
  }

  /// Trains `model` for ``epochs`` passes.
  ///
  /// - Parameters:
  ///   - examples: each epoch's examples, drawn from the training stream (implicit feedback
  ///     samples fresh negatives every epoch, as He et al. do).
  ///   - onEpoch: called after each epoch with its number, the model and the mean loss.
  /// - Throws: ``NeuralDivergence`` when the loss or a parameter is no longer finite.
  /// - Complexity: O(epochs × examples × the model's multiply-adds).
  public func fit(
    _ model: inout NeuralCF, examples: (inout NumpyRandom) -> [TrainingExample],
    onEpoch: (Int, NeuralCF, Double) -> Void = { _, _, _ in }
  ) throws(NeuralDivergence) {
    var random = NumpyRandom(seed: seed)
    var adam = Adam(parameterCount: model.parameterCount, learningRate: learningRate)
    var gradient = SparseGradient(count: model.parameterCount)
    // Every example's intermediate values, in one buffer reused from example to example.
    var scratch = [Double](repeating: 0, count: model.layout.count)
    for epoch in 1...max(epochs, 1) where epochs > 0 {
      var batch = examples(&random)
      random.shuffle(&batch)
      var total = 0.0
      var start = 0
      while start < batch.count {
        let end = min(start + batchSize, batch.count)
        for example in batch[start..<end] {
          model.touch(user: example.user, item: example.item, in: &gradient)
        }
        total = gradient.withValues { values in
          model.accumulateGradient(
            batch[start..<end], into: &values, scratch: &scratch, total: total)
        }
        gradient.scale(by: 1 / Double(end - start))
        gradient.addWeightDecay(regularization, model.θ)
        adam.update(&model.θ, gradient: gradient.values, ranges: gradient.ranges)
        gradient.reset()
        start = end
      }
      let meanLoss = total / Double(max(batch.count, 1))
      guard meanLoss.isFinite, model.θ.allSatisfy(\.isFinite) else {
        throw NeuralDivergence(epoch: epoch)
      }
      onEpoch(epoch, model, meanLoss)
    }
  }
}
