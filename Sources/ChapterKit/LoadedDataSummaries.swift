import Recommender

extension LoadedRatings {
  /// One line for narration, e.g.
  /// "100,000 ratings by 943 users of 1,682 movies (MovieLens 100k u.data, scale 1–5)".
  public var summary: String {
    "\(grouped(dataset.ratings.count)) ratings by \(grouped(dataset.userCount)) users of "
      + "\(grouped(dataset.itemCount)) movies"
      + " (\(format.displayName), scale \(starScaleText(dataset.scale)))"
  }
}

extension TitledRatings {
  /// One line for narration, e.g. "1,682 of 1,682 rated movies have a title (the file holds 1,682)".
  public var summary: String {
    "\(grouped(matchedItemCount)) of \(grouped(ratings.dataset.itemCount)) rated movies have a "
      + "title (the file holds \(grouped(titleCount)))"
  }
}
