import ChapterKit
import LookupTiming
import Recommender

/// The chapter's tables and the sentences that read them, each chosen from the run's numbers.
enum Tables {
  // MARK: Event capture

  static func dataIntroduction(_ source: StreamSource, seed: UInt32, path: String?) -> String {
    let data = source.dataset
    guard let drifting = source.drifting else {
      return "Loaded \(path!): \(source.fileSummary!)."
        + (source.titlesSummary.map { " Titles: \($0)." } ?? "")
        + (source.hasTimestamps
          ? " Every rating carries the second it was given, so the ratings are replayed in that "
            + "order, from \(dateSpan(source)) (\(fixed(source.day(source.timeline.times.last!), 0)) "
            + "days)."
          : " A plain CSV has no timestamp column this loader reads, so the ratings are replayed "
            + "in the file's order, one rating per tick.")
    }
    let perViewer = Double(data.ratings.count) / Double(data.userCount)
    return "Real-time systems start with event capture: every rating is an event with a time. "
      + "Here the data is the demo catalogue of chapter-complete-demo (seed \(seed)): the same "
      + "\(data.userCount) viewers, \(data.itemCount) titles and hidden tastes, but each viewer "
      + "rates about \(percent(drifting.recipe.density, decimals: 0)) of the titles instead of "
      + "\(percent(DemoCatalogue.Recipe().density, decimals: 0)), "
      + "\(grouped(data.ratings.count)) ratings (\(fixed(perViewer, 1)) per viewer), so that a "
      + "model can learn a taste before it changes. The catalogue has no times, so here it gets "
      + "a history of "
      + "\(drifting.recipe.days) days: each viewer joins on a day in the first "
      + "\(percent(drifting.recipe.joinShare, decimals: 0)) of it and gives their ratings on days "
      + "drawn from the \(drifting.recipe.activeDays) days after joining."
  }

  /// "1997-09-20 to 1998-04-22" from Unix seconds.
  static func dateSpan(_ source: StreamSource) -> String {
    "\(date(source.timeline.times.first!)) to \(date(source.timeline.times.last!))"
  }

  /// A Unix time as a UTC calendar date, yyyy-mm-dd (civil-from-days, no Foundation).
  static func date(_ seconds: Int) -> String {
    let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let mp = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    return "\(year)-\(two(month))-\(two(day))"
  }

  static func driftIntroduction(_ drifting: DriftingCatalogue) -> String {
    let drifted = drifting.drifts.compactMap { $0 }
    let changed = drifting.timeline.events.indices.filter { index in
      let rating = drifting.timeline.events[index]
      return drifting.hasDrifted(rating.user, by: drifting.timeline.times[index])
    }.count
    return "User preferences change, the blog says, and this history makes some of them "
      + "change: \(drifted.count) of the \(drifting.drifts.count) viewers "
      + "(\(percent(Double(drifted.count) / Double(drifting.drifts.count), decimals: 0))) "
      + "swap the tastes of their favourite and their least favourite genre on a day between a "
      + "quarter and three fifths of the way through their active days, and the "
      + "\(grouped(changed)) ratings they give after that day are drawn from the new tastes."
  }

  static func trainOrExit(_ training: BatchTraining, warmUp: [Rating], command: String)
    -> MatrixFactorization
  {
    do {
      return try training.train(warmUp)
    } catch {
      exitDiverged(error, run: "the batch model", command: command)
    }
  }

  /// Ends the run with the divergence, naming the one rate flag this chapter has.
  static func exitDiverged(_ error: TrainingError, run: String, command: String) -> Never {
    exitWithError(
      .diverged(
        error,
        flags: RateFlags(
          learningRate: "--learning-rate", biasLearningRate: "--learning-rate",
          regularization: "λ (fixed)"), run: run),
      command: command)
  }

