import ChapterKit
import Recommender

/// The chapter's tables and sentences; every verdict is chosen from the numbers beside it.
enum Tables {
  static func dataIntroduction(_ source: ChapterData, split: TrainTestSplit, ratingsPath: String?)
    -> String
  {
    let data = source.dataset
    let what =
      source.catalogue == nil
      ? "Loaded \(ratingsPath!): \(source.fileSummary!)."
      : "The demo catalogue: \(grouped(data.userCount)) viewers, \(grouped(data.itemCount)) "
        + "titles in five genres and \(grouped(data.ratings.count)) ratings, every viewer with "
        + "a hidden favourite genre."
    return what + " \(grouped(split.test.count)) ratings (20%, seeded) are held out; every "
      + "model learns from the other \(grouped(split.train.count)), and each viewer's list is "
      + "drawn from the titles they did not rate in training."
  }

  static func metricDefinitions(k: Int, relevant: Double) -> [String] {
    [
      "A recommender shows a short list, so what matters is whether the list's top holds what "
        + "the viewer likes, not how close every predicted star is. Here a held-out title is "
        + "relevant when its rating is at least \(plainNumber(relevant)) stars (--relevant), "
        + "graded g = rating − \(plainNumber(relevant)) + 1, and each viewer's top K = \(k) "
        + "list is judged by five measures, each between 0 and 1 and averaged over the "
        + "viewers with a relevant held-out title:",
      "precision@K, the share of the list that is relevant; recall@K, the share of the "
        + "viewer's relevant titles the list found; hit rate@K, whether it found any; MAP@K, "
        + "the mean over viewers of the precision at each hit's place, summed and divided by "
        + "min(K, relevant titles), which rewards hits near the top; and NDCG@K, the gains "
        + "discounted by log₂(place + 1) (DCG), divided by the DCG of the best possible order "
        + "of the viewer's relevant titles (IDCG).",
    ]
  }

  static func varietyDefinitions(onCatalogue: Bool) -> [String] {
    [
      "Accuracy is half the story: the blog warns that lists tuned for it alone grow boring. "
        + "Four more measures look at the lists themselves: coverage, the share of the "
        + "catalogue that appears in anyone's list; intra-list diversity, the mean distance "
        + "between two titles of a list, by genre (1 when their genres differ)"
        + (onCatalogue ? "" : " where the data has genres (these files do not)")
        + " and by factors (1 − the cosine of their MF factor vectors); novelty, the mean "
        + "self-information −log₂ p of a list's titles in bits, with p the share of viewers who "
        + "rated the title (plus one); and personalisation, 1 − the mean share of titles two "
        + "viewers' lists have in common."
    ]
  }

  static func lineupIntroduction(_ lineup: Lineup, recipe: Recipe, onCatalogue: Bool) -> String {
    "Four models rank every viewer's candidates: Popularity (most training ratings first, the "
      + "same list for everyone but for what they rated), Bias-only (μ + bᵤ + bᵢ), MF with "
      + "biases and λ (k = \(recipe.factors), λ = \(plainNumber(recipe.lambda)), "
      + "\(recipe.epochs) epochs of SGD) and Item kNN-baseline (chapter-neighbours' best "
      + "neighbourhood model: Pearson-baseline, 40 neighbours). RMSE is on the held-out "
      + "ratings; the list measures on the \(grouped(lineup.models[0].heldOut.viewers.count)) "
      + "viewers with a relevant held-out title"
      + (onCatalogue
        ? ". The catalogue also knows each viewer's expected rating of every title, so the "
          + "lists are judged a second time against that truth (relevant: expected rating at "
          + "least the threshold), over all their candidates, not only the few held out."
        : ".")
  }

