import ChapterKit
import Recommender

/// The chapter's text: tables and the sentences that read them, each chosen from the numbers.
enum Tables {
  // MARK: The Prize

  /// RMSE on the Prize's test set (the hidden half of the qualifying set), as published.
  static let cinematch = 0.9525
  static let winner = 0.8567

  static var prizeStory: String {
    let prize = BlogSamples.netflixPrize
    return "In October 2006 Netflix published \(grouped(prize.ratings)) ratings by "
      + "\(grouped(prize.users)) members of \(grouped(prize.movies)) movies and offered "
      + "$1,000,000 to whoever predicted the hidden ratings 10% better than its own system, "
      + "Cinematch, measured by RMSE. It took almost three years."
  }

  static var prizeTable: TextTable {
    let target = cinematch * 0.9
    func gain(_ rmse: Double) -> String { percent((cinematch - rmse) / cinematch, decimals: 2) }
    return TextTable(
      columns: [.left("On the Prize's test set"), .right("RMSE"), .right("Better than Cinematch")],
      rows: [
        ["Cinematch (Netflix, 2006)", fixed(cinematch, 4), "–"],
        ["The target, 10% lower", fixed(target, 4), gain(target)],
        ["BellKor's Pragmatic Chaos (2009)", fixed(winner, 4), gain(winner)],
      ])
  }

  static let prizeLesson =
    "The winning team was three teams merged, and its final answer was a blend of hundreds of "
    + "models: matrix factorizations (the rest of this walkthrough) and neighbourhood models "
    + "(this chapter), each weighted by what it added to the others. A second team, The "
    + "Ensemble, reached the same test score with its own blend and lost by submitting 20 "
    + "minutes later. This chapter builds the neighbourhood models, sets them against matrix "
    + "factorization on held-out ratings, and blends them to see what blending buys here."

  // MARK: Real ratings

  static func dataIntroduction(_ source: ChapterData, ratingsPath: String?, seed: UInt32)
    -> String
  {
    let statistics = DatasetStatistics(source.dataset)
    let shape =
      "\(grouped(statistics.ratingCount)) ratings by \(grouped(statistics.userCount)) viewers "
      + "of \(grouped(statistics.itemCount)) titles (\(percent(statistics.density)) of the "
      + "table filled)"
    guard let ratingsPath else {
      return "The data: the demo catalogue generated from seed \(seed), \(shape). Its "
        + "viewers have hidden genre tastes, so the lists below can be checked against the "
        + "truth."
    }
    return "The data: \(ratingsPath), \(shape)."
  }

  static func method(recipe: ModelRecipe, folds: Int, onCatalogue: Bool) -> String {
    "The ratings are dealt into \(folds) folds; each fold is held out once while every model "
      + "learns from the rest, so every rating is predicted exactly once by a model that never "
      + "saw it. The neighbourhood models use \(recipe.measure.rawValue) similarity"
      + (recipe.measure == .pearsonBaseline ? " (shrinkage \(plainNumber(recipe.shrinkage)))" : "")
      + ", at most \(recipe.neighbours) neighbours with a positive similarity, and at least "
      + "\(recipe.minimumSupport) co-rater\(recipe.minimumSupport == 1 ? "" : "s") per "
      + "similarity. MF with biases and λ has the complete demo's settings"
      + (onCatalogue ? " for the catalogue" : " for files") + ": k = \(recipe.factors), "
      + "\(recipe.epochs) epochs, γ = \(plainNumber(recipe.learningRate)), λ = "
      + "\(plainNumber(recipe.lambda)). The baseline's biases are fitted by alternating least "
      + "squares (10 passes, λ_u = 15, λ_i = 10, as Surprise does). RMSE and MAE are in stars, "
      + "as mean ± standard deviation over the folds."
  }

  static func scoreTable(_ validation: CrossValidation) -> TextTable {
    FoldScores.table(
      names: CrossValidation.modelNames, rmse: validation.rmse, mae: validation.mae)
  }

  /// "a beats b by …" or "too close to call", from the folds.
  static func comparison(_ validation: CrossValidation, _ a: Int, _ b: Int) -> String {
    FoldScores.comparison(names: CrossValidation.modelNames, rmse: validation.rmse, a, b)
  }