  static func cutReading(
    _ source: StreamSource, cut: Int, warmUp: Double, choices: ModelChoices,
    batch: MatrixFactorization, warmUpRatings: ArraySlice<Rating>
  ) -> String {
    let total = source.timeline.events.count
    let streamCount = total - cut
    let fit = rootMeanSquare(
      warmUpRatings.map { $0.value - batch.predict(user: $0.user, item: $0.item) })
    let viewers = Set(warmUpRatings.map(\.user)).count
    let cutTime = source.timeline.times[cut]
    return "The oldest \(percent(warmUp, decimals: 0)) (--warm-up), \(grouped(cut)) ratings, "
      + "train a batch model as chapter-complete-demo does: μ + bᵤ + bᵢ + pᵤ·qᵢ with "
      + "\(choices.factors) factors, \(choices.epochs) shuffled epochs of SGD, "
      + "γ = \(choices.learningRate), λ = \(choices.lambda). It knows \(viewers) of the "
      + "\(source.dataset.userCount) viewers (training RMSE \(fixed(fit, 3))); the viewers and "
      + "titles it never saw have pᵤ and bᵤ (or qᵢ and bᵢ) at zero. The other "
      + "\(grouped(streamCount)) ratings, from \(source.when(cutTime)) on, arrive one at a time: "
      + "they are the stream."
  }

  // MARK: One event

  static func eventIntroduction(_ event: OneEvent, source: StreamSource) -> String {
    let u = event.rating.user
    var why = ""
    if let drifting = source.drifting, let drift = drifting.drifts[u],
      event.time >= drift.time
    {
      why =
        " \(source.dataset.userNames[u])'s favourite genre changed from "
        + "\(DemoCatalogue.genres[drift.from]) to \(DemoCatalogue.genres[drift.to]) on "
        + "\(source.when(drift.time)) (it was their least favourite), and this rating comes "
        + "after the change."
    }
    return "Event \(grouped(event.index + 1)) of the stream, on \(source.when(event.time)): "
      + "\(source.dataset.userNames[u]) rates \(source.title(event.rating.item)) "
      + "\(stars(event.rating.value)).\(why) The model that meets it is the batch model"
      + (event.index == 0
        ? " itself"
        : " updated online by the \(grouped(event.index)) earlier "
          + (event.index == 1 ? "event" : "events"))
      + ". One online update is one SGD step, the same step every epoch of batch training is "
      + "made of (Sources/Recommender/Training/SGDStep.swift), applied once:"
  }

  static func stars(_ value: Double) -> String {
    value.rounded() == value
      ? "\(fixed(value, 0)) " + (value == 1 ? "star" : "stars") : "\(fixed(value, 1)) stars"
  }

  /// pᵤ, qᵢ (at most five factors), the biases and the prediction, before and after.
  static func parameters(_ event: OneEvent) -> TextTable {
    let (u, i) = (event.rating.user, event.rating.item)
    let shown = min(event.before.factorCount, 5)
    func row(_ name: String, _ before: Double, _ after: Double) -> [String] {
      [
        name, fixed(before, 3), fixed(after, 3),
        NumberFormat.signedFixed(after - before, decimals: 3),
      ]
    }
    var rows: [[String]] = []
    for f in 0..<shown {
      rows.append(row("pᵤ[\(f + 1)]", event.before.P[u, f], event.after.P[u, f]))
    }
    for f in 0..<shown {
      rows.append(row("qᵢ[\(f + 1)]", event.before.Q[i, f], event.after.Q[i, f]))
    }
    rows.append(row("bᵤ", event.before.userBiases[u], event.after.userBiases[u]))
    rows.append(row("bᵢ", event.before.itemBiases[i], event.after.itemBiases[i]))
    rows.append(
      row(
        "prediction", event.before.predict(user: u, item: i), event.after.predict(user: u, item: i))
    )
    return TextTable(
      columns: [.left("Parameter"), .right("Before"), .right("After"), .right("Change")],
      rows: rows)
  }

  static func stepReading(_ event: OneEvent, learningRate: Double) -> String {
    let (u, i) = (event.rating.user, event.rating.item)
    let before = event.before.predict(user: u, item: i)
    let after = event.after.predict(user: u, item: i)
    let k = event.before.factorCount
    let moved = abs(after - before)
    let share = abs(event.error) > 0 ? moved / abs(event.error) : 0
    return "The model predicted \(fixed(before, 2)) for a rating of "
      + "\(fixed(event.rating.value, 0)), an error eᵤᵢ of \(NumberFormat.signedFixed(event.error, decimals: 2)). "
      + "The step moved pᵤ by γ·eᵤᵢ·qᵢ, qᵢ by γ·eᵤᵢ·pᵤ (less the pull of λ), and each bias by "
      + "γ·eᵤᵢ; the prediction for this title is now \(fixed(after, 2)), "
      + (moved == 0
        ? "unchanged."
        : "\(percent(share)) of the way to the rating. With γ = \(learningRate) one event nudges; it "
          + "takes many to move a taste.")
      + (k > 5 ? " (The table shows the first 5 of \(k) factors.)" : "")
  }

