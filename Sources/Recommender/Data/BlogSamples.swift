/// The two small rating tables the blog works with.
public enum BlogSamples {
  /// The listing's sample from section 7: five viewers, four movies, every cell rated.
  ///
  /// Ratings are stored users in id order, each user's movies in id order, which is the order
  /// the listing's training loops visit them.
  public static let listing: RatingsDataset = {
    let stars: [[Double]] = [
      [5, 3, 4, 1],  // Alice
      [4, 2, 5, 2],  // Bob
      [1, 4, 2, 5],  // Charlie
      [2, 5, 1, 4],  // David
      [3, 1, 3, 2],  // Eve
    ]
    var ratings: [Rating] = []
    for (user, row) in stars.enumerated() {
      for (item, value) in row.enumerated() {
        ratings.append(Rating(user: user, item: item, value: value))
      }
    }
    return RatingsDataset(
      userNames: ["Alice", "Bob", "Charlie", "David", "Eve"],
      itemNames: ["The Action Hero", "Romantic Comedy", "Sci-Fi Epic", "Drama Thriller"],
      ratings: ratings)
  }()

  /// The user–item table of section 4: four viewers, four movies, and empty cells where a
  /// viewer has not rated a movie.
  public static let sparseTable: RatingsDataset = {
    let cells: [[Double?]] = [
      [5, nil, 4, nil],  // Alice
      [nil, 3, nil, 5],  // Bob
      [4, 2, nil, nil],  // Charlie
      [nil, 5, 3, 2],  // David
    ]
    var ratings: [Rating] = []
    for (user, row) in cells.enumerated() {
      for (item, value) in row.enumerated() {
        if let value { ratings.append(Rating(user: user, item: item, value: value)) }
      }
    }
    return RatingsDataset(
      userNames: ["Alice", "Bob", "Charlie", "David"],
      itemNames: ["Movie A", "Movie B", "Movie C", "Movie D"],
      ratings: ratings)
  }()

  /// The scale of the Netflix Prize data set, for contrast with the samples.
  public static let netflixPrize = (ratings: 100_480_507, users: 480_189, movies: 17_770)
}
