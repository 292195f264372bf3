import Testing

@testable import Recommender

@Suite("The demo catalogue")
struct DemoCatalogueTests {
  static let catalogue = DemoCatalogue(seed: 42)

  @Test("the blog's five viewers keep their 20 listing ratings of its four movies")
  func keepsTheListing() {
    let grid = Self.catalogue.dataset.grid
    let listing = BlogSamples.listing
    for rating in listing.ratings {
      #expect(grid[rating.user][rating.item] == rating.value)
    }
    #expect(Array(Self.catalogue.dataset.userNames.prefix(5)) == listing.userNames)
    #expect(Array(Self.catalogue.dataset.itemNames.prefix(4)) == listing.itemNames)
  }

  @Test("a few dozen titles, eight in each of the five genres")
  func titlesPerGenre() {
    let genres = Self.catalogue.itemGenres
    #expect(genres.count == 40)
    for genre in DemoCatalogue.genres.indices {
      #expect(genres.filter { $0 == genre }.count == 8)
    }
  }

  @Test("most cells are empty")
  func mostlyEmpty() {
    #expect(DatasetStatistics(Self.catalogue.dataset).sparsity > 0.5)
  }

  @Test("every rating is a whole star from 1 to 5")
  func wholeStars() {
    #expect(
      Self.catalogue.dataset.ratings.allSatisfy {
        (1...5).contains($0.value) && $0.value.rounded() == $0.value
      })
  }

  @Test("the same seed gives the same ratings; another seed other ones")
  func seeded() {
    #expect(DemoCatalogue(seed: 42).dataset == Self.catalogue.dataset)
    #expect(DemoCatalogue(seed: 7).dataset.ratings != Self.catalogue.dataset.ratings)
  }

  @Test("the blog viewers' hidden favourites agree with their listing: Eve's is animation")
  func blogFavourites() {
    let names = Array(0..<5).map { DemoCatalogue.genres[Self.catalogue.favouriteGenres[$0]] }
    #expect(names == ["Action", "Sci-Fi", "Drama", "Romance", "Animation"])
  }

  @Test("each viewer's favourite genre is the one with the largest hidden taste")
  func favouriteIsLargestTaste() {
    let tastes = Self.catalogue.tastes
    for viewer in 0..<tastes.rows {
      let favourite = Self.catalogue.favouriteGenres[viewer]
      #expect(tastes.row(viewer).allSatisfy { $0 <= tastes[viewer, favourite] })
    }
  }

  @Test("viewers rate their favourite genre higher than the rest on average")
  func tastesShowInRatings() {
    var favourite: [Double] = []
    var other: [Double] = []
    for rating in Self.catalogue.dataset.ratings where rating.user >= 5 {
      let inFavourite =
        Self.catalogue.itemGenres[rating.item] == Self.catalogue.favouriteGenres[rating.user]
      if inFavourite { favourite.append(rating.value) } else { other.append(rating.value) }
    }
    let mean = { (values: [Double]) in values.reduce(0, +) / Double(values.count) }
    #expect(mean(favourite) > mean(other) + 0.8)
  }
}
