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

  public init(
    dataset: RatingsDataset, format: RatingsFileFormat, userIDs: [String], itemIDs: [String]
  ) {
    precondition(
      userIDs.count == dataset.userCount && itemIDs.count == dataset.itemCount,
      "one id per user and per item")
    self.dataset = dataset
    self.format = format
    self.userIDs = userIDs
    self.itemIDs = itemIDs
  }
}
