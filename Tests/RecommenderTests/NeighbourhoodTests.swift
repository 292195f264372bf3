import Foundation
import Testing

@testable import Recommender

/// Similarities, baselines and neighbourhood predictions, against values worked by hand and
/// against their readable definitions.
@Suite("Neighbourhood collaborative filtering")
struct NeighbourhoodTests {
  @Test("cosine, Pearson and shrunk Pearson-baseline of hand-worked pairs")
  func similarityByHand() {
    // Σxy = 20 + 9 = 29, Σx² = 34, Σy² = 25: 29 / √850.
    let pairs = [(x: 5.0, y: 4.0), (x: 3.0, y: 3.0)]
    #expect(
      abs(
        similarity(of: pairs, measure: .cosine, shrinkage: 100, minimumSupport: 1)
          - 29 / 850.0.squareRoot()) < 1e-15)
    let rising = [(x: 1.0, y: 2.0), (x: 2.0, y: 4.0), (x: 3.0, y: 6.0)]
    let falling = [(x: 1.0, y: 3.0), (x: 2.0, y: 2.0), (x: 3.0, y: 1.0)]
    #expect(similarity(of: rising, measure: .pearson, shrinkage: 0, minimumSupport: 1) == 1)
    #expect(similarity(of: falling, measure: .pearson, shrinkage: 0, minimumSupport: 1) == -1)
    // Perfectly correlated residuals about zero from 3 co-raters, shrunk by 2 / (2 + 100).
    let residuals = [(x: 1.0, y: 2.0), (x: -1.0, y: -2.0), (x: 0.5, y: 1.0)]
    let shrunk = similarity(
      of: residuals, measure: .pearsonBaseline, shrinkage: 100, minimumSupport: 1)
    #expect(abs(shrunk - 2.0 / 102) < 1e-15)
    // Too few co-raters, or a constant side, is no similarity.
    #expect(similarity(of: rising, measure: .pearson, shrinkage: 0, minimumSupport: 4) == 0)
    let constant = [(x: 3.0, y: 1.0), (x: 3.0, y: 2.0)]
    #expect(similarity(of: constant, measure: .pearson, shrinkage: 0, minimumSupport: 1) == 0)
  }

  static let data = SyntheticCatalogue(
    recipe: .init(users: 30, items: 14, hiddenFactors: 3, density: 0.4), seed: 9
  ).dataset

  @Test(
    "the summed similarity matrix equals the pair-by-pair definition",
    arguments: SimilarityMeasure.allCases, [RatingLists.Owner.items, .users])
  func matrixMatchesDefinition(measure: SimilarityMeasure, owner: RatingLists.Owner) {
    let data = Self.data
    let baseline = BaselineEstimates(
      data.ratings, userCount: data.userCount, itemCount: data.itemCount)
    for minimumSupport in [1, 4] {
      let fast = SimilarityMatrix(
        data.ratings, between: owner, userCount: data.userCount, itemCount: data.itemCount,
        measure: measure, baseline: baseline, shrinkage: 20, minimumSupport: minimumSupport)
      let slow = SimilarityMatrix.byDefinition(
        data.ratings, between: owner, userCount: data.userCount, itemCount: data.itemCount,
        measure: measure, baseline: baseline, shrinkage: 20, minimumSupport: minimumSupport)
      var largestGap = 0.0
      for a in 0..<fast.count {
        for b in 0..<fast.count {
          largestGap = max(largestGap, abs(fast.similarity(a, b) - slow[a][b]))
        }
      }
      #expect(largestGap < 1e-12, "minimum support \(minimumSupport)")
      #expect(fast.similarity(1, 2) == fast.similarity(2, 1))
    }
  }

  @Test("support counts the co-raters")
  func supportCountsCoRaters() {
    let ratings = [
      Rating(user: 0, item: 0, value: 5), Rating(user: 0, item: 1, value: 3),
      Rating(user: 1, item: 0, value: 4), Rating(user: 1, item: 1, value: 2),
      Rating(user: 2, item: 0, value: 1),
    ]
    let items = SimilarityMatrix(
      ratings, between: .items, userCount: 3, itemCount: 2, measure: .cosine, baseline: nil,
      shrinkage: 0, minimumSupport: 1)
    #expect(items.support(0, 1) == 2)
    // (5·3 + 4·2) / √(41 · 13)
    #expect(abs(items.similarity(0, 1) - 23 / (41.0 * 13).squareRoot()) < 1e-15)
    let users = SimilarityMatrix(
      ratings, between: .users, userCount: 3, itemCount: 2, measure: .cosine, baseline: nil,
      shrinkage: 0, minimumSupport: 2)
    #expect(users.support(0, 2) == 1)
    #expect(users.similarity(0, 2) == 0)
  }

  @Test("baseline biases: one alternating pass by hand, then the item penalty")
  func baselineByHand() {
    let ratings = [
      Rating(user: 0, item: 0, value: 5), Rating(user: 0, item: 1, value: 3),
      Rating(user: 1, item: 0, value: 4),
    ]
    // μ = 4. Items first: b₀ = (1 + 0) / 2, b₁ = −1 / 1; then users with them:
    // b_u0 = ((5 − 4 − 0.5) + (3 − 4 + 1)) / 2 = 0.25, b_u1 = (4 − 4 − 0.5) / 1 = −0.5.
    let plain = BaselineEstimates(
      ratings, userCount: 2, itemCount: 2, epochs: 1, userRegularization: 0,
      itemRegularization: 0)
    #expect(plain.globalMean == 4)
    #expect(plain.itemBiases == [0.5, -1])
    #expect(plain.userBiases == [0.25, -0.5])
    #expect(plain.estimate(user: 1, item: 1) == 2.5)
    // λ_i = 10 acts like ten more ratings at exactly μ: b₀ = 1 / 12.
    let penalised = BaselineEstimates(
      ratings, userCount: 2, itemCount: 2, epochs: 1, userRegularization: 0,
      itemRegularization: 10)
    #expect(abs(penalised.itemBiases[0] - 1.0 / 12) < 1e-15)
    // A new viewer: (5 − 4 − 0.5) / (0 + 1).
    #expect(plain.userBias(forNew: [(item: 0, value: 5)]) == 0.5)
    #expect(plain.userBias(forNew: []) == 0)
  }

  @Test("an item-based prediction is the similarity-weighted residual average of its k nearest")
  func itemBasedPredictionByHand() throws {
    let data = Self.data
    let baseline = BaselineEstimates(
      data.ratings, userCount: data.userCount, itemCount: data.itemCount)
    let similarities = SimilarityMatrix(
      data.ratings, between: .items, userCount: data.userCount, itemCount: data.itemCount,
      measure: .pearsonBaseline, baseline: baseline, shrinkage: 10, minimumSupport: 1)
    for usesBaseline in [false, true] {
      let model = NeighbourhoodModel(
        data.ratings, kind: .itemBased, neighbourCount: 3, usesBaseline: usesBaseline,
        similarities: similarities, baseline: baseline, userCount: data.userCount,
        itemCount: data.itemCount, scale: 1...5)
      let user = 4
      let rated = data.ratings.filter { $0.user == user }
      let item = try #require((0..<data.itemCount).first { i in !rated.contains { $0.item == i } })
      // By hand: the three rated titles most similar to `item`, positive similarities only.
      let nearest = rated.map { (rating: $0, s: similarities.similarity(item, $0.item)) }
        .filter { $0.s > 0 }.sorted { $0.s > $1.s }.prefix(3)
      let base: (Int) -> Double = { usesBaseline ? baseline.estimate(user: user, item: $0) : 0 }
      let weighted = nearest.reduce(0) { $0 + $1.s * ($1.rating.value - base($1.rating.item)) }
      let expected = base(item) + weighted / nearest.reduce(0) { $0 + $1.s }
      let prediction = model.prediction(user: user, item: item)
      #expect(prediction.neighbours.map(\.index) == nearest.map(\.rating.item))
      #expect(abs(prediction.value - min(max(expected, 1), 5)) < 1e-12)
      // A viewer folded in with the same ratings gets b_u from them, not from training.
      let fresh = model.predictForNewViewer(
        item: item, ratings: rated.map { (item: $0.item, value: $0.value) })
      #expect((1...5).contains(fresh))
    }
  }

  @Test("a user-based prediction with no similar rater falls back to b_ui, or μ without it")
  func fallback() {
    let ratings = [Rating(user: 0, item: 0, value: 5), Rating(user: 1, item: 1, value: 1)]
    let baseline = BaselineEstimates(ratings, userCount: 2, itemCount: 2)
    let similarities = SimilarityMatrix(
      ratings, between: .users, userCount: 2, itemCount: 2, measure: .pearson, baseline: nil,
      shrinkage: 0, minimumSupport: 1)
    for usesBaseline in [false, true] {
      let model = NeighbourhoodModel(
        ratings, kind: .userBased, neighbourCount: 5, usesBaseline: usesBaseline,
        similarities: similarities, baseline: baseline, userCount: 2, itemCount: 2,
        scale: 1...5)
      let expected = usesBaseline ? baseline.estimate(user: 0, item: 1) : 3
      #expect(model.predict(user: 0, item: 1) == expected)
    }
  }

  @Test("least squares recovers an exact line; ridge shrinks it by the hand-worked amount")
  func leastSquares() throws {
    let rows = [[1.0, 0], [1, 1], [1, 2], [1, 3]]
    let line = try #require(
      ridgeLeastSquares(rows: rows, targets: [1, 3, 5, 7], penalties: [0, 0]))
    #expect(abs(line[0] - 1) < 1e-12 && abs(line[1] - 2) < 1e-12)
    // One column x = (1, 1), y = (1, 1), λ = 2: w = Σxy / (Σx² + λ) = 2 / 4.
    let ridge = try #require(ridgeLeastSquares(rows: [[1], [1]], targets: [1, 1], penalties: [2]))
    #expect(ridge == [0.5])
    // Two identical unpenalised columns have no unique answer.
    #expect(
      ridgeLeastSquares(rows: [[1, 1], [2, 2]], targets: [1, 2], penalties: [0, 0]) == nil)
  }

  @Test("a blend fitted on predictions that explain the ratings finds their weights")
  func blendFindsWeights() throws {
    let a = [1.0, 2, 3, 4, 5, 2, 3]
    let b = [2.0, 1, 4, 3, 5, 5, 1]
    let targets = zip(a, b).map { 0.5 + 0.3 * $0 + 0.6 * $1 }
    let blend = try #require(
      LinearBlend(fitting: zip(a, b).map { [$0, $1] }, to: targets, ridge: 0))
    #expect(abs(blend.intercept - 0.5) < 1e-9)
    #expect(abs(blend.weights[0] - 0.3) < 1e-9 && abs(blend.weights[1] - 0.6) < 1e-9)
    #expect(abs(blend.predict([4, 3]) - (0.5 + 1.2 + 1.8)) < 1e-9)
  }

  @Test("folding in a viewer recovers the bias and factors that generated their ratings")
  func foldInRecovers() {
    var random = NumpyRandom(seed: 3)
    let model = MatrixFactorization(
      users: 1, items: 8, factors: 2, initialisation: .normal, usesBiases: true, globalMean: 3.5,
      random: &random)
    var withBiases = model
    withBiases.itemBiases = (0..<8).map { Double($0) / 10 - 0.3 }
    let truth = (bias: 0.4, factors: [0.7, -1.2])
    let ratings = (0..<8).map { item in
      (item: item, value: withBiases.predict(foldedIn: truth, item: item))
    }
    let folded = withBiases.foldIn(ratings, λ: 1e-9)
    #expect(abs(folded.bias - 0.4) < 1e-6)
    #expect(zip(folded.factors, truth.factors).allSatisfy { abs($0 - $1) < 1e-6 })
    let nobody = withBiases.foldIn([], λ: 0.1)
    #expect(nobody.bias == 0 && nobody.factors == [0, 0])
  }

  @Test("K folds test every rating exactly once, in folds whose sizes differ by at most one")
  func kFolds() {
    let ratings = Self.data.ratings
    let folds = KFoldSplits(ratings, count: 5, seed: 42).folds
    #expect(folds.count == 5)
    let tested = folds.flatMap(\.test)
    #expect(Set(tested) == Set(ratings) && tested.count == ratings.count)
    let sizes = folds.map(\.test.count)
    #expect(sizes.max()! - sizes.min()! <= 1)
    #expect(folds.allSatisfy { $0.train.count + $0.test.count == ratings.count })
    #expect(KFoldSplits(ratings, count: 5, seed: 42).folds[2].test == folds[2].test)
    #expect(KFoldSplits(ratings, count: 5, seed: 7).folds[2].test != folds[2].test)
  }

  @Test("fold summaries: mean and numpy's population standard deviation")
  func foldSummary() {
    let summary = FoldSummary([1, 2, 3])
    #expect(summary.mean == 2)
    #expect(abs(summary.standardDeviation - (2.0 / 3).squareRoot()) < 1e-15)
    #expect(FoldSummary([0.9]).standardDeviation == 0)
  }
}

