import Recommender

/// Which flag a reader turns to lower each of γ, γ_b and λ in one training run, so that a
/// divergence names the flag that helps. In a run where one flag sets several rates (the demo's
/// `--learning-rate` sets γ and γ_b; the regularization sweep's `--sweep-learning-rate` sets
/// the step that a fixed λ grid multiplies), several fields name the same flag.
public struct RateFlags: Sendable {
  /// The flag to lower when γ is the cause.
  public var learningRate: String
  /// The flag to lower when γ_b is the cause.
  public var biasLearningRate: String
  /// The flag to lower when λ with its step is the cause.
  public var regularization: String

  public init(learningRate: String, biasLearningRate: String, regularization: String) {
    self.learningRate = learningRate
    self.biasLearningRate = biasLearningRate
    self.regularization = regularization
  }
}

extension ChapterError {
  /// A training run that diverged: exit status 1, one line saying when, the likely cause in
  /// the blog's symbols, and the flag to lower.
  ///
  /// - Parameters:
  ///   - error: What the trainer threw.
  ///   - flags: The flags that set this run's γ, γ_b and λ.
  ///   - run: Which run it was, when a chapter trains several (e.g. "MF with biases").
  public static func diverged(_ error: TrainingError, flags: RateFlags, run: String? = nil)
    -> ChapterError
  {
    switch error {
    case .diverged(let divergence):
      let flag =
        switch divergence.cause {
        case .learningRate: flags.learningRate
        case .biasLearningRate: flags.biasLearningRate
        case .regularization: flags.regularization
        }
      return .failure(
        (run.map { "\($0): " } ?? "") + divergence.description + "; try a smaller \(flag)")
    }
  }
}
