/// The rows of R or its columns: each user's ratings, or each item's, stored one list after
/// another (compressed sparse rows), in the order the ratings were given.
///
/// A neighbourhood model reads R both ways: item–item similarity walks each user's list,
/// user–user similarity walks each item's, and a prediction for (u, i) looks at u's list (item
/// neighbours) or i's (user neighbours).
public struct RatingLists: Sendable {
  /// Whose lists these are.
  public enum Owner: String, Sendable { case users, items }

  public let owner: Owner
  /// `offsets[o] ..< offsets[o + 1]` are owner o's entries.
  let offsets: [Int]
  /// For each entry the other index: the item a user rated, or the user who rated an item.
  let others: [Int]
  /// For each entry the rating.
  let values: [Double]

  /// - Parameters:
  ///   - ratings: the known ratings.
  ///   - owner: whether to list by user (rows of R) or by item (columns).
  ///   - count: how many users (or items) there are; an owner without ratings gets an empty list.
  /// - Complexity: O(ratings + count).
  public init(_ ratings: [Rating], by owner: Owner, count: Int) {
    var offsets = [Int](repeating: 0, count: count + 1)
    for rating in ratings { offsets[(owner == .users ? rating.user : rating.item) + 1] += 1 }
    for index in 0..<count { offsets[index + 1] += offsets[index] }
    var next = offsets
    var others = [Int](repeating: 0, count: ratings.count)
    var values = [Double](repeating: 0, count: ratings.count)
    for rating in ratings {
      let (mine, other) = owner == .users ? (rating.user, rating.item) : (rating.item, rating.user)
      others[next[mine]] = other
      values[next[mine]] = rating.value
      next[mine] += 1
    }
    self.owner = owner
    self.offsets = offsets
    self.others = others
    self.values = values
  }

  /// How many users (or items) have a list.
  public var count: Int { offsets.count - 1 }

  /// How many ratings owner `index` has.
  public func length(of index: Int) -> Int { offsets[index + 1] - offsets[index] }

  /// Where owner `index`'s entries sit in `others` and `values`.
  public func range(of index: Int) -> Range<Int> { offsets[index]..<offsets[index + 1] }

  /// Owner `index`'s ratings as (other index, rating) pairs, in the order given.
  public func entries(of index: Int) -> [(other: Int, value: Double)] {
    (offsets[index]..<offsets[index + 1]).map { (others[$0], values[$0]) }
  }
}