  static func lists(_ event: OneEvent, source: StreamSource) -> TextTable {
    let rows = (0..<max(event.listBefore.count, event.listAfter.count)).map { index in
      [
        "\(index + 1)",
        index < event.listBefore.count ? source.title(event.listBefore[index].item) : "",
        index < event.listAfter.count ? source.title(event.listAfter[index].item) : "",
      ]
    }
    return TextTable(
      columns: [.right("#"), .left("Top titles before the event"), .left("After the step")],
      rows: rows)
  }

  static func listReading(_ event: OneEvent, source: StreamSource) -> String {
    let before = event.listBefore.map(\.item)
    let after = event.listAfter.map(\.item)
    let name = source.dataset.userNames[event.rating.user]
    // The rated title leaves the list because it is now rated, not because the model moved.
    let beforeUnrated = before.filter { $0 != event.rating.item }
    let joined = after.filter { !before.contains($0) }
    let left = beforeUnrated.filter { !after.contains($0) }
    let ratedLeft = before.contains(event.rating.item)
    let ratedNote =
      ratedLeft
      ? " \(source.title(event.rating.item)) leaves the list because it is now rated." : ""
    if before == after {
      return "\(name)'s list is the same after the step: one rating moved the scores too little "
        + "to reorder it."
    }
    if left.isEmpty && (joined.isEmpty || (ratedLeft && joined.count == 1)) {
      let reordered = after.filter { beforeUnrated.contains($0) } != beforeUnrated
      return "\(name)'s list keeps its titles"
        + (ratedLeft ? " apart from the one just rated" : "")
        + (reordered ? ", in a new order" : ", in the same order")
        + (joined.isEmpty
          ? "" : "; \(joined.map(source.title).joined(separator: ", ")) moves up into it")
        + ".\(ratedNote) The step changed the scores, but by less than the gaps between titles."
    }
    return "The step changed \(name)'s list: "
      + (joined.isEmpty
        ? ""
        : joined.map(source.title).joined(separator: ", ") + " "
          + (joined.count == 1 ? "comes" : "come") + " in")
      + (left.isEmpty
        ? ""
        : (joined.isEmpty ? "" : " and ") + left.map(source.title).joined(separator: ", ")
          + " " + (left.count == 1 ? "drops" : "drop") + " out")
      + ".\(ratedNote) A real-time system serves this new list at the viewer's next request."
  }

  // MARK: Cold start

  static func foldInIntroduction(_ cold: ColdStart) -> String {
    "A viewer who joins after the batch model was trained has no row it learned. Retraining "
      + "everything for one viewer is slow; folding in is fast: keep every title's qᵢ and bᵢ "
      + "as they are and solve for the newcomer's bᵤ and pᵤ alone from their first n ratings, "
      + "a ridge regression whose penalties treat the trained viewers as the prior "
      + "(λ = training error variance over the mean square of their bᵤ, and of their p_uf: "
      + "\(fixed(cold.penalties.bias, 1)) and \(fixed(cold.penalties.factors, 1)) here; foldIn "
      + "in Sources/Recommender/Model/FoldIn.swift, solved exactly rather than stepped towards: "
      + "a handful of small steps would leave pᵤ near zero). With no rating yet the "
      + "prediction is μ + bᵢ: the same list of well-liked titles for every newcomer."
      + (cold.viewers.isEmpty
        ? ""
        : " \(cold.viewers.count) "
          + (cold.viewers.count == 1 ? "viewer has" : "viewers have")
          + " no rating in the warm-up part and more than \(ColdStart.steps.last!) in the stream"
          + (cold.favouriteShare != nil ? ", and keep their taste" : "")
          + "; each is folded in from their first 0, 1, 3, 5 and 10 ratings and scored on the same "
          + "\(grouped(cold.testCount)) later ratings (all of theirs after the tenth).")
  }