  static func accuracyTable(_ models: [RankedModel], k: Int) -> TextTable {
    let hasTruth = models.first?.truth != nil
    return TextTable(
      columns: [
        .left("Model"), .right("RMSE"), .right("P@\(k)"), .right("R@\(k)"), .right("HR@\(k)"),
        .right("MAP@\(k)"), .right("NDCG@\(k)"),
      ] + (hasTruth ? [.right("P@\(k) truth"), .right("NDCG@\(k) truth")] : []),
      rows: models.map { model in
        let a = model.heldOut
        return [
          model.name, model.rmse.map { fixed($0, 4) } ?? "—", fixed(a.precision, 3),
          fixed(a.recall, 3), fixed(a.hitRate, 3), fixed(a.meanAveragePrecision, 3),
          fixed(a.ndcg, 3),
        ] + (model.truth.map { [fixed($0.precision, 3), fixed($0.ndcg, 3)] } ?? [])
      })
  }

  /// What the variety tables' short headers stand for.
  static let varietyKey =
    "Genre div. and factor div.: intra-list diversity by genre and by factor distance; "
    + "novelty in bits of self-information; personal.: personalisation, how different two "
    + "viewers' lists are."

  static func varietyTable(_ models: [RankedModel]) -> TextTable {
    let hasGenres = models.first?.variety.genreDiversity != nil
    return TextTable(
      // Short headers keep the table within 80 columns; the key follows it.
      columns: [.left("Model"), .right("Coverage")]
        + (hasGenres ? [.right("Genre div.")] : [])
        + [.right("Factor div."), .right("Novelty"), .right("Personal.")],
      rows: models.map { model in
        let v = model.variety
        return [model.name, percent(v.coverage, decimals: 0)]
          + (v.genreDiversity.map { [fixed($0, 3)] } ?? [])
          + [fixed(v.factorDiversity, 3), fixed(v.novelty, 2), fixed(v.personalisation, 3)]
      })
  }

  /// Below this an NDCG@K difference is too small to matter, whatever its standard error.
  static let negligibleNDCG = 0.005

  /// Whether a paired difference is clear: at least `floor` and more than twice its standard
  /// error.
  static func isClear(_ d: PairedDifference, floor: Double) -> Bool {
    abs(d.mean) >= floor && abs(d.mean) > 2 * d.standardError
  }

  /// Two models' NDCG@K compared viewer by viewer.
  static func ndcgDifference(_ a: ListAccuracy, _ b: ListAccuracy) -> PairedDifference {
    PairedDifference(FoldSummary(a.values(\.ndcg)), FoldSummary(b.values(\.ndcg)))
  }

