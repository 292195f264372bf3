/// How often the titles a model finds most similar to a title share its genre, against the
/// share of other titles in that genre.
///
/// The model never sees the genres, only ratings; if similar factor vectors come out in the
/// same genre far more often than chance, the factors have found the genres by themselves.
public struct SameGenreCheck: Sendable, Equatable {
  /// Similar titles listed, over every title.
  public let similarCount: Int
  /// Those in the same genre as the title they were found for.
  public let sameGenreCount: Int
  /// The expected number in the same genre if the similar titles were picked at random.
  public let expectedByChance: Double

  /// Finds the `count` most similar titles to every title of `catalogue` and counts.
  ///
  /// - Parameters:
  ///   - catalogue: the titles and their genres.
  ///   - model: a model trained on the catalogue's ratings.
  ///   - count: how many similar titles to list per title.
  /// - Complexity: O(titles² × k).
  public init(catalogue: DemoCatalogue, model: MatrixFactorization, count: Int) {
    let genres = catalogue.itemGenres
    var listed = 0
    var same = 0
    var expected = 0.0
    for item in genres.indices {
      let similar = model.titlesSimilar(to: item, count: count)
      let othersInGenre = genres.indices.filter { $0 != item && genres[$0] == genres[item] }.count
      listed += similar.count
      same += similar.filter { genres[$0.item] == genres[item] }.count
      expected += Double(similar.count) * Double(othersInGenre) / Double(genres.count - 1)
    }
    similarCount = listed
    sameGenreCount = same
    expectedByChance = expected
  }

  /// The share of similar titles in the same genre.
  public var sameGenreShare: Double {
    similarCount == 0 ? 0 : Double(sameGenreCount) / Double(similarCount)
  }

  /// The share random picks would be expected to have.
  public var chanceShare: Double {
    similarCount == 0 ? 0 : expectedByChance / Double(similarCount)
  }
}
