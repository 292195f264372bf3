import Foundation

/// How a simulated viewer answers a row of recommended titles, drawn from the demo catalogue's
/// hidden tastes: the answer a real test waits weeks for, known here in advance.
///
/// For each title i in viewer u's row, with eᵤᵢ the hidden mean rating
/// (``DemoCatalogue/expectedRating(viewer:item:)``) and σ the catalogue's rating noise:
///
///     plays it with probability           πᵤᵢ = 1 / (1 + e^{−(eᵤᵢ − 3.5)})
///     rates what it played                rᵤᵢ = eᵤᵢ + σε,  ε ~ N(0, 1)
///     enjoys it when rᵤᵢ ≥ 3.5 (4 or 5 stars), so  qᵤᵢ = πᵤᵢ · Φ((eᵤᵢ − 3.5)/σ)
///
/// each title independently. The metric of the chapter's test is the number of titles in the
/// row the viewer enjoys.
public struct ViewerResponses: Sendable {
  /// The rating from which a title counts as enjoyed: 3.5 rounds to 4 stars.
  public static let enjoyedFrom = 3.5

  public let catalogue: DemoCatalogue

  public init(catalogue: DemoCatalogue) { self.catalogue = catalogue }

  /// πᵤᵢ, the chance that `viewer` plays `item` from the row.
  public func playProbability(viewer: Int, item: Int) -> Double {
    let e = catalogue.expectedRating(viewer: viewer, item: item)
    return 1 / (1 + exp(-(e - Self.enjoyedFrom)))
  }

  /// qᵤᵢ, the chance that `viewer` plays `item` and enjoys it.
  public func enjoyProbability(viewer: Int, item: Int) -> Double {
    let e = catalogue.expectedRating(viewer: viewer, item: item)
    return playProbability(viewer: viewer, item: item)
      * Normal.cdf((e - Self.enjoyedFrom) / catalogue.recipe.noise)
  }

  /// One viewer's answer to `row`, drawn step by step: a play or not per title, then a noisy
  /// rating for each title played. Returns how many titles the viewer enjoyed.
  public func respond(viewer: Int, row: [Int], random: inout NumpyRandom) -> Int {
    var enjoyed = 0
    for item in row where random.nextDouble() < playProbability(viewer: viewer, item: item) {
      let rating =
        catalogue.expectedRating(viewer: viewer, item: item)
        + catalogue.recipe.noise * random.nextGaussian()
      if rating >= Self.enjoyedFrom { enjoyed += 1 }
    }
    return enjoyed
  }
}

/// The distribution of each viewer's metric, kept as cumulative probabilities so one uniform
/// draw gives a viewer's value: the cheap way to run thousands of simulated tests, and the same
/// distribution as answering title by title (``ViewerResponses/respond(viewer:row:random:)``).
public struct OutcomeTable: Sendable {
  /// Values 0…`maximum`.
  public let maximum: Int
  // Row-major: viewer v's P(X ≤ k) at v·(maximum + 1) + k.
  private let cumulative: [Double]
  /// E[X] for each viewer.
  public let means: [Double]

  /// The number of titles enjoyed when each title of a viewer's row is enjoyed independently
  /// with its own probability: P(X = k) by adding one title at a time to the distribution of
  /// the titles before it (a Poisson binomial distribution).
  ///
  /// - Parameter enjoyProbabilities: for each viewer, qᵤᵢ of each title of their row; every
  ///   row the same length.
  /// - Complexity: O(viewers × row²).
  public init(enjoyProbabilities: [[Double]]) {
    let maximum = enjoyProbabilities.first?.count ?? 0
    var cumulative: [Double] = []
    cumulative.reserveCapacity(enjoyProbabilities.count * (maximum + 1))
    for row in enjoyProbabilities {
      precondition(row.count == maximum, "every viewer's row holds as many titles")
      var distribution = [1.0]
      for q in row {
        var next = [Double](repeating: 0, count: distribution.count + 1)
        for (k, p) in distribution.enumerated() {
          next[k] += p * (1 - q)
          next[k + 1] += p * q
        }
        distribution = next
      }
      var running = 0.0
      for (k, p) in distribution.enumerated() {
        running += p
        cumulative.append(k == maximum ? 1 : running)
      }
    }
    self.maximum = maximum
    self.cumulative = cumulative
    self.means = enjoyProbabilities.map { $0.reduce(0, +) }
  }

  public var viewerCount: Int { means.count }

  /// P(X = k) for `viewer`.
  public func probability(viewer: Int, value k: Int) -> Double {
    let base = viewer * (maximum + 1)
    return cumulative[base + k] - (k == 0 ? 0 : cumulative[base + k - 1])
  }

  /// The viewer's value for a uniform draw u in [0, 1): the smallest k with P(X ≤ k) > u.
  public func value(viewer: Int, uniform u: Double) -> Int {
    let base = viewer * (maximum + 1)
    var k = 0
    while k < maximum && cumulative[base + k] <= u { k += 1 }
    return k
  }

  /// The mean and standard deviation of X over a viewer drawn at random from the table:
  /// Var X = E[Var(X | viewer)] + Var(E[X | viewer]).
  public var populationMoments: (mean: Double, standardDeviation: Double) {
    var sum = 0.0
    var sumOfSquares = 0.0
    for viewer in 0..<viewerCount {
      for k in 1...max(1, maximum) where k <= maximum {
        let p = probability(viewer: viewer, value: k)
        sum += Double(k) * p
        sumOfSquares += Double(k * k) * p
      }
    }
    let n = Double(viewerCount)
    let mean = sum / n
    return (mean, (sumOfSquares / n - mean * mean).squareRoot())
  }
}
