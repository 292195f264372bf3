import ChapterKit
import Recommender

/// Which neural models run beside the baselines (MF and bias-only always run).
enum ModelChoice: String, CaseIterable, Sendable {
  case all, gmf, mlp, neumf, autorec

  /// The He et al. architectures this choice trains.
  var architectures: [NeuralCF.Architecture] {
    switch self {
    case .all: [.gmf, .mlp, .neuMF]
    case .gmf: [.gmf]
    case .mlp: [.mlp]
    case .neumf: [.neuMF]
    case .autorec: []
    }
  }

  var trainsAutoRec: Bool { self == .all || self == .autorec }
}

struct Settings: ChapterSettings {
  var common = CommonOptions()
  var data = DataFileOptions()
  var model = ModelChoice.all
  // Left nil without the flag: the default depends on the data (see Recipe).
  var factors: Int?
  var layers: String?
  var epochs: Int?
  var learningRate: Double?
  var negatives = 99
  var quick = false

  static var options: [ChapterOption<Settings>] {
    [
      .choice("--model", \.model, help: "the neural models trained beside the baselines"),
      .integer(
        "--factors", \.factors, atLeast: 1, atMost: 64,
        help: "k, the embedding width of MF and GMF", whenAbsent: "8"),
      .string(
        "--layers", \.layers, valueName: "W,W,…",
        help: "the MLP tower's widths, the first being the two embeddings side by side",
        whenAbsent: "16,8; 32,16,8 with --ratings"),
      .integer(
        "--epochs", \.epochs, atLeast: 1, atMost: 100,
        help: "passes over the training examples of every neural model",
        whenAbsent: "20 on ratings and 10 on choices; 10 and 3 with --ratings"),
      .double(
        "--learning-rate", \.learningRate, .closedRange(1e-6...0.1),
        help: "η, Adam's step for every neural model", whenAbsent: "0.005; 0.001 with --ratings"),
      .integer(
        "--negatives", \.negatives, atLeast: 1, atMost: 999,
        help: "unchosen titles each held-out choice is ranked against"),
      .flag("--quick", \.quick, help: "one seed, fewer epochs, a smaller experiment (tests)"),
    ] + .dataFiles(\.data) + .common(\.common)
  }

  /// The tower's widths from `--layers`, or a usage error naming what is accepted.
  func towerOrExit(default widths: [Int], command: String) -> [Int] {
    guard let layers else { return widths }
    let parts = layers.split(separator: ",", omittingEmptySubsequences: false).map {
      Int($0.trimmingCharacters(in: .whitespaces))
    }
    guard (1...5).contains(parts.count), parts.allSatisfy({ ($0 ?? 0) >= 1 && $0! <= 256 }),
      parts[0]! % 2 == 0
    else {
      exitWithError(
        .usage(
          "--layers expects 1 to 5 whole numbers from 1 to 256 separated by commas, the first "
            + "even (it is two embeddings side by side), got \"\(layers)\""),
        command: command)
    }
    return parts.map { $0! }
  }
}

/// Every setting of the run, from the flags or chosen for the data.
struct Recipe: Sendable {
  let factors: Int
  let tower: [Int]
  let ratingEpochs: Int
  let choiceEpochs: Int
  let learningRate: Double
  /// Negatives sampled per training choice (He et al.'s 4).
  let trainingNegatives = 4
  let negatives: Int
  /// K of HR@K and NDCG@K.
  let k = 10
  /// Seeds each comparison is repeated over: the run's seed and the next ones.
  let seeds: [UInt32]
  /// Hidden units of I-AutoRec.
  let autoRecHidden: Int
  /// λ of the neural models on ratings, of AutoRec, and of MF with biases.
  let neuralLambda = 0.01
  let autoRecLambda = 1.0
  /// I-AutoRec takes one step per title, far fewer than the others per epoch: it gets 5 times
  /// their epochs on the catalogue's 40 titles, twice on files.
  let autoRecEpochs: Int
  let mfLambda: Double
  let mfEpochs: Int
  let mfLearningRate: Double
  let batchSize: Int
  /// The lowest rating that counts as a choice on the catalogue (see the implicit section).
  let choiceThreshold: Double?
  /// The widths tried in the dot-product experiment, and its budget.
  let dotWidths: [Int]
  let dotEpochs: Int

  init(settings: Settings, onCatalogue: Bool, command: String) {
    let quick = settings.quick
    factors = settings.factors ?? 8
    tower = settings.towerOrExit(
      default: onCatalogue ? [16, 8] : [32, 16, 8], command: command)
    ratingEpochs = settings.epochs ?? (quick ? 5 : onCatalogue ? 20 : 10)
    choiceEpochs = settings.epochs ?? (quick ? 5 : onCatalogue ? 10 : 3)
    learningRate = settings.learningRate ?? (onCatalogue ? 0.005 : 0.001)
    autoRecEpochs = (onCatalogue ? 5 : 2) * ratingEpochs
    negatives = settings.negatives
    let seed = settings.common.seed
    seeds = (quick || !onCatalogue) ? [seed] : [seed, seed &+ 1, seed &+ 2]
    autoRecHidden = onCatalogue ? 20 : 50
    mfLambda = onCatalogue ? 0.1 : 0.02
    mfEpochs = quick ? 20 : onCatalogue ? 100 : 20
    mfLearningRate = onCatalogue ? 0.02 : 0.005
    batchSize = onCatalogue ? 32 : 256
    choiceThreshold = onCatalogue ? 4 : nil
    dotWidths = quick ? [4, 16] : [4, 16, 64]
    dotEpochs = quick ? 5 : 20
  }
}