  static func rankingVerdicts(_ lineup: Lineup, k: Int) -> [String] {
    let models = lineup.models
    guard !models[0].heldOut.viewers.isEmpty else {
      return [
        "No viewer has a held-out rating of the relevant size, so no list can be judged; "
          + "try a lower --relevant."
      ]
    }
    var verdicts: [String] = []
    let byNDCG = models.indices.sorted { models[$0].heldOut.ndcg > models[$1].heldOut.ndcg }
    let (best, second) = (byNDCG[0], byNDCG[1])
    let lead = ndcgDifference(models[best].heldOut, models[second].heldOut)
    let leads = isClear(lead, floor: negligibleNDCG)
    verdicts.append(
      leads
        ? "\(models[best].name) draws the best lists by NDCG@\(k) "
          + "(\(fixed(models[best].heldOut.ndcg, 3))), ahead of \(models[second].name) by "
          + "\(fixed(lead.mean, 3)), more than twice the standard error of "
          + "\(fixed(lead.standardError, 3)) over viewers."
        : "\(models[best].name) and \(models[second].name) have the highest NDCG@\(k) "
          + "(\(fixed(models[best].heldOut.ndcg, 3)) and \(fixed(models[second].heldOut.ndcg, 3))), "
          + "too close to call: the gap is "
          + (abs(lead.mean) < negligibleNDCG
            ? "under \(negligibleNDCG)."
            : "within twice its standard error of "
              + "\(fixed(lead.standardError, 3)) over viewers."))
    verdicts.append(rmseAgainstLists(models, k: k))
    if models[0].truth != nil {
      let truthBest = models.indices.max { models[$0].truth!.ndcg < models[$1].truth!.ndcg }!
      let truth = models[truthBest].truth!.ndcg
      verdicts.append(
        "Against the hidden truth, \(models[truthBest].name)'s lists come first (NDCG@\(k) "
          + "\(fixed(truth, 3)))"
          + (truthBest == best
            ? ", as on the held-out ratings."
            : (leads
              ? ", not \(models[best].name)'s, which led on the held-out ratings: a few "
                + "held-out ratings per viewer are a noisy judge."
              : "; the held-out ratings could not separate the leaders.")))
    }
    // Ties at the printed precision are named together.
    func extremes(_ value: (VarietyScores) -> Double, _ format: (Double) -> String, largest: Bool)
      -> (names: String, value: String)
    {
      let values = models.map { value($0.variety) }
      let target = format(largest ? values.max()! : values.min()!)
      let names = models.indices.filter { format(values[$0]) == target }.map { models[$0].name }
      return (andList(names), target)
    }
    let percentage = { (x: Double) in percent(x, decimals: 0) }
    let most = extremes(\.coverage, percentage, largest: true)
    let least = extremes(\.coverage, percentage, largest: false)
    let novel = extremes(\.novelty, { fixed($0, 2) }, largest: true)
    verdicts.append(
      "The widest reach of the catalogue: \(most.names) (\(most.value)); the narrowest: "
        + "\(least.names) (\(least.value)). The most novel titles: \(novel.names) "
        + "(\(novel.value) bits).")
    return verdicts
  }

  /// Where ranking by RMSE and ranking by NDCG@K disagree, pair by pair of star predictors.
  static func rmseAgainstLists(_ models: [RankedModel], k: Int) -> String {
    let predictors = models.indices.filter { models[$0].rmse != nil }
    let byRMSE = predictors.sorted { models[$0].rmse! < models[$1].rmse! }
    var flips: [String] = []
    var unclear = 0
    for (position, a) in byRMSE.enumerated() {
      for b in byRMSE.dropFirst(position + 1) where models[b].rmse! - models[a].rmse! >= 0.0005 {
        // a predicts stars better; do b's lists rank clearly better?
        let difference = ndcgDifference(models[b].heldOut, models[a].heldOut)
        guard difference.mean > 0 else { continue }
        if isClear(difference, floor: negligibleNDCG) {
          flips.append(
            "\(models[b].name) has the worse RMSE (\(fixed(models[b].rmse!, 4)) against "
              + "\(fixed(models[a].rmse!, 4))) yet the better lists than \(models[a].name) "
              + "(NDCG@\(k) \(fixed(models[b].heldOut.ndcg, 3)) against "
              + "\(fixed(models[a].heldOut.ndcg, 3)))")
        } else {
          unclear += 1
        }
      }
    }
    let popularity = models.firstIndex { $0.rmse == nil }
    let place = popularity.map { p in
      models.filter { $0.heldOut.ndcg > models[p].heldOut.ndcg }.count + 1
    }
    let order =
      "By RMSE the order is " + andList(byRMSE.map { models[$0].name }) + ". "
    let popularityNote =
      popularity.map {
        " \(models[$0].name) predicts no stars at all, so RMSE cannot place it; its lists "
          + "come \(place! == models.count ? "last" : ordinal(place!)) of the "
          + "\(numberWord(models.count)) by NDCG@\(k)."
      } ?? ""
    if flips.isEmpty {
      return order + "The lists never clearly reverse it"
        + (unclear > 0
          ? " (\(unclear == 1 ? "one pair ranks" : "\(unclear) pairs rank") the other way by "
            + "NDCG@\(k), too closely to call)."
          : ".") + popularityNote
    }
    return order + "The lists disagree: " + flips.joined(separator: "; ") + "." + popularityNote
  }