  static func verdicts(_ validation: CrossValidation, measure: SimilarityMeasure) -> [String] {
    let singles = ModelRecipe.names.indices
    let rmse = validation.rmse
    let ranked = singles.sorted { rmse[$0].mean < rmse[$1].mean }
    let best = ranked[0]
    let knn = [2, 3, 4, 5].min { rmse[$0].mean < rmse[$1].mean }!
    var verdicts: [String] = []
    // The best model against the runner-up, unless that is the next comparison anyway.
    let headline = "Lowest mean RMSE among the single models: \(ModelRecipe.names[best])."
    let comparedBelow = [Set([knn, 1]), Set([5, 4]), Set([3, 2]), Set([5, 3])]
    if comparedBelow.contains(Set([best, ranked[1]])) {
      verdicts.append(headline)
    } else {
      verdicts.append(headline + " " + comparison(validation, best, ranked[1]) + ".")
    }
    verdicts += [
      "Neighbours against factorization, the best of each: " + comparison(validation, knn, 1)
        + ".",
      "What the baseline adds: " + comparison(validation, 5, 4) + "; "
        + comparison(validation, 3, 2) + ". Without it, a neighbour's 5 stars count the same "
        + "from a viewer who gives everything 5 as from one who rarely does.",
      "Titles or viewers as neighbours: " + comparison(validation, 5, 3) + ".",
    ]
    let coverage = validation.coverage
    if coverage.allSatisfy({ $0 == 0 }) {
      verdicts.append(
        "With these flags no test rating found a single neighbour with a positive similarity, "
          + "so every kNN model fell back: kNN to the mean μ, kNN-baseline to the baseline. The "
          + "comparisons above are between those fallbacks.")
    } else if coverage.contains(where: { $0 < 0.9995 }) {
      verdicts.append(
        "Not every rating has a neighbour to go on: item kNN-baseline found at least one for "
          + "\(percent(coverage[3])) of the test ratings and user kNN-baseline for "
          + "\(percent(coverage[1])); the rest fell back to the baseline.")
    }
    return verdicts
  }

  // MARK: Cold start and blending

  static let coldStartNeedsTruth =
    "This section needs to know what a new viewer would really think of every title, which "
    + "only the demo catalogue's hidden tastes can say; a ratings file cannot. Run the chapter "
    + "without --ratings to see it."

  static let blendIntroduction =
    "In every fold, a fifth of the training ratings were first set aside as a validation set; "
    + "the baseline, MF and both kNN-baseline models learned from the rest and predicted them, "
    + "and least squares found how best to combine the four predictions into the validation "
    + "ratings. The weights are feature-weighted, a technique from the Prize (Sill and others, "
    + "2009): each model's weight may grow or shrink with how many ratings the viewer and the "
    + "title have, so the blend can trust neighbours where the data is dense. The weights then "
    + "applied to the same models retrained on all the fold's training ratings, and the blend "
    + "was scored on the held-out fold like every other model (its row in the table above). "
    + "The test ratings never chose a weight."

  static func weightTable(_ validation: CrossValidation) -> TextTable {
    let weights = validation.weights
    let few = validation.fewRatingsWeights
    let many = validation.manyRatingsWeights
    let counts = validation.fewAndMany
    return TextTable(
      title: "Each model's weight in the blend",
      columns: [
        .left("Blended model"), .right("Typical, mean ± sd"),
        .right("Viewer with \(counts.few) ratings"), .right("with \(counts.many)"),
      ],
      rows: ModelRecipe.blended.indices.map { index in
        [
          ModelRecipe.names[ModelRecipe.blended[index]],
          "\(signed(weights[index].mean)) ± \(fixed(weights[index].standardDeviation, 3))",
          signed(few[index]), signed(many[index]),
        ]
      })
  }

  static func signed(_ value: Double) -> String { (value >= 0 ? "+" : "") + fixed(value, 3) }

