import ChapterKit
import LookupTiming
import Recommender

/// The chapter's tables and readings that need more than a library call.
enum Tables {
  /// What the speed table times, and on how many cores.
  static func speedIntroduction(
    precision: SGDTrainer.Precision, order: RatingOrder, workers: Int, cores: Int,
    shufflesAhead: Bool
  ) -> String {
    let setting = "\(BuildConfiguration.current) build, \(precision.rawValue) precision"
    let ordering =
      "putting the ratings in their visiting order, once before the first epoch, timed apart "
      + "from the SGD steps, the measuring not timed"
    switch (order, shufflesAhead) {
    case (.blocked, _) where workers > 1:
      let placement =
        cores >= workers
        ? "on \(cores == workers ? "the" : "\(workers) of the") \(cores) cores of this machine"
        : "taking turns on this machine's \(cores == 1 ? "one core" : "\(cores) cores")"
      return "Training speed (\(setting); the blocks of each sub-epoch trained by \(workers) "
        + "threads at once, \(placement); \(ordering)):"
    case (.blocked, _):
      return "Training speed (\(setting), one core; \(ordering)):"
    case (.shuffled, false):
      return "Training speed (\(setting), one core; the shuffle timed apart from the SGD "
        + "steps, the measuring not timed):"
    case (.shuffled, true):
      return "Training speed (\(setting); the SGD steps on one thread while a second "
        + "shuffles a copy of the ratings for the next epoch, on another core where there is "
        + "one; the shuffle column holds the first "
        + "epoch's shuffle and, for each later one, the wait for its copy and the start of the "
        + "next; the measuring not timed):"
    }
  }

  /// Seconds of shuffling and of SGD, and rating updates per second of SGD, for each model.
  static func speed(
    _ models: [(name: String, history: TrainingHistory)], ratingCount: Int, order: RatingOrder
  ) -> TextTable {
    TextTable(
      columns: [
        .left("Model"), .right("Epochs"),
        .right(order == .blocked ? "Blocking s" : "Shuffle s"), .right("SGD s"),
        .right("Updates/s"),
      ],
      rows: models.map { model in
        let records = model.history.records
        let sweep = Double(records.reduce(0) { $0 + $1.sweepNanoseconds }) / 1e9
        let shuffle = Double(records.reduce(0) { $0 + $1.shuffleNanoseconds }) / 1e9
        let updates = Double(ratingCount * records.count)
        return [
          model.name, String(records.count), fixed(shuffle, 3), fixed(sweep, 3),
          sweep > 0 ? fixed(updates / sweep / 1e6, 2) + " million" : "–",
        ]
      })
  }

  /// Test RMSE after epochs 1, ¼, ½, ¾ and all of the way, per model.
  static func curves(_ models: [(name: String, history: TrainingHistory)], epochs: Int)
    -> TextTable
  {
    var shown = [1, epochs / 4, epochs / 2, 3 * epochs / 4, epochs].filter { $0 >= 1 }
    shown = shown.enumerated().filter { $0.offset == 0 || $0.element != shown[$0.offset - 1] }
      .map(\.element)
    return TextTable(
      columns: [.left("Model")] + shown.map { .right("Epoch \($0)") },
      rows: models.map { model in
        [model.name] + shown.map { fixed(model.history.record(epoch: $0).test!.rmse, 3) }
      })
  }

  /// Below this difference in RMSE (stars) two models count as equally good.
  static let margin = 0.005

