/// Ratings divided into a part to learn from and a part held out to test on.
public struct TrainTestSplit: Sendable {
  public let train: [Rating]
  public let test: [Rating]
  /// One bit per rating split, set where it went to `test`; nil for two given parts. Enough to
  /// put the ratings back in their first order (``ratingsInOriginalOrder``) at a hundredth of
  /// the memory of keeping a copy of them.
  private let heldOut: [UInt64]?

  /// Two given parts, e.g. one fold of ``KFoldSplits``.
  public init(train: [Rating], test: [Rating]) {
    self.train = train
    self.test = test
    heldOut = nil
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
  /// - Complexity: O(ratings); memory: the two parts, plus about 4 bytes per rating while
  ///   splitting.
  public init(_ ratings: [Rating], testFraction: Double, seed: UInt32) {
    precondition(testFraction > 0 && testFraction < 1, "the test fraction must be in (0, 1)")
    precondition(ratings.count <= Int(Int32.max), "at most 2³¹ − 1 ratings")
    let testCount = Int((Double(ratings.count) * testFraction).rounded())
    var heldOut = [UInt64](repeating: 0, count: (ratings.count + 63) / 64)
    do {
      var random = NumpyRandom(seed: seed)
      // Positions as Int32 (half the memory of Int at 25 million ratings); the shuffle's swaps
      // depend only on the random stream, not on the element type. Let go before the parts
      // are made.
      var order = (0..<Int32(ratings.count)).map { $0 }
      random.shuffle(&order)
      for index in order.prefix(testCount) { heldOut[Int(index) / 64] |= 1 << (index % 64) }
    }
    var train: [Rating] = []
    var test: [Rating] = []
    train.reserveCapacity(ratings.count - testCount)
    test.reserveCapacity(testCount)
    for (index, rating) in ratings.enumerated() {
      if heldOut[index / 64] & 1 << (index % 64) != 0 {
        test.append(rating)
      } else {
        train.append(rating)
      }
    }
    self.train = train
    self.test = test
    self.heldOut = heldOut
  }

  /// The ratings the split was made from, in their order then; nil for two given parts.
  ///
  /// With it a caller holding many ratings can let go of its own copy while it works with the
  /// parts, and rebuild it afterwards, rather than hold every rating twice.
  ///
  /// - Complexity: O(ratings).
  public var ratingsInOriginalOrder: [Rating]? {
    guard let heldOut else { return nil }
    var ratings: [Rating] = []
    ratings.reserveCapacity(train.count + test.count)
    var (trainIndex, testIndex) = (0, 0)
    for index in 0..<(train.count + test.count) {
      if heldOut[index / 64] & 1 << (index % 64) != 0 {
        ratings.append(test[testIndex])
        testIndex += 1
      } else {
        ratings.append(train[trainIndex])
        trainIndex += 1
      }
    }
    return ratings
  }
}
