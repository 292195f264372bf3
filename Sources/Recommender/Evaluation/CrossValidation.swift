/// K-fold cross-validation: the ratings dealt into K folds of (nearly) equal size by a seeded
/// shuffle; fold f is the test set once, while the model learns from the other K − 1.
///
/// Every rating is tested exactly once, so a score averaged over the folds uses all the data,
/// and its spread across folds says how much a single split's score could move by luck. This
/// is the protocol of Surprise's benchmark table (5 folds on MovieLens 100k).
public struct KFoldSplits: Sendable {
  /// One train/test split per fold.
  public let folds: [TrainTestSplit]

  /// - Parameters:
  ///   - ratings: all the ratings.
  ///   - count: K, at least 2 and at most the number of ratings.
  ///   - seed: seeds the shuffle that deals the folds.
  /// - Complexity: O(K × ratings).
  public init(_ ratings: [Rating], count: Int, seed: UInt32) {
    precondition(count >= 2 && count <= ratings.count, "2 ≤ K ≤ ratings")
    var random = NumpyRandom(seed: seed)
    var order = (0..<Int32(ratings.count)).map { $0 }
    random.shuffle(&order)
    // Fold f takes positions f·n/K ..< (f+1)·n/K of the shuffled order.
    var foldOf = [Int](repeating: 0, count: ratings.count)
    for (position, index) in order.enumerated() {
      foldOf[Int(index)] = position * count / ratings.count
    }
    folds = (0..<count).map { fold in
      var train: [Rating] = []
      var test: [Rating] = []
      for (index, rating) in ratings.enumerated() {
        if foldOf[index] == fold { test.append(rating) } else { train.append(rating) }
      }
      return TrainTestSplit(train: train, test: test)
    }
  }
}

/// The mean and spread of one score over the folds.
public struct FoldSummary: Sendable, Equatable {
  public let mean: Double
  /// The standard deviation over the folds, population form (divided by K, as numpy's
  /// `np.std` and so Surprise's tables); 0 for a single fold.
  public let standardDeviation: Double
  public let values: [Double]

  public init(_ values: [Double]) {
    precondition(!values.isEmpty, "a summary of no folds")
    let mean = values.reduce(0, +) / Double(values.count)
    self.mean = mean
    self.standardDeviation =
      (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)).squareRoot()
    self.values = values
  }
}

/// Two models compared fold by fold: the mean of their per-fold differences and its standard
/// error. Both models met the same folds, so the comparison is paired, and much sharper than
/// setting two means ± spreads side by side.
public struct PairedDifference: Sendable, Equatable {
  /// The mean of (first − second) over the folds.
  public let mean: Double
  /// The standard error of that mean: the sample standard deviation of the differences / √K.
  public let standardError: Double

  /// Below this size a difference in RMSE is too small to matter, whatever the folds say.
  public static let negligible = 0.0005

  public init(_ first: FoldSummary, _ second: FoldSummary) {
    precondition(first.values.count == second.values.count, "the same folds for both")
    let differences = zip(first.values, second.values).map { $0 - $1 }
    let count = Double(differences.count)
    let mean = differences.reduce(0, +) / count
    let variance =
      differences.count < 2
      ? 0 : differences.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (count - 1)
    self.mean = mean
    self.standardError = differences.count < 2 ? .infinity : (variance / count).squareRoot()
  }

  /// Whether the difference is clear: at least ``negligible`` and more than twice its standard
  /// error (about 95% confidence for a normal error). Otherwise it is too small to call.
  public var isClear: Bool { abs(mean) >= Self.negligible && abs(mean) > 2 * standardError }
}