  /// Which model guesses the hidden ratings best, read from the scores, ties named as ties;
  /// `scores[0]` is the global mean.
  static func comparisonVerdict(_ scores: [ModelScore]) -> String {
    let globalMean = scores[0]
    let best = scores.min { $0.test.rmse < $1.test.rmse }!
    let tightest = scores.min { $0.train.rmse < $1.train.rmse }!
    let equals = scores.filter { $0.test.rmse - best.test.rmse < margin }
    // The models that fit training about as closely as the closest, the best ones left out.
    let closeFits = scores.filter {
      $0.train.rmse - tightest.train.rmse < margin && !equals.map(\.name).contains($0.name)
    }
    .sorted { $0.train.rmse < $1.train.rmse }
    let memory =
      closeFits.count == 1
      ? "\(tightest.name) fits its training ratings closest (RMSE "
        + "\(fixed(tightest.train.rmse, 3))) yet misses the hidden ones by "
        + "\(fixed(tightest.test.rmse, 3)): fitting what was seen is not the same as learning."
      : closeFits.map(\.name).joined(separator: " and ") + " fit their training ratings "
        + "about equally closely (RMSE "
        + closeFits.map { fixed($0.train.rmse, 3) }.joined(separator: " and ")
        + ") yet miss the hidden ones by "
        + closeFits.map { fixed($0.test.rmse, 3) }.joined(separator: " and ")
        + ": fitting what was seen is not the same as learning."
    if equals.contains(where: { $0.name == globalMean.name }) {
      return "No model beats always guessing μ on the hidden ratings by \(margin) or more (test "
        + "RMSE \(fixed(globalMean.test.rmse, 3)) for the guess, \(fixed(best.test.rmse, 3)) "
        + "at best): these ratings hold no pattern the models found. "
        + (equals.contains { $0.name == tightest.name }
          ? "" : memory)
    }
    let against = "against \(fixed(globalMean.test.rmse, 3)) for always guessing μ"
    let opening: String
    if equals.count == 1 {
      opening =
        "\(best.name) guesses the hidden ratings best (test RMSE \(fixed(best.test.rmse, 3)), "
        + against + ")"
    } else {
      let names = equals.map(\.name)
      opening =
        names.dropLast().joined(separator: ", ") + " and \(names.last!) guess the hidden "
        + "ratings equally well (test RMSE "
        + equals.dropLast().map { fixed($0.test.rmse, 3) }.joined(separator: ", ")
        + " and \(fixed(equals.last!.test.rmse, 3)), " + against
        + "): a difference below \(margin) is too small to call"
    }
    guard equals.contains(where: { $0.name == tightest.name }) else {
      return opening + "; " + memory
    }
    // The closest fit is among the best guessers: named alone only if no other model fits
    // within the margin of it, else the fits are a tie too.
    let fitTies = scores.filter { $0.train.rmse - tightest.train.rmse < margin }
      .sorted { $0.train.rmse < $1.train.rmse }
    if fitTies.count == 1 {
      return opening + "; " + (equals.count == 1 ? "it" : tightest.name)
        + " also fits its training ratings closest."
    }
    let fitNames = fitTies.map(\.name)
    return opening + "; on their training ratings "
      + fitNames.dropLast().joined(separator: ", ") + " and \(fitNames.last!) fit about equally "
      + "closely (RMSE "
      + fitTies.dropLast().map { fixed($0.train.rmse, 3) }
      .joined(separator: ", ")
      + " and \(fixed(fitTies.last!.train.rmse, 3)))."
  }

  /// Where MF with biases did best on the hidden ratings, with and without λ, and whether the
  /// curve without λ rose after its minimum by more than ``margin``.
  static func curveVerdict(
    unregularized: TrainingHistory, regularized: TrainingHistory, lambda: Double, epochs: Int
  ) -> String {
    func best(_ history: TrainingHistory) -> String {
      let record = history.bestTestEpoch!
      return record.epoch == epochs
        ? "was still improving at its last epoch, \(epochs) (\(fixed(record.test!.rmse, 3)))"
        : "did best after epoch \(record.epoch) of \(epochs) (\(fixed(record.test!.rmse, 3))) "
          + "and ended at \(fixed(history.last!.test!.rmse, 3))"
    }
    let rise = unregularized.last!.test!.rmse - unregularized.bestTestEpoch!.test!.rmse
    return "On the hidden ratings, MF with biases without λ " + best(unregularized)
      + "; with λ = \(lambda) it " + best(regularized) + ". "
      + (rise >= margin
        ? "The rise without λ after its best epoch is the model memorising its training ratings."
        : "The curve without λ does not rise by \(margin) or more after its best epoch: in "
          + "\(epochs == 1 ? "1 epoch" : "\(epochs) epochs") it has not begun to memorise.")
  }

