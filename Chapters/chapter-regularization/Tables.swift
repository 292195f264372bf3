import ChapterKit
import Recommender

/// The tables of chapter-regularization and the sentences that read them. Every verdict here is
/// chosen from the run's numbers, with `RegularizationExperiment.margin` as the line below which
/// a difference is too small to call.
enum Tables {
  typealias Run = RegularizationExperiment.Run
  static let margin = RegularizationExperiment.margin

  /// One row per λ: fit, validation error and parameter size after the last epoch.
  static func sweepTable(_ runs: [Run], best: Run) -> TextTable {
    var table = TextTable(columns: [
      .right("λ"), .right("Train RMSE"), .right("Validation RMSE"),
      .right("Best validation (epoch)"), .right("‖parameters‖"), .left("Note"),
    ])
    for run in runs {
      table.append([
        label(run.λ), fixed(run.final.train.rmse, 4), fixed(run.validationRMSE, 4),
        "\(fixed(run.bestValidationEpoch.test!.rmse, 4)) (\(run.bestValidationEpoch.epoch))",
        fixed(run.model.parameterNorm, 1), run.λ == best.λ ? "← chosen: lowest validation" : "",
      ])
    }
    return table
  }

  /// "1 factor", "3 factors".
  static func count(_ number: Int, _ singular: String) -> String {
    "\(number) \(singular)\(number == 1 ? "" : "s")"
  }

  /// How k compares with the catalogue's true number of taste dimensions.
  static func factorsAgainstTruth(_ factors: Int, truth: Int) -> String {
    let k = "k = \(count(factors, "factor"))"
    if factors > truth { return "\(k), more than the truth's \(truth) dimensions need" }
    if factors == truth { return "\(k), exactly the truth's number of dimensions" }
    return "\(k), fewer than the truth's \(truth) dimensions"
  }

  static func sweepReading(_ runs: [Run], best: Run) -> String {
    let none = runs.first { $0.λ == 0 }!
    let largest = runs.max { $0.λ < $1.λ }!
    let gain = none.validationRMSE - best.validationRMSE
    var text =
      "Without a penalty the model fits the ratings it trains on to "
      + "\(fixed(none.final.train.rmse, 2)) stars RMSE and misses the validation ratings by "
      + "\(fixed(none.validationRMSE, 2)). "
    // λ = 0 is never listed here: the sentence above already compares the best with it.
    let close = runs.filter {
      $0.λ != best.λ && $0.λ != 0 && $0.validationRMSE - best.validationRMSE < margin
    }
    if best.λ == 0 {
      text += "No penalty beat λ = 0 on the validation ratings, so λ = 0 is chosen. "
    } else if gain < margin {
      text +=
        "λ = \(label(best.λ)) has the lowest validation error, "
        + "\(fixed(best.validationRMSE, 4)), but only \(fixed(gain, 4)) stars below λ = 0: "
        + "too small a difference to call, so in this run the penalty made no clear difference. "
    } else {
      text +=
        "λ = \(label(best.λ)) does best on the validation ratings, "
        + "\(fixed(best.validationRMSE, 4)), \(fixed(gain, 2)) stars better than λ = 0"
        + (best.final.train.rmse > none.final.train.rmse + margin
          ? ", while its training error rises to \(fixed(best.final.train.rmse, 2)): it gives up "
            + "fit to noise it cannot predict. "
          : ". ")
    }
    let allClose = runs.allSatisfy { $0.validationRMSE - best.validationRMSE < margin }
    if allClose {
      text +=
        "In fact every λ in the table is within \(fixed(margin, 3)) stars of the best: in this "
        + "run the choice of λ makes no difference worth calling, and λ = \(label(best.λ)) is "
        + "chosen only because its number is the lowest. "
    } else if !close.isEmpty {
      let names = close.map { "λ = \(label($0.λ))" }
      text +=
        (names.count == 1
          ? "\(names[0]) is within \(fixed(margin, 3)) stars of it, a tie for practical purposes; "
          : "\(names.joined(separator: ", ")) are within \(fixed(margin, 3)) stars of it, ties "
            + "for practical purposes; ")
        + "the table's order among them could change with another split. "
    }
    if largest.λ != best.λ && !allClose {
      let loss = largest.validationRMSE - best.validationRMSE
      text +=
        loss >= margin
        ? "Past the best, the penalty starts to hide real taste too (λ = \(label(largest.λ)): "
          + "\(fixed(largest.validationRMSE, 4))). "
        : "Even the largest penalty, λ = \(label(largest.λ)), stays within "
          + "\(fixed(margin, 3)) stars of the best. "
    }
    text +=
      normsFall(runs)
      ? "The parameter size falls as λ grows, from \(fixed(none.model.parameterNorm, 1)) to "
        + "\(fixed(largest.model.parameterNorm, 1))."
      : "The parameter size goes from \(fixed(none.model.parameterNorm, 1)) at λ = 0 to "
        + "\(fixed(largest.model.parameterNorm, 1)) at λ = \(label(largest.λ)), though not "
        + "steadily down at every step."
    return text
  }