  /// "a", "a and b", "a, b and c".
  static func andList(_ words: [String]) -> String {
    guard let last = words.last else { return "" }
    let rest = words.dropLast()
    return rest.isEmpty ? last : rest.joined(separator: ", ") + " and " + last
  }

  static func ordinal(_ n: Int) -> String {
    ["first", "second", "third", "fourth", "fifth"][n - 1]
  }

  static func numberWord(_ n: Int) -> String {
    ["zero", "one", "two", "three", "four", "five"][n]
  }

  static func rerankIntroduction(k: Int, poolSize: Int, onCatalogue: Bool) -> String {
    "The MF model's lists are the most accurate it can make, and nothing in them asks for "
      + "variety. Two re-rankers take each viewer's best candidates (up to \(poolSize)) and "
      + "rebuild the top \(k), weighing the predicted rating (rescaled to 0–1 within the pool) "
      + "against something else with a weight w from 0 (the plain list) to 1: maximal marginal "
      + "relevance picks one title at a time by (1 − w)·rating − w·(its largest cosine to a "
      + "title already picked), and the novelty bonus sorts by (1 − w)·rating + w·novelty. "
      + "The recommended weight is chosen by one rule: the largest w whose NDCG@\(k) "
      + (onCatalogue ? "against the truth " : "") + "keeps at least "
      + "\(percent(1 - RerankSweep.tolerance, decimals: 0)) of the plain list's"
      + (onCatalogue
        ? " (the truth, because the few held-out ratings per viewer judge too noisily)." : ".")
  }

  static func sweepTable(_ sweep: RerankSweep, k: Int) -> TextTable {
    let first = sweep.points[0]
    let recommended = sweep.recommended.weight
    return TextTable(
      title: sweep.kind.rawValue,
      columns: [.right("w"), .right("NDCG@\(k)")]
        + (first.truthNDCG == nil ? [] : [.right("NDCG@\(k) truth")])
        + (first.variety.genreDiversity == nil ? [] : [.right("Genre div.")])
        + [.right("Factor div."), .right("Novelty"), .right("Coverage")],
      rows: sweep.points.map { point in
        let v = point.variety
        return [
          (point.weight == recommended ? "→ " : "") + plainNumber(point.weight),
          fixed(point.heldOutNDCG, 3),
        ]
          + (point.truthNDCG.map { [fixed($0, 3)] } ?? [])
          + (v.genreDiversity.map { [fixed($0, 3)] } ?? [])
          + [fixed(v.factorDiversity, 3), fixed(v.novelty, 2), percent(v.coverage, decimals: 0)]
      })
  }

  /// "rises from a to b", "falls from a to b" or "stays at a".
  static func movement(_ from: Double, _ to: Double, decimals: Int) -> String {
    if fixed(from, decimals) == fixed(to, decimals) { return "stays at \(fixed(from, decimals))" }
    return (to > from ? "rises" : "falls")
      + " from \(fixed(from, decimals)) to \(fixed(to, decimals))"
  }

