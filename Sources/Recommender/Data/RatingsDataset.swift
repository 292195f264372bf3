/// One known rating: user `user` gave item `item` the value `value` (stars).
///
/// `user` and `item` are dense indices (0..<userCount, 0..<itemCount), the blog's user_id and
/// movie_id.
///
/// Stored in 16 bytes rather than the 24 of two `Int`s and a `Double`: the indices are kept as
/// `Int32` (at most 2³¹ − 1 users and items, far beyond any public data set) and read as `Int`.
/// A run on MovieLens 25M holds its 25 million ratings in the dataset and again in a train/test
/// split: 400 MB each, not 600.
public struct Rating: Sendable, Equatable, Hashable {
  private var userIndex: Int32
  private var itemIndex: Int32
  public var value: Double

  public init(user: Int, item: Int, value: Double) {
    userIndex = Int32(user)
    itemIndex = Int32(item)
    self.value = value
  }

  public var user: Int {
    get { Int(userIndex) }
    set { userIndex = Int32(newValue) }
  }

  public var item: Int {
    get { Int(itemIndex) }
    set { itemIndex = Int32(newValue) }
  }
}

/// A sparse user–item rating matrix R: display names for users and items, and only the cells
/// that hold a rating.
///
/// The order of `ratings` is the order training visits them in the blog's listings (users in id
/// order, each user's movies in id order), so it is kept exactly as given.
public struct RatingsDataset: Sendable, Equatable {
  public var userNames: [String]
  public var itemNames: [String]
  public var ratings: [Rating]
  /// The lowest and highest rating the scale allows (1...5 stars for the blog).
  public var scale: ClosedRange<Double>

  public init(
    userNames: [String], itemNames: [String], ratings: [Rating], scale: ClosedRange<Double> = 1...5
  ) {
    precondition(
      ratings.allSatisfy {
        $0.user >= 0 && $0.user < userNames.count && $0.item >= 0 && $0.item < itemNames.count
      },
      "a rating names a user or item outside the dataset")
    self.userNames = userNames
    self.itemNames = itemNames
    self.ratings = ratings
    self.scale = scale
  }

  public var userCount: Int { userNames.count }
  public var itemCount: Int { itemNames.count }

  /// The dataset with other ratings but the same users, items and scale (for train/test splits).
  public func with(ratings newRatings: [Rating]) -> RatingsDataset {
    RatingsDataset(userNames: userNames, itemNames: itemNames, ratings: newRatings, scale: scale)
  }

  /// R as a grid of optional values: `nil` where the user has not rated the item.
  public var grid: [[Double?]] {
    var cells = [[Double?]](
      repeating: [Double?](repeating: nil, count: itemCount), count: userCount)
    for rating in ratings { cells[rating.user][rating.item] = rating.value }
    return cells
  }
}
