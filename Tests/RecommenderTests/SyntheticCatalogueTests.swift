import Testing

@testable import Recommender

@Suite("The synthetic catalogue and the train/test split")
struct SyntheticCatalogueTests {
  @Test("the same recipe and seed give the same ratings; another seed gives others")
  func deterministic() {
    let first = SyntheticCatalogue(seed: 11).dataset
    #expect(first == SyntheticCatalogue(seed: 11).dataset)
    #expect(first.ratings != SyntheticCatalogue(seed: 12).dataset.ratings)
  }

  @Test("the default recipe makes 300 users × 200 movies at about 5% density, 1–5 whole stars")
  func sizeAndDensity() {
    let data = SyntheticCatalogue(seed: 11).dataset
    let stats = DatasetStatistics(data)
    #expect(data.userCount == 300 && data.itemCount == 200)
    #expect(stats.density > 0.045 && stats.density < 0.055)
    #expect(
      data.ratings.allSatisfy { (1...5).contains($0.value) && $0.value.rounded() == $0.value })
    #expect(stats.histogram.count == 5)
  }

  @Test("a split is deterministic, disjoint, complete, the requested share, and undone in order")
  func split() {
    let ratings = SyntheticCatalogue(seed: 11).dataset.ratings
    let split = TrainTestSplit(ratings, testFraction: 0.2, seed: 5)
    let again = TrainTestSplit(ratings, testFraction: 0.2, seed: 5)
    #expect(split.train == again.train && split.test == again.test)
    #expect(split.test.count == Int((Double(ratings.count) * 0.2).rounded()))
    #expect(Set(split.train).isDisjoint(with: split.test))
    #expect(Set(split.train).union(split.test) == Set(ratings))
    #expect(split.ratingsInOriginalOrder == ratings)
  }
}