  static let noColdViewers =
    "In this run no viewer is both unseen by the batch model and has more than "
    + "\(ColdStart.steps.last!) ratings in the stream, so there is no one to fold in and score; "
    + "a smaller --warm-up leaves more viewers unseen by the batch model."

  static func coldStart(_ cold: ColdStart) -> TextTable {
    var columns: [TextTable.Column] = [
      .right("Ratings folded in"), .right("RMSE on later ratings"),
    ]
    if cold.favouriteShare != nil { columns.append(.right("Top titles in favourite genre")) }
    let rows = ColdStart.steps.indices.map { step in
      ["\(ColdStart.steps[step])", fixed(cold.rmse[step], 3)]
        + (cold.favouriteShare.map { [percent($0[step])] } ?? [])
    }
    return TextTable(columns: columns, rows: rows)
  }

  static func coldStartReading(_ cold: ColdStart) -> String {
    let first = cold.rmse.first!
    let last = cold.rmse.last!
    let best = cold.rmse.indices.min { cold.rmse[$0] < cold.rmse[$1] }!
    let margin = 0.01
    var text: String
    if first - last >= margin {
      text =
        "Ten ratings bring the error on the later ratings from \(fixed(first, 3)) "
        + "(μ + bᵢ alone) to \(fixed(last, 3))"
      let falling = zip(cold.rmse, cold.rmse.dropFirst()).allSatisfy { $1 < $0 }
      text +=
        falling
        ? ", and each step of the table helps: a newcomer is served from their first ratings "
          + "without retraining anything."
        : best == cold.rmse.count - 1
          ? ", the lowest of the table, though not every step lowers it: a rating or two can "
            + "pull pᵤ the wrong way before more correct it."
          : "; the lowest error, \(fixed(cold.rmse[best], 3)), comes after "
            + "\(ColdStart.steps[best]) ratings, so more ratings do not help at every step."
    } else if last - first >= margin {
      text =
        "Folding in makes the later ratings worse here (\(fixed(first, 3)) with no "
        + "rating, \(fixed(last, 3)) with ten): the few ratings pull pᵤ further than the "
        + "titles' factors can support."
    } else {
      text =
        "Ten ratings leave the error on the later ratings about where μ + bᵢ alone puts it "
        + "(\(fixed(first, 3)) and \(fixed(last, 3)), within \(margin)): here the titles' appeal "
        + "explains what the first ratings could."
    }
    if let shares = cold.favouriteShare, let chance = cold.chanceShare {
      let lists = cold.viewers.count * 5
      let threshold = max(0.02, 3 * (chance * (1 - chance) / Double(max(lists, 1))).squareRoot())
      let found = shares.last! - chance > threshold
      text +=
        " Against their hidden tastes: with no rating "
        + "\(percent(shares.first!)) of the newcomers' top titles fall in their favourite genre, "
        + "with ten \(percent(shares.last!)), where picking at random would give "
        + "\(percent(chance))"
        + (found
          ? ": ten ratings are enough to find the favourite genre more often than chance, by "
            + "more than \(fixed(100 * threshold, 1)) points."
          : ": within \(fixed(100 * threshold, 1)) points of chance, so ten ratings have not "
            + "found the favourite genre.")
    }
    return text
  }

  // MARK: Replay

  static func replayOrExit(
    warmUp: [Rating], stream: [Rating], batch: MatrixFactorization, training: BatchTraining,
    retrainEvery: Int, command: String
  ) -> PrequentialReplay {
    do {
      return try PrequentialReplay(
        warmUp: warmUp, stream: stream, batch: batch, training: training,
        retrainEvery: retrainEvery)
    } catch {
      exitDiverged(error, run: "the replay", command: command)
    }
  }

  static func replayIntroduction(stream: Int, retrainEvery: Int, replay: PrequentialReplay)
    -> String
  {
    "Now the whole stream, oldest first. Each event is predicted before anything learns from it "
      + "(prequential evaluation: predict, then learn), by three models: frozen, the batch model "
      + "as trained; online, the same model after one SGD step per earlier event; retrained, "
      + "the batch model replaced every \(grouped(retrainEvery)) events (--retrain-every) by a "
      + "model trained from scratch on every rating so far (\(replay.retrainings) "
      + (replay.retrainings == 1 ? "retraining" : "retrainings") + " in "
      + "\(grouped(stream)) events). RMSE per tenth of the stream:"
  }

