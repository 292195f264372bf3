import ChapterKit
import Foundation
import Recommender

/// Which trainers a run compares.
enum Method: String, CaseIterable, Sendable {
  case all, sgd, dsgd, hogwild, als

  func includes(_ other: Method) -> Bool { self == .all || self == other }
}

struct Settings: ChapterSettings {
  var common = CommonOptions()
  var scale = 0.002
  var workers = 2
  var blocks: Int?
  var factors = 20
  var epochs = 6
  var method = Method.all
  var nodes = 8
  var quick = false

  /// The largest scale `--quick` generates: 20,096 ratings.
  static let quickScale = 0.0002

  static var options: [ChapterOption<Settings>] {
    [
      .double(
        "--scale", \.scale, .closedRange(0.0001...1),
        help: "share of the Prize's 480,189 viewers and 100,480,507 ratings to generate "
          + "(1 = all of it; use a release build)"),
      .integer(
        "--workers", \.workers, atLeast: 1, atMost: 32,
        help: "threads for DSGD, Hogwild! and ALS; speedups measured for 1…N"),
      .integer(
        "--blocks", \.blocks, atLeast: 1, atMost: 1024,
        help: "DSGD cuts the ratings into B × B blocks (at least the workers)",
        whenAbsent: "enough that a block's rows of Q fit in 2 MB"),
      .integer("--factors", \.factors, atLeast: 1, atMost: 100, help: "k, latent factors"),
      .integer("--epochs", \.epochs, atLeast: 1, atMost: 50, help: "training epochs per method"),
      .choice("--method", \.method, help: "train with every method, or only the one named"),
      .integer(
        "--nodes", \.nodes, atLeast: 2, atMost: 1000,
        help: "simulated serving nodes the profile store and cache are split over"),
      .flag(
        "--quick", \.quick,
        help: "scale at most 0.0002 and one timed epoch per worker count (tests and CI)"),
    ] + .common(\.common)
  }

  /// B, the blocks on each side of DSGD's grid: `--blocks`, raised to the workers if fewer,
  /// or by default as many as keep a block's rows within ``BlockedRatings/cacheBudget``.
  func effectiveBlocks(items: Int) -> Int {
    guard let blocks else {
      return BlockedRatings.strata(items: items, factors: factors, workers: workers)
    }
    return max(blocks, workers)
  }

  /// The scale generated: `--scale`, capped by `--quick`.
  var effectiveScale: Double { quick ? min(scale, Self.quickScale) : scale }
}

/// The SGD settings every SGD method uses, and ALS's λ.
enum Hyperparameters {
  static let sgd = SGDTrainer.Settings(
    learningRate: 0.01, biasLearningRate: 0.01, regularization: 0.05)
  static let alsLambda = 0.05
}

/// One method's training: test RMSE after each epoch and each epoch's wall time.
struct TrainingRun {
  let name: String
  var rmse: [Double] = []
  var epochNanoseconds: [Double] = []
  /// Ratings trained on per epoch.
  let ratings: Int

  /// The median epoch's time.
  var medianNanoseconds: Double {
    let sorted = epochNanoseconds.sorted()
    return sorted[sorted.count / 2]
  }
  /// Training ratings per second at the median epoch.
  var ratingsPerSecond: Double { Double(ratings) / (medianNanoseconds / 1e9) }
}

/// A fresh model for the data: small normal factors, biases at zero, μ the training mean.
func freshModel(_ data: BlockedRatings, factors: Int, seed: UInt32) -> MatrixFactorization {
  var random = NumpyRandom(seed: seed)
  return MatrixFactorization(
    users: data.users, items: data.items, factors: factors, initialisation: .normal,
    usesBiases: true, globalMean: data.meanStars, random: &random)
}

/// Trains `epochs` epochs from a fresh model, timing each epoch and reading the probe RMSE.
func train(
  _ name: String, _ data: BlockedRatings, factors: Int, epochs: Int, seed: UInt32,
  epoch: (inout MatrixFactorization) -> Void
) -> TrainingRun {
  var model = freshModel(data, factors: factors, seed: seed)
  var run = TrainingRun(name: name, ratings: data.trainingCount)
  for _ in 0..<epochs {
    let start = MonotonicClock.now()
    epoch(&model)
    run.epochNanoseconds.append(Double(MonotonicClock.now() - start))
    run.rmse.append(ParallelSGD.rmse(model, on: data.probe))
  }
  return run
}

/// Times `rounds` epochs of each way of training, the ways taking turns on one model (first to
/// last, then last to first, …): an interleaved benchmark, so that a slow spell on a shared
/// machine falls on every way rather than on one. Every way must compute the same epoch (DSGD
/// gives the same model with any number of workers), so one model serves them all.
func timeInTurns(
  _ names: [String], _ data: BlockedRatings, factors: Int, rounds: Int, seed: UInt32,
  epoch: (Int, inout MatrixFactorization) -> Void
) -> [TrainingRun] {
  var model = freshModel(data, factors: factors, seed: seed)
  var runs = names.map { TrainingRun(name: $0, ratings: data.trainingCount) }
  for round in 0..<rounds {
    let turns = round.isMultiple(of: 2) ? Array(names.indices) : names.indices.reversed()
    for index in turns {
      let start = MonotonicClock.now()
      epoch(index, &model)
      runs[index].epochNanoseconds.append(Double(MonotonicClock.now() - start))
    }
  }
  return runs
}

/// Wall time of `body` in nanoseconds, and its result.
func timed<Result>(_ body: () -> Result) -> (Result, Double) {
  let start = MonotonicClock.now()
  let result = body()
  return (result, Double(MonotonicClock.now() - start))
}

/// "0.8 MB", "804 MB", "1.6 GB": decimal units, as the Prize's size is usually quoted.
func bytesText(_ bytes: Double) -> String {
  if bytes >= 1e9 { return fixed(bytes / 1e9, 1) + " GB" }
  if bytes >= 1e6 { return fixed(bytes / 1e6, bytes >= 1e8 ? 0 : 1) + " MB" }
  return fixed(bytes / 1e3, 1) + " kB"
}
