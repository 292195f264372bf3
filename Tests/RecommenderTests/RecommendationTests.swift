import Testing

@testable import Recommender

@Suite("Recommendations and similar titles")
struct RecommendationTests {
  /// Two viewers, four titles, factors chosen by hand: viewer 0 likes the first factor.
  static let model = MatrixFactorization(
    P: Matrix([[1, 0], [0, 1]]), Q: Matrix([[3, 0], [2, 0], [0, 4], [1, 1]]))

  @Test("the highest predictions come first, rated titles skipped")
  func topUnrated() {
    let picks = Self.model.recommendations(for: 0, count: 2, excluding: [0])
    #expect(
      picks == [Recommendation(item: 1, predictedRating: 2), .init(item: 3, predictedRating: 1)])
  }

  @Test("only candidates are considered")
  func candidatesOnly() {
    let picks = Self.model.recommendations(for: 1, count: 5, excluding: [], among: [0, 1])
    #expect(picks.map(\.item) == [0, 1])
  }

  @Test("equal predictions go to the lower index")
  func ties() {
    let flat = MatrixFactorization(P: Matrix([[1]]), Q: Matrix([[1], [1], [1]]))
    #expect(flat.recommendations(for: 0, count: 2, excluding: []).map(\.item) == [0, 1])
  }

  @Test("recommendations never include a title the viewer rated, for any catalogue viewer")
  func neverRated() {
    let catalogue = DemoCatalogue(seed: 42)
    let data = catalogue.dataset
    let model = DemoTraining.regularizedModel(on: catalogue, seed: 42, epochs: 5)
    let rated = data.itemsRated(by: Array(0..<data.userCount))
    for user in 0..<data.userCount {
      let picks = model.recommendations(for: user, count: 10, excluding: rated[user])
      #expect(picks.allSatisfy { !rated[user].contains($0.item) })
      #expect(picks.count == min(10, data.itemCount - rated[user].count))
    }
  }

  @Test("itemsRated collects each asked viewer's titles, in the order asked")
  func itemsRated() {
    let sets = BlogSamples.sparseTable.itemsRated(by: [3, 0])
    #expect(sets == [[1, 2, 3], [0, 2]])
  }

  @Test("cosine similarity is 1 for parallel vectors, 0 for orthogonal, 0 for a zero vector")
  func cosine() {
    let model = MatrixFactorization(
      P: Matrix([[1, 1]]), Q: Matrix([[1, 2], [2, 4], [-2, 1], [0, 0]]))
    #expect(abs(model.cosineSimilarity(item: 0, item: 1) - 1) < 1e-12)
    #expect(abs(model.cosineSimilarity(item: 0, item: 2)) < 1e-12)
    #expect(model.cosineSimilarity(item: 0, item: 3) == 0)
  }

  @Test("similar titles: most similar first, never the title itself nor an excluded one")
  func similar() {
    let similar = Self.model.titlesSimilar(to: 0, count: 3, excluding: [1])
    #expect(similar.map(\.item) == [3, 2])
    #expect(abs(similar[0].cosine - 0.5.squareRoot()) < 1e-12)
  }

  @Test("on the catalogue, top picks fall in the hidden favourite genre far more often than chance")
  func favouriteGenreBeatsChance() {
    let catalogue = DemoCatalogue(seed: 42)
    let model = DemoTraining.regularizedModel(on: catalogue, seed: 42, epochs: 100)
    let check = FavouriteGenreCheck(catalogue: catalogue, model: model, count: 3)
    #expect(check.viewerCount == 200)
    #expect(check.recommendationCount == 600)
    #expect(check.favouriteShare > 2 * check.chanceShare)
  }

  @Test("on the catalogue, the most similar titles share the genre far more often than chance")
  func sameGenreBeatsChance() {
    let catalogue = DemoCatalogue(seed: 7)
    let model = DemoTraining.regularizedModel(on: catalogue, seed: 7, epochs: 100)
    let check = SameGenreCheck(catalogue: catalogue, model: model, count: 3)
    #expect(check.similarCount == 120)
    #expect(check.sameGenreShare > 2 * check.chanceShare)
  }

  @Test("chance is the share of unrated titles in the favourite genre")
  func chanceOfAnUntrainedModel() {
    let catalogue = DemoCatalogue(recipe: .init(viewers: 5, density: 0), seed: 1)
    // The five blog viewers rated only the four listing movies: 36 unrated titles each, 8 in
    // each genre except 7 in the four genres of the listing's movies.
    var random = NumpyRandom(seed: 1)
    let model = MatrixFactorization(users: 5, items: 40, factors: 2, random: &random)
    let check = FavouriteGenreCheck(catalogue: catalogue, model: model, count: 3)
    let expected = (7.0 / 36 * 4 + 8.0 / 36) / 5
    #expect(abs(check.chanceShare - expected) < 1e-12)
  }
}

/// Trains the demo's last model the way chapter-complete-demo does on its catalogue.
enum DemoTraining {
  static func regularizedModel(on catalogue: DemoCatalogue, seed: UInt32, epochs: Int)
    -> MatrixFactorization
  {
    let data = catalogue.dataset
    let split = TrainTestSplit(data.ratings, testFraction: 0.2, seed: seed)
    let mean = split.train.reduce(0) { $0 + $1.value } / Double(split.train.count)
    var random = NumpyRandom(seed: seed)
    var model = MatrixFactorization(
      users: data.userCount, items: data.itemCount, factors: 5, initialisation: .normal,
      usesBiases: true, globalMean: mean, random: &random)
    var trainer = SGDTrainer(
      settings: .init(
        learningRate: 0.02, biasLearningRate: 0.02, regularization: 0.1,
        factorUpdate: .simultaneous, visitOrder: .shuffledEachEpoch(seed: seed)),
      ratings: split.train)
    for _ in 0..<epochs { _ = trainer.runEpoch(&model) }
    return model
  }
}
