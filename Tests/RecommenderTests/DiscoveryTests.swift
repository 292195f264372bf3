import Foundation
import Testing

@testable import Recommender

/// Beyond accuracy, re-ranking and the two-headed model, each against values worked by hand.
@Suite("Discovery: list variety, re-ranking, multi-task learning")
struct DiscoveryTests {
  // Three viewers' lists of K = 2 over titles 0–4.
  let lists = [[0, 1], [0, 2], [3, 4]]

  @Test("coverage: 5 of 6 candidate titles appear in some list")
  func coverage() {
    #expect(ListVariety.coverage(lists, candidateCount: 6) == 5.0 / 6)
  }

  @Test("diversity: the mean distance over a list's pairs")
  func diversity() {
    // Genres A, A, B: pairs (0,1) same, (0,2) and (1,2) differ → 2/3.
    let genres = [0, 0, 1]
    #expect(ListVariety.diversity([0, 1, 2]) { genres[$0] == genres[$1] ? 0 : 1 } == 2.0 / 3)
    #expect(ListVariety.diversity([0]) { _, _ in 1 } == 0)
  }

  @Test("novelty: self-information −log₂((n + 1)/(users + 1)) in bits")
  func novelty() {
    // 3 viewers: title 0 rated by all (p = 4/4, 0 bits), title 1 by one (p = 2/4, 1 bit),
    // title 2 by none (p = 1/4, 2 bits).
    let ratings =
      (0..<3).map { Rating(user: $0, item: 0, value: 3) }
      + [Rating(user: 0, item: 1, value: 4)]
    let bits = ListVariety.selfInformation(ratings, userCount: 3, itemCount: 3)
    #expect(bits == [0, 1, 2])
    #expect(ListVariety.novelty([1, 2], selfInformation: bits) == 1.5)
  }