  /// A warning when some printed predictions fall outside the scale, or nil.
  static func outOfScaleWarning(_ predictions: Matrix, scale: ClosedRange<Double>) -> String? {
    var outside: [Double] = []
    for row in 0..<predictions.rows {
      for column in 0..<predictions.columns where !scale.contains(predictions[row, column]) {
        outside.append(predictions[row, column])
      }
    }
    guard !outside.isEmpty else { return nil }
    let range = "\(fixed(scale.lowerBound, 0))–\(fixed(scale.upperBound, 0))"
    return "Warning: \(outside.count) of these predictions "
      + (outside.count == 1 ? "falls" : "fall") + " outside the \(range) scale (from "
      + "\(fixed(outside.min()!, 2)) to \(fixed(outside.max()!, 2))): nothing in μ + bᵤ + bᵢ "
      + "+ p·q keeps a sum inside the scale, and no viewer can give such a rating."
  }

  /// The share of picks in the favourite genre against chance, with a verdict that needs the
  /// difference to exceed three standard errors of a chance share (and 2 points).
  static func genreVerdicts(picks: FavouriteGenreCheck, neighbours: SameGenreCheck, top: Int)
    -> String
  {
    func margin(_ chance: Double, _ count: Int) -> Double {
      max(0.02, 3 * (chance * (1 - chance) / Double(max(count, 1))).squareRoot())
    }
    let pickMargin = margin(picks.chanceShare, picks.recommendationCount)
    let pickText =
      "Across all \(picks.viewerCount) viewers, \(percent(picks.favouriteShare)) of the "
      + "top-\(top) picks fall in the viewer's hidden favourite genre, where picking unrated "
      + "titles at random would give \(percent(picks.chanceShare))"
    let pickVerdict =
      picks.favouriteShare > picks.chanceShare + pickMargin
      ? ": better than chance, by more than the \(fixed(100 * pickMargin, 1)) percentage points "
        + "that luck could explain."
      : picks.favouriteShare < picks.chanceShare - pickMargin
        ? ": fewer than chance would give, so these picks work against the hidden tastes."
        : ": within \(fixed(100 * pickMargin, 1)) percentage points of chance, so these picks have not found the hidden "
          + "tastes."
    let sameMargin = margin(neighbours.chanceShare, neighbours.similarCount)
    let sameText =
      " And \(percent(neighbours.sameGenreShare)) of the titles found most similar to a title "
      + "share its genre, against \(percent(neighbours.chanceShare)) by chance"
    let sameVerdict =
      neighbours.sameGenreShare > neighbours.chanceShare + sameMargin
      ? ": the model was never told a single genre, and found them."
      : ": within \(fixed(100 * sameMargin, 1)) percentage points of chance or below, so the factors have not sorted the "
        + "titles by genre."
    return pickText + pickVerdict + sameText + sameVerdict
  }

  /// Median nanoseconds per lookup, one row per size, one column per structure.
  static func lookups(_ report: ScalingReport) -> TextTable {
    let structures = LookupStructure.allCases.filter { structure in
      report.rows.contains { $0.structure == structure }
    }
    return TextTable(
      title: "Median nanoseconds per lookup:",
      columns: [.right("Keys n")] + structures.map { .right(shortName($0)) },
      rows: report.sizes.map { size in
        [grouped(size)]
          + structures.map { structure in
            report.result(for: structure, size: size).map { nanoseconds($0.medianNanoseconds) }
              ?? "–"
          }
      })
  }

  /// One sentence on the largest size: how many times faster the dictionary was.
  static func lookupVerdict(_ report: ScalingReport) -> String {
    guard let size = report.sizes.last,
      let dictionary = report.result(for: .dictionary, size: size),
      let linear = report.result(for: .linearSearch, size: size)
    else { return "" }
    let speedup = dictionary.speedup(over: linear)
    return "With \(grouped(size)) keys the dictionary answered in "
      + duration(dictionary.medianNanoseconds) + " and the list scan in "
      + duration(linear.medianNanoseconds) + ", "
      + (speedup >= 1.5
        ? "\(grouped(Int(speedup.rounded()))) times faster. "
        : speedup > 1 / 1.5
          ? "about as fast: at this size the difference is too small to call. "
          : "so the list was faster at this size. ")
      + "A list scan takes longer the more keys there are; a hash lookup does not. Timings "
      + "differ from run to run and between debug and release builds."
  }

