import ChapterKit
import Foundation
import LookupTiming
import Recommender

/// Two models compared seed by seed, each difference read in favour of the better direction.
struct Contest {
  let first: SeedScores
  let second: SeedScores
  let higherIsBetter: Bool
  /// Below this mean difference the two count as equally good.
  let margin: Double
  let decimals: Int

  /// first − second per seed, positive where `first` did better.
  var differences: [Double] {
    zip(first.values, second.values).map { higherIsBetter ? $0 - $1 : $1 - $0 }
  }
  var meanDifference: Double { differences.reduce(0, +) / Double(differences.count) }
  var firstWins: Int { differences.filter { $0 > 0 }.count }

  enum Outcome { case first, second, tooClose }

  /// A winner only when the mean difference reaches the margin and, over several seeds, the
  /// same model is ahead on every one.
  var outcome: Outcome {
    let d = meanDifference
    let seeds = differences.count
    if abs(d) < margin { return .tooClose }
    if d > 0 { return firstWins == seeds ? .first : .tooClose }
    return firstWins == 0 ? .second : .tooClose
  }

  /// One sentence: who is ahead and by how much, or why the difference is too small to call.
  func sentence(_ metric: String) -> String {
    let seeds = differences.count
    let size = fixed(abs(meanDifference), decimals)
    switch outcome {
    case .first, .second:
      let (winner, loser) = outcome == .first ? (first, second) : (second, first)
      return seeds == 1
        ? "\(winner.name) beats \(loser.name) on \(metric) by \(size) (one run: how much of "
          + "that is luck is not measured)"
        : "\(winner.name) beats \(loser.name) on \(metric) on every one of the \(seeds) seeds, "
          + "by \(size) on average"
    case .tooClose:
      let ahead = meanDifference >= 0 ? first : second
      let wins = meanDifference >= 0 ? firstWins : seeds - firstWins
      if abs(meanDifference) < margin {
        return "\(first.name) and \(second.name) are within \(size) of each other on \(metric)"
          + (seeds > 1 ? " on average" : "") + ", below the \(fixed(margin, decimals)) "
          + "margin: too small to call"
      }
      return "\(ahead.name) is ahead of \(ahead.name == first.name ? second.name : first.name) "
        + "on \(metric) by \(size) on average but wins only \(wins) of the \(seeds) seeds: too "
        + "small to call"
    }
  }
}

enum Tables {
  static let rmseMargin = 0.005
  static let hitMargin = 0.01

  /// "0.912 ± 0.013", or the value alone for one seed.
  static func meanSpread(_ scores: SeedScores, _ decimals: Int) -> String {
    scores.values.count == 1
      ? fixed(scores.mean, decimals)
      : fixed(scores.mean, decimals) + " ± " + fixed(scores.spread, decimals)
  }

  static func seedsPhrase(_ seeds: [UInt32]) -> String {
    seeds.count == 1
      ? "one run (seed \(seeds[0]))"
      : "\(seeds.count) runs (seeds \(seeds.map(String.init).joined(separator: ", "))), mean ± "
        + "standard deviation"
  }

  static func gradientChecks(_ checks: [(piece: String, error: Double)]) -> TextTable {
    TextTable(
      columns: [.left("Piece"), .right("Largest relative error")],
      rows: checks.map { [$0.piece, scientific($0.error)] })
  }

  static func scientific(_ x: Double) -> String {
    guard x > 0 else { return "0" }
    let exponent = Int((log10(x)).rounded(.down))
    return fixed(x / pow(10, Double(exponent)), 1) + "e" + String(exponent)
  }

  static func architecture(_ models: [NeuralCF]) -> TextTable {
    TextTable(
      columns: [.left("Model"), .right("Parameters"), .left("What meets the output")],
      rows: models.map { model in
        [model.architecture.rawValue, grouped(model.parameterCount), features(model)]
      })
  }

  static func features(_ model: NeuralCF) -> String {
    let tower = model.layers.map(String.init).joined(separator: "→")
    switch model.architecture {
    case .dotProduct: return "p·q + bᵢ + b (k = \(model.factors))"
    case .gmf: return "p ⊙ q, weighted (k = \(model.factors))"
    case .mlp: return "ReLU tower \(tower)"
    case .neuMF: return "p ⊙ q (k = \(model.factors)) beside tower \(tower)"
    }
  }

