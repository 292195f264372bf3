import LookupTiming
import Recommender

/// √(mean of e²), the RMSE of a list of errors; 0 for none.
func rootMeanSquare(_ errors: some Collection<Double>) -> Double {
  errors.isEmpty ? 0 : (errors.reduce(0) { $0 + $1 * $1 } / Double(errors.count)).squareRoot()
}

/// Two strategies' errors on the same events, compared by their squared errors event by event:
/// a difference counts only when the mean of (e_a² − e_b²) is more than two standard errors
/// from zero, so a gap that a reshuffle of luck could make is called too small.
struct PairedComparison {
  let first: Double
  let second: Double
  let meanDifference: Double
  let standardError: Double
  let count: Int

  init(_ a: [Double], _ b: [Double]) {
    let differences = zip(a, b).map { $0 * $0 - $1 * $1 }
    count = differences.count
    first = rootMeanSquare(a)
    second = rootMeanSquare(b)
    let mean = differences.isEmpty ? 0 : differences.reduce(0, +) / Double(count)
    let variance =
      count < 2
      ? 0 : differences.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(count - 1)
    meanDifference = mean
    standardError = (variance / Double(max(count, 1))).squareRoot()
  }

  /// Whether the second has the smaller squared error by more than two standard errors.
  var secondIsBetter: Bool { count >= 2 && meanDifference > 2 * standardError }
  /// Whether the first has the smaller squared error by more than two standard errors.
  var firstIsBetter: Bool { count >= 2 && -meanDifference > 2 * standardError }
}

/// The event the chapter shows up close, with the model before and after its one step.
struct OneEvent {
  /// The event's position in the stream.
  let index: Int
  let rating: Rating
  let time: Int
  let before: MatrixFactorization
  let after: MatrixFactorization
  let listBefore: [Recommendation]
  let listAfter: [Recommendation]
  /// The error eᵤᵢ before the step.
  let error: Double

  /// On the catalogue, the first stream event of a viewer whose taste has drifted, rating a
  /// title of their new favourite genre, and known to the batch model; else the first stream
  /// event of a viewer with five warm-up ratings; else the first stream event.
  static func pick(
    stream: ArraySlice<Rating>, times: ArraySlice<Int>, warmUpCounts: [Int],
    drifting: DriftingCatalogue?
  ) -> Int {
    let positions = Array(zip(stream.indices, times.indices))
    if let drifting {
      for (offset, (s, t)) in positions.enumerated() {
        let rating = stream[s]
        guard warmUpCounts[rating.user] > 0, let drift = drifting.drifts[rating.user],
          times[t] >= drift.time, drifting.catalogue.itemGenres[rating.item] == drift.to
        else { continue }
        return offset
      }
    }
    return positions.enumerated().first { warmUpCounts[stream[$0.element.0].user] >= 5 }?.offset
      ?? 0
  }

  init(
    index: Int, rating: Rating, time: Int, model: MatrixFactorization, rated: Set<Int>,
    settings: SGDTrainer.Settings, listLength: Int
  ) {
    self.index = index
    self.rating = rating
    self.time = time
    before = model
    listBefore = model.recommendations(for: rating.user, count: listLength, excluding: rated)
    var updated = model
    error = updated.sgdStep(
      user: rating.user, item: rating.item, rating: rating.value, settings: settings)
    after = updated
    listAfter = updated.recommendations(
      for: rating.user, count: listLength, excluding: rated.union([rating.item]))
  }
}

/// New viewers folded into the batch model from their first few ratings.
struct ColdStart {
  /// How many of a viewer's first ratings are folded in.
  static let steps = [0, 1, 3, 5, 10]
  /// The viewers: none of their ratings is in the warm-up part, and they rated more than the
  /// largest step, so the same later ratings test every step.
  let viewers: [Int]
  /// RMSE on each viewer's ratings after their tenth, pooled, per step.
  let rmse: [Double]
  /// On the catalogue: the share of top-N lists' titles in the viewer's favourite genre at
  /// the time of their tenth rating, per step, and the share picking at random would give.
  let favouriteShare: [Double]?
  let chanceShare: Double?
  /// The later ratings scored.
  let testCount: Int
  /// The fold-in's ridge penalties, from the batch model's viewers.
  let penalties: FoldInPenalties