  @Test("personalisation: 1 − mean overlap / K, by pairs and by counting, equal")
  func personalisation() {
    // Overlaps: (0,1) share title 0, the other pairs nothing → mean 1/3 of K = 2 → 1 − 1/6.
    #expect(abs(ListVariety.personalisationByPairs(lists, k: 2) - 5.0 / 6) < 1e-15)
    #expect(abs(ListVariety.personalisation(lists, k: 2) - 5.0 / 6) < 1e-15)
    var random = NumpyRandom(seed: 3)
    let many = (0..<60).map { _ in
      var titles = Array(0..<30)
      random.shuffle(&titles)
      return Array(titles.prefix(5))
    }
    #expect(
      abs(ListVariety.personalisation(many, k: 5) - ListVariety.personalisationByPairs(many, k: 5))
        < 1e-12)
    #expect(ListVariety.personalisation(Array(repeating: [1, 2], count: 4), k: 2) == 0)
  }

  // Pool a, b, c = titles 7, 8, 9 with scores 1.0, 0.9, 0.5 (rescaled 1, 0.8, 0): b is nearly
  // a copy of a (cosine 0.9), c unlike both (0.1).
  let pool = [7, 8, 9]
  let scores = [1.0, 0.9, 0.5]
  func similarity(_ x: Int, _ y: Int) -> Double {
    Set([x, y]) == [7, 8] ? 0.9 : 0.1
  }

  @Test("MMR: w = 0 keeps the model's order; w = 0.6 skips the near copy; w = 1 only varies")
  func maximalMarginalRelevance() {
    func mmr(_ w: Double) -> [Int] {
      Reranking.maximalMarginalRelevance(
        pool: pool, scores: scores, k: 2, weight: w, similarity: similarity)
    }
    #expect(mmr(0) == [7, 8])
    // After 7, at w = 0.4: b scores 0.6·0.8 − 0.4·0.9 = 0.12, c 0.6·0 − 0.4·0.1 = −0.04, so b;
    // at w = 0.6: b 0.4·0.8 − 0.6·0.9 = −0.22 against c −0.06, so c.
    #expect(mmr(0.4) == [7, 8])
    #expect(mmr(0.6) == [7, 9])
    #expect(mmr(1) == [7, 9])
  }

  @Test("novelty bonus: (1 − w)·ŝ + w·n̂ decides the order")
  func noveltyBonus() {
    // Self-information of titles 7, 8, 9: 1, 3, 2 bits → n̂ = 0, 1, 0.5.
    let bits = [Double](repeating: 0, count: 7) + [1, 3, 2]
    func bonus(_ w: Double) -> [Int] {
      Reranking.noveltyBonus(pool: pool, scores: scores, k: 3, weight: w, selfInformation: bits)
    }
    #expect(bonus(0) == [7, 8, 9])
    // w = 0.5: 7 → 0.5, 8 → 0.9, 9 → 0.25.
    #expect(bonus(0.5) == [8, 7, 9])
    #expect(bonus(1) == [8, 9, 7])
  }

  /// A small model and a shuffled epoch of ratings and unrated pairs.
  func smallProblem(taskWeight: Double) -> (
    MultiTaskFactorization, MultiTaskTrainer, [MultiTaskTrainer.Visit]
  ) {
    var random = NumpyRandom(seed: 11)
    let model = MultiTaskFactorization(
      users: 4, items: 5, factors: 3, globalMean: 3.5, random: &random)
    let trainer = MultiTaskTrainer(learningRate: 0.05, regularization: 0.02, taskWeight: taskWeight)
    let visits = (0..<40).map { n in
      MultiTaskTrainer.Visit(
        user: n % 4, item: (n * 3) % 5, rating: Double(1 + n % 5), watched: n % 3 != 0)
    }
    return (model, trainer, visits)
  }

  @Test("the pointer epoch computes the readable step bit for bit", arguments: [0, 0.3, 1])
  func pointerEpochMatchesStep(taskWeight: Double) {
    let (start, trainer, visits) = smallProblem(taskWeight: taskWeight)
    var fast = start
    trainer.run(visits, on: &fast)
    var readable = start
    for visit in visits {
      trainer.step(
        &readable, user: visit.user, item: visit.item, rating: visit.rating,
        watched: visit.watched)
    }
    #expect(fast.P.storage == readable.P.storage)
    #expect(fast.Q.storage == readable.Q.storage)
    #expect(fast.userBiases == readable.userBiases)
    #expect(fast.itemWatchBiases == readable.itemWatchBiases)
    #expect(fast.watchWeights == readable.watchWeights)
    #expect(fast.watchOffset == readable.watchOffset)
  }

  @Test("α = 0 leaves the watched head alone; α = 1 leaves the rating biases alone")
  func singleTasks() {
    var (model, trainer, visits) = smallProblem(taskWeight: 0)
    trainer.run(visits, on: &model)
    #expect(model.watchOffset == 0 && model.watchWeights == [1, 1, 1])
    #expect(model.itemWatchBiases.allSatisfy { $0 == 0 })
    (model, trainer, visits) = smallProblem(taskWeight: 1)
    trainer.run(visits, on: &model)
    #expect(model.userBiases.allSatisfy { $0 == 0 } && model.itemBiases.allSatisfy { $0 == 0 })
    #expect(model.watchOffset != 0)
  }

  @Test("one step worked by hand: k = 1, α = 0.5, a 5-star rating")
  func oneStep() {
    var model = MultiTaskFactorization(
      P: Matrix(rows: 1, columns: 1, repeating: 1), Q: Matrix(rows: 1, columns: 1, repeating: 0.5),
      globalMean: 3)
    let trainer = MultiTaskTrainer(learningRate: 0.1, regularization: 0, taskWeight: 0.5)
    trainer.step(&model, user: 0, item: 0, rating: 5, watched: true)
    // r̂ = 3 + 0.5 = 3.5, e = 0.5·1.5 = 0.75; ŷ = σ(0.5), g = 0.5·(1 − σ(0.5)).
    let g = 0.5 * (1 - 1 / (1 + exp(-0.5)))
    #expect(abs(model.userBiases[0] - 0.075) < 1e-15)
    #expect(abs(model.watchOffset - 0.1 * g) < 1e-15)
    #expect(abs(model.P[0, 0] - (1 + 0.1 * (0.75 * 0.5 + g * 0.5))) < 1e-15)
    #expect(abs(model.Q[0, 0] - (0.5 + 0.1 * (0.75 + g))) < 1e-15)
    #expect(abs(model.watchWeights[0] - (1 + 0.1 * g * 0.5)) < 1e-15)
  }

  @Test("joint training on a seeded catalogue slice stays finite and learns both tasks")
  func fitLearns() throws {
    let catalogue = DemoCatalogue(recipe: .init(viewers: 30), seed: 5)
    let ratings = catalogue.dataset.ratings
    var random = NumpyRandom(seed: 2)
    var model = MultiTaskFactorization(
      users: 30, items: 40, factors: 3, globalMean: 3.4, random: &random)
    let before = model
    let trainer = MultiTaskTrainer(learningRate: 0.02, regularization: 0.05, taskWeight: 0.5)
    try trainer.fit(&model, ratings: ratings, epochs: 30, seed: 9)
    let rmse = { (m: MultiTaskFactorization) in
      ErrorMetrics(ratings: ratings) { m.predictRating(user: $0.user, item: $0.item) }.rmse
    }
    #expect(rmse(model) < rmse(before))
    // Rated pairs end up more probable than on average.
    let rated = ratings.map { model.watchProbability(user: $0.user, item: $0.item) }
    let all = (0..<30).flatMap { u in (0..<40).map { model.watchProbability(user: u, item: $0) } }
    let ratedMean: Double = rated.reduce(0, +) / Double(rated.count)
    let allMean: Double = all.reduce(0, +) / Double(all.count)
    #expect(ratedMean > allMean)
  }
}