  /// A column header short enough for an 80-column table.
  private static func shortName(_ structure: LookupStructure) -> String {
    switch structure {
    case .linearSearch: "List scan"
    case .binarySearch: "Binary search"
    case .set: "Set"
    case .dictionary: "Dictionary"
    case .constantHashSet: "Colliding set"
    }
  }

  /// "89.4" below 100 ns, else whole nanoseconds with separators: "2,897,313".
  private static func nanoseconds(_ value: Double) -> String {
    value < 100 ? fixed(value, 1) : grouped(Int(value.rounded()))
  }

  /// A duration in the unit that reads best: "111 ns", "48.1 µs", "2.9 ms".
  private static func duration(_ nanoseconds: Double) -> String {
    if nanoseconds < 1_000 { return fixed(nanoseconds, 0) + " ns" }
    if nanoseconds < 1_000_000 { return fixed(nanoseconds / 1_000, 1) + " µs" }
    return fixed(nanoseconds / 1_000_000, 1) + " ms"
  }
}

/// What a run on a loaded file can say that the catalogue's genre check says on the catalogue.
enum FileReadings {
  /// Below this cosine a title's closest neighbour is called weakly similar.
  static let weakCosine = 0.5

  /// Why neighbours with a low cosine say little.
  static func weakNeighbours(closest: Double, factors: Int) -> String {
    "Warning: these neighbours are only weakly similar (the closest has cosine "
      + "\(fixed(closest, 2)), below \(fixed(weakCosine, 1))). Their factor vectors point only "
      + "roughly the same way in \(factors) "
      + (factors == 1 ? "dimension" : "dimensions")
      + ", so \"because you watched\" rests on little here: the model has not learned this "
      + "title well enough to say what it resembles."
  }

  /// The titles with the lowest and highest learned bias bᵢ among those that may be suggested.
  static func biasExtremes(
    _ model: MatrixFactorization, candidates: [Int], source: ChapterData,
    statistics: DatasetStatistics
  ) -> String {
    let count = min(3, candidates.count)
    let ranked = candidates.sorted {
      (model.itemBiases[$0], $1) < (model.itemBiases[$1], $0)
    }
    func named(_ items: some Sequence<Int>) -> String {
      items.map {
        "\(source.titleWithGenre($0)) (\(signed(model.itemBiases[$0])), "
          + "\(grouped(statistics.itemRatingCounts[$0])) ratings)"
      }.joined(separator: "; ")
    }
    return "The learned title biases bᵢ say which titles are rated above or below what the "
      + "viewers' own averages predict, whatever their tastes. Among the titles that may be "
      + "suggested, the highest: " + named(ranked.suffix(count).reversed()) + ". The lowest: "
      + named(ranked.prefix(count)) + "."
  }