  static func blendVerdicts(_ validation: CrossValidation) -> [String] {
    let rmse = validation.rmse
    let blend = CrossValidation.modelNames.count - 1
    let best = ModelRecipe.names.indices.min { rmse[$0].mean < rmse[$1].mean }!
    let gain = (rmse[best].mean - rmse[blend].mean) / rmse[best].mean
    let difference = PairedDifference(rmse[blend], rmse[best])
    let weights = validation.weights
    let heaviest = weights.indices.max { abs(weights[$0].mean) < abs(weights[$1].mean) }!
    var verdicts = [
      "The blend against the best single model: " + comparison(validation, blend, best) + "."
    ]
    let correlation = validation.errorCorrelation
    let errors =
      "MF's and item kNN-baseline's errors correlate at \(fixed(correlation, 2)) over every "
      + "test rating"
    if difference.isClear && difference.mean < 0 {
      verdicts.append(
        "That is \(percent(gain, decimals: 2)) lower RMSE than the best single model"
          + (best == 0
            ? ", the baseline μ + bᵤ + bᵢ"
            : ", and \(percent((rmse[0].mean - rmse[blend].mean) / rmse[0].mean, decimals: 2)) "
              + "lower than the baseline μ + bᵤ + bᵢ alone")
          + "; the Prize's winners, blending hundreds of "
          + "models, ended \(percent((cinematch - winner) / cinematch, decimals: 2)) below "
          + "Cinematch. "
          + errors + (correlation > 0.8 ? ": they mostly miss together, which caps the gain." : ".")
      )
    } else if difference.isClear {
      verdicts.append(
        "The blend does worse than its best member here: its weights, fitted on "
          + "\(percent(0.2, decimals: 0)) of each fold's training ratings, do not carry over to "
          + "the test ratings. " + errors + ".")
    } else {
      verdicts.append(
        "So blending gains nothing measurable here. " + errors
          + (correlation > 0.8
            ? ": when one misses a rating, the other mostly misses it the same way, and no "
              + "weighting cancels a shared error."
            : "."))
    }
    let shifts = weights.indices.map {
      validation.manyRatingsWeights[$0] - validation.fewRatingsWeights[$0]
    }
    let gainer = shifts.indices.max { shifts[$0] < shifts[$1] }!
    let counts = validation.fewAndMany
    verdicts.append(
      "At an average test rating the heaviest weight goes to "
        + "\(ModelRecipe.names[ModelRecipe.blended[heaviest]]) (\(signed(weights[heaviest].mean))). "
        + "From a viewer with \(counts.few) training ratings to one with \(counts.many) (the "
        + "10th and 90th percentile of the test ratings' viewers), "
        + (abs(shifts[gainer]) < 0.05
          ? "no weight moves by as much as 0.05."
          : "\(ModelRecipe.names[ModelRecipe.blended[gainer]])'s weight grows the most "
            + "(\(signed(shifts[gainer]))).")
        + " A weight is not a ranking of the models: models that agree share their weight, and "
        + "one can get a negative weight when it corrects the others' common error.")
    return verdicts
  }

  static func tryNext(_ settings: Settings, onCatalogue: Bool) -> [String] {
    var items: [String] = []
    for measure in SimilarityMeasure.allCases where measure != settings.similarity {
      items.append("--similarity \(measure.rawValue): judge neighbours another way")
    }
    if settings.shrinkage != 0 {
      items.append("--shrinkage 0: trust a similarity from 2 co-raters")
    }
    if settings.neighbours != 5 { items.append("--neighbours 5: fewer, closer neighbours") }
    if onCatalogue {
      items.append(
        "--ratings ml-100k/u.data --titles ml-100k/u.item (in a release build): MovieLens 100k, "
          + "see docs/02-neighbours.md")
    }
    items.append("swift run chapter-basic-mf: the other family, matrix factorization (section 5)")
    return items
  }
}

// MARK: - The sample's text

extension SampleNeighbours {
  var hiddenUserName: String { data.userNames[hidden.user] }
  var hiddenItemName: String { data.itemNames[hidden.item] }

  var introduction: String {
    "Collaborative filtering in its oldest form: titles are alike when the same people rate "
      + "them alike, whatever the titles are about. Here is the listing's table with "
      + "\(hiddenUserName)'s \(plainNumber(hidden.value)) stars for \(hiddenItemName) hidden, "
      + "so there is something to predict. Each similarity below is computed only over the "
      + "viewers who rated both titles (their co-raters: "
      + "\(users.count - 1) or \(users.count) here)."
  }

  func itemTable(_ measure: SimilarityMeasure) -> TextTable {
    let matrix = items[measure]!
    let label: String
    switch measure {
    case .cosine: label = "Cosine of the raw ratings"
    case .pearson: label = "Pearson correlation"
    case .pearsonBaseline:
      label = "Pearson-baseline, shrinkage \(plainNumber(recipe.shrinkage))"
    }
    return TextTable(
      title: label + (measure == recipe.measure ? " (used below)" : ""),
      columns: [.left("")] + data.itemNames.map { .right($0) },
      rows: data.itemNames.indices.map { a in
        [data.itemNames[a]] + data.itemNames.indices.map { b in fixed(matrix.similarity(a, b), 3) }
      })
  }