  static func overallVerdict(_ replay: PrequentialReplay) -> String {
    let online = PairedComparison(replay.frozenErrors, replay.onlineErrors)
    let retrained = PairedComparison(replay.frozenErrors, replay.retrainedErrors)
    let versus = PairedComparison(replay.retrainedErrors, replay.onlineErrors)
    func against(_ c: PairedComparison, _ name: String) -> String {
      c.secondIsBetter
        ? "\(name) beats the frozen model (RMSE \(fixed(c.second, 3)) against \(fixed(c.first, 3)))"
        : c.firstIsBetter
          ? "\(name) does worse than the frozen model (\(fixed(c.second, 3)) against "
            + "\(fixed(c.first, 3)))"
          : "\(name) and the frozen model are too close to call (\(fixed(c.second, 3)) and "
            + "\(fixed(c.first, 3)), within two standard errors)"
    }
    let last =
      versus.secondIsBetter
      ? "online updates beat retraining (\(fixed(versus.second, 3)) against "
        + "\(fixed(versus.first, 3))), at one step per event instead of a full training"
      : versus.firstIsBetter
        ? "retraining beats online updates (\(fixed(versus.first, 3)) against "
          + "\(fixed(versus.second, 3))), at the price of a full training every time"
        : "online updates and retraining are too close to call"
    return "Over the whole stream, " + against(online, "updating online") + "; "
      + against(retrained, "retraining") + "; and " + last + ". A difference is called only "
      + "when the mean of the two models' squared errors, event by event, differs by more than "
      + "two standard errors."
  }

  static let noDriftKnown =
    "A file does not say whose taste changed or when, so this replay cannot separate drift from "
    + "everything else that changes over time: new viewers, new titles, the model simply "
    + "knowing more. Run without --ratings for a history whose drifts are known."

  // MARK: Serving

  static func servingIntroduction(listLength: Int, titles: Int) -> String {
    "Model inference and delivery: viewers ask for their top \(listLength) while the model "
      + "learns. Each viewer's list is cached in a Dictionary<Int, [Recommendation]>, as in "
      + "chapter-hash-tables, with one rule added (TopNServingCache in "
      + "Sources/Recommender/Recommendation/ServingCache.swift): when a viewer rates, the step "
      + "is taken, their list is dropped, and their next request, right after the rating, "
      + "ranks all \(grouped(titles)) titles again with the updated model. Between two events, "
      + "\(ServingRun.requestsPerEvent) requests come from viewers drawn at random among those "
      + "seen so far."
  }

  static func cacheCounts(_ serving: ServingRun) -> TextTable {
    let cache = serving.cache
    let total = cache.hits + cache.misses
    return TextTable(
      columns: [.left("Requests"), .right("Count"), .right("Share")],
      rows: [
        [
          "answered from the cache (hits)", grouped(cache.hits),
          percent(Double(cache.hits) / Double(max(total, 1))),
        ],
        [
          "ranked afresh (misses)", grouped(cache.misses),
          percent(Double(cache.misses) / Double(max(total, 1))),
        ],
        ["lists dropped after a rating", grouped(cache.invalidations), ""],
      ])
  }

  static func cacheReading(_ serving: ServingRun, replay: PrequentialReplay) -> String {
    let same = serving.model.P == replay.onlineModel.P && serving.model.Q == replay.onlineModel.Q
    return "Every rater's next list reflects their own rating: their cached list was dropped "
      + "the moment they rated. The step also moved the rated title's qᵢ and bᵢ, which every "
      + "viewer's scores read, and those viewers' lists were not dropped: at the end, "
      + "\(grouped(serving.staleLists)) of the \(grouped(serving.cachedLists)) cached lists "
      + "(\(percent(Double(serving.staleLists) / Double(max(serving.cachedLists, 1))))) differ "
      + "from what the final model would serve. "
      + (serving.staleLists == 0
        ? "None is stale, so dropping only the rater's list lost nothing here."
        : "That is the price of invalidating only the rater: a periodic refresh of every list, "
          + "or dropping the lists that hold a title whose qᵢ moved, would close it.")
      + (same
        ? " The model served is the replay's online model, parameter for parameter."
        : " (The served model differs from the replay's online model, which it should not.)")
  }

  // MARK: Latency

