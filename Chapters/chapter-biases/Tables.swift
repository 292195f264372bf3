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
    for epoch in stride(from: every, through: epochs, by: every) {
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
    return "After \(ranked[0].history.records.count) epochs \(ranked[0].name) fits best with "
      + "RMSE \(fixed(best.rmse, 3)), \(fixed(second.rmse - best.rmse, 3)) stars below "
      + "\(ranked[1].name) (\(fixed(second.rmse, 3))) and \(fixed(worst.rmse - best.rmse, 3)) "
      + "below \(ranked[2].name) (\(fixed(worst.rmse, 3))). These are errors on the ratings "
      + "the models trained on: they measure fit, not prediction; chapter-regularization tests "
      + "on ratings held out."
  }

  /// The model's label in table headers: "(a)", "(b)", "(c)".
  static func short(_ name: String) -> String {
    String(name.split(separator: " ").first ?? Substring(name))
  }

  /// Why every bias of the listing's run has the same sign.
  static func listingTrap(
    _ listing: MatrixFactorization, basic: MatrixFactorization, basicEpochs: Int, μ: Double,
    data: RatingsDataset
  ) -> String {
    let basicMean =
      data.ratings.reduce(0) { $0 + basic.predict(user: $1.user, item: $1.item) }
      / Double(data.ratings.count)
    let biases = listing.userBiases + listing.itemBiases
    let meanUser = listing.userBiases.reduce(0, +) / Double(listing.userBiases.count)
    let meanItem = listing.itemBiases.reduce(0, +) / Double(listing.itemBiases.count)
    let signs =
      biases.allSatisfy { $0 < 0 }
      ? "Every bias came out negative"
      : biases.allSatisfy { $0 > 0 }
        ? "Every bias came out positive" : "The biases have mixed signs"
    let origin =
      basicEpochs > 0
      ? "after the basic model's \(basicEpochs) epochs"
      : "straight from the random draws (no head start)"
    let overshoot = basicMean  // the first predictions average μ + this
    let direction =
      overshoot > 0.25
      ? "so the biases spend their epochs pulling predictions down"
      : overshoot < -0.25
        ? "so the biases spend their epochs pushing predictions up"
        : "so the biases have little shared offset to undo"
    let verdict =
      overshoot > 1 && meanUser < 0 && meanItem < 0
      ? " In this run the biases mostly measure that double counting, not anyone's taste." : ""
    return signs + ": on average \(fixed(meanUser, 2)) per viewer and \(fixed(meanItem, 2)) per "
      + "movie. Look at where the model starts. The P and Q the biased model inherits, "
      + "\(origin), already predict \(fixed(basicMean, 2)) stars on average by p·q alone; adding "
      + "μ = \(fixed(μ, 2)) on top makes the first predictions average \(fixed(basicMean + μ, 2)) "
      + "against a real average of \(fixed(μ, 2)), \(direction) (together they have moved "
      + "\(fixed(meanUser + meanItem, 2)) stars so far)." + verdict
  }

  /// Each viewer's and movie's plain average minus μ, beside the biases models (a) and (c) learned.
  static func table(_ contenders: [Contender], data: RatingsDataset, μ: Double) -> TextTable {
    let stats = DatasetStatistics(data)
    let (biasesOnly, both) = (contenders[0].model, contenders[2].model)
    var table = TextTable(columns: [
      .left("Who"), .left("Name"), .right("Average − μ"), .right("bias in (a)"),
      .right("bias in (c)"),
    ])
    func signed(_ x: Double) -> String { NumberFormat.signedFixed(x, decimals: 2) }
    for (user, name) in data.userNames.enumerated() {
      table.append([
        "viewer", name, signed(stats.userMeans[user]! - μ), signed(biasesOnly.userBiases[user]),
        signed(both.userBiases[user]),
      ])
    }
    for (item, name) in data.itemNames.enumerated() {
      table.append([
        "movie", name, signed(stats.itemMeans[item]! - μ), signed(biasesOnly.itemBiases[item]),
        signed(both.itemBiases[item]),
      ])
    }
    return table
  }

  /// Who rates harshest and most generously, which movie sits highest and lowest, in stars.
  static func reading(_ model: MatrixFactorization, data: RatingsDataset, μ: Double) -> String {
    func extremes(_ values: [Double], _ names: [String]) -> (low: String, high: String) {
      let low = values.indices.min { values[$0] < values[$1] }!
      let high = values.indices.max { values[$0] < values[$1] }!
      return (
        "\(names[low]) (\(NumberFormat.signedFixed(values[low], decimals: 2)))",
        "\(names[high]) (\(NumberFormat.signedFixed(values[high], decimals: 2)))"
      )
    }
    let viewers = extremes(model.userBiases, data.userNames)
    let movies = extremes(model.itemBiases, data.itemNames)
    return "The bias-only model (a) reads cleanly, because nothing else can explain a rating: "
      + "against μ = \(fixed(μ, 2)) stars the harshest viewer is \(viewers.low) and the most "
      + "generous \(viewers.high); the movie furthest below the average is \(movies.low) and the "
      + "one furthest above \(movies.high). In (c) the biases share the work with p·q, which can "
      + "also lift or lower a whole row, so they drift from the plain averages: a bias is only "
      + "what the model chose to explain that way."
  }
}