  var reading: String {
    let cosine = items[.cosine]!
    let pearson = items[.pearson]!
    let shrunk = items[.pearsonBaseline]!
    let pairs = (0..<data.itemCount).flatMap { a in ((a + 1)..<data.itemCount).map { (a, $0) } }
    let lowestCosine = pairs.map { cosine.similarity($0.0, $0.1) }.min()!
    let negative = pairs.filter { pearson.similarity($0.0, $0.1) < 0 }.count
    let largestShrunk = pairs.map { abs(shrunk.similarity($0.0, $0.1)) }.max()!
    var text =
      "Every rating is positive, so every cosine is at least \(fixed(lowestCosine, 3)): on raw "
      + "stars all titles look alike. Pearson centres each title on its mean first, and "
      + (negative == 0
        ? "still finds no pair of titles rated in opposite directions."
        : "\(negative) of the \(pairs.count) pairs turn negative: titles these viewers rate in "
          + "opposite directions.")
    if recipe.shrinkage > 0 {
      text +=
        " Pearson-baseline correlates what the baseline μ + bᵤ + bᵢ leaves unexplained, then "
        + "multiplies by (n − 1)/(n − 1 + \(plainNumber(recipe.shrinkage))) for n co-raters: with "
        + "4 or 5 co-raters that leaves at most \(fixed(largestShrunk, 3)). A pair seen by five "
        + "people is weak evidence, and shrinkage says so; on real data it is what keeps a "
        + "pair with two co-raters from outranking one with two hundred."
    }
    return text
  }

  var userTable: TextTable {
    TextTable(
      title: "Viewers, \(recipe.measure.rawValue)",
      columns: [.left("")] + data.userNames.map { .right($0) },
      rows: data.userNames.indices.map { a in
        [data.userNames[a]] + data.userNames.indices.map { b in fixed(users.similarity(a, b), 3) }
      })
  }

  var userReading: String {
    let others = (0..<data.userCount).filter { $0 != hidden.user }
    let closest = others.max {
      users.similarity(hidden.user, $0) < users.similarity(hidden.user, $1)
    }!
    return "Viewers can be neighbours too (user-based filtering): \(hiddenUserName)'s closest "
      + "is \(data.userNames[closest]) (\(fixed(users.similarity(hidden.user, closest), 3))). "
      + "The prediction below uses titles instead, the item-based way: a viewer's own ratings "
      + "of similar titles, which is what \"because you watched\" means."
  }

  var workedIntroduction: String {
    let b = baseline
    return "Predict \(hiddenUserName)'s rating of \(hiddenItemName) from the titles "
      + "\(hiddenUserName) rated that are most like it (at most \(recipe.neighbours), positive "
      + "similarities only). First the baseline: μ = \(fixed(b.globalMean, 3)), "
      + "b_\(hiddenUserName) = \(Tables.signed(b.userBiases[hidden.user])), "
      + "b_\(hiddenItemName) = \(Tables.signed(b.itemBiases[hidden.item])), so b_ui = "
      + "\(fixed(b.estimate(user: hidden.user, item: hidden.item), 3)) stars. Then each "
      + "neighbour's rating is compared with its own baseline, and the differences are "
      + "averaged, weighted by similarity" + (worked.neighbours.isEmpty ? "." : ":")
  }

  var workedTable: TextTable? {
    guard !worked.neighbours.isEmpty else { return nil }
    return TextTable(
      columns: [
        .left("Neighbour j"), .right("s_ij"), .right("r_uj"), .right("b_uj"),
        .right("r_uj − b_uj"), .right("s_ij (r_uj − b_uj)"),
      ],
      rows: worked.neighbours.map { neighbour in
        let base = baseline.estimate(user: hidden.user, item: neighbour.index)
        return [
          data.itemNames[neighbour.index], fixed(neighbour.similarity, 4),
          plainNumber(neighbour.rating), fixed(base, 3), Tables.signed(neighbour.rating - base),
          Tables.signed(neighbour.similarity * (neighbour.rating - base)),
        ]
      })
  }

