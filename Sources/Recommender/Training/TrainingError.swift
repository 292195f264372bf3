/// Training stopped because the numbers stopped meaning anything.
public enum TrainingError: Error, Sendable, CustomStringConvertible {
  /// An error or a parameter became infinite or NaN; the divergence says when and most likely
  /// why.
  case diverged(Divergence)

  public var description: String {
    switch self {
    case .diverged(let divergence): divergence.description
    }
  }
}

/// When training diverged, and which of γ, γ_b and λ most likely made it.
///
/// A step on one rating moves the prediction r̂ᵤᵢ by about `gain` × eᵤᵢ. While the gain stays
/// below 2, each step lands closer to the rating than it started; at 2 and above a step
/// overshoots by more than the error it corrects, the next error is larger, and the parameters
/// grow without bound. Each rate has its own gain:
///
///     penalty:   γ λ, and γ_b λ with biases    (each step multiplies a parameter by 1 − γλ)
///     biases:    2 γ_b                         (bᵤ and bᵢ both move by γ_b eᵤᵢ)
///     factors:   γ (‖pᵤ‖² + ‖qᵢ‖²)              (pᵤ·qᵢ moves by about γ eᵤᵢ (‖qᵢ‖² + ‖pᵤ‖²))
///
/// The first two are fixed by the settings, so when either reaches 2 the run was unstable from
/// its first step and that rate is the cause, the penalty first (no step size for the data can
/// help while it flips signs). Otherwise the factors' gain passed 2: it grows with the factors
/// themselves, which is how even the listing's γ = 0.01 diverges after 15,085 epochs without
/// λ. (Measuring the factors when the run diverged says nothing: an unstable bias step has
/// blown them up by then too.)
public struct Divergence: Sendable, Equatable, CustomStringConvertible {
  /// The setting that most likely made the steps overshoot.
  public enum Cause: Sendable, Equatable {
    /// γ, the factors' learning rate.
    case learningRate
    /// γ_b, the biases' learning rate.
    case biasLearningRate
    /// λ, the regularization strength, with the step it is multiplied by.
    case regularization
  }

  /// The epoch (1-based) after which a number was no longer finite.
  public let epoch: Int
  /// γ, γ_b and λ of the run.
  public let learningRate: Double
  public let biasLearningRate: Double
  public let regularization: Double
  /// Whether the model learned biases (γ_b plays no part otherwise).
  public let learnsBiases: Bool

  /// Diagnoses a divergence from the run's rates.
  ///
  /// - Parameters:
  ///   - epoch: The epoch that diverged.
  ///   - settings: γ, γ_b and λ.
  ///   - learnsBiases: Whether the model has biases.
  public init(epoch: Int, settings: SGDTrainer.Settings, learnsBiases: Bool) {
    self.epoch = epoch
    self.learningRate = settings.learningRate
    self.biasLearningRate = settings.biasLearningRate
    self.regularization = settings.regularization
    self.learnsBiases = learnsBiases
  }

  /// The setting that most likely made the steps overshoot: the penalty when its gain reaches
  /// 2, then the bias step when 2γ_b does, else the factor step.
  public var cause: Cause {
    if penaltyGain >= 2 { return .regularization }
    if learnsBiases && 2 * biasLearningRate >= 2 { return .biasLearningRate }
    return .learningRate
  }

  /// γλ, or γ_bλ when that is larger and the model has biases: the share of a parameter that
  /// one step's penalty takes away.
  public var penaltyGain: Double {
    max(learningRate * regularization, learnsBiases ? biasLearningRate * regularization : 0)
  }

  /// What happened and why, in the blog's symbols; a chapter adds the flag to change.
  public var description: String {
    "training diverged in epoch \(epoch): the errors grew past any finite number; " + reason
  }

  /// Why, in the blog's symbols: "the bias step γ_b = 5 is too large: …".
  public var reason: String {
    switch cause {
    case .regularization:
      return "the penalty λ = \(plainNumber(regularization)) is too strong for its step: each "
        + "step multiplies a parameter by 1 − \(plainNumber(penaltyGain)), flipping its sign "
        + "and growing it"
    case .biasLearningRate:
      return "the bias step γ_b = \(plainNumber(biasLearningRate)) is too large: one step moves "
        + "bᵤ + bᵢ by \(plainNumber(2 * biasLearningRate)) times its error, overshooting it "
        + "(below 2 the steps would settle)"
    case .learningRate:
      return "the factor step γ = \(plainNumber(learningRate)) overshoots: one step moves pᵤ·qᵢ "
        + "by about γ (‖pᵤ‖² + ‖qᵢ‖²) times its error, and that passed 2"
        + (regularization == 0 ? " as the factors grew, with no λ to hold them back" : "")
    }
  }
}