  init(
    batch: MatrixFactorization, timeline: RatingTimeline, warmUpCount: Int,
    training: BatchTraining, drifting: DriftingCatalogue?, listLength: Int, limit: Int
  ) {
    let largest = Self.steps.last!
    var byViewer = [[(rating: Rating, time: Int)]](repeating: [], count: batch.P.rows)
    var known = [Bool](repeating: false, count: batch.P.rows)
    for (index, (rating, time)) in zip(timeline.events, timeline.times).enumerated() {
      if index < warmUpCount {
        known[rating.user] = true
      } else {
        byViewer[rating.user].append((rating, time))
      }
    }
    // The prior for a newcomer, from the viewers the batch model learned (empirical Bayes).
    let penalties = batch.foldInPenalties(trainedOn: Array(timeline.events.prefix(warmUpCount)))
    self.penalties = penalties
    let viewers = byViewer.indices.filter { viewer in
      !known[viewer] && byViewer[viewer].count > largest && drifting?.drifts[viewer] == nil
    }.prefix(limit)
    self.viewers = Array(viewers)
    var squares = [Double](repeating: 0, count: Self.steps.count)
    var favourites = [Int](repeating: 0, count: Self.steps.count)
    var listed = [Int](repeating: 0, count: Self.steps.count)
    var chanceSum = 0.0
    var testCount = 0
    for viewer in viewers {
      let history = byViewer[viewer]
      let later = history[largest...].map(\.rating)
      testCount += later.count
      for (step, count) in Self.steps.enumerated() {
        let first = history.prefix(count).map(\.rating)
        let folded = batch.foldIn(
          first.map { (item: $0.item, value: $0.value) }, penalties: penalties)
        // Stored in the viewer's row, as a serving system would, so the model serves them.
        var model = batch
        for f in 0..<model.factorCount { model.P[viewer, f] = folded.factors[f] }
        model.userBiases[viewer] = folded.bias
        for rating in later {
          let e = rating.value - model.predict(user: viewer, item: rating.item)
          squares[step] += e * e
        }
        guard let drifting else { continue }
        let favourite = drifting.catalogue.favouriteGenres[viewer]
        let list = model.recommendations(
          for: viewer, count: listLength, excluding: Set(first.map(\.item)))
        listed[step] += list.count
        favourites[step] +=
          list.filter {
            drifting.catalogue.itemGenres[$0.item] == favourite
          }.count
      }
      if let drifting {
        let genres = drifting.catalogue.itemGenres
        let favourite = drifting.catalogue.favouriteGenres[viewer]
        chanceSum += Double(genres.filter { $0 == favourite }.count) / Double(genres.count)
      }
    }
    self.testCount = testCount
    rmse = squares.map { testCount == 0 ? 0 : ($0 / Double(testCount)).squareRoot() }
    favouriteShare =
      drifting == nil ? nil : zip(favourites, listed).map { $1 == 0 ? 0 : Double($0) / Double($1) }
    chanceShare = drifting == nil || viewers.isEmpty ? nil : chanceSum / Double(viewers.count)
  }
}

/// The stream served while the model learns: each event is one online step, the rater's
/// cached list dropped and served again at once, and between events a few requests from other
/// viewers, answered from the cache when it can. Every step and every re-ranking is timed.
struct ServingRun {
  /// Requests from random viewers between two events.
  static let requestsPerEvent = 3

  let cache: TopNServingCache
  let model: MatrixFactorization
  /// Cached lists that differ from what the final model would serve.
  let staleLists: Int
  let cachedLists: Int
  /// Nanoseconds of each event's online step and of the rater's re-ranking.
  let updateNanoseconds: [Double]
  let rerankNanoseconds: [Double]

  init(
    warmUp: ArraySlice<Rating>, stream: ArraySlice<Rating>, batch: MatrixFactorization,
    settings: SGDTrainer.Settings, listLength: Int, seed: UInt32
  ) {
    var model = batch
    var cache = TopNServingCache()
    var rated = [Set<Int>](repeating: [], count: batch.P.rows)
    var active: [Int] = []
    var isActive = [Bool](repeating: false, count: batch.P.rows)
    for rating in warmUp {
      rated[rating.user].insert(rating.item)
      if !isActive[rating.user] {
        isActive[rating.user] = true
        active.append(rating.user)
      }
    }
    var random = NumpyRandom(seed: seed)
    var updates: [Double] = []
    var reranks: [Double] = []
    updates.reserveCapacity(stream.count)
    reranks.reserveCapacity(stream.count)
    for event in stream {
      let (u, i) = (event.user, event.item)
      // Viewers open their home page: served from the cache when their list is there.
      for _ in 0..<Self.requestsPerEvent where !active.isEmpty {
        let viewer = active[random.nextInt(through: active.count - 1)]
        _ = cache.list(for: viewer) {
          model.recommendations(for: viewer, count: listLength, excluding: rated[viewer])
        }
      }
      // A rating arrives: one step, the rater's list dropped, and served again at once.
      let start = MonotonicClock.now()
      _ = model.sgdStep(user: u, item: i, rating: event.value, settings: settings)
      let stepped = MonotonicClock.now()
      rated[u].insert(i)
      cache.invalidate(user: u)
      let reranked = MonotonicClock.now()
      _ = cache.list(for: u) {
        model.recommendations(for: u, count: listLength, excluding: rated[u])
      }
      let served = MonotonicClock.now()
      updates.append(Double(stepped - start))
      reranks.append(Double(served - reranked))
      if !isActive[u] {
        isActive[u] = true
        active.append(u)
      }
    }
    self.cache = cache
    self.model = model
    self.cachedLists = cache.lists.count
    self.staleLists = cache.staleLists(model: model, rated: rated, count: listLength)
    self.updateNanoseconds = updates
    self.rerankNanoseconds = reranks
  }

  /// Each event's step plus re-ranking.
  var totalNanoseconds: [Double] { zip(updateNanoseconds, rerankNanoseconds).map(+) }
}

/// Online steps per second with no serving: passes of one step per stream event over a copy of
/// the batch model; the median pass of `passes`.
func updatesPerSecond(
  stream: ArraySlice<Rating>, batch: MatrixFactorization, settings: SGDTrainer.Settings,
  passes: Int
) -> Double {
  let rates = (0..<passes).map { _ in
    var model = batch
    let (_, nanoseconds) = MonotonicClock.measure {
      for event in stream {
        _ = model.sgdStep(
          user: event.user, item: event.item, rating: event.value, settings: settings)
      }
    }
    return Double(stream.count) / max(Double(nanoseconds), 1) * 1e9
  }
  return BenchmarkSummary(samples: rates).median
}