  /// Whether the top-N lists of all viewers are mostly the same few popular titles.
  static func sameTitlesNote(
    _ model: MatrixFactorization, candidates: [Int], data: RatingsDataset, top: Int,
    source: ChapterData
  ) -> String {
    // Scoring every title for every viewer costs viewers × titles × k: at MovieLens 25M's size
    // about 10¹² multiply-adds, many minutes. Past 10,000 viewers, every step-th one stands in.
    let step = max(1, (data.userCount + 9_999) / 10_000)
    let users = Array(stride(from: 0, to: data.userCount, by: step))
    var appearances = [Int](repeating: 0, count: data.itemCount)
    var lists = 0
    for (user, rated) in zip(users, data.itemsRated(by: users)) {
      let picks = model.recommendations(
        for: user, count: top, excluding: rated, among: candidates)
      if !picks.isEmpty { lists += 1 }
      for pick in picks { appearances[pick.item] += 1 }
    }
    let distinct = appearances.filter { $0 > 0 }.count
    guard lists > 0,
      let commonest = appearances.indices.max(by: {
        (appearances[$0], $1) < (appearances[$1], $0)
      })
    else { return "No viewer has a title left to suggest." }
    let share = Double(appearances[commonest]) / Double(lists)
    let viewers = "\(grouped(lists)) " + (lists == 1 ? "viewer" : "viewers")
    let who =
      step == 1
      ? "Across all " + viewers
      : "Across a sample, one viewer in every \(step) of the \(grouped(data.userCount)), "
        + viewers
    let opening =
      who + " with a title left to suggest, the top-\(top) "
      + (lists == 1 ? "list uses" : "lists use") + " \(grouped(distinct)) different "
      + (distinct == 1 ? "title" : "titles") + ", and \(source.titleWithGenre(commonest)) is in "
      + "\(percent(share)) of them"
    let poolShare = Double(distinct) / Double(max(candidates.count, 1))
    // Where the commonest pick's bias ranks among the suggestible titles: does the bias put it
    // on so many lists, or p·q?
    let higher = candidates.filter { model.itemBiases[$0] > model.itemBiases[commonest] }.count
    let biasRank = Double(higher) / Double(max(candidates.count, 1))
    let why =
      biasRank < 0.1
      ? " Its bias bᵢ (\(signed(model.itemBiases[commonest]))) is among the highest tenth: a "
        + "high bias lifts a title for everyone, so these lists say more about what is widely "
        + "liked than about each viewer's taste."
      : " Its bias bᵢ (\(signed(model.itemBiases[commonest]))) is not among the highest tenth, "
        + "so it is p·q, the shared part of the viewers' tastes, that puts it on so many lists."
    if share >= 0.9 {
      return opening + ": nearly every viewer gets the same titles." + why
    }
    if share >= 0.25 || poolShare < 0.1 {
      return opening + ". Of the \(grouped(candidates.count)) titles that may be suggested, "
        + "the lists use \(percent(poolShare))"
        + (poolShare < 0.1 ? ": most viewers get the same few titles." : ".") + why
    }
    return opening + ": the lists differ from viewer to viewer."
  }

  /// "+0.42" or "−0.37".
  private static func signed(_ value: Double) -> String {
    value >= 0 ? "+" + fixed(value, 2) : "−" + fixed(-value, 2)
  }
}

/// The "Try next" list, fitted to the data in use and never repeating the run's own flags.
enum TryNext {
  static func suggestions(
    onCatalogue: Bool, lambda: Double?, factors: Int, epochs: Int, top: Int, seed: UInt32,
    order: RatingOrder, workers: Int
  ) -> [String] {
    var list: [String] = []
    let lambdas: [Double] = (onCatalogue ? [0.5, 0.01] : [0.1, 0.5]).filter { $0 != lambda }
    if !lambdas.isEmpty {
      list.append(
        lambdas.map { "--lambda \($0)" }.joined(separator: ", then ")
          + (lambda == nil
            ? ": λ fixed by hand instead of chosen on the validation set"
            : ": another λ fixed by hand"))
    }
    let factorChoices = (onCatalogue ? [1, 12] : [10, 200]).filter { $0 != factors }
    list.append(
      factorChoices.map { "--factors \($0)" }.joined(separator: " or ")
        + ": fewer or more hidden numbers per viewer and title")
    if epochs != 5 {
      list.append("--epochs 5: stop long before the errors settle")
    }
    if onCatalogue {
      let parts = [top != 5 ? "--top 5" : nil, seed != 7 ? "--seed 7" : nil].compactMap { $0 }
      if !parts.isEmpty {
        list.append(
          parts.joined(separator: " ") + ": "
            + [
              top != 5 ? "longer lists" : nil,
              seed != 7 ? "another catalogue with other tastes" : nil,
            ]
            .compactMap { $0 }.joined(separator: ", and "))
      }
      list.append(
        "--ratings ml-100k/u.data --titles ml-100k/u.item, built with swift run -c release: "
          + "real MovieLens ratings (from grouplens.org)")
    } else {
      if seed != 7 {
        list.append("--seed 7: another split of the same file and other starting factors")
      }
      if workers == 1 {
        list.append(
          (order == .blocked
            ? "--workers 2: " : "--order blocked --workers 2: the ratings visited block by block, ")
            + "each sub-epoch's blocks shared out between two threads; set the speed table "
            + "beside this one")
      }
    }
    list.append("swift run chapter-hash-tables: the full hash-table benchmark")
    list.append(
      "swift run chapter-neural-cf: section 10, neural networks against the dot product, measured")
    return list
  }
}