  static func sweepVerdict(_ sweep: RerankSweep, k: Int) -> String {
    let (plain, chosen) = (sweep.plain, sweep.recommended)
    let what =
      sweep.kind == .novelty
      ? "novelty" : (plain.variety.genreDiversity == nil ? "factor diversity" : "genre diversity")
    let decimals = sweep.kind == .novelty ? 2 : 3
    let judge = plain.truthNDCG == nil ? "NDCG@\(k)" : "NDCG@\(k) against the truth"
    guard plain.judgedNDCG > 0 else {
      return "\(sweep.kind.rawValue): the plain list finds no relevant title, so the rule has "
        + "no accuracy to protect and picks the largest weight; read the table instead."
    }
    if sweep.kind == .diversity && k == 1 {
      return "\(sweep.kind.rawValue): a list of one title has no pair to diversify, so every "
        + "weight keeps the plain list; try a larger --k."
    }
    var text: String
    if chosen.weight == 0 {
      let next = sweep.points[1]
      text =
        "\(sweep.kind.rawValue): already at w = \(plainNumber(next.weight)) \(judge) "
        + movement(plain.judgedNDCG, next.judgedNDCG, decimals: 3) + ", more than the rule "
        + "allows, so the recommended weight is 0: the plain list."
    } else {
      let change = (chosen.judgedNDCG - plain.judgedNDCG) / plain.judgedNDCG
      text =
        "\(sweep.kind.rawValue): the recommended weight is w = "
        + "\(plainNumber(chosen.weight)). \(judge) "
        + movement(plain.judgedNDCG, chosen.judgedNDCG, decimals: 3)
        + " (\(change >= 0 ? "+" : "−")\(percent(abs(change), decimals: 0))) while \(what) "
        + movement(sweep.gain(plain), sweep.gain(chosen), decimals: decimals) + "."
      if let last = sweep.points.last, last.weight > chosen.weight {
        text +=
          " At w = \(plainNumber(last.weight)) \(judge) would be "
          + "\(fixed(last.judgedNDCG, 3)) and \(what) \(fixed(sweep.gain(last), decimals))."
      }
    }
    // Where the held-out ratings and the truth disagree about a weight, say so.
    if plain.truthNDCG != nil,
      let noisy = sweep.points.dropFirst().first(where: {
        $0.heldOutNDCG > plain.heldOutNDCG && $0.judgedNDCG < plain.judgedNDCG
      })
    {
      text +=
        " On the held-out ratings NDCG@\(k) even rises at w = "
        + "\(plainNumber(noisy.weight)) (\(fixed(plain.heldOutNDCG, 3)) to "
        + "\(fixed(noisy.heldOutNDCG, 3))) while the truth says the lists got worse "
        + "(\(fixed(plain.judgedNDCG, 3)) to \(fixed(noisy.judgedNDCG, 3))): a few held-out "
        + "ratings per viewer are a noisy judge."
    }
    return text
  }

  static func multiTaskIntroduction(_ study: MultiTaskStudy, recipe: Recipe, onCatalogue: Bool)
    -> [String]
  {
    [
      "The blog's multi-task model shares a bottom layer between task-specific heads. Here the "
        + "shared bottom is the viewers' and titles' factors pᵤ and qᵢ (k = \(recipe.multiTaskFactors)"
        + (recipe.multiTaskFactors == recipe.factors
          ? ""
          : ", half the ranking table's, so that "
            + "\(study.weights.count * study.seeds.count) models train in seconds") + "); "
        + "one head predicts the rating, μ + bᵤ + bᵢ + pᵤ·qᵢ, trained by squared error; the "
        + "other predicts whether the viewer watched (rated) the title at all, "
        + "σ(c + aᵢ + Σ w_f·p_uf·q_if), trained by logistic loss on the training ratings "
        + "against as many unrated pairs drawn afresh each epoch. The loss is (1 − α)·rating "
        + "loss + α·watched loss: α = 0 is plain MF with biases, α = 1 learns only what was "
        + "watched (its rating head keeps untrained biases, so its RMSE is that of μ + pᵤ·qᵢ).",
      "Each α is trained on \(study.seeds.count) seeds (each its own 80/20 split, starting "
        + "factors and unrated samples; \(recipe.epochs) epochs, γ = "
        + "\(plainNumber(recipe.learningRate)), λ = \(plainNumber(recipe.lambda))), and both "
        + "heads rank each viewer's candidates. Mean ± standard deviation over the seeds:",
    ]
  }

  static func weightLabel(_ α: Double, taskWeight: Double) -> String {
    switch α {
    case 0: "0 (rating only)"
    case 1: "1 (watched only)"
    case taskWeight: "\(plainNumber(α)) (joint)"
    default: plainNumber(α)
    }
  }

