import ChapterKit

/// The tables of chapter-regularization and the sentences that read them.
enum Tables {
  typealias Run = RegularizationExperiment.Run

  /// One row per λ: fit, held-out error and parameter size after the last epoch.
  static func sweepTable(_ runs: [Run], best: Run) -> TextTable {
    var table = TextTable(columns: [
      .right("λ"), .right("Train RMSE"), .right("Test RMSE"), .right("Best test (epoch)"),
      .right("‖parameters‖"), .left("Note"),
    ])
    for run in runs {
      table.append([
        label(run.λ), fixed(run.final.train.rmse, 4), fixed(run.final.test!.rmse, 4),
        "\(fixed(run.bestTestEpoch.test!.rmse, 4)) (\(run.bestTestEpoch.epoch))",
        fixed(run.model.parameterNorm, 1), run.λ == best.λ ? "← best on held-out ratings" : "",
      ])
    }
    return table
  }

  static func sweepReading(_ runs: [Run], best: Run) -> String {
    let none = runs.first { $0.λ == 0 }!
    let largest = runs.max { $0.λ < $1.λ }!
    let gain = none.final.test!.rmse - best.final.test!.rmse
    return "Without a penalty the model fits its training ratings to "
      + "\(fixed(none.final.train.rmse, 2)) stars RMSE but misses held-out ones by "
      + "\(fixed(none.final.test!.rmse, 2)). λ = \(label(best.λ)) does best on the held-out "
      + "ratings, \(fixed(best.final.test!.rmse, 4)), \(fixed(gain, 2)) stars better than λ = 0, "
      + "while its training error rises to \(fixed(best.final.train.rmse, 2)): it gives up fit "
      + "to noise it cannot predict. Past the best, the penalty starts to hide real taste too "
      + "(λ = \(label(largest.λ)): \(fixed(largest.final.test!.rmse, 4))). The parameter size "
      + "falls as λ grows, from \(fixed(none.model.parameterNorm, 1)) to "
      + "\(fixed(largest.model.parameterNorm, 1))."
  }

  /// Train and test RMSE of the two runs at every `every`-th epoch.
  static func curveTable(_ none: Run, _ best: Run, every: Int) -> TextTable {
    var table = TextTable(columns: [
      .right("Epoch"), .right("λ = 0 train"), .right("λ = 0 test"),
      .right("λ = \(label(best.λ)) train"), .right("λ = \(label(best.λ)) test"),
    ])
    var epochs = Array(stride(from: every, through: none.history.records.count, by: every))
    epochs = Array(Set(epochs + [1, none.bestTestEpoch.epoch])).sorted()
    for epoch in epochs {
      let plain = none.history.record(epoch: epoch)
      let penalised = best.history.record(epoch: epoch)
      table.append([
        String(epoch) + (epoch == none.bestTestEpoch.epoch ? " ←" : ""),
        fixed(plain.train.rmse, 4), fixed(plain.test!.rmse, 4),
        fixed(penalised.train.rmse, 4), fixed(penalised.test!.rmse, 4),
      ])
    }
    return table
  }

  static func curveReading(_ none: Run, _ best: Run) -> String {
    guard best.λ > 0 else {
      return "In this run no penalty beat λ = 0 on the held-out ratings: after "
        + "\(none.final.epoch) epochs the model has not memorised enough for λ to pay. "
        + "Train longer (--sweep-epochs) to see the turn."
    }
    let turn = none.bestTestEpoch
    let trainFell = none.final.train.rmse < turn.train.rmse
    return "With λ = 0 the held-out error is lowest at epoch \(turn.epoch) "
      + "(\(fixed(turn.test!.rmse, 4)), marked ←) and then climbs to "
      + "\(fixed(none.final.test!.rmse, 4)) by epoch \(none.final.epoch)"
      + (trainFell
        ? ", while the training error keeps falling, from \(fixed(turn.train.rmse, 4)) to "
          + "\(fixed(none.final.train.rmse, 4)). That widening gap is overfitting: the model is "
          + "learning the training ratings' noise. "
        : ". ")
      + "With λ = \(label(best.λ)) the held-out error "
      + (best.testRise < 0.005
        ? "does not turn: it ends at \(fixed(best.final.test!.rmse, 4)), "
          + (best.testRise < 0.00005
            ? "its lowest value." : "within \(fixed(best.testRise, 4)) of its lowest.")
        : "turns too, rising \(fixed(best.testRise, 4)) after epoch \(best.bestTestEpoch.epoch).")
  }

  /// λ as written in the tables: "0", "0.005", "0.2".
  static func label(_ λ: Double) -> String {
    var text = fixed(λ, 3)
    while text.contains(".") && (text.hasSuffix("0") || text.hasSuffix(".")) { text.removeLast() }
    return text
  }
}