  /// Whether the parameter size falls at every step up in λ.
  static func normsFall(_ runs: [Run]) -> Bool {
    let norms = runs.sorted { $0.λ < $1.λ }.map(\.model.parameterNorm)
    return zip(norms, norms.dropFirst()).allSatisfy { $0 > $1 }
  }

  /// The single look at the test ratings, and why it comes only now.
  static func testReading(best: Run, testRMSE: Double, testCount: Int) -> String {
    let difference = testRMSE - best.validationRMSE
    let comparison =
      abs(difference) < margin
      ? "about the same as its validation error (\(fixed(best.validationRMSE, 4)))"
      : "\(fixed(abs(difference), 4)) stars \(difference > 0 ? "higher" : "lower") than its "
        + "validation error (\(fixed(best.validationRMSE, 4)))"
    return "With λ = \(label(best.λ)) chosen, its model now meets the \(grouped(testCount)) test "
      + "ratings, for the first and only time: test RMSE \(fixed(testRMSE, 4)), "
      + "\(comparison). Choosing λ by the test error instead would flatter the result: the "
      + "smallest of several test errors is partly the luck of those particular ratings, so it "
      + "promises less error than new ratings will bring. A number that helped make a choice no "
      + "longer measures that choice fairly; the validation ratings pay that price instead."
  }

  /// Train and validation RMSE of the two runs at every `every`-th epoch.
  static func curveTable(_ none: Run, _ best: Run, every: Int) -> TextTable {
    var table = TextTable(columns: [
      .right("Epoch"), .right("λ = 0 train"), .right("λ = 0 validation"),
      .right("λ = \(label(best.λ)) train"), .right("λ = \(label(best.λ)) validation"),
    ])
    var epochs = Array(stride(from: every, through: none.history.records.count, by: every))
    epochs = Array(Set(epochs + [1, none.bestValidationEpoch.epoch])).sorted()
    for epoch in epochs {
      let plain = none.history.record(epoch: epoch)
      let penalised = best.history.record(epoch: epoch)
      table.append([
        String(epoch) + (epoch == none.bestValidationEpoch.epoch ? " ←" : ""),
        fixed(plain.train.rmse, 4), fixed(plain.test!.rmse, 4),
        fixed(penalised.train.rmse, 4), fixed(penalised.test!.rmse, 4),
      ])
    }
    return table
  }

  /// Whether a run's validation error turned: lowest before the last epoch, then up by at least
  /// the margin.
  static func turns(_ run: Run) -> Bool {
    run.bestValidationEpoch.epoch < run.final.epoch && run.validationRise >= margin
  }

  static func curveReading(_ none: Run, _ best: Run, maximumEpochs: Int) -> String {
    let turn = none.bestValidationEpoch
    var text: String
    if turns(none) {
      let trainFell = none.final.train.rmse < turn.train.rmse
      text =
        "With λ = 0 the validation error is lowest at epoch \(turn.epoch) "
        + "(\(fixed(turn.test!.rmse, 4)), marked ←) and then climbs to "
        + "\(fixed(none.validationRMSE, 4)) by epoch \(none.final.epoch)"
        + (trainFell
          ? ", while the training error keeps falling, from \(fixed(turn.train.rmse, 4)) to "
            + "\(fixed(none.final.train.rmse, 4)). That widening gap is overfitting: the model "
            + "is learning the training ratings' noise. "
          : ". ")
    } else {
      text =
        "With λ = 0 the validation error does not turn within \(count(none.final.epoch, "epoch")):"
        + " it ends at \(fixed(none.validationRMSE, 4)), "
        + (none.validationRise < 0.00005
          ? "its lowest value" : "within \(fixed(none.validationRise, 4)) of its lowest")
        + ", so this run shows no overfitting yet"
        + (none.final.epoch < maximumEpochs
          ? "; train longer (--sweep-epochs) to look for the turn. " : ". ")
    }
    guard best.λ != 0 else {
      return text + "No penalty did better, so there is nothing to set beside it."
    }
    return text + "With λ = \(label(best.λ)) the validation error "
      + (turns(best)
        ? "turns too, rising \(fixed(best.validationRise, 4)) after epoch "
          + "\(best.bestValidationEpoch.epoch)."
        : "does not turn: it ends at \(fixed(best.validationRMSE, 4)), "
          + (best.validationRise < 0.00005
            ? "its lowest value." : "within \(fixed(best.validationRise, 4)) of its lowest."))
  }

  /// λ as written in the tables: "0", "0.005", "0.2".
  static func label(_ λ: Double) -> String {
    var text = fixed(λ, 3)
    while text.contains(".") && (text.hasSuffix("0") || text.hasSuffix(".")) { text.removeLast() }
    return text
  }
}
