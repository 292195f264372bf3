import ChapterKit
import Recommender
import Testing

@testable import chapter_complete_demo

@Suite("chapter-complete-demo: which viewers and titles it shows and suggests")
struct DemoDataTests {
  @Test("the catalogue's slice is the blog's five viewers, its four movies and two cartoons")
  func catalogueSlice() {
    let data = ChapterData(catalogueSeed: 42)
    let slice = data.readableSlice(statistics: DatasetStatistics(data.dataset))
    #expect(slice.users == [0, 1, 2, 3, 4])
    #expect(slice.items.prefix(4) == [0, 1, 2, 3])
    #expect(slice.items.dropFirst(4).allSatisfy { data.genre(ofItem: $0) == "Animation" })
  }

  @Test("a title needs 20 ratings to be suggested, or the median count when that is lower")
  func minimumRatings() {
    let data = ChapterData(catalogueSeed: 42)
    #expect(data.minimumRatings(DatasetStatistics(data.dataset)) == 20)
    let sparse = DatasetStatistics(BlogSamples.sparseTable)  // counts 2, 3, 2, 2
    #expect(data.minimumRatings(sparse) == 2)
  }

  @Test("a viewer's favourite rated title is the highest rated, the first of equals")
  func favouriteRated() {
    let data = ChapterData(catalogueSeed: 42)
    #expect(data.favouriteRated(by: 0, among: [0, 1, 2, 3])?.item == 0)  // Alice: 5, 3, 4, 1
    #expect(data.favouriteRated(by: 4, among: [0, 1, 2, 3])?.item == 0)  // Eve: 3, 1, 3, 2
  }
}