  static func multiTaskTable(_ study: MultiTaskStudy, k: Int) -> TextTable {
    func cell(_ s: FoldSummary, _ decimals: Int) -> String {
      "\(fixed(s.mean, decimals)) ± \(fixed(s.standardDeviation, decimals))"
    }
    return TextTable(
      columns: [
        .left("α"), .right("RMSE"), .right("NDCG@\(k), rating head"),
        .right("NDCG@\(k), watched head"),
      ],
      rows: study.weights.map { α in
        [
          weightLabel(α, taskWeight: study.taskWeight), cell(study.summary(α, \.rmse), 4),
          cell(study.summary(α, \.ratingNDCG), 3), cell(study.summary(α, \.watchedNDCG), 3),
        ]
      })
  }

  /// "better/worse by d (standard error s)" or "too small to call", over seeds.
  static func compare(
    _ joint: FoldSummary, _ single: FoldSummary, lowerIsBetter: Bool, what: String,
    decimals: Int
  ) -> (sentence: String, sign: Int) {
    let d = PairedDifference(joint, single)
    let size = fixed(abs(d.mean), decimals)
    let error = fixed(d.standardError, decimals)
    let floor = lowerIsBetter ? PairedDifference.negligible : negligibleNDCG
    guard isClear(d, floor: floor) else {
      let reason =
        abs(d.mean) < floor
        ? "under \(plainNumber(floor))"
        : "within twice the seed-to-seed standard error of \(error)"
      return ("\(what): a difference of \(size), too small to call (\(reason))", 0)
    }
    let better = lowerIsBetter ? d.mean < 0 : d.mean > 0
    return (
      "\(what): \(better ? "better" : "worse") by \(size) (standard error \(error))",
      better ? 1 : -1
    )
  }

  static func multiTaskVerdicts(_ study: MultiTaskStudy, k: Int, onCatalogue: Bool) -> [String] {
    let α = plainNumber(study.taskWeight)
    let rmse = compare(
      study.summary(study.taskWeight, \.rmse), study.summary(0, \.rmse), lowerIsBetter: true,
      what: "RMSE", decimals: 4)
    let ranking = compare(
      study.summary(study.taskWeight, \.ratingNDCG), study.summary(0, \.ratingNDCG),
      lowerIsBetter: false, what: "NDCG@\(k) of its rating head", decimals: 3)
    let watched = compare(
      study.summary(study.taskWeight, \.watchedNDCG), study.summary(1, \.watchedNDCG),
      lowerIsBetter: false, what: "NDCG@\(k) of its watched head", decimals: 3)
    let mainSigns = [rmse.sign, ranking.sign]
    let overall =
      mainSigns.contains(1) && !mainSigns.contains(-1)
      ? "So here the auxiliary task helps the main one."
      : mainSigns.contains(-1) && !mainSigns.contains(1)
        ? "So here the auxiliary task costs the main one more than it teaches it."
        : mainSigns.allSatisfy({ $0 == 0 })
          ? "So here the auxiliary task does not measurably help the main one: every "
            + "difference is within the spread over seeds."
          : "So here the auxiliary task helps one measure of the main task and hurts another."
    var verdicts = [
      "The joint model (α = \(α)) against the rating-only model, seed by seed: "
        + rmse.sentence + "; " + ranking.sentence + ". Against the watched-only model, "
        + watched.sentence + ". " + overall
    ]
    let bestRating = study.weights.max {
      study.summary($0, \.ratingNDCG).mean < study.summary($1, \.ratingNDCG).mean
    }!
    if bestRating != 0 && bestRating != study.taskWeight {
      let versus = compare(
        study.summary(bestRating, \.ratingNDCG), study.summary(0, \.ratingNDCG),
        lowerIsBetter: false, what: "NDCG@\(k) of the rating head", decimals: 3)
      verdicts.append(
        "Elsewhere in the sweep the rating head's lists do best at α = "
          + "\(plainNumber(bestRating)); against the rating-only model, " + versus.sentence + ".")
    }
    let best = study.weights.flatMap { w in
      [
        (w, "rating", study.summary(w, \.ratingNDCG).mean),
        (w, "watched", study.summary(w, \.watchedNDCG).mean),
      ]
    }.max { $0.2 < $1.2 }!
    verdicts.append(
      "The highest mean NDCG@\(k) of the sweep is \(fixed(best.2, 3)), at α = "
        + "\(plainNumber(best.0)) ranked by the \(best.1) head.")
    if onCatalogue {
      verdicts.append(
        "Why the watched task has little to teach on the catalogue: its generator chose which "
          + "titles each viewer rated at random, 30% of them whatever the viewer's taste, so "
          + "\"watched\" carries no signal about liking. On real data people choose what they "
          + "watch; try --ratings with MovieLens.")
    }
    return verdicts
  }

