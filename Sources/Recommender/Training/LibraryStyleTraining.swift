extension MatrixFactorization {
  /// MF with biases trained by SGD the way libraries such as Surprise train it: factors drawn
  /// from N(0, 0.1²) (P, then Q), μ the mean of `ratings`, one step γ for factors and biases
  /// alike, the simultaneous update and a fresh shuffle every epoch, both seeded by `seed`.
  ///
  /// - Parameters:
  ///   - factors: k; 0 gives the bias-only baseline μ + bᵤ + bᵢ.
  ///   - regularization: λ.
  /// - Throws: ``TrainingError/diverged(_:)`` when training diverges.
  /// - Complexity: O(epochs × ratings × k).
  public static func trainedWithBiases(
    on ratings: [Rating], users: Int, items: Int, factors: Int, epochs: Int,
    learningRate: Double, regularization: Double, seed: UInt32
  ) throws(TrainingError) -> MatrixFactorization {
    var random = NumpyRandom(seed: seed)
    let μ = ratings.reduce(0) { $0 + $1.value } / Double(ratings.count)
    var model = MatrixFactorization(
      users: users, items: items, factors: factors, initialisation: .normal, usesBiases: true,
      globalMean: μ, random: &random)
    var trainer = SGDTrainer(
      settings: .init(
        learningRate: learningRate, biasLearningRate: learningRate,
        regularization: regularization, factorUpdate: .simultaneous,
        visitOrder: .shuffledEachEpoch(seed: seed)),
      ratings: ratings)
    try trainer.fit(&model, epochs: epochs)
    return model
  }
}