  static func latencyIntroduction(build: BuildConfiguration, titles: Int, factors: Int) -> String {
    "The blog promises updates \"within milliseconds\". Every event of the serving run above "
      + "was timed on one core in this \(build) build: the online step (O(k), k = \(factors)), "
      + "and the re-ranking of the rater's list (all \(grouped(titles)) titles scored and the "
      + "top kept). These are timings: they change from run to run and machine to machine."
  }
}

/// RMSE per tenth of the stream for each strategy.
struct ErrorWindows {
  /// Each window's middle day (or rating number) and the RMSE of each strategy.
  let middles: [Double]
  let starts: [String]
  let counts: [Int]
  let frozen: [Double]
  let online: [Double]
  let retrained: [Double]

  init(_ replay: PrequentialReplay, times: [Int], source: StreamSource) {
    let n = replay.frozenErrors.count
    let windows = min(10, n)
    var middles: [Double] = []
    var starts: [String] = []
    var counts: [Int] = []
    var frozen: [Double] = []
    var online: [Double] = []
    var retrained: [Double] = []
    for w in 0..<windows {
      let range = (w * n / windows)..<((w + 1) * n / windows)
      guard !range.isEmpty else { continue }
      let middle = times[(range.lowerBound + range.upperBound - 1) / 2]
      middles.append(source.hasTimestamps ? source.day(middle) : Double(middle + 1))
      starts.append(source.when(times[range.lowerBound]))
      counts.append(range.count)
      frozen.append(rootMeanSquare(replay.frozenErrors[range]))
      online.append(rootMeanSquare(replay.onlineErrors[range]))
      retrained.append(rootMeanSquare(replay.retrainedErrors[range]))
    }
    self.middles = middles
    self.starts = starts
    self.counts = counts
    self.frozen = frozen
    self.online = online
    self.retrained = retrained
  }

  var table: TextTable {
    TextTable(
      columns: [
        .left("From"), .right("Events"), .right("Frozen"), .right("Online"), .right("Retrained"),
      ],
      rows: middles.indices.map { w in
        [
          starts[w], grouped(counts[w]), fixed(frozen[w], 3), fixed(online[w], 3),
          fixed(retrained[w], 3),
        ]
      })
  }
}

/// The stream's events by what the viewer's taste was doing: stable, drifting later, drifted.
struct DriftGroups {
  struct Group {
    let name: String
    /// The mean, over the group's events, of the rater's ratings in the warm-up part: how well
    /// the batch model knew them.
    let knownFrom: Double
    let frozen: [Double]
    let online: [Double]
    let retrained: [Double]
  }
  let groups: [Group]

  /// How many viewers the batch model knew, the only ones whose drift it can miss.
  let knownViewers: Int

  init(
    _ replay: PrequentialReplay, stream: ArraySlice<Rating>, times: ArraySlice<Int>,
    drifting: DriftingCatalogue, warmUpCounts: [Int]
  ) {
    var indices: [[Int]] = [[], [], []]
    knownViewers = warmUpCounts.filter { $0 > 0 }.count
    for (offset, (rating, time)) in zip(stream, times).enumerated()
    where warmUpCounts[rating.user] > 0 {
      let group =
        drifting.drifts[rating.user] == nil ? 0 : drifting.hasDrifted(rating.user, by: time) ? 2 : 1
      indices[group].append(offset)
    }
    let names = [
      "Viewers whose taste stays", "Drifting viewers, before", "Drifting viewers, after",
    ]
    let users = stream.map(\.user)
    groups = zip(names, indices).map { name, group in
      Group(
        name: name,
        knownFrom: group.isEmpty
          ? 0 : Double(group.reduce(0) { $0 + warmUpCounts[users[$1]] }) / Double(group.count),
        frozen: group.map { replay.frozenErrors[$0] },
        online: group.map { replay.onlineErrors[$0] },
        retrained: group.map { replay.retrainedErrors[$0] })
    }
  }

  var table: TextTable {
    TextTable(
      columns: [
        .left("Events"), .right("Count"), .right("Known from"), .right("Frozen"),
        .right("Online"), .right("Retrained"),
      ],
      rows: groups.map { group in
        // An empty group has no error to show, not an error of zero.
        guard !group.frozen.isEmpty else { return [group.name, "0", "–", "–", "–", "–"] }
        return [
          group.name, grouped(group.frozen.count), fixed(group.knownFrom, 1),
          fixed(rootMeanSquare(group.frozen), 3), fixed(rootMeanSquare(group.online), 3),
          fixed(rootMeanSquare(group.retrained), 3),
        ]
      })
  }