  static func tryNext(_ settings: Settings, k: Int, onCatalogue: Bool) -> [String] {
    var items: [String] = []
    if k != 10 { items.append("--k 10: longer lists, more room for variety") }
    if settings.relevant != 5 { items.append("--relevant 5: only five-star titles count") }
    if settings.diversityWeight != 1 {
      items.append("--diversity-weight 1: the re-rankers at full strength, in the lists shown")
    }
    if settings.taskWeight != 0.9 {
      items.append("--task-weight 0.9: a joint model that mostly learns what was watched")
    }
    if onCatalogue {
      items.append(
        "--ratings ml-100k/u.data --titles ml-100k/u.item (in a release build): MovieLens "
          + "100k, where people chose what to watch; see docs/09-discovery.md")
    }
    items.append("swift run chapter-real-time: section 12, learning from each rating as it arrives")
    return items
  }
}

/// One viewer's MF list worked through by hand: every place, its gain and discount, and the
/// five measures from them.
struct WorkedList {
  let viewer: Int?
  let list: [Int]
  let gains: [Int: Double]
  let judgement: ListJudgement?
  let k: Int
  let source: ChapterData
  let relevant: Double

  /// The first viewer whose MF list holds a relevant held-out title; else the first with one.
  init(lineup: Lineup, source: ChapterData, relevant: Double) {
    let mf = lineup.models.first { $0.name == "MF with biases and λ" }!
    let relevance = lineup.heldOutRelevance
    let withRelevant = mf.lists.indices.filter { !relevance[$0].isEmpty }
    let viewer =
      withRelevant.first { user in mf.lists[user].contains { relevance[user][$0] != nil } }
      ?? withRelevant.first
    self.viewer = viewer
    list = viewer.map { mf.lists[$0] } ?? []
    gains = viewer.map { relevance[$0] } ?? [:]
    judgement = viewer.map {
      ListJudgement(mf.lists[$0], gains: relevance[$0], k: lineup.evaluation.k)
    }
    k = lineup.evaluation.k
    self.source = source
    self.relevant = relevant
  }

  var name: String { viewer.map { source.dataset.userNames[$0] } ?? "" }

  var introduction: String {
    guard viewer != nil else {
      return "No viewer has a held-out rating of at least \(plainNumber(relevant)) stars, so "
        + "there is no list to work through."
    }
    let relevantNames = gains.keys.sorted().map { source.dataset.itemNames[$0] }
    return "One list worked through: \(name)'s top \(k) from MF with biases and λ. "
      + "\(name)'s relevant held-out "
      + (relevantNames.count == 1 ? "title is " : "titles are ")
      + Tables.andList(relevantNames) + "."
  }

