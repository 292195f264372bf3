import Testing

@testable import Recommender

@Suite("The blog's sample data and its statistics")
struct DatasetTests {
  @Test("the section 7 listing has 5 viewers, 4 movies and all 20 ratings")
  func listingShape() {
    let data = BlogSamples.listing
    #expect(data.userNames == ["Alice", "Bob", "Charlie", "David", "Eve"])
    #expect(data.itemNames[2] == "Sci-Fi Epic")
    #expect(data.ratings.count == 20)
    #expect(data.grid[3] == [2, 5, 1, 4])  // David
  }

  @Test("the listing's global mean is 59 / 20 = 2.95 and it is 100% dense")
  func listingStatistics() {
    let stats = DatasetStatistics(BlogSamples.listing)
    #expect(stats.globalMean == 2.95)
    #expect(stats.density == 1)
    #expect(stats.sparsity == 0)
    #expect(stats.userMeans[4] == 9.0 / 4)  // Eve: 3 + 1 + 3 + 2
    #expect(stats.histogram.map(\.count) == [4, 5, 3, 4, 4])  // 1★ … 5★
  }

  @Test("the section 4 table has 9 of 16 cells filled, the rest empty")
  func sparseTable() {
    let data = BlogSamples.sparseTable
    let stats = DatasetStatistics(data)
    #expect(stats.ratingCount == 9)
    #expect(stats.sparsity == 7.0 / 16)
    #expect(data.grid[0] == [5, nil, 4, nil])  // Alice
    #expect(stats.itemMeans[1] == 10.0 / 3)  // Movie B: 3, 2, 5
  }
}