  /// One row per model: its test RMSE on each seed and the mean.
  static func ratings(_ scores: [SeedScores], seeds: [UInt32]) -> TextTable {
    TextTable(
      columns: [.left("Model")] + seeds.map { .right("Seed \($0)") }
        + (seeds.count > 1 ? [.right("Mean ± sd")] : []),
      rows: scores.map { score in
        [score.name] + score.values.map { fixed($0, 3) }
          + (seeds.count > 1 ? [meanSpread(score, 3)] : [])
      })
  }

  static func ratingVerdicts(_ scores: [SeedScores]) -> [String] {
    let ranked = scores.sorted { $0.mean < $1.mean }
    var verdicts = [
      "Lowest mean test RMSE: \(ranked[0].name) (\(fixed(ranked[0].mean, 3))). "
        + Contest(
          first: ranked[0], second: ranked[1], higherIsBetter: false, margin: rmseMargin,
          decimals: 3
        ).sentence("test RMSE") + "."
    ]
    let mf = scores.first { $0.name == "MF with biases and λ" }!
    let neural = scores.filter { NeuralCF.Architecture(rawValue: $0.name) != nil }
    if let best = neural.min(by: { $0.mean < $1.mean }) {
      let contest = Contest(
        first: best, second: mf, higherIsBetter: false, margin: rmseMargin, decimals: 3)
      verdicts.append(
        "The blog says the non-linear models capture what matrix factorization misses. On "
          + "these ratings the best of He et al.'s models is \(best.name): "
          + contest.sentence("test RMSE") + "; "
          + (contest.outcome == .first
            ? "here the neural model did find something the dot product missed."
            : contest.outcome == .second
              ? "the claim does not hold on these ratings."
              : "no sign of it on these ratings."))
    }
    let globalMean = scores[0]
    let useless = scores.dropFirst().filter { $0.mean > globalMean.mean - rmseMargin }
    if !useless.isEmpty {
      verdicts.append(
        useless.map { "\($0.name) (\(fixed($0.mean, 3)))" }.joined(separator: " and ")
          + " did no better than always guessing the mean rating (\(fixed(globalMean.mean, 3))), "
          + "within the \(rmseMargin) margin.")
    }
    // The autoencoder against MF, unless the first verdict already compared those two.
    if let autoRec = scores.first(where: { $0.name == "I-AutoRec" }),
      Set([ranked[0].name, ranked[1].name]) != Set([autoRec.name, mf.name])
    {
      verdicts.append(
        "The autoencoder of the peer project, measured: "
          + Contest(
            first: autoRec, second: mf, higherIsBetter: false, margin: rmseMargin, decimals: 3
          ).sentence("test RMSE") + ".")
    }
    return verdicts
  }

  static func choices(_ hits: [SeedScores], _ ndcgs: [SeedScores], k: Int) -> TextTable {
    TextTable(
      columns: [.left("Model"), .right("HR@\(k)"), .right("NDCG@\(k)")],
      rows: zip(hits, ndcgs).map { [$0.name, meanSpread($0, 3), meanSpread($1, 3)] })
  }

  static func choiceVerdicts(
    _ hits: [SeedScores], chance: Double, k: Int
  ) -> [String] {
    let ranked = hits.sorted { $0.mean > $1.mean }
    var verdicts = [
      "Highest mean HR@\(k): \(ranked[0].name) (\(fixed(ranked[0].mean, 3)), against "
        + "\(fixed(chance, 3)) for a random order). "
        + Contest(
          first: ranked[0], second: ranked[1], higherIsBetter: true, margin: hitMargin,
          decimals: 3
        ).sentence("HR@\(k)") + "."
    ]
    func named(_ name: NeuralCF.Architecture) -> SeedScores? {
      hits.first { $0.name == name.rawValue }
    }
    let mf = named(.dotProduct)!
    if let neuMF = named(.neuMF) {
      let contest = Contest(
        first: neuMF, second: mf, higherIsBetter: true, margin: hitMargin, decimals: 3)
      verdicts.append(
        "He et al. (2017) reported NeuMF ahead of MF on this protocol. Here "
          + contest.sentence("HR@\(k)") + "; "
          + (contest.outcome == .first
            ? "this run agrees with them."
            : contest.outcome == .second
              ? "this run contradicts them." : "this run neither confirms nor contradicts them."))
    }
    if let mlp = named(.mlp) {
      let contest = Contest(
        first: mf, second: mlp, higherIsBetter: true, margin: hitMargin, decimals: 3)
      verdicts.append(
        "Rendle et al. (2020) found a dot product ahead of the learned MLP similarity. Here "
          + contest.sentence("HR@\(k)") + "; "
          + (contest.outcome == .first
            ? "this run agrees with them."
            : contest.outcome == .second
              ? "this run contradicts them." : "this run neither confirms nor contradicts them."))
    }
    return verdicts
  }