/// The sentences that introduce and read the demo's steps.
extension Tables {
  /// What the catalogue holds: the blog's viewers and movies, and the hidden tastes behind the
  /// rest.
  static func catalogueIntroduction(
    _ catalogue: DemoCatalogue, data: RatingsDataset, seed: UInt32
  ) -> String {
    let blogTitles = BlogSamples.listing.itemCount
    return "The blog's five viewers keep their 20 ratings of its four movies, and join "
      + "\(data.userCount - 5) more viewers and \(data.itemCount - blogTitles) more titles in "
      + "\(DemoCatalogue.genres.count) genres (\(DemoCatalogue.genres.joined(separator: ", "))). "
      + "Every other rating comes from a hidden taste drawn with seed \(seed): each viewer has a "
      + "favourite genre, and only \(percent(catalogue.recipe.density, decimals: 0)) of the "
      + "other cells are rated at all."
  }

  /// How much of the rating matrix is empty.
  static func sparsityReading(_ statistics: DatasetStatistics, data: RatingsDataset) -> String {
    "A viewer rated \(fixed(Double(statistics.ratingCount) / Double(data.userCount), 1)) of the "
      + "\(grouped(data.itemCount)) titles on average, so \(percent(statistics.sparsity)) of the "
      + "matrix is empty: those are the cells the models below must fill."
  }

  /// How the models are compared: the hidden ratings and the SGD they all share.
  static func comparisonSetup(
    _ split: TrainTestSplit, testFraction: Double, seed: UInt32, learningRate: Double,
    epochs: Int, precision: SGDTrainer.Precision, order: SGDTrainer.VisitOrder
  ) -> String {
    let epochsText = epochs == 1 ? "1 epoch" : "\(epochs) epochs"
    let orderText: String
    if case .blocked(let p, _, _) = order, p == 1 {
      orderText =
        "the ratings visited viewer by viewer (--order blocked: every title's row of Q fits "
        + "the cache budget, so the grid is a single block), in one order fixed from the seed, "
        + "which keeps the rows of P and Q a step reads in the processor's cache"
    } else if case .blocked(let p, _, _) = order {
      orderText =
        "the ratings visited block by block (--order blocked): viewers and titles cut into a "
        + "\(p) × \(p) grid, each block viewer by viewer, in one order fixed from the seed, the "
        + "layout LIBMF trains in, which keeps the rows of P and Q a step reads in the "
        + "processor's cache"
    } else {
      orderText = "the ratings in a fresh shuffle every epoch"
    }
    var threadsText = ""
    if case .blocked(_, _, let workers) = order, workers > 1 {
      threadsText =
        " The blocks of each sub-epoch are trained by \(workers) threads at once, DSGD's way: "
        + "blocks trained together share no viewer and no title, so every model comes out the "
        + "same as one thread would train it on this grid."
    }
    return "A model is only as good as its guesses for ratings it never saw. So "
      + "\(grouped(split.test.count)) ratings (\(percent(testFraction, decimals: 0)), "
      + "picked with seed \(seed)) are hidden, each model learns from the other "
      + "\(grouped(split.train.count)), and then predicts the hidden ones. All learn by the same "
      + "SGD: γ = \(learningRate) for factors and biases, \(epochsText), factors starting "
      + "small (normal, σ = 0.1), \(orderText), and qᵢ moved with "
      + "the pᵤ from before the step, as the Surprise library does."
      + threadsText
      + (precision == .single
        ? " Each pass computes in single precision (Float), as production libraries train; "
          + "--precision double keeps every number a Double." : "")
  }

  /// The models compared, one bullet each.
  static func modelList(mean μ: Double, lambda: Double, factors: Int) -> [String] {
    [
      "Global mean: always guess μ = \(fixed(μ, 2)), the average training rating.",
      "Bias-only: μ + bᵤ + bᵢ, each viewer's and each title's own tilt, λ = \(lambda).",
      "Basic MF: p·q with \(factors) factors, as in chapter-basic-mf.",
      "MF with biases: μ + bᵤ + bᵢ + p·q, as in chapter-biases.",
      "MF with biases and λ = \(lambda): every step also pulls the parameters towards zero, as "
        + "in chapter-regularization.",
    ]
  }

