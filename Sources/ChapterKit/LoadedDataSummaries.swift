import Recommender

extension LoadedRatings {
  /// One line for narration, e.g.
  /// "100,000 ratings by 943 users of 1,682 movies (MovieLens 100k u.data, scale 1–5)".
  ///
  /// For a format that may start with a header (`ratings.csv`, plain CSV) it ends by saying what
  /// the loader decided, `header "userId,movieId,rating,timestamp"` or `no header`, since a
  /// first line skipped as a header is a rating lost if the guess was wrong.
  public var summary: String {
    var details = "\(format.displayName), scale \(starScaleText(dataset.scale))"
    if format.allowsHeader {
      details += header.map { ", header \"\(fieldExcerpt($0))\"" } ?? ", no header"
    }
    return "\(grouped(dataset.ratings.count)) ratings by \(grouped(dataset.userCount)) users of "
      + "\(grouped(dataset.itemCount)) movies (\(details))"
  }
}

extension TitledRatings {
  /// One line for narration, e.g. "1,682 of 1,682 rated movies have a title (the file holds 1,682)".
  public var summary: String {
    "\(grouped(matchedItemCount)) of \(grouped(ratings.dataset.itemCount)) rated movies have a "
      + "title (the file holds \(grouped(titleCount)))"
  }
}