  /// Whether `a`'s squared errors exceed `b`'s by more than two standard errors (independent
  /// events), with at least two of each.
  static func clearlyAbove(_ a: [Double], _ b: [Double]) -> Bool {
    guard a.count >= 2, b.count >= 2 else { return false }
    func meanAndVariance(_ x: [Double]) -> (Double, Double) {
      let squares = x.map { $0 * $0 }
      let mean = squares.reduce(0, +) / Double(squares.count)
      let variance =
        squares.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(squares.count - 1)
      return (mean, variance)
    }
    let (meanA, varianceA) = meanAndVariance(a)
    let (meanB, varianceB) = meanAndVariance(b)
    return meanA - meanB > 2
      * (varianceA / Double(a.count) + varianceB / Double(b.count)).squareRoot()
  }

  /// What drift does to the frozen model, and what updating recovers, from the table.
  var readings: [String] {
    let stable = groups[0]
    let after = groups[2]
    guard after.frozen.count >= 2 else {
      return ["Too few ratings in the stream come after a drift to say what it does."]
    }
    let frozenStable = rootMeanSquare(stable.frozen)
    let frozenAfter = rootMeanSquare(after.frozen)
    let hurts = Self.clearlyAbove(after.frozen, stable.frozen)
    // Known from: the rater's ratings in the warm-up part, on average over the events.
    let knownCounts = "(\(fixed(after.knownFrom, 1)) against \(fixed(stable.knownFrom, 1)))"
    let known =
      "Known from: the rater's ratings in the warm-up part, on average over the events. "
      + (!hurts
        ? "The batch model knew the drifting raters from \(fixed(after.knownFrom, 1)) and the "
          + "stable ones from \(fixed(stable.knownFrom, 1))."
        : after.knownFrom >= stable.knownFrom
          ? "The batch model knew the drifting raters from as many warm-up ratings as the "
            + "stable ones or more \(knownCounts), so the gap is not that of a viewer it barely "
            + "knew."
          : "It knew the drifting raters from fewer warm-up ratings \(knownCounts), so part of "
            + "the gap may be that of a viewer it knew less well.")
      + (groups[1].frozen.isEmpty || groups[1].knownFrom >= stable.knownFrom
        ? ""
        : " The events before a change come from viewers whose change falls in the stream, "
          + "known from only \(fixed(groups[1].knownFrom, 1)) warm-up ratings.")
    var drift =
      hurts
      ? "Drift is what a frozen model cannot follow: on the ratings given after a change of "
        + "taste it misses by \(fixed(frozenAfter, 3)), against \(fixed(frozenStable, 3)) on "
        + "viewers whose taste stays, a gap of more than two standard errors."
      : "On the ratings given after a change of taste the frozen model misses by "
        + "\(fixed(frozenAfter, 3)), against \(fixed(frozenStable, 3)) on viewers whose taste "
        + "stays: a difference within two standard errors, too small to blame on drift here."
    guard hurts else { return [drift, known] }
    let online = PairedComparison(after.frozen, after.online)
    let retrained = PairedComparison(after.frozen, after.retrained)
    let onlineAfter = rootMeanSquare(after.online)
    let gap = frozenAfter - frozenStable
    let recovered = (frozenAfter - onlineAfter) / gap
    drift += " "
    if online.secondIsBetter {
      drift +=
        "Updating online brings that to \(fixed(onlineAfter, 3)): "
        + (recovered >= 1
          ? "all of the gap and more, since online updates also help the stable viewers."
          : "\(percent(recovered, decimals: 0)) of the gap to the stable viewers recovered, one "
            + "step per rating.")
    } else if online.firstIsBetter {
      drift +=
        "Updating online makes it worse (\(fixed(onlineAfter, 3))): the steps do not "
        + "follow the new taste."
    } else {
      drift +=
        "Updating online gives \(fixed(onlineAfter, 3)), too close to the frozen model "
        + "to call: a few steps of γ per viewer do not yet follow the new taste."
    }
    drift +=
      retrained.secondIsBetter
      ? " Retraining reaches \(fixed(rootMeanSquare(after.retrained), 3)) on those ratings."
      : " Retraining, which mixes each viewer's old ratings with the new, reaches "
        + "\(fixed(rootMeanSquare(after.retrained), 3)), not clearly better than the frozen model."
    return [drift, known]
  }
}