  /// What the slice of R, P, Qᵀ and the predictions shows.
  static func sliceIntroduction(
    factorCount: Int, shownFactors: Int, users: Int, items: Int
  ) -> String {
    "The regularized model keeps \(factorCount) "
      + (factorCount == 1 ? "number" : "numbers") + " per viewer and per title. For "
      + "\(users) viewers and \(items) titles, here are the known ratings R "
      + "(· where there is none), the viewers' rows of P, the titles' columns of Qᵀ"
      + (shownFactors < factorCount
        ? " (the first \(shownFactors) of \(factorCount) factors)" : "")
      + ", and the predictions μ + bᵤ + bᵢ + p·q, the real rating in brackets."
  }

  /// Which title each column letter stands for.
  static func columnKey(letters: [String], items: [Int], source: ChapterData) -> String {
    "Columns: "
      + zip(letters, items).map { "\($0) = \(source.titleWithGenre($1))" }
      .joined(separator: ", ") + "."
  }

  /// How close the predictions come on the known cells of the slice.
  static func sliceFitReading(_ fit: ErrorMetrics, knownCells: Int) -> String {
    "On the \(knownCells) known "
      + (knownCells == 1 ? "cell" : "cells") + " shown, the predictions are off by "
      + "\(fixed(fit.mae, 2)) stars on average; every empty cell now has a guess, which is "
      + "all a recommender needs."
  }

  /// Why hash tables, before the benchmark.
  static let lookupIntroduction =
    "Every step above found a viewer's row and a title's row by number, and loading a file turns "
    + "each id into that number with a table lookup. The blog's sidebar asks why such lookups "
    + "use hash tables rather than lists. The harness of chapter-hash-tables, at a few sizes, "
    + "each structure asked the same keys, a quarter of them absent:"

  /// What the recommendations are, and which titles may be suggested.
  static func recommendationsIntroduction(minimumRatings: Int?) -> String {
    "Now the point of it all. For a few viewers: the titles they have not rated that the "
      + "regularized model predicts they would rate highest, and, for the title they rated "
      + "highest, the titles whose factor vectors point the same way (cosine similarity)."
      + (minimumRatings.map {
        " Only titles with at least \($0) ratings are "
          + "suggested, so one enthusiastic rating cannot lift an obscure title to the top."
      } ?? "")
  }

  /// The line above a viewer's picks: the name, the hidden favourite genre on the catalogue,
  /// and a note when a prediction overshoots the scale.
  static func picksHeading(
    for viewer: Int, _ picks: [Recommendation], source: ChapterData
  ) -> String {
    let data = source.dataset
    let favourite = source.catalogue.map {
      " (hidden favourite: \(DemoCatalogue.genres[$0.favouriteGenres[viewer]]))"
    }
    // Predictions can overshoot the scale; a viewer is shown at most the top of it.
    let overshoots = picks.contains { $0.predictedRating > data.scale.upperBound }
    return "Recommendations for \(data.userNames[viewer])\(favourite ?? "")"
      + (overshoots
        ? " (predictions above \(fixed(data.scale.upperBound, 0)) shown as the top)" : "")
      + ":"
  }

  /// A viewer's picks, one bullet each, the predictions clamped to the rating scale.
  static func picks(_ picks: [Recommendation], source: ChapterData) -> [String] {
    let scale = source.dataset.scale
    return picks.isEmpty
      ? ["nothing left to suggest: every title that may be suggested is rated already"]
      : picks.map {
        let stars = min(max($0.predictedRating, scale.lowerBound), scale.upperBound)
        return "\(source.titleWithGenre($0.item)): \(fixed(stars, 2)) stars"
      }
  }

  /// The line above the titles similar to the one a viewer rated highest.
  static func becauseWatched(_ name: String, _ watched: Rating, source: ChapterData) -> String {
    "Because \(name) watched \(source.titleWithGenre(watched.item)), "
      + "\(fixed(watched.value, watched.value.rounded() == watched.value ? 0 : 1)) stars:"
  }
}

