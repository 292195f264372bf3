/// How often a model's top recommendations fall in each viewer's hidden favourite genre, and
/// how often picking unrated titles at random would.
///
/// Only possible on data whose tastes are known, such as ``DemoCatalogue``: a real data set
/// does not say what its viewers like best.
public struct FavouriteGenreCheck: Sendable, Equatable {
  /// The viewers checked: every viewer with at least one unrated title.
  public let viewerCount: Int
  /// All recommendations made, over every viewer.
  public let recommendationCount: Int
  /// Recommendations in the viewer's favourite genre.
  public let favouriteCount: Int
  /// The expected number of favourite-genre picks if each viewer's list were drawn at random
  /// from their unrated titles: Σ (list length × share of unrated titles in the favourite).
  public let expectedByChance: Double

  /// Recommends `count` unrated titles to every viewer of `catalogue` with `model` and counts.
  ///
  /// - Parameters:
  ///   - catalogue: the ratings and the hidden favourites.
  ///   - model: a model trained on (part of) the catalogue's ratings.
  ///   - count: how many titles to recommend to each viewer.
  /// - Complexity: O(viewers × titles × k).
  public init(catalogue: DemoCatalogue, model: MatrixFactorization, count: Int) {
    let data = catalogue.dataset
    let rated = data.itemsRated(by: Array(0..<data.userCount))
    var viewers = 0
    var recommended = 0
    var favourite = 0
    var expected = 0.0
    for user in 0..<data.userCount {
      let genre = catalogue.favouriteGenres[user]
      let unrated = (0..<data.itemCount).filter { !rated[user].contains($0) }
      guard !unrated.isEmpty else { continue }
      let picks = model.recommendations(for: user, count: count, excluding: rated[user])
      let unratedInGenre = unrated.filter { catalogue.itemGenres[$0] == genre }.count
      viewers += 1
      recommended += picks.count
      favourite += picks.filter { catalogue.itemGenres[$0.item] == genre }.count
      expected += Double(picks.count) * Double(unratedInGenre) / Double(unrated.count)
    }
    viewerCount = viewers
    recommendationCount = recommended
    favouriteCount = favourite
    expectedByChance = expected
  }

  /// The share of recommendations in the favourite genre.
  public var favouriteShare: Double {
    recommendationCount == 0 ? 0 : Double(favouriteCount) / Double(recommendationCount)
  }

  /// The share random picks would be expected to have.
  public var chanceShare: Double {
    recommendationCount == 0 ? 0 : expectedByChance / Double(recommendationCount)
  }
}