  static func dotProduct(_ experiment: DotProductLearning) -> TextTable {
    TextTable(
      columns: [
        .left("Model"), .right("Parameters"), .right("Train RMSE"), .right("Test RMSE"),
        .right("Of the mean guess"),
      ],
      rows: [["Mean guess", "1", "–", fixed(experiment.meanRMSE, 3), "100%"]]
        + experiment.fits.map { fit in
          let widths = DotProductLearning.widths(dimension: experiment.dimension, width: fit.width)
          return [
            "MLP " + widths.map(String.init).joined(separator: "→"), grouped(fit.parameters),
            fixed(fit.trainRMSE, 3), fixed(fit.testRMSE, 3),
            percent(fit.testRMSE / experiment.meanRMSE, decimals: 0),
          ]
        } + [["Dot product p·q", "0", "0.000", "0.000", "0%"]])
  }

  static func dotProductVerdict(_ experiment: DotProductLearning) -> String {
    let fits = experiment.fits
    let best = fits.min { $0.testRMSE < $1.testRMSE }!
    let smallest = fits.first!
    let largest = fits.last!
    let growth =
      largest.testRMSE < smallest.testRMSE - rmseMargin
      ? "Widening the MLP from w = \(smallest.width) to w = \(largest.width) "
        + "(\(grouped(smallest.parameters)) to \(grouped(largest.parameters)) parameters) "
        + "lowered its test RMSE from \(fixed(smallest.testRMSE, 3)) to "
        + "\(fixed(largest.testRMSE, 3))"
      : "Widening the MLP from w = \(smallest.width) to w = \(largest.width) did not lower its "
        + "test RMSE by \(rmseMargin) or more (\(fixed(smallest.testRMSE, 3)) and "
        + "\(fixed(largest.testRMSE, 3)))"
    return growth + ". The best MLP (w = \(best.width)) still misses by "
      + "\(fixed(best.testRMSE, 3)), \(percent(best.testRMSE / experiment.meanRMSE, decimals: 0)) "
      + "of what always guessing the mean misses by, where the dot product is exact with no "
      + "parameter at all. "
      + (best.testRMSE > 0.1 * experiment.meanRMSE
        ? "As Rendle et al. argued, a similarity the MLP has to learn is a poor stand-in for "
          + "one it could simply have been given."
        : "Here the MLP came within a tenth of the mean guess's error: with this budget it "
          + "approximated the dot product closely, unlike in Rendle et al.'s experiments.")
  }

  static func costs(_ costs: [ModelCost], items: Int, users: Int) -> TextTable {
    TextTable(
      columns: [
        .left("Model"), .right("Parameters"), .right("Per prediction"),
        .right("All titles, all viewers"), .left("Index"),
      ],
      rows: costs.map { cost in
        [
          cost.name, grouped(cost.parameters), grouped(cost.multiplyAdds),
          grouped(cost.multiplyAdds * items * users), cost.isDotProduct ? "MIPS" : "none",
        ]
      })
  }

  static func costVerdict(_ costs: [ModelCost], items: Int) -> String {
    guard let mf = costs.first(where: { $0.name == "MF with biases and λ" }),
      let dearest = costs.max(by: { $0.multiplyAdds < $1.multiplyAdds }),
      dearest.multiplyAdds > mf.multiplyAdds
    else {
      return "No model here costs more per prediction than MF's dot product."
    }
    let ratio = Double(dearest.multiplyAdds) / Double(mf.multiplyAdds)
    return "\(dearest.name) needs \(fixed(ratio, 1)) times MF's multiply-adds for each "
      + "prediction. Worse, a dot product lets a maximum-inner-product index (\"MIPS\") find a "
      + "viewer's best titles without scoring all \(grouped(items)) of them; a model whose "
      + "similarity passes through a non-linear tower cannot be indexed that way and must run "
      + "once for every title, for every viewer."
  }

