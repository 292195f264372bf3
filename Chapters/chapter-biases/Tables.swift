import ChapterKit
import Recommender

/// The tables of chapter-biases and the sentences that read them.
enum Tables {
  /// RMSE and MAE of each model at every `every`-th epoch.
  static func milestoneTable(_ contenders: [Contender], every: Int) -> TextTable {
    var table = TextTable(
      columns: [.right("Epoch")]
        + contenders.flatMap { [TextTable.Column.right("\(short($0.name)) RMSE"), .right("MAE")] })
    let epochs = contenders[0].history.records.count
    var shown = Array(stride(from: every, through: epochs, by: every))
    if shown.last != epochs { shown.append(epochs) }
    for epoch in shown {
      table.append(
        [String(epoch)]
          + contenders.flatMap {
            let train = $0.history.record(epoch: epoch).train
            return [fixed(train.rmse, 3), fixed(train.mae, 3)]
          })
    }
    return table
  }

  /// Which model ends lowest in RMSE, and by how much over the runner-up.
  static func verdict(_ contenders: [Contender]) -> String {
    let ranked = contenders.sorted { $0.history.last!.train.rmse < $1.history.last!.train.rmse }
    let best = ranked[0].history.last!.train
    let second = ranked[1].history.last!.train
    let worst = ranked[2].history.last!.train
    let epochs = ranked[0].history.records.count
    let caveat =
      " These are errors on the ratings the models trained on: they measure fit, not "
      + "prediction; chapter-regularization tests on ratings held out."
    if second.rmse - best.rmse < closeCall {
      let third =
        worst.rmse - best.rmse < closeCall
        ? "; \(ranked[2].name) (\(fixed(worst.rmse, 3))) is as close, so no model fits best"
        : "; both fit better than \(ranked[2].name) (\(fixed(worst.rmse, 3)))"
      return "After \(epochs) epochs \(ranked[0].name) and \(ranked[1].name) end within "
        + "\(fixed(closeCall, 3)) stars of each other (RMSE \(fixed(best.rmse, 3)) and "
        + "\(fixed(second.rmse, 3))), too close to name either the better fit" + third + "."
        + caveat
    }
    return "After \(epochs) epochs \(ranked[0].name) fits best with "
      + "RMSE \(fixed(best.rmse, 3)), \(fixed(second.rmse - best.rmse, 3)) stars below "
      + "\(ranked[1].name) (\(fixed(second.rmse, 3))) and \(fixed(worst.rmse - best.rmse, 3)) "
      + "below \(ranked[2].name) (\(fixed(worst.rmse, 3)))." + caveat
  }

  /// RMSE differences below this many stars are too small to rank two models.
  static let closeCall = 0.005

  /// The model's label in table headers: "(a)", "(b)", "(c)".
  static func short(_ name: String) -> String {
    String(name.split(separator: " ").first ?? Substring(name))
  }