@Suite("Ridge least squares, primal and dual")
struct RidgeDualTests {
  @Test("the n × n dual gives the d × d primal's answer", arguments: [1, 3, 7])
  func dualEqualsPrimal(rowCount: Int) throws {
    var random = NumpyRandom(seed: UInt32(rowCount))
    let d = 9
    let rows = (0..<rowCount).map { _ in (0..<d).map { _ in random.nextGaussian() } }
    let targets = (0..<rowCount).map { _ in random.nextGaussian() }
    let primal = try #require(
      ridgeLeastSquares(rows: rows, targets: targets, penalties: Array(repeating: 0.3, count: d)))
    let dual = try #require(ridgeLeastSquaresDual(rows: rows, targets: targets, penalty: 0.3))
    #expect(zip(primal, dual).allSatisfy { abs($0 - $1) < 1e-10 })
  }
}

@Suite("Feature-weighted blending")
struct FeatureWeightedBlendTests {
  @Test("recovers weights that change with the viewer's support")
  func recoversSupportDependentWeights() throws {
    var random = NumpyRandom(seed: 11)
    var predictions: [[Double]] = []
    var supports: [(user: Double, item: Double)] = []
    var targets: [Double] = []
    for _ in 0..<200 {
      let a = 1 + 4 * random.nextDouble()
      let b = 1 + 4 * random.nextDouble()
      let zu = FeatureWeightedBlend.support(Int(random.nextDouble() * 400))
      let zi = FeatureWeightedBlend.support(Int(random.nextDouble() * 400))
      predictions.append([a, b])
      supports.append((zu, zi))
      // a's weight grows with the viewer's support, b's with the title's.
      targets.append(0.2 + (0.3 + 0.5 * zu) * a + (0.1 + 0.4 * zi) * b)
    }
    let blend = try #require(
      FeatureWeightedBlend(fitting: predictions, supports: supports, to: targets, ridge: 0))
    #expect(abs(blend.weight(ofModel: 0, userSupport: 1, itemSupport: 0) - 0.8) < 1e-8)
    #expect(abs(blend.weight(ofModel: 1, userSupport: 0, itemSupport: 2) - 0.9) < 1e-8)
    #expect(abs(blend.predict([2, 3], userSupport: 1, itemSupport: 1) - (0.2 + 1.6 + 1.5)) < 1e-8)
    // z = √(1 + n) / 10: 99 ratings give 1.
    #expect(FeatureWeightedBlend.support(99) == 1)
  }

  @Test("the fallback averages the models and ignores support")
  func averageFallback() {
    let average = FeatureWeightedBlend.average(of: 4)
    #expect(average.predict([1, 2, 3, 6], userSupport: 3, itemSupport: 0.5) == 3)
    #expect(average.weight(ofModel: 2, userSupport: 7, itemSupport: 7) == 0.25)
  }
}

