import ChapterKit
import Recommender

/// The sentences of chapter-basic-mf that read a run's numbers and choose their verdict from them.
enum Tables {
  /// "1 factor", "2 factors": the noun follows the number.
  static func count(_ n: Int, _ singular: String, _ plural: String) -> String {
    "\(n) \(n == 1 ? singular : plural)"
  }

  /// The scale as the narration writes it, "1–5".
  static func scaleName(_ scale: ClosedRange<Double>) -> String {
    "\(fixed(scale.lowerBound, 0))–\(fixed(scale.upperBound, 0))"
  }

  /// Whether the summed error fell, and whether it turned back up after a minimum. A change of
  /// less than 0.01 stars per rating is too small to call either way.
  static func learning(_ history: TrainingHistory, ratingCount: Int) -> String {
    let records = history.records
    let first = records[0]
    let last = records[records.count - 1]
    let lowest = records.min { $0.totalAbsoluteError < $1.totalAbsoluteError }!
    let margin = 0.01 * Double(ratingCount)
    let fell = first.totalAbsoluteError - last.totalAbsoluteError
    let rebound = last.totalAbsoluteError - lowest.totalAbsoluteError
    if records.count == 1 {
      return "One pass gives nothing to compare: its summed error was "
        + "\(fixed(first.totalAbsoluteError, 1))."
    }
    if fell < margin {
      return "The summed error went from \(fixed(first.totalAbsoluteError, 1)) in the first pass "
        + "to \(fixed(last.totalAbsoluteError, 1)) in the last: it did not fall by even "
        + "\(fixed(margin, 1)), so this setting does not learn."
    }
    if rebound >= margin && lowest.epoch < last.epoch {
      return "The summed error fell from \(fixed(first.totalAbsoluteError, 1)) in the first pass "
        + "to its lowest, \(fixed(lowest.totalAbsoluteError, 2)), in epoch \(lowest.epoch), and "
        + "then rose to \(fixed(last.totalAbsoluteError, 2)) by epoch \(last.epoch): the model "
        + "learned at first, but after epoch \(lowest.epoch) its summed error crept back up "
        + "instead of falling further."
    }
    return "The summed error went from \(fixed(first.totalAbsoluteError, 1)) in the first pass to "
      + "\(fixed(last.totalAbsoluteError, 1)) in the last: the model is learning."
  }

  /// "down from", "up from" or "about the same as", by the RMSE with a 0.01-star margin.
  static func change(from start: Double, to end: Double) -> String {
    end < start - 0.01 ? "down from" : end > start + 0.01 ? "up from" : "about the same as"
  }

  /// Training ten times longer from the same start: a gain of 0.05 stars RMSE or more means the
  /// run stopped early; less is too small to call.
  static func longer(
    shortRMSE: Double, longRMSE: Double, epochs: Int, longEpochs: Int, isListing: Bool
  ) -> String {
    let gain = shortRMSE - longRMSE
    let subject = isListing ? "the listing" : "this \(epochs)-epoch run"
    let verdict =
      gain >= 0.05
      ? "so \(subject) stops before training is done"
      : gain <= -0.05
        ? "so training longer makes the fit worse"
        : "a change under 0.05 stars: for \(subject) more epochs make no real difference"
    return "Training longer from the same start: after \(longEpochs) epochs the RMSE on these "
      + "ratings is \(fixed(longRMSE, 2)) against \(fixed(shortRMSE, 2)) after \(epochs), "
      + "\(verdict)."
  }

  /// A warning for predictions in the grid that fall off the rating scale, or nil if none do.
  static func offScaleGrid(_ predictions: Matrix, scale: ClosedRange<Double>) -> String? {
    let values = predictions.storage
    let outside = values.filter { !scale.contains($0) }
    guard let low = outside.min(), let high = outside.max() else { return nil }
    // A value just off the scale must not print as the scale's own bound ("1.00" for 0.9986).
    func offScale(_ x: Double) -> String {
      let bound = x < scale.lowerBound ? scale.lowerBound : scale.upperBound
      let decimals = (2...6).first { fixed(x, $0) != fixed(bound, $0) } ?? 6
      return fixed(x, decimals)
    }
    let range = low == high ? offScale(low) : "from \(offScale(low)) to \(offScale(high))"
    return "Note: \(count(outside.count, "of these predictions lies", "of these predictions lie")) "
      + "outside the \(scaleName(scale)) rating scale (\(range)). Nothing in p·q keeps a "
      + "prediction on the scale; a system showing it to a viewer would clip it to "
      + "\(scaleName(scale)) stars."
  }

  /// Compares the model's guess for the hidden cell with the viewer's average; within 0.05
  /// stars the two are called even. An off-scale guess is flagged.
  static func hiddenVerdict(
    guess: Double, truth: Double, viewerMean: Double, viewer: String, scale: ClosedRange<Double>
  ) -> String {
    let modelMiss = abs(guess - truth)
    let meanMiss = abs(viewerMean - truth)
    var text =
      "The model misses by \(fixed(modelMiss, 2)) stars; \(viewer)'s own average misses by "
      + "\(fixed(meanMiss, 2)). "
    if abs(modelMiss - meanMiss) < 0.05 {
      text += "The two are within 0.05 stars of each other: too close to call. "
    } else if modelMiss < meanMiss {
      text += "Learning from the other viewers beat the simple average here. "
    } else {
      text += "Here the simple average did better. "
    }
    if !scale.contains(guess) {
      let clipped = min(max(guess, scale.lowerBound), scale.upperBound)
      text +=
        "The prediction itself, \(fixed(guess, 2)) stars, lies outside the \(scaleName(scale)) "
        + "rating scale, a rating no viewer can give: p·q has no bounds to keep it there "
        + "(clipped to the scale it would read "
        + "\(fixed(clipped, 2)), still \(fixed(abs(clipped - truth), 2)) stars off). "
    }
    return text
      + "One cell is an anecdote, not a test; chapter-regularization measures this properly on "
      + "thousands of held-out ratings."
  }

  /// A "Try next" line: the flags it sets and what to look for.
  struct Suggestion {
    let flags: [(String, String)]
    let text: String

    /// True when every flag already has this value in the current run.
    func repeats(_ current: [String: String]) -> Bool {
      !flags.isEmpty && flags.allSatisfy { current[$0.0] == $0.1 }
    }

    var line: String {
      flags.isEmpty ? text : flags.map { "\($0.0) \($0.1)" }.joined(separator: " ") + ": " + text
    }
  }

  /// The suggestions, less those the current run already follows.
  static func tryNext(_ suggestions: [Suggestion], current: [String: String]) -> [String] {
    suggestions.filter { !$0.repeats(current) }.map(\.line)
  }
}