  /// Why the listing's biases come out as they do: how far its inherited P and Q put the first
  /// predictions from μ, and how much of that offset P and Q, and how much the biases, removed.
  /// Shares within 0.1 stars of each other are called even.
  static func listingTrap(
    _ listing: MatrixFactorization, basic: MatrixFactorization, basicEpochs: Int, μ: Double,
    data: RatingsDataset
  ) -> String {
    let n = Double(data.ratings.count)
    let startPQ = data.ratings.reduce(0) { $0 + basic.predict(user: $1.user, item: $1.item) } / n
    let endBias =
      data.ratings.reduce(0) { $0 + listing.userBiases[$1.user] + listing.itemBiases[$1.item] } / n
    let endMean = data.ratings.reduce(0) { $0 + listing.predict(user: $1.user, item: $1.item) } / n
    let endPQ = endMean - μ - endBias
    let biases = listing.userBiases + listing.itemBiases
    let meanUser = listing.userBiases.reduce(0, +) / Double(listing.userBiases.count)
    let meanItem = listing.itemBiases.reduce(0, +) / Double(listing.itemBiases.count)
    let allNegative = biases.allSatisfy { $0 < 0 }
    let signs =
      allNegative
      ? "Every bias came out negative"
      : biases.allSatisfy { $0 > 0 }
        ? "Every bias came out positive" : "The biases have mixed signs"
    let origin =
      basicEpochs > 0
      ? "after the basic model's \(basicEpochs) epochs"
      : "straight from the random draws (no head start)"
    var text =
      signs + ": on average \(fixed(meanUser, 2)) per viewer and \(fixed(meanItem, 2)) per "
      + "movie. Look at where the model starts. The P and Q the biased model inherits, "
      + "\(origin), already predict \(fixed(startPQ, 2)) stars on average by p·q alone; adding "
      + "μ = \(fixed(μ, 2)) on top makes the first predictions average "
      + "\(fixed(startPQ + μ, 2)) against a real average of \(fixed(μ, 2)). By the last epoch "
      + "they average \(fixed(endMean, 2))."
    guard abs(startPQ) >= 0.25 else {
      return text + " That start is within 0.25 stars of μ: there is little double counting "
        + "for anything to undo, so the biases are free to learn tilts."
    }
    let byPQ = startPQ - endPQ
    let byBias = -endBias
    text +=
      (basicEpochs > 0
        ? " Of the \(fixed(startPQ, 2)) stars counted twice,"
        : " Of that \(fixed(startPQ, 2))-star offset from the random draws,")
      + " P and Q removed \(fixed(byPQ, 2)) "
      + "(their p·q average went from \(fixed(startPQ, 2)) to \(fixed(endPQ, 2))) and the "
      + "biases \(fixed(byBias, 2)) (bᵤ + bᵢ average \(fixed(endBias, 2)) over the ratings): "
    if byPQ - byBias > 0.1 {
      text += "P and Q absorbed most of it, not the biases."
    } else if byBias - byPQ > 0.1 {
      text += "the biases absorbed most of it."
    } else {
      text += "they shared it about equally."
    }
    if allNegative && byBias > 0.1 {
      text +=
        " The biases' share is still enough to push every one of them below zero: each "
        + "mixes a viewer's or movie's tilt with a part of that correction."
    }
    return text
  }

  /// Each viewer's and movie's plain average minus μ, beside the biases models (a) and (c)
  /// learned in the comparison and those of (a) once settled.
  static func table(
    _ contenders: [Contender], settled: Settling, data: RatingsDataset, μ: Double
  ) -> TextTable {
    let stats = DatasetStatistics(data)
    let (biasesOnly, both) = (contenders[0].model, contenders[2].model)
    let epochs = contenders[0].history.records.count
    var table = TextTable(columns: [
      .left("Who"), .left("Name"), .right("Average − μ"), .right("(a) epoch \(epochs)"),
      .right(settled.settled ? "(a) settled" : "(a) later"), .right("(c) epoch \(epochs)"),
    ])
    func signed(_ x: Double) -> String { NumberFormat.signedFixed(x, decimals: 2) }
    for (user, name) in data.userNames.enumerated() {
      table.append([
        "viewer", name, signed(stats.userMeans[user]! - μ), signed(biasesOnly.userBiases[user]),
        signed(settled.model.userBiases[user]), signed(both.userBiases[user]),
      ])
    }
    for (item, name) in data.itemNames.enumerated() {
      table.append([
        "movie", name, signed(stats.itemMeans[item]! - μ), signed(biasesOnly.itemBiases[item]),
        signed(settled.model.itemBiases[item]), signed(both.itemBiases[item]),
      ])
    }
    return table
  }

  /// Biases closer than this many stars are read as a tie.
  static let tieMargin = 0.01