@Suite("Folding in a new viewer with the model's own prior")
struct FoldInPenaltyTests {
  @Test("separate penalties give the per-column ridge solution, by scaled columns or directly")
  func separatePenalties() throws {
    var random = NumpyRandom(seed: 8)
    var model = MatrixFactorization(
      users: 2, items: 6, factors: 3, initialisation: .normal, usesBiases: true, globalMean: 3,
      random: &random)
    model.itemBiases = [0.1, -0.2, 0.3, 0, 0.2, -0.1]
    let ratings = [(item: 0, value: 4.0), (item: 2, value: 2.0), (item: 5, value: 5.0)]
    let folded = model.foldIn(ratings, penalties: FoldInPenalties(bias: 0.5, factors: 2))
    // The same problem solved directly, one penalty per column.
    let direct = try #require(
      ridgeLeastSquares(
        rows: ratings.map { [1] + model.Q.row($0.item) },
        targets: ratings.map { $0.value - 3 - model.itemBiases[$0.item] },
        penalties: [0.5, 2, 2, 2]))
    #expect(abs(folded.bias - direct[0]) < 1e-10)
    #expect(zip(folded.factors, direct.dropFirst()).allSatisfy { abs($0 - $1) < 1e-10 })
  }

  @Test("the empirical-Bayes penalties: training error variance over the rows' mean squares")
  func empiricalBayes() {
    // One viewer with b = 0.5 and p = (1, −1); two titles with q = (1, 0) and (0, 1), no bias.
    var model = MatrixFactorization(
      P: Matrix([[1, -1], [0, 0]]), Q: Matrix([[1, 0], [0, 1]]), usesBiases: true, globalMean: 3)
    model.userBiases = [0.5, 0]
    model.itemBiases = [0, 0]
    // Predictions 4.5 and 2.5; errors +0.5 and −0.5, so σ²_e = 0.25. Only viewer 0 rated.
    let ratings = [Rating(user: 0, item: 0, value: 5), Rating(user: 0, item: 1, value: 2)]
    let penalties = model.foldInPenalties(trainedOn: ratings)
    #expect(penalties == FoldInPenalties(bias: 0.25 / 0.25, factors: 0.25 / 1))
  }
}