  var table: TextTable {
    TextTable(
      columns: [
        .right("Place"), .left("Title"), .right("Gain g"), .right("log₂(place + 1)"),
        .right("g / log₂"),
      ],
      rows: list.enumerated().map { offset, item in
        let g = gains[item] ?? 0
        let discount = ListJudgement.discount(rank: offset + 1)
        return [
          String(offset + 1), source.titleWithGenre(item), plainNumber(g), fixed(discount, 3),
          fixed(g / discount, 3),
        ]
      })
  }

  var arithmetic: [String] {
    guard let judgement else { return [] }
    let hits = list.prefix(k).filter { gains[$0] != nil }.count
    var dcg: [String] = []
    var dcgSum = 0.0
    for (offset, item) in list.prefix(k).enumerated() {
      guard let g = gains[item] else { continue }
      dcg.append(fixed(g / ListJudgement.discount(rank: offset + 1), 3))
      dcgSum += g / ListJudgement.discount(rank: offset + 1)
    }
    let ideal = gains.values.sorted(by: >).prefix(k)
    let idealTerms = ideal.enumerated().map { fixed($1 / ListJudgement.discount(rank: $0 + 1), 3) }
    let idcg = ideal.enumerated().reduce(0) {
      $0 + $1.element / ListJudgement.discount(rank: $1.offset + 1)
    }
    return [
      "\(hits) of the \(k) places \(hits == 1 ? "holds" : "hold") a relevant title: precision@\(k) = \(hits)/\(k) = "
        + "\(fixed(judgement.precision, 3)); recall@\(k) = \(hits)/\(gains.count) = "
        + "\(fixed(judgement.recall, 3)); hit rate@\(k) = \(plainNumber(judgement.hitRate)); "
        + "AP@\(k) = \(fixed(judgement.averagePrecision, 3)). DCG = "
        + (dcg.count > 1 ? dcg.joined(separator: " + ") + " = " : "") + "\(fixed(dcgSum, 3)); the "
        + "ideal order (gains " + ideal.map(plainNumber).joined(separator: ", ") + ") gives "
        + "IDCG = " + (idealTerms.count > 1 ? idealTerms.joined(separator: " + ") + " = " : "")
        + "\(fixed(idcg, 3)); NDCG@\(k) = "
        + "\(fixed(dcgSum, 3)) / \(fixed(idcg, 3)) = \(fixed(judgement.ndcg, 3)).",
      "Every other title in the list counts as a miss, although \(name) may like it: the "
        + "held-out ratings know only the titles \(name) happened to rate. That is the "
        + "measure's blind spot, and why ranking scores on held-out ratings look small.",
    ]
  }
}

/// The lists one viewer gets plainly and from each re-ranker at the weight shown.
struct WeightedLists {
  let viewer = 0
  let rows: [[String]]
  let weights: [Double]
  let fromFlag: Bool
  let names: [String]
  let userName: String

  init(sweeps: [RerankSweep], weight: Double?, source: ChapterData) {
    let points = sweeps.map { sweep in weight.map(sweep.point(at:)) ?? sweep.recommended }
    let lists = [sweeps[0].plain.lists[0]] + points.map { $0.lists[0] }
    let length = lists.map(\.count).max() ?? 0
    rows = (0..<length).map { place in
      [String(place + 1)] + lists.map { place < $0.count ? source.titleWithGenre($0[place]) : "" }
    }
    weights = points.map(\.weight)
    fromFlag = weight != nil
    names = sweeps.map(\.kind.rawValue)
    userName = source.dataset.userNames[0]
  }

  var introduction: String {
    "\(userName)'s list, plain and re-ranked with "
      + (fromFlag
        ? "w = \(plainNumber(weights[0])) (--diversity-weight)"
        : "each re-ranker's recommended weight (w = \(plainNumber(weights[0])) and "
          + "w = \(plainNumber(weights[1])))") + ":"
  }

  var table: TextTable {
    TextTable(
      columns: [.right("Place"), .left("Plain")]
        + zip(names, weights).map { .left("\($0), w = \(plainNumber($1))") },
      rows: rows)
  }
}