extension Tables {
  /// What the loaded files held.
  static func fileIntroduction(_ source: ChapterData, ratingsPath: String) -> String {
    "Loaded \(ratingsPath): \(source.fileSummary!)."
      + (source.titlesSummary.map { " Titles: \($0)." } ?? "")
  }

  /// Why no λ is chosen when `--lambda` gave one.
  static func lambdaFromFlag(_ lambda: Double) -> String {
    "λ = \(lambda) comes from --lambda, so nothing is chosen here. Without the flag, the demo "
      + "tries a few values of λ on a validation set carved from the training ratings."
  }

  /// Why λ is the usual value, untested, when the training ratings are too few to split.
  static func lambdaUntested(_ lambda: Double, trainCount: Int) -> String {
    "The \(grouped(trainCount)) training ratings are too few to set a validation "
      + "set aside, so λ = \(lambda), the usual value, is used untested."
  }

  /// What the learning curves ask.
  static let curvesIntroduction =
    "Training error falls with every epoch; the question is what happens meanwhile to the error "
    + "on the hidden ratings. The test RMSE of each model after selected epochs:"

  /// The titles similar to the one a viewer rated highest, one bullet each.
  static func similar(_ similar: [SimilarTitle], source: ChapterData) -> [String] {
    similar.map { "\(source.titleWithGenre($0.item)), cosine \(fixed($0.cosine, 2))" }
  }

  /// The catalogue's check of the picks and neighbours against the hidden favourite genres.
  static func genreCheck(_ catalogue: DemoCatalogue, model: MatrixFactorization, top: Int)
    -> String
  {
    let picks = FavouriteGenreCheck(catalogue: catalogue, model: model, count: top)
    let neighbours = SameGenreCheck(catalogue: catalogue, model: model, count: top)
    return "The catalogue knows what every viewer secretly likes best, so the picks can be "
      + "checked. " + genreVerdicts(picks: picks, neighbours: neighbours, top: top)
  }
}

extension FileReadings {
  /// The readings a loaded file gets after the recommendations: the title biases at either
  /// end, then whether the lists are mostly the same titles.
  static func afterRecommendations(
    _ model: MatrixFactorization, candidates: [Int], source: ChapterData,
    statistics: DatasetStatistics, top: Int
  ) -> [String] {
    [
      biasExtremes(model, candidates: candidates, source: source, statistics: statistics),
      sameTitlesNote(model, candidates: candidates, data: source.dataset, top: top, source: source),
    ]
  }
}

extension Tables {
  /// The data section's opening: the catalogue and its hidden tastes, or what the files held.
  static func dataIntroduction(_ source: ChapterData, ratingsPath: String?, seed: UInt32) -> String
  {
    if let catalogue = source.catalogue {
      return catalogueIntroduction(catalogue, data: source.dataset, seed: seed)
    }
    return fileIntroduction(source, ratingsPath: ratingsPath!)
  }

  /// The data's rating histogram, its bars scaled to at most 40 characters.
  static func histogram(_ statistics: DatasetStatistics) -> TextTable {
    let largestCount = statistics.histogram.map(\.count).max() ?? 1
    return RatingTables.histogram(statistics, barScale: max(1, (largestCount + 39) / 40))
  }

  /// ``recommendationsIntroduction(minimumRatings:)``, naming the minimum only when it leaves
  /// some titles out.
  static func recommendationsIntroduction(
    _ source: ChapterData, candidates: [Int], statistics: DatasetStatistics
  ) -> String {
    recommendationsIntroduction(
      minimumRatings: candidates.count < source.dataset.itemCount
        ? source.minimumRatings(statistics) : nil)
  }

  /// ``sliceIntroduction(factorCount:shownFactors:users:items:)`` for the slice shown.
  static func sliceIntroduction(_ slice: FactorSlice, factorCount: Int) -> String {
    sliceIntroduction(
      factorCount: factorCount, shownFactors: slice.shownFactors, users: slice.users.count,
      items: slice.items.count)
  }
}
