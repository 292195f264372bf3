/// Ratings divided into a part to learn from and a part held out to test on.
public struct TrainTestSplit: Sendable {
  public let train: [Rating]
  public let test: [Rating]

  /// Two given parts, e.g. one fold of ``KFoldSplits``.
  public init(train: [Rating], test: [Rating]) {
    self.train = train
    self.test = test
  }

  /// Holds out a seeded random `testFraction` of `ratings`.
  ///
  /// Both parts keep the ratings' original relative order, so training on `train` visits users
  /// in the same order as training on everything would.
  ///
  /// - Parameters:
  ///   - ratings: all known ratings.
  ///   - testFraction: the share to hold out, in (0, 1); rounded to a whole number of ratings.
  ///   - seed: seeds the shuffle that picks the held-out ratings.
  /// - Complexity: O(ratings); memory: the two parts plus 5 bytes per rating while splitting.
  public init(_ ratings: [Rating], testFraction: Double, seed: UInt32) {
    precondition(testFraction > 0 && testFraction < 1, "the test fraction must be in (0, 1)")
    precondition(ratings.count <= Int(Int32.max), "at most 2³¹ − 1 ratings")
    var random = NumpyRandom(seed: seed)
    // Positions as Int32 (half the memory of Int at 25 million ratings); the shuffle's swaps
    // depend only on the random stream, not on the element type.
    var order = (0..<Int32(ratings.count)).map { $0 }
    random.shuffle(&order)
    let testCount = Int((Double(ratings.count) * testFraction).rounded())
    var isTest = [Bool](repeating: false, count: ratings.count)
    for index in order.prefix(testCount) { isTest[Int(index)] = true }
    order = []
    var train: [Rating] = []
    var test: [Rating] = []
    train.reserveCapacity(ratings.count - testCount)
    test.reserveCapacity(testCount)
    for (index, rating) in ratings.enumerated() {
      if isTest[index] { test.append(rating) } else { train.append(rating) }
    }
    self.train = train
    self.test = test
  }

}
