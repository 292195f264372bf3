/// Ratings in the order they were given, each with its time: the stream a real-time recommender
/// learns from, one event at a time.
public struct RatingTimeline: Sendable {
  /// Names and scale as loaded; the ratings in time order.
  public let dataset: RatingsDataset
  /// When each rating of `dataset.ratings` was given, in seconds; never decreasing.
  public let times: [Int]

  /// Orders `dataset`'s ratings by `times`; equal times keep the order they were given in, so
  /// the replay never depends on how a sort breaks ties.
  ///
  /// - Parameters:
  ///   - dataset: the ratings, in any order.
  ///   - times: one time per rating of `dataset`, in the same order.
  /// - Complexity: O(r log r) for r ratings.
  public init(_ dataset: RatingsDataset, times: [Int]) {
    precondition(times.count == dataset.ratings.count, "one time per rating")
    let order = times.indices.sorted { (times[$0], $0) < (times[$1], $1) }
    self.dataset = dataset.with(ratings: order.map { dataset.ratings[$0] })
    self.times = order.map { times[$0] }
  }

  /// The ratings, oldest first.
  public var events: [Rating] { dataset.ratings }

  /// How many of the oldest ratings make up the first `fraction` of them, rounded to the
  /// nearest whole rating and kept between 1 and all but one, so both parts hold a rating when
  /// there are two or more.
  public func warmUpCount(_ fraction: Double) -> Int {
    let count = times.count
    return min(max(Int((Double(count) * fraction).rounded()), 1), max(count - 1, 1))
  }
}