  var workedResult: String {
    let base = baseline.estimate(user: hidden.user, item: hidden.item)
    let rated = (0..<data.itemCount).filter { $0 != hidden.item }
    let similar = rated.filter { items[recipe.measure]!.similarity(hidden.item, $0) > 0 }
    let dissimilar = rated.count - similar.count
    let beyond = similar.count - worked.neighbours.count
    var text = ""
    if dissimilar > 0 {
      text +=
        "\(dissimilar) of \(hiddenUserName)'s \(rated.count) other titles "
        + (dissimilar == 1 ? "is" : "are") + " left out for a similarity of zero or below"
        + (beyond > 0 ? " and \(beyond) for lying beyond the \(recipe.neighbours) nearest" : "")
        + ". "
    } else if beyond > 0 {
      text +=
        "\(beyond) of \(hiddenUserName)'s \(rated.count) other titles "
        + (beyond == 1 ? "lies" : "lie") + " beyond the \(recipe.neighbours) nearest. "
    }
    guard !worked.neighbours.isEmpty else {
      return text + "No neighbour qualifies, so the prediction is the baseline alone: "
        + "\(fixed(worked.value, 3)) stars against the hidden \(plainNumber(hidden.value))."
    }
    let weighted = worked.neighbours.reduce(0) {
      $0 + $1.similarity * ($1.rating - baseline.estimate(user: hidden.user, item: $1.index))
    }
    let weights = worked.neighbours.reduce(0) { $0 + $1.similarity }
    let sign = weighted < 0 ? "−" : "+"
    text +=
      "r̂ = b_ui + Σ s(r − b) / Σ s = \(fixed(base, 3)) \(sign) \(fixed(abs(weighted), 4)) / "
      + "\(fixed(weights, 4)) = \(fixed(base, 3)) \(sign) \(fixed(abs(weighted) / weights, 3)) = "
      + "\(fixed(worked.value, 3)) stars"
    if worked.value != base + weighted / weights {
      text += " (clipped to the 1–5 scale)"
    }
    text +=
      ", against the hidden \(plainNumber(hidden.value)): off by "
      + "\(fixed(abs(worked.value - hidden.value), 2)). Without the baseline, the plain "
      + "similarity-weighted average of \(hiddenUserName)'s ratings gives "
      + "\(fixed(plain.value, 3)) (off by \(fixed(abs(plain.value - hidden.value), 2))). "
      + "One cell proves nothing either way; the next section scores thousands."
    return text
  }
}

// MARK: - Because you watched

extension BecauseYouWatched {
  var introduction: String {
    "The item-based model's neighbours are a \"because you watched\" list by themselves: the "
      + "titles most similar to one a viewer liked, by \(measure.rawValue) similarity over all "
      + "the ratings. Each comes with its evidence, the number of viewers who rated both."
  }

  var lists: [TextTable] {
    zip(watched, neighbours).map { item, neighbours in
      TextTable(
        title: "Because you watched \(source.titleWithGenre(item))",
        columns: [.left("Title"), .right("Similarity"), .right("Co-raters")],
        rows: neighbours.isEmpty
          ? [["(no title with a positive similarity)", "", ""]]
          : neighbours.map {
            [source.titleWithGenre($0.index), fixed($0.similarity, 3), grouped($0.support)]
          })
    }
  }

  var genreCheck: (table: TextTable, reading: String)? {
    guard let genreShares, let chanceShare else { return nil }
    let table = TextTable(
      title: "Top \(count) neighbours of every title: how many share its hidden genre",
      columns: [.left("Similarity"), .right("Same genre")],
      rows: genreShares.map { [$0.name, $0.share.map { percent($0) } ?? "no neighbours"] } + [
        ["(a random title)", percent(chanceShare)]
      ])
    let found = genreShares.compactMap { entry in entry.share.map { (name: entry.name, share: $0) }
    }
    let none = genreShares.filter { $0.share == nil }.map(\.name)
    var reading = "The catalogue's genres are never shown to any model, so this is a fair test"
    let aboveChance = found.filter { $0.share > chanceShare + 0.005 }
    if let best = aboveChance.max(by: { $0.share < $1.share }) {
      let tied = aboveChance.filter { abs($0.share - best.share) < 0.005 }
      reading +=
        ": "
        + (tied.count == 1
          ? "\(best.name) finds the most same-genre neighbours (\(percent(best.share)))"
          : tied.map(\.name).joined(separator: " and ") + " tie for the most same-genre "
            + "neighbours (\(percent(best.share)))")
        + ", against \(percent(chanceShare)) for a title picked at random."
      let rest = found.filter { $0.share <= chanceShare + 0.005 }.map(\.name)
      if !rest.isEmpty {
        reading += " " + rest.joined(separator: " and ") + " do no better than chance."
      }
    } else {
      reading +=
        ", and here no way of judging similarity does better than a title picked at "
        + "random (\(percent(chanceShare)))."
    }
    if !none.isEmpty {
      reading +=
        " " + none.joined(separator: " and ") + " found no neighbour with a positive "
        + "similarity at all."
    }
    return (table, reading)
  }
}

