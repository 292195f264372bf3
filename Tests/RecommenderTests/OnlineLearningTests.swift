import Foundation
import Testing

@testable import Recommender

@Suite("Online learning: forgetting unseen rows, the replay, the serving cache, time order")
struct OnlineLearningTests {
  /// A small trained model with biases, 3 factors, 6 viewers and 5 titles.
  static func model() -> MatrixFactorization {
    var random = NumpyRandom(seed: 3)
    var model = MatrixFactorization(
      users: 6, items: 5, factors: 3, initialisation: .normal, usesBiases: true, globalMean: 3.5,
      random: &random)
    model.userBiases = [0.1, -0.2, 0.3, 0, 0.05, -0.1]
    model.itemBiases = [0.2, -0.1, 0, 0.4, -0.3]
    return model
  }

  static let settings = SGDTrainer.Settings(
    learningRate: 0.05, biasLearningRate: 0.05, regularization: 0.1,
    factorUpdate: .simultaneous)

  @Test("forgetUnseen zeroes exactly the rows no rating names")
  func forgetUnseen() {
    var model = Self.model()
    model.forgetUnseen([Rating(user: 0, item: 1, value: 4)])
    #expect(model.P.row(0) == Self.model().P.row(0))
    #expect(model.P.row(3) == [0, 0, 0])
    #expect(model.Q.row(1) == Self.model().Q.row(1))
    #expect(model.Q.row(2) == [0, 0, 0])
    #expect(model.userBiases[3] == 0 && model.itemBiases[2] == 0)
  }

  @Test("the replay predicts each event before learning: online errors are the steps' errors")
  func replayPredictsFirst() throws {
    let ratings = (0..<40).map {
      Rating(user: $0 % 6, item: ($0 * 7) % 5, value: Double(1 + $0 % 5))
    }
    let training = BatchTraining(
      users: 6, items: 5, factors: 3, epochs: 5, learningRate: 0.02, regularization: 0.1, seed: 1)
    let warmUp = Array(ratings.prefix(20))
    let stream = Array(ratings.dropFirst(20))
    let batch = try training.train(warmUp)
    let replay = try PrequentialReplay(
      warmUp: warmUp, stream: stream, batch: batch, training: training, retrainEvery: 10)
    // The first event meets the same model in all three strategies.
    let first = stream[0].value - batch.predict(user: stream[0].user, item: stream[0].item)
    #expect(replay.frozenErrors[0] == first)
    #expect(replay.onlineErrors[0] == first)
    #expect(replay.retrainedErrors[0] == first)
    // By hand: the online model is the batch model after one step per event.
    var online = batch
    var errors: [Double] = []
    for event in stream {
      errors.append(
        online.sgdStep(
          user: event.user, item: event.item, rating: event.value, settings: training.settings))
    }
    #expect(errors == replay.onlineErrors)
    #expect(online.P == replay.onlineModel.P)
    // Retrained after events 10 only (not after the last): event 11 meets a model trained on 30.
    #expect(replay.retrainings == 1)
    let retrained = try training.train(warmUp + stream.prefix(10))
    #expect(
      replay.retrainedErrors[10] == stream[10].value
        - retrained.predict(user: stream[10].user, item: stream[10].item))
    #expect(replay.retrainedErrors[9] == replay.frozenErrors[9])
  }

  @Test("the serving cache: a hit when cached, a miss after the viewer rated")
  func servingCache() {
    var cache = TopNServingCache()
    var scored = 0
    let list = [Recommendation(item: 1, predictedRating: 4)]
    func score() -> [Recommendation] {
      scored += 1
      return list
    }
    #expect(cache.list(for: 7, score: score) == list)
    #expect(cache.list(for: 7, score: score) == list)
    cache.invalidate(user: 7)
    cache.invalidate(user: 8)
    _ = cache.list(for: 7, score: score)
    #expect(cache.hits == 1 && cache.misses == 2 && cache.invalidations == 1 && scored == 2)
  }

  @Test("a timeline orders by time and keeps the given order among equal times")
  func timelineOrder() {
    let data = RatingsDataset(
      userNames: ["a", "b"], itemNames: ["x", "y", "z"],
      ratings: [
        Rating(user: 0, item: 0, value: 1), Rating(user: 1, item: 1, value: 2),
        Rating(user: 0, item: 2, value: 3), Rating(user: 1, item: 0, value: 4),
      ])
    let timeline = RatingTimeline(data, times: [30, 10, 10, 20])
    #expect(timeline.events.map(\.value) == [2, 3, 4, 1])
    #expect(timeline.times == [10, 10, 20, 30])
    #expect(timeline.warmUpCount(0.5) == 2)
    #expect(timeline.warmUpCount(0.01) == 1)
    #expect(timeline.warmUpCount(0.99) == 3)
  }

  @Test(
    "the drifting catalogue: the demo's tastes, denser ratings, changed only after a drift")
  func driftingCatalogue() {
    let catalogue = DemoCatalogue(recipe: DemoCatalogue.Recipe(density: 0.6), seed: 42)
    let drifting = DriftingCatalogue(seed: 42)
    #expect(drifting.catalogue.dataset == catalogue.dataset)
    // The demo's viewers and tastes, at twice the demo's density.
    let demo = DemoCatalogue(seed: 42)
    #expect(catalogue.tastes == demo.tastes && catalogue.appeals == demo.appeals)
    #expect(catalogue.leniencies == demo.leniencies)
    #expect(catalogue.dataset.ratings.count > demo.dataset.ratings.count * 3 / 2)
    #expect(drifting.timeline.events.count == catalogue.dataset.ratings.count)
    let original = Dictionary(
      uniqueKeysWithValues: catalogue.dataset.ratings.map { ("\($0.user),\($0.item)", $0.value) })
    var changed = 0
    for (rating, time) in zip(drifting.timeline.events, drifting.timeline.times) {
      if rating.value != original["\(rating.user),\(rating.item)"] {
        #expect(drifting.hasDrifted(rating.user, by: time))
        changed += 1
      }
    }
    #expect(changed > 0)
    #expect(drifting.drifts.prefix(5).allSatisfy { $0 == nil })
    for (viewer, drift) in drifting.drifts.enumerated() {
      guard let drift else { continue }
      #expect(drift.from == catalogue.favouriteGenres[viewer])
      #expect(drifting.favouriteGenre(of: viewer, at: drift.time) == drift.to)
    }
  }

  @Test("the loader keeps u.data's timestamps only when asked, and names a bad one")
  func timestamps() throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("timestamps-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let good = directory.appendingPathComponent("u.data").path
    try "1\t2\t5\t881250949\n2\t1\t3\t874965758\n".write(
      toFile: good, atomically: true, encoding: .utf8)
    #expect(try RatingsLoader.load(path: good).timestamps == nil)
    #expect(
      try RatingsLoader.load(path: good, keepsTimestamps: true).timestamps == [
        881_250_949, 874_965_758,
      ])
    let bad = directory.appendingPathComponent("bad.data").path
    try "1\t2\t5\t12x\n".write(toFile: bad, atomically: true, encoding: .utf8)
    #expect(throws: DataFileError.self) { try RatingsLoader.load(path: bad, keepsTimestamps: true) }
    #expect(try RatingsLoader.load(path: bad).dataset.ratings.count == 1)
  }
}