  static func timings(_ costs: [ModelCost]) -> TextTable {
    TextTable(
      title: "Training time of the first seed (\(BuildConfiguration.current) build, one core):",
      columns: [.left("Model"), .right("Seconds")],
      rows: costs.map { [$0.name, fixed($0.seconds, 2)] })
  }
}

/// The chapter's sentences that depend on the run's data and settings.
enum Narration {
  static func data(_ source: ChapterData, recipe: Recipe) -> String {
    let data = source.dataset
    let what =
      source.catalogue != nil
      ? "The demo catalogue: \(grouped(data.ratings.count)) ratings by \(data.userCount) "
        + "viewers of \(data.itemCount) titles, generated from hidden tastes (see "
        + "chapter-complete-demo)."
      : (source.fileSummary ?? "\(grouped(data.ratings.count)) ratings") + "."
    return what + " Two questions are asked of the same data. On ratings: how close does each "
      + "model come to stars it has not seen? On choices: given the titles a viewer chose, "
      + "does the one held back rank near the top? Every model is trained from seed "
      + (recipe.seeds.count == 1
        ? "\(recipe.seeds[0])."
        : "\(recipe.seeds[0]) and again from the next \(recipe.seeds.count - 1), so the "
          + "spread of each score over seeds is known.")
  }

  static let pieces =
    "A neural recommender is a few small pieces: an embedding table (a learned vector per "
    + "viewer and per title), dense layers a = f(Wx + b) with ReLU between them, an output "
    + "that is a rating (linear, squared error) or a probability (sigmoid, cross-entropy), "
    + "backpropagation to get every gradient, and Adam to follow them. Each piece here is "
    + "written out by hand, and each one's backpropagation is checked in this run against "
    + "central finite differences on a small random instance: the relative error between "
    + "the two should be far below 1e-6."

  static func checkVerdict(_ checks: [(piece: String, error: Double)]) -> String {
    let worst = checks.max { $0.error < $1.error }!
    return worst.error <= 1e-6
      ? "Every gradient agrees with its finite difference (the worst, \(worst.piece), to "
        + "\(Tables.scientific(worst.error))): the backpropagation below can be trusted."
      : "Warning: \(worst.piece)'s gradient differs from its finite difference by "
        + "\(Tables.scientific(worst.error)), above 1e-6: a backpropagation bug."
  }

  static func architectures(_ recipe: Recipe) -> String {
    "He et al. (2017) generalise matrix factorization in two directions. GMF keeps the "
      + "element-wise product p ⊙ q but learns how much each factor counts; the MLP "
      + "concatenates the two embeddings and lets a ReLU tower learn the similarity; NeuMF "
      + "runs both, each with its own embeddings, and joins them at the output. Here k = "
      + "\(recipe.factors) and the tower is "
      + recipe.tower.map(String.init).joined(separator: "→")
      + " (the first width is the two embeddings side by side). Sizes on this data:"
  }

  static func ratingSetup(_ comparison: RatingComparison, recipe: Recipe) -> String {
    "Each seed splits the ratings 80/20 (\(grouped(comparison.trainCount)) to learn from, "
      + "\(grouped(comparison.testCount)) held out). The baselines are chapter-complete-"
      + "demo's: the global mean, Bias-only and MF with biases and λ = \(recipe.mfLambda) "
      + "(k = \(recipe.factors), \(recipe.mfEpochs) epochs of SGD). The neural models learn "
      + "μ + s by squared error with Adam (η = \(recipe.learningRate), batches of "
      + "\(recipe.batchSize), \(recipe.ratingEpochs) epochs, λ = \(recipe.neuralLambda)); "
      + "I-AutoRec encodes each title's column of ratings into \(recipe.autoRecHidden) "
      + "sigmoid units, one title a step (the same η, \(recipe.autoRecEpochs) epochs, λ = "
      + "\(fixed(recipe.autoRecLambda, 0))). Test RMSE in stars, "
      + Tables.seedsPhrase(recipe.seeds) + ":"
  }