// MARK: - Cold start

extension ColdStart {
  var introduction: String {
    "\(Self.newViewerCount) of the catalogue's viewers are set aside as new: the models learn "
      + "from the other \(grouped(trainingCount)) ratings, and then each new viewer rates "
      + "titles one at a time (drawn from their hidden tastes with the catalogue's noise). "
      + "After 0, 1, 3, 5, 10 and 20 ratings every method picks \(top) titles the viewer has "
      + "not rated, and the picks are judged by what the viewer would really give them on "
      + "average. Popularity ranks titles by the baseline's μ + bᵢ and ignores the viewer; "
      + "Best possible and Random are the ceiling and the floor. Nobody is retrained: the kNN model uses the new ratings through the "
      + "similarities it has, and MF folds the viewer in, solving for their bᵤ and pᵤ with the "
      + "titles' factors fixed (a ridge regression whose penalties "
      + "take the trained viewers as the prior: \(fixed(penalties.bias, 1)) on bᵤ and "
      + "\(fixed(penalties.factors, 1)) on each entry of pᵤ)."
  }

  var table: TextTable {
    TextTable(
      title: "Mean true rating (stars) of the \(top) titles picked for a new viewer",
      columns: [.right("Ratings")] + Self.methods.map { .right($0) },
      rows: Self.steps.indices.map { step in
        ["\(Self.steps[step])"] + quality[step].map { fixed($0, 2) }
      })
  }

  var verdicts: [String] {
    let first = quality[0]
    let last = quality[Self.steps.count - 1]
    let methods = Self.methods
    var lines: [String] = []
    let same = abs(first[0] - first[1]) < 0.005 && abs(first[0] - first[2]) < 0.005
    lines.append(
      "With no rating at all, "
        + (same
          ? "all three methods fall back on popularity and their picks score alike "
            + "(\(fixed(first[0], 2)) stars on average)."
          : "popularity gives \(fixed(first[0], 2)) stars, kNN \(fixed(first[1], 2)) and MF "
            + "\(fixed(first[2], 2)).")
        + " Random titles would give \(fixed(first[4], 2)), the best possible "
        + "\(fixed(first[3], 2)).")
    let final = Self.steps.count - 1
    for method in [1, 2] {
      let gap = last[3] - last[0]
      let closing = gap > 0 ? (last[method] - last[0]) / gap : 0
      var line =
        "After \(Self.steps[final]) ratings \(methods[method]) picks titles worth "
        + "\(fixed(last[method], 2)) stars (\(fixed(first[method], 2)) with none); "
      if gap <= 0.005 {
        line +=
          "popularity and the best possible list score alike there, so there is no gap to close."
      } else if last[method] < last[0] - 0.005 {
        line += "that is below popularity's \(fixed(last[0], 2)) at the same point."
      } else {
        line +=
          "of the gap between popularity (\(fixed(last[0], 2))) and the best possible list "
          + "(\(fixed(last[3], 2))) it closes \(percent(closing, decimals: 0))."
      }
      lines.append(line)
    }
    if last[3] < first[3] - 0.05 {
      lines.append(
        "Even the best possible list falls, from \(fixed(first[3], 2)) to \(fixed(last[3], 2)) "
          + "stars: a title the viewer has rated is no longer recommended, and with "
          + "\(Self.steps[final]) rated the best are often among them. Read each row against its "
          + "own best possible value.")
    }
    if top >= itemCount - Self.steps[final] {
      lines.append(
        "With \(top) titles picked from the \(itemCount - Self.steps[final]) left after "
          + "\(Self.steps[final]) ratings, every method picks them all, so the last row cannot "
          + "tell the methods apart; a shorter --top can.")
    }
    let leader = last[1] > last[2] + 0.05 ? 1 : (last[2] > last[1] + 0.05 ? 2 : nil)
    lines.append(
      leader.map { "After \(Self.steps.last!) ratings \(methods[$0]) is ahead." }
        ?? "After \(Self.steps.last!) ratings the two are within 0.05 stars: too close to call.")
    return lines
  }
}
