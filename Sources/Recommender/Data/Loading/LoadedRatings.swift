/// A ratings file turned into a dataset, with the file's own ids kept for matching titles.
public struct LoadedRatings: Sendable, Equatable {
  /// Users and items numbered densely in order of first appearance; names are "User <id>" and
  /// "Movie <id>" (or the movie's title once titles are applied).
  public var dataset: RatingsDataset
  /// The layout the file was read as.
  public var format: RatingsFileFormat
  /// The file's user ids: `userIDs[user]` is the id of dense user index `user`.
  public var userIDs: [String]
  /// The file's item ids: `itemIDs[item]` is the id of dense item index `item`.
  public var itemIDs: [String]
  /// The first record's fields joined by commas (e.g. `userId,movieId,rating,timestamp`) when
  /// the loader read it as a header, nil when every record was read as a rating.
  ///
  /// Kept so the narration can say which it decided: a line skipped as a header is a line of data
  /// lost if the decision was wrong. Always nil for formats without a header (`u.data`).
  public var header: String?
  /// When each rating was given, in seconds since 1970, in the order of `dataset.ratings`; nil
  /// unless the loader was asked for them and the format has them (the MovieLens formats).
  public var timestamps: [Int]?

  public init(
    dataset: RatingsDataset, format: RatingsFileFormat, userIDs: [String], itemIDs: [String],
    header: String? = nil, timestamps: [Int]? = nil
  ) {
    precondition(
      userIDs.count == dataset.userCount && itemIDs.count == dataset.itemCount,
      "one id per user and per item")
    precondition(header == nil || format.allowsHeader, "\(format.displayName) has no header")
    self.dataset = dataset
    self.format = format
    self.userIDs = userIDs
    self.itemIDs = itemIDs
    self.header = header
    precondition(
      timestamps == nil || timestamps!.count == dataset.ratings.count, "one timestamp per rating")
    self.timestamps = timestamps
  }
}
