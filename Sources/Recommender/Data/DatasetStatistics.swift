/// Counts and averages that describe a rating matrix R.
public struct DatasetStatistics: Sendable {
  public let userCount: Int
  public let itemCount: Int
  public let ratingCount: Int
  /// The global mean μ: the average of every known rating (μ is introduced in chapter-biases).
  public let globalMean: Double
  /// Each user's average rating, `nil` for a user with no ratings.
  public let userMeans: [Double?]
  /// Each item's average rating, `nil` for an item nobody rated.
  public let itemMeans: [Double?]
  /// How many ratings each user gave.
  public let userRatingCounts: [Int]
  /// How many ratings each item received.
  public let itemRatingCounts: [Int]
  /// Each distinct rating value with how often it occurs, lowest value first.
  public let histogram: [(value: Double, count: Int)]

  /// Computes the statistics of `dataset`.
  ///
  /// - Complexity: O(ratings + users + items), plus sorting the distinct rating values.
  public init(_ dataset: RatingsDataset) {
    userCount = dataset.userCount
    itemCount = dataset.itemCount
    ratingCount = dataset.ratings.count
    var userSums = [Double](repeating: 0, count: userCount)
    var itemSums = [Double](repeating: 0, count: itemCount)
    var userCounts = [Int](repeating: 0, count: userCount)
    var itemCounts = [Int](repeating: 0, count: itemCount)
    var valueCounts: [Double: Int] = [:]
    var total = 0.0
    for rating in dataset.ratings {
      userSums[rating.user] += rating.value
      itemSums[rating.item] += rating.value
      userCounts[rating.user] += 1
      itemCounts[rating.item] += 1
      valueCounts[rating.value, default: 0] += 1
      total += rating.value
    }
    globalMean = ratingCount == 0 ? 0 : total / Double(ratingCount)
    userMeans = zip(userSums, userCounts).map { $1 == 0 ? nil : $0 / Double($1) }
    itemMeans = zip(itemSums, itemCounts).map { $1 == 0 ? nil : $0 / Double($1) }
    userRatingCounts = userCounts
    itemRatingCounts = itemCounts
    histogram = valueCounts.sorted { $0.key < $1.key }.map { (value: $0.key, count: $0.value) }
  }

  /// Every cell of R, rated or not: users × items.
  public var cellCount: Int { userCount * itemCount }
  /// The share of cells that hold a rating.
  public var density: Double { cellCount == 0 ? 0 : Double(ratingCount) / Double(cellCount) }
  /// The share of cells that are empty: 1 − density.
  public var sparsity: Double { 1 - density }

}
