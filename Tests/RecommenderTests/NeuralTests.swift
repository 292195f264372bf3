import Foundation
import Testing

@testable import Recommender

/// The neural pieces as specifications: backpropagation against finite differences, Adam's
/// first step by hand, the leave-one-out protocol's invariants and its ranks scored by hand.
@Suite("Neural recommenders: layers, backpropagation, Adam, leave-one-out")
struct NeuralTests {
  @Test("every piece's gradient matches central differences to 1e-6")
  func gradientChecks() {
    let checks = GradientCheck.pieces(seed: 7)
    #expect(checks.count == 9)
    for check in checks { #expect(check.error <= 1e-6, "\(check.piece): \(check.error)") }
  }

  @Test("the check catches a wrong gradient: ∂(x²)/∂x given as x is off by half")
  func checkCatchesBugs() {
    let error = GradientCheck.largestRelativeError(
      [1.5], loss: { $0[0] * $0[0] }, gradient: { [$0[0]] })
    #expect(abs(error - 1.0 / 3) < 1e-6)
  }

  /// Nine outputs: two blocks of four rows computed side by side, and one row alone.
  @Test("a dense layer's weighted sums add their terms in the order z = b + W₁x₁ + W₂x₂ + …")
  func denseSumsInOrder() {
    var random = NumpyRandom(seed: 11)
    let layer = Dense(offset: 3, inputs: 5, outputs: 9, activation: .relu)
    let θ = (0..<(3 + layer.parameterCount)).map { _ in random.nextGaussian() }
    let x = (0..<5).map { _ in random.nextGaussian() }
    let z = (0..<9).map { (row: Int) -> Double in
      var sum: Double = θ[3 + 45 + row]
      for column in 0..<5 { sum += θ[3 + row * 5 + column] * x[column] }
      return sum
    }
    #expect(layer.forward(θ, x).z == z)
  }

  /// θ = 1, g = 0.5, η = 0.1: m = 0.05, v = 0.00025; m̂ = 0.5, v̂ = 0.25;
  /// θ ← 1 − 0.1 · 0.5 / (0.5 + 1e-8) = 0.9 (to 1e-8). Outside the range, nothing moves.
  @Test("Adam's first step, worked by hand")
  func adamStep() {
    var adam = Adam(parameterCount: 2, learningRate: 0.1)
    var θ = [1.0, 1.0]
    adam.update(&θ, gradient: [0.5, 0.5], ranges: [0..<1])
    #expect(abs(θ[0] - 0.9) < 1e-8)
    #expect(θ[1] == 1)
  }

  @Test("GMF with every output weight 1 and no bias is the dot product")
  func gmfGeneralisesTheDotProduct() {
    var random = NumpyRandom(seed: 3)
    var gmf = NeuralCF(
      .gmf, users: 2, items: 3, factors: 4, layers: [2], loss: .binaryCrossEntropy,
      random: &random)
    let head = gmf.head!
    for j in head.range { gmf.θ[j] = 1 }
    gmf.θ[head.range.upperBound - 1] = 0
    let p = Array(gmf.θ[gmf.gmfUsers!.range(1)])
    let q = Array(gmf.θ[gmf.gmfItems!.range(2)])
    let dot = zip(p, q).reduce(0) { $0 + $1.0 * $1.1 }
    #expect(abs(gmf.score(user: 1, item: 2) - dot) < 1e-15)
  }

  /// Ranks 0, 3 and 12 with K = 10: HR = 2/3, NDCG = (1/log₂2 + 1/log₂5) / 3 = 0.4769...
  @Test("HR@K and NDCG@K from ranks, by hand")
  func scoresFromRanks() {
    let score = LeaveOneOut.score(ranks: [0, 3, 12], k: 10)
    #expect(abs(score.hitRate - 2.0 / 3) < 1e-15)
    #expect(abs(score.ndcg - (1 + 1 / log2(5.0)) / 3) < 1e-15)
  }

  @Test("leave-one-out: one held-out choice per viewer, never trained on, ranked among non-choices")
  func leaveOneOut() {
    let positives = [(0, 1), (0, 2), (0, 5), (1, 3), (2, 0), (2, 4)].map {
      Rating(user: $0.0, item: $0.1, value: 1)
    }
    let split = LeaveOneOut(positives: positives, userCount: 3, itemCount: 8, negatives: 4, seed: 1)
    #expect(split.heldOut.map(\.user) == [0, 2])  // viewer 1 has one choice only
    #expect(split.training.count == positives.count - 2)
    for (held, negatives) in zip(split.heldOut, split.negatives) {
      #expect(!split.training.contains(held))
      #expect(negatives.count == 4)
      #expect(
        negatives.allSatisfy { item in
          !positives.contains { $0.user == held.user && $0.item == item }
        })
    }
    // A model that scores everything alike gains nothing from ties.
    #expect(split.evaluate(k: 4) { _, _ in 0 }.hitRate == 0)
    var random = NumpyRandom(seed: 2)
    let examples = split.examples(ratio: 3, random: &random)
    #expect(examples.count == 4 * split.training.count)
    #expect(
      examples.filter { $0.target == 0 }.allSatisfy { example in
        !split.training.contains { $0.user == example.user && $0.item == example.item }
      })
  }

  @Test("training NeuMF on choices lowers its loss and ranks the chosen titles first")
  func neuMFLearns() throws {
    // Viewers 0–3 choose titles 0–2, viewers 4–7 titles 3–5.
    let positives = (0..<8).flatMap { user in
      (0..<3).map { Rating(user: user, item: (user < 4 ? 0 : 3) + $0, value: 1) }
    }
    var random = NumpyRandom(seed: 5)
    var model = NeuralCF(
      .neuMF, users: 8, items: 6, factors: 4, layers: [8, 4], loss: .binaryCrossEntropy,
      random: &random)
    let examples =
      positives.map { TrainingExample(user: $0.user, item: $0.item, target: 1) }
      + positives.map { TrainingExample(user: $0.user, item: ($0.item + 3) % 6, target: 0) }
    var losses: [Double] = []
    try NeuralTraining(epochs: 60, learningRate: 0.05, batchSize: 8, regularization: 0, seed: 5)
      .fit(&model, examples: { _ in examples }) { _, _, loss in losses.append(loss) }
    #expect(losses.last! < 0.5 * losses.first!)
    #expect(model.predict(user: 1, item: 2) > model.predict(user: 1, item: 4))
    #expect(model.predict(user: 6, item: 4) > model.predict(user: 6, item: 0))
  }
}