/// Percentiles of the serving run's timings, and the update rate without serving.
struct Latency {
  let update: BenchmarkSummary
  let rerank: BenchmarkSummary
  let total: BenchmarkSummary
  let updatesPerSecond: Double
  let shownUpdate: Double
  let shownRerank: Double
  let totals: [Double]

  init(_ serving: ServingRun, updatesPerSecond: Double, shownIndex: Int) {
    update = BenchmarkSummary(samples: serving.updateNanoseconds)
    rerank = BenchmarkSummary(samples: serving.rerankNanoseconds)
    totals = serving.totalNanoseconds
    total = BenchmarkSummary(samples: totals)
    self.updatesPerSecond = updatesPerSecond
    shownUpdate = serving.updateNanoseconds[shownIndex]
    shownRerank = serving.rerankNanoseconds[shownIndex]
  }

  var table: TextTable {
    func row(_ name: String, _ s: BenchmarkSummary) -> [String] {
      [
        name, readableDuration(nanoseconds: s.percentile(50)),
        readableDuration(nanoseconds: s.percentile(99)), readableDuration(nanoseconds: s.maximum),
      ]
    }
    return TextTable(
      columns: [.left("Per event"), .right("p50"), .right("p99"), .right("Slowest")],
      rows: [
        row("online step", update), row("re-ranking", rerank), row("step + re-ranking", total),
      ])
  }

  func reading(build: BuildConfiguration, titles: Int) -> String {
    let p99 = total.percentile(99)
    let verdict =
      p99 < 1e6
      ? "well within the blog's milliseconds: 99% of events were learned from and served in "
        + "under \(readableDuration(nanoseconds: p99))"
      : "99% of events took under \(readableDuration(nanoseconds: p99)), more than a millisecond"
    return
      "The event of \"One event, one step\" took \(readableDuration(nanoseconds: shownUpdate)) "
      + "for its step and \(readableDuration(nanoseconds: shownRerank)) for its re-ranking: one "
      + "reading, which is why the table gives percentiles over "
      + "\(grouped(total.count)) events. Step plus re-ranking is " + verdict + ". Without "
      + "serving, one core takes \(grouped(Int(updatesPerSecond.rounded()))) online steps a "
      + "second"
      + (build == .debug
        ? ". This is a debug build, several times slower than an optimised one; quote the "
          + "numbers of swift run -c release."
        : ".")
  }
}

/// The "Try next" list, never repeating the run's own flags.
enum TryNext {
  static func suggestions(
    onCatalogue: Bool, settings: Settings, retrainEvery: Int, build: BuildConfiguration
  ) -> [String] {
    var list: [String] = []
    if settings.learningRate == nil {
      list.append(
        "--learning-rate \(onCatalogue ? "0.05" : "0.02"): bigger steps, batch and online; "
          + (onCatalogue
            ? "do online updates now follow the drift faster?" : "do online updates gain more?"))
    }
    let often = onCatalogue ? 50 : 2_500
    if retrainEvery != often {
      list.append(
        "--retrain-every \(often): retrain \(often < retrainEvery ? "more" : "less") often; "
          + "how does it compare with online updates then, and at what price?")
    }
    if settings.warmUp != 0.2 {
      list.append("--warm-up 0.2: a batch model that has seen little, and more newcomers")
    }
    if onCatalogue {
      if settings.common.seed != 7 { list.append("--seed 7: another catalogue and history") }
      list.append(
        "--ratings ml-100k/u.data --titles ml-100k/u.item, built with swift run -c release: "
          + "MovieLens 100k replayed by its timestamps (from grouplens.org)")
    } else if build == .debug {
      list.append("swift run -c release: the timings worth quoting")
    }
    list.append("swift run chapter-hash-tables: where the cached lists come from")
    list.append(
      "swift run chapter-at-scale: section 13, the Netflix Prize on one machine, in parallel")
    return list
  }
}