  static func choiceSetup(_ comparison: ChoiceComparison, recipe: Recipe, onCatalogue: Bool)
    -> String
  {
    let sample = comparison.protocolSample
    let counts = sample.negatives.map(\.count)
    let shortest = counts.min() ?? 0
    let what =
      onCatalogue
      ? "On the catalogue which cells hold a rating was drawn at random, so having rated a "
        + "title says nothing about taste; a choice here is a rating of "
        + "\(fixed(recipe.choiceThreshold ?? 0, 0)) stars or more "
        + "(\(grouped(comparison.positiveCount)) of them)."
      : "As He et al. did with MovieLens, every rating counts as a choice "
        + "(\(grouped(comparison.positiveCount)) of them), whatever its stars."
    let ranked =
      shortest >= recipe.negatives
      ? "ranked against \(recipe.negatives) titles the viewer never chose, sampled"
      : "ranked against up to \(recipe.negatives) titles the viewer never chose (all of them "
        + "when there are fewer: as few as \(shortest) here)"
    return what + " For each of the \(grouped(sample.heldOut.count)) viewers with at least two "
      + "choices, one chosen title is held out at random and " + ranked + ". HR@\(recipe.k) "
      + "is the share of viewers whose held-out title lands in the top \(recipe.k); "
      + "NDCG@\(recipe.k) also rewards a higher place (1/log₂(rank + 2)). A random order would "
      + "give HR@\(recipe.k) = \(fixed(comparison.chance, 3)). Every model learns by "
      + "cross-entropy from the choices and \(recipe.trainingNegatives) unchosen titles per "
      + "choice, sampled afresh each epoch (He et al.'s setting), with Adam (η = "
      + "\(recipe.learningRate), \(recipe.choiceEpochs) epochs); MF here is the plain dot "
      + "product with a title bias, trained the same way. Popularity ranks by how many "
      + "viewers chose each title. Scores over " + Tables.seedsPhrase(recipe.seeds) + ":"
  }

  static let autoRecOnChoices =
    "I-AutoRec reconstructs ratings, so it is measured on ratings only; the table above shows "
    + "the baselines against which the other --model choices are measured."

  static func dotProduct(_ experiment: DotProductLearning, epochs: Int) -> String {
    "Rendle et al. (2020) asked whether the MLP can learn the simplest similarity of all. Here "
      + "100 viewers and 100 titles get random embeddings of d = \(experiment.dimension), the "
      + "target of a pair is their dot product, and MLPs of growing width are trained on "
      + "\(grouped(experiment.trainPairs)) pairs (\(epochs) epochs of Adam) and scored on "
      + "\(grouped(experiment.testPairs)) others. The MLP is even handed the true embeddings, "
      + "which Rendle et al.'s had to learn:"
  }

  static func costIntroduction(users: Int, items: Int) -> String {
    "Accuracy is half the story: a recommender scores every title it might show. Multiply-adds "
      + "per prediction of the models trained on ratings (first seed), and for every title and "
      + "every viewer of this data (\(grouped(items)) × \(grouped(users))). I-AutoRec's "
      + "prediction Wᵤ · hᵢ + bᵤ is itself a dot product once each title's code hᵢ is computed "
      + "(one pass over its ratings), so it is counted that way:"
  }

  static func onChoices(_ cost: ModelCost) -> ModelCost {
    ModelCost(
      name: cost.name + " (choices)", parameters: cost.parameters,
      multiplyAdds: cost.multiplyAdds, isDotProduct: cost.isDotProduct, seconds: cost.seconds)
  }

  static func tryNext(_ settings: Settings, onCatalogue: Bool) -> [String] {
    var ideas: [String] = []
    if settings.layers == nil {
      ideas.append(
        "--layers 64,32,16,8: He et al.'s tower; does a bigger MLP close the gap on the dot "
          + "product, or widen it?")
    }
    if settings.epochs == nil, onCatalogue {
      ideas.append("--epochs 60: do the neural models only need longer?")
    }
    if settings.learningRate == nil, !onCatalogue {
      ideas.append(
        "--learning-rate 0.005: a larger step for every model; is the dot product still "
          + "behind, or was it only undertrained?")
    }
    if onCatalogue {
      ideas.append(
        "--ratings ml-100k/u.data --titles ml-100k/u.item (release build): the same two "
          + "protocols on MovieLens 100k, 99 sampled negatives each.")
    }
    ideas.append(
      "swift run chapter-discovery: section 11, whether the lists are varied and surprising")
    return ideas
  }
}
