/// A replay of the ratings in time order that scores three ways of keeping a model current,
/// each on every event before it learns from that event ("prequential": predict, then learn).
///
/// A model trained in batch on the warm-up ratings meets the stream of later ratings, oldest
/// first:
///
/// - **frozen**: the batch model as trained, never updated;
/// - **online**: the same model, one ``MatrixFactorization/sgdStep(user:item:rating:settings:)``
///   per event, right after predicting it;
/// - **retrained**: the batch model, replaced every `retrainEvery` events by a model trained
///   from scratch on every rating seen so far.
///
/// No event is ever predicted by a model that has learned from it, so the errors are what a
/// viewer would have met.
public struct PrequentialReplay: Sendable {
  /// eᵤᵢ = rᵤᵢ − r̂ᵤᵢ for each stream event, in order, under each strategy.
  public let frozenErrors: [Double]
  public let onlineErrors: [Double]
  public let retrainedErrors: [Double]
  /// How many times the retrained strategy trained from scratch.
  public let retrainings: Int
  /// The online model after the last event.
  public let onlineModel: MatrixFactorization

  /// Replays `stream` after `warmUp`.
  ///
  /// - Parameters:
  ///   - warmUp: the ratings the batch model learned from, oldest first.
  ///   - stream: the later ratings, oldest first.
  ///   - batch: the model trained by `training` on `warmUp`.
  ///   - training: how to train from scratch; its settings are also the online step's.
  ///   - retrainEvery: events between two retrainings.
  /// - Throws: ``TrainingError/diverged(_:)`` when a retraining or the online updates stop
  ///   being finite numbers.
  /// - Complexity: O(stream × k) for the frozen and online strategies, plus
  ///   O(stream / retrainEvery × epochs × ratings × k) for retraining.
  public init(
    warmUp: [Rating], stream: [Rating], batch: MatrixFactorization, training: BatchTraining,
    retrainEvery: Int
  ) throws(TrainingError) {
    precondition(retrainEvery >= 1, "retrain after one event or more")
    let settings = training.settings
    var online = batch
    var retrained = batch
    var seen = warmUp
    seen.reserveCapacity(warmUp.count + stream.count)
    var frozenErrors: [Double] = []
    var onlineErrors: [Double] = []
    var retrainedErrors: [Double] = []
    var retrainings = 0
    for (index, event) in stream.enumerated() {
      let (u, i, r) = (event.user, event.item, event.value)
      frozenErrors.append(r - batch.predict(user: u, item: i))
      retrainedErrors.append(r - retrained.predict(user: u, item: i))
      // Predict, then learn: sgdStep returns the error from before its own update.
      onlineErrors.append(online.sgdStep(user: u, item: i, rating: r, settings: settings))
      seen.append(event)
      if (index + 1) % retrainEvery == 0 && index + 1 < stream.count {
        retrained = try training.train(seen)
        retrainings += 1
      }
    }
    guard online.isFinite, onlineErrors.allSatisfy(\.isFinite) else {
      throw .diverged(Divergence(epoch: 1, settings: settings, learnsBiases: true))
    }
    self.frozenErrors = frozenErrors
    self.onlineErrors = onlineErrors
    self.retrainedErrors = retrainedErrors
    self.retrainings = retrainings
    self.onlineModel = online
  }
}
