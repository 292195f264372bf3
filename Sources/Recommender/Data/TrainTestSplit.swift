/// Ratings divided into a part to learn from and a part held out to test on.
public struct TrainTestSplit: Sendable {
  public let train: [Rating]
  public let test: [Rating]

  /// Holds out a seeded random `testFraction` of `ratings`.
  ///
  /// Both parts keep the ratings' original relative order, so training on `train` visits users
  /// in the same order as training on everything would.
  ///
  /// - Parameters:
  ///   - ratings: all known ratings.
  ///   - testFraction: the share to hold out, in (0, 1); rounded to a whole number of ratings.
  ///   - seed: seeds the shuffle that picks the held-out ratings.
  /// - Complexity: O(ratings).
  public init(_ ratings: [Rating], testFraction: Double, seed: UInt32) {
    precondition(testFraction > 0 && testFraction < 1, "the test fraction must be in (0, 1)")
    var random = NumpyRandom(seed: seed)
    var order = Array(ratings.indices)
    random.shuffle(&order)
    let testCount = Int((Double(ratings.count) * testFraction).rounded())
    var isTest = [Bool](repeating: false, count: ratings.count)
    for index in order.prefix(testCount) { isTest[index] = true }
    train = ratings.indices.filter { !isTest[$0] }.map { ratings[$0] }
    test = ratings.indices.filter { isTest[$0] }.map { ratings[$0] }
  }
}