  /// Whether (a) had settled, then who rates harshest and most generously and which movies sit
  /// lowest and highest in the settled model, ties named as ties.
  static func reading(
    _ settled: Settling, epochs: Int, settings: SGDTrainer.Settings, data: RatingsDataset,
    μ: Double
  ) -> String {
    func signed(_ x: Double) -> String { NumberFormat.signedFixed(x, decimals: 2) }
    func names(_ list: [String]) -> String {
      list.count == 1
        ? list[0] : list.dropLast().joined(separator: ", ") + " and " + list.last!
    }
    /// Everyone within the margin of the extreme, and anyone whose plain average equals a
    /// member's: their ratings cannot tell them apart, whatever training left in the biases.
    func group(
      _ values: [Double], _ averages: [Double], _ labels: [String], at target: Double
    ) -> String {
      let close = values.indices.filter { abs(values[$0] - target) < tieMargin }
      let members = values.indices.filter { index in
        close.contains(index) || close.contains { abs(averages[$0] - averages[index]) < 1e-9 }
      }
      if members.count == 1 { return "\(labels[members[0]]) (\(signed(target)))" }
      let spread = members.map { values[$0] }
      if spread.max()! - spread.min()! < tieMargin {
        let printed = spread.map(signed)
        return "\(names(members.map { labels[$0] })), "
          + (Set(printed).count == 1
            ? "tied at \(printed[0])"
            : "tied within \(fixed(tieMargin, 2)) stars (\(names(printed)))")
      }
      return "\(names(members.map { labels[$0] })), whose plain averages tie at "
        + "\(signed(averages[members[0]])) (biases "
        + names(members.map { signed(values[$0]) })
        + ": the gap comes from training, not from their ratings)"
    }
    func extremes(
      _ values: [Double], _ averages: [Double], _ labels: [String], low: String, high: String
    ) -> String {
      let (lo, hi) = (values.min()!, values.max()!)
      guard hi - lo >= tieMargin else {
        return "all within \(fixed(tieMargin, 2)) stars of each other, no \(low) or \(high)"
      }
      return "\(low): \(group(values, averages, labels, at: lo)); "
        + "\(high): \(group(values, averages, labels, at: hi))"
    }
    let stats = DatasetStatistics(data)
    let userAverages = data.userNames.indices.map { stats.userMeans[$0]! - μ }
    let itemAverages = data.itemNames.indices.map { stats.itemMeans[$0]! - μ }
    let model = settled.model
    let total = epochs + settled.extraEpochs
    let deviations =
      zip(model.userBiases + model.itemBiases, userAverages + itemAverages).map { abs($0 - $1) }
    let worst = deviations.indices.max { deviations[$0] < deviations[$1] }!
    let clean =
      deviations[worst] < 0.05
      ? "It reads cleanly, because nothing else can explain a rating."
      : "Even so its biases sit up to \(fixed(deviations[worst], 2)) stars from the plain "
        + "averages (\((data.userNames + data.itemNames)[worst])): with γ_b = "
        + "\(settings.biasLearningRate) each pass swings them around instead of bringing them to "
        + "rest on the averages, so this reading says more about the step than about the taste."
    let status: String
    if !settled.settled {
      status =
        "Model (a) has not settled even after \(total) epochs: its biases still move by "
        + "\(fixed(Settling.tolerance, 3)) stars or more per \(Settling.window) epochs, so read "
        + "what follows as provisional. As it stands, against μ = \(fixed(μ, 2)) stars, "
    } else if settled.extraEpochs == 0 {
      status =
        "Model (a) had settled by epoch \(epochs): another \(Settling.window) epochs move none "
        + "of its biases by \(fixed(Settling.tolerance, 3)) stars. \(clean) Against μ = "
        + "\(fixed(μ, 2)) stars, "
    } else {
      status =
        "Model (a) had not settled after \(epochs) epochs: trained on from there, its biases "
        + "stop moving (none by \(fixed(Settling.tolerance, 3)) stars in \(Settling.window) "
        + "epochs) only by epoch \(total), the column \"(a) settled\". \(clean) Against μ = "
        + "\(fixed(μ, 2)) stars, "
    }
    return status
      + extremes(
        model.userBiases, userAverages, data.userNames, low: "harshest viewer",
        high: "most generous")
      + "; "
      + extremes(
        model.itemBiases, itemAverages, data.itemNames, low: "movie furthest below",
        high: "furthest above")
      + ". In (c) the biases share the work with p·q, which can also lift or lower a whole row, "
      + "so they drift from the plain averages: a bias is only what the model chose to explain "
      + "that way."
  }
}
