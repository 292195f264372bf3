import ChapterKit
import LookupTiming
import Recommender

/// The chapter's tables and the sentences that read them.
enum Tables {
  static func shape(_ shape: DataShape) -> TextTable {
    let prize = Double(PrizeShapedRatings.prizeRatings)
    let prizeDensity = prize / (Double(PrizeShapedRatings.prizeUsers) * 17_770)
    return TextTable(
      columns: [
        .init(""), .init("Viewers", .right), .init("Titles", .right), .init("Ratings", .right),
        .init("Density", .right), .init("Per viewer", .right), .init("Packed", .right),
      ],
      rows: [
        [
          "Prize", grouped(PrizeShapedRatings.prizeUsers),
          grouped(PrizeShapedRatings.prizeMovies), grouped(PrizeShapedRatings.prizeRatings),
          percent(prizeDensity, decimals: 2),
          fixed(prize / Double(PrizeShapedRatings.prizeUsers), 0),
          bytesText(prize * Double(MemoryLayout<PackedRating>.stride)),
        ],
        [
          "Scale \(shape.scale)", grouped(shape.users), grouped(shape.items),
          grouped(shape.ratings), percent(shape.density, decimals: 2),
          fixed(shape.meanPerViewer, 0), bytesText(Double(shape.packedBytes)),
        ],
      ])
  }

  static func shapeReading(_ shape: DataShape) -> String {
    "The viewers and ratings scale with --scale and the titles do not, so the density and the "
      + "ratings per viewer stay the Prize's. The spread does too: the median viewer rated "
      + "\(grouped(shape.medianPerViewer)) titles and the busiest \(grouped(shape.maxPerViewer)), "
      + "and the most-rated 1% of titles (\(grouped(shape.topTitles))) hold "
      + "\(percent(shape.topTitlesShare)) of the ratings"
      + (shape.unratedTitles > 0
        ? ", while \(grouped(shape.unratedTitles)) titles have no rating at all at this scale. "
        : ". ")
      + "The mean is \(fixed(shape.meanStars, 2)) stars, and \(grouped(shape.probe)) ratings are "
      + "held out as the probe set."
  }

  /// The methods compared, one bullet each; `blocked` is DSGD's grid.
  static func methodBullets(
    workers: Int, blocked: BlockedRatings, k: Int, method: Method
  ) -> [String] {
    let bullets: [(Method, String)] = [
      (
        .sgd,
        "Sequential SGD: one worker visits every training rating once per epoch in a shuffled "
          + "order, with the SGD step of the earlier chapters (γ = 0.01 for factors and biases, λ = 0.05), "
          + "computed by the trainer's own fast loop, which the tests hold to the step's "
          + "definition: to the last bit for k below 16, to rounding above."
      ),
      (.dsgd, dsgdBullet(workers: workers, blocked: blocked, k: k, method: method)),
      (
        .als,
        "ALS: with every title's qᵢ and bᵢ fixed, each viewer's (pᵤ, bᵤ) is solved exactly, a "
          + "(k + 1) × (k + 1) ridge system by Cholesky; then each title's with the viewers fixed. "
          + "λ = \(Hyperparameters.alsLambda), weighted by each row's number of ratings as Spark "
          + "MLlib does; the rows are split over \(workers) "
          + (workers == 1 ? "worker." : "workers.")
      ),
      (
        .hogwild,
        "Hogwild!: \(workers) "
          + (workers == 1
            ? "worker takes the shuffled ratings and updates"
            : "workers share the shuffled ratings and update")
          + " P and Q with no locks at all. Its races make its "
          + "numbers differ from run to run, so they are in the next section with the timings."
      ),
    ]
    return bullets.filter { method.includes($0.0) }.map(\.1)
  }

  static func dsgdBullet(
    workers: Int, blocked data: BlockedRatings, k: Int, method: Method
  ) -> String {
    let blocks = data.strata
    guard blocks > 1 else {
      return "DSGD with one block has one sub-epoch per epoch and one worker: it is the "
        + "sequential trainer" + (method.includes(.sgd) ? ", so it is not run twice." : ".")
    }
    let titles = Double(
      BlockedRatings.largestStratum(count: data.items, strata: blocks, run: data.itemRun))
    let bytes = titles * Double(k * MemoryLayout<Double>.stride)
    let budget = Double(BlockedRatings.cacheBudget)
    let sharing =
      workers == 1
      ? "one after another by the one worker; more workers could train them at once with no "
        + "locks on P and Q, and the result would not change"
      : "\(workers) workers share them out with no locks on P and Q, each taking the next "
        + "block when it finishes one"
        // With 2 × 2 blocks, a block waits for both blocks of the sub-epoch before it.
        + (blocks > 2
          ? ", even a block of the next sub-epoch once the blocks before it in its viewers' "
            + "and its titles' strata are done"
          : "")
        + "; the result does not depend on which worker trains which block"
    return "DSGD: the ratings cut into \(blocks) × \(blocks) blocks, "
      + dealing(userRun: data.userRun, itemRun: data.itemRun, strata: blocks)
      + ". Each epoch has \(blocks) sub-epochs; in each, "
      + "\(blocks) blocks that share no viewer and no title are trained: \(sharing). A block "
      + "touches the rows of at most "
      + "\(grouped(Int(titles.rounded()))) titles, \(bytesText(bytes)) of Q at k = \(k): "
      + (bytes <= budget
        ? "few enough to stay in the processor's cache while the block is trained"
          + (blocks > workers
            && blocks == BlockedRatings.strata(items: data.items, factors: k, workers: workers)
            ? ", which is why there are more blocks than workers" : "")
        : "more than the \(bytesText(budget)) this chapter aims for, so steps read some of them "
          + "from slower caches or main memory")
      + ". Within a block the ratings come viewer by viewer, each viewer's in a shuffled order, "
      + "so a viewer's pᵤ is read from memory once per block rather than once per rating."
  }

  /// How the ids went to the strata, and what that does for the cache lines the workers write.
  static func dealing(userRun: Int, itemRun: Int, strata: Int) -> String {
    func runs(_ run: Int) -> String {
      run == 1 ? "one by one" : "in runs of \(run) neighbouring ids"
    }
    let dealt =
      userRun == itemRun
      ? "viewers and titles dealt to the \(strata) strata of each side \(runs(userRun))"
      : "viewers dealt to the \(strata) row strata \(runs(userRun)) and titles to the "
        + "\(strata) column strata \(runs(itemRun))"
    let tooFew = "to give every stratum eight runs of eight"
    switch (userRun > 1, itemRun > 1) {
    case (true, true):
      return dealt + ", so that two workers seldom write the same cache line"
    case (false, true):
      return dealt + ", so that two workers seldom write the same cache line of the titles' "
        + "parameters; there are too few viewers \(tooFew), so the lines of their biases are "
        + "shared"
    case (true, false):
      return dealt + ", so that two workers seldom write the same cache line of the viewers' "
        + "parameters; there are too few titles \(tooFew), so the lines of their biases are "
        + "shared"
    case (false, false):
      return dealt + ": there are too few ids \(tooFew), so the workers share the cache "
        + "lines of the biases"
    }
  }

  static func blocksReading(single: TrainingRun, sequential: TrainingRun, blocks: Int) -> String {
    let ratio = sequential.medianNanoseconds / single.medianNanoseconds
    let rates =
      "One worker over the \(blocks) × \(blocks) blocks trained "
      + "\(grouped(Int(single.ratingsPerSecond))) ratings a second; the sequential trainer, one "
      + "worker over the whole shuffled set, \(grouped(Int(sequential.ratingsPerSecond))): "
    if ratio >= 1.1 {
      return rates + "the blocks alone made one worker \(fixed(ratio, 2))× as fast, before any "
        + "parallelism: a block's rows of Q can stay in the cache while it is trained, and each "
        + "viewer's pᵤ is read once per block."
    }
    if ratio <= 1 / 1.1 {
      return rates + "the blocks made one worker slower on this run (\(fixed(ratio, 2))×): "
        + "at this size the blocks save little waiting for memory and add bookkeeping, and on a "
        + "shared machine a difference of milliseconds is partly noise."
    }
    return rates + "about the same speed (within 10%): on this run the blocks gained nothing "
      + "from the cache. Try a larger --scale and --factors in a release build, where the rows "
      + "outgrow the cache."
  }

  static func rmsePerEpoch(_ runs: [TrainingRun]) -> TextTable {
    TextTable(
      columns: [.init("Epoch", .right)] + runs.map { .init($0.name, .right) },
      rows: runs[0].rmse.indices.map { epoch in
        ["\(epoch + 1)"] + runs.map { fixed($0.rmse[epoch], 4) }
      })
  }

  /// An RMSE as the tables print it, to four decimals.
  static func printed(_ rmse: Double) -> Double { Double(fixed(rmse, 4)) ?? rmse }

  /// "a difference of 0.0012, too small to matter" or "0.0213 better", from the RMSEs as
  /// printed, so that the reader can check it by subtracting.
  static func difference(_ a: Double, _ b: Double, _ aName: String, _ bName: String) -> String {
    let gap = abs(printed(a) - printed(b))
    if gap < 0.005 {
      // Printed to four decimals, a gap under 0.00005 would read "0.0000".
      let size = gap < 0.00005 ? "less than 0.0001" : fixed(gap, 4)
      return "a difference of \(size) stars, too small to matter (we call anything "
        + "under 0.005 a tie)"
    }
    return "\(aName) \(a < b ? "better" : "worse") than \(bName) by \(fixed(gap, 4)) stars"
  }

  static func accuracyReading(_ runs: [TrainingRun], baseline: Double, workers: Int) -> [String] {
    var sentences: [String] = []
    let epochs = runs[0].rmse.count
    let sequential = runs.first { $0.name == "Sequential SGD" }
    let dsgd = runs.first { $0.name.hasPrefix("DSGD") }
    let als = runs.first { $0.name == "ALS" }
    if let sequential, let dsgd {
      let a = dsgd.rmse.last!
      let b = sequential.rmse.last!
      let worst = zip(dsgd.rmse, sequential.rmse).map { abs(printed($0) - printed($1)) }.max()!
      sentences.append(
        "After \(epochs) " + (epochs == 1 ? "epoch" : "epochs") + " DSGD reached "
          + "\(fixed(a, 4)) and the sequential trainer \(fixed(b, 4)): "
          + difference(a, b, "DSGD", "sequential SGD") + ". The two curves are never more than "
          + "\(fixed(worst, 4)) apart: cutting the ratings into blocks, visited viewer by viewer, "
          + "changes the order the ratings are visited in, and the blocks' independence is what lets "
          + "\(workers) workers train at once.")
    }
    if let als, let sgd = sequential ?? dsgd {
      let ahead = als.rmse[0] < sgd.rmse[0]
      let firstLead: Int? = als.rmse.indices.first { als.rmse[$0] < sgd.rmse[$0] }
      let lead: String =
        firstLead.map { "; it first led after epoch \($0 + 1)." }
        ?? "; it did not lead within these epochs."
      let start: String =
        ahead
        ? ", already ahead: each half-step jumps to the best rows for the fixed other side, "
          + "where SGD takes many small steps."
        : ", not yet ahead: its first half-step fits every viewer to titles that are still "
          + "random" + lead
      sentences.append(
        "ALS reached \(fixed(als.rmse.last!, 4)) against SGD's \(fixed(sgd.rmse.last!, 4)): "
          + difference(als.rmse.last!, sgd.rmse.last!, "ALS", "SGD") + ". After one epoch it "
          + "stood at \(fixed(als.rmse[0], 4)) against \(fixed(sgd.rmse[0], 4))" + start)
    }
    let improved = runs.filter { $0.rmse.last! < baseline }
    sentences.append(
      runs.count == 1 && improved.count == 1
        ? "\(runs[0].name) ended below the untrained model's \(fixed(baseline, 4))."
        : improved.count == runs.count
          ? "Every method trained here ended below the untrained model's \(fixed(baseline, 4))."
          : "Not every method ended below the untrained model's \(fixed(baseline, 4)): "
            + runs.filter { $0.rmse.last! >= baseline }.map(\.name).joined(separator: ", ")
            + " did not; more epochs may help.")
    return sentences
  }

  static func speedIntroduction(
    build: BuildConfiguration, cores: Int, shape: DataShape, nanoseconds: Double, workers: Int
  ) -> [String] {
    [
      "Everything in this section is measured, so it differs from run to run. This is a "
        + "\(build) build on a machine with \(cores) "
        + (cores == 1 ? "core" : "cores") + " that other programs may share"
        + (build == .debug
          ? "; the recommender library is optimised even in debug, but for numbers worth "
            + "quoting use swift run -c release."
          : "."),
      "Generating the \(grouped(shape.ratings)) ratings took "
        + "\(readableDuration(nanoseconds: nanoseconds)) with \(workers) "
        + (workers == 1 ? "worker" : "workers") + ", "
        + "\(significant(Double(shape.ratings) / (nanoseconds / 1e9) / 1e6)) million a second.",
    ]
  }

  static func speedups(_ speedups: [(workers: Int, run: TrainingRun)]) -> TextTable {
    let base = speedups[0].run.medianNanoseconds
    return TextTable(
      columns: [
        .init("DSGD workers", .right), .init("Median epoch", .right),
        .init("Ratings per second", .right), .init("Speedup", .right),
      ],
      rows: speedups.map { p, run in
        [
          "\(p)", readableDuration(nanoseconds: run.medianNanoseconds),
          grouped(Int(run.ratingsPerSecond)), fixed(base / run.medianNanoseconds, 2) + "×",
        ]
      })
  }

  static func speedupReading(_ speedups: [(workers: Int, run: TrainingRun)], cores: Int, k: Int)
    -> String
  {
    let epochs = speedups[0].run.epochNanoseconds.count
    let timing =
      (epochs == 1 ? "Each row is one epoch" : "Each row is the median of \(epochs) epochs")
      + " at k = \(k)."
    guard let last = speedups.last, last.workers > 1 else {
      return timing + " With one worker there is nothing to compare; pass --workers 2 or more."
    }
    let speedup = speedups[0].run.medianNanoseconds / last.run.medianNanoseconds
    // The ideal is one worker's rate times the workers that can run at once.
    let ideal = min(last.workers, max(cores, 1))
    let verdict: String
    if speedup > 1.1 * Double(ideal) {
      verdict =
        "more than the \(ideal)× that \(ideal) " + (ideal == 1 ? "core gives" : "cores give")
        + " by arithmetic alone: a slow one-worker epoch (cold caches, another program on "
        + "the machine) or the extra cache each core brings can do that, so this row overstates "
        + "what the workers add; run it again"
    } else if speedup >= 0.9 * Double(ideal) {
      verdict = "close to the ideal \(ideal)×"
    } else if speedup > 1.1 {
      verdict =
        "a real gain, short of the ideal \(ideal)×: a block waits for the blocks before "
        + "it, the workers share the memory bus, and other programs share the cores"
    } else if speedup >= 0.9 {
      verdict =
        "no gain on this run: small blocks, waiting for the slowest one, and cores "
        + "shared with other programs can eat the whole of it"
    } else {
      verdict =
        "slower than one worker on this run: with epochs this short, starting the workers, "
        + "handing out the blocks and waiting for the last one, and cores shared with other "
        + "programs, cost more than the second worker brings"
    }
    return timing + " With \(last.workers) workers DSGD ran at \(fixed(speedup, 2))× the "
      + "single-worker rate, \(verdict)."
      + (last.workers > cores
        ? " Beyond this machine's \(cores) cores the extra workers take turns on the same cores."
        : "")
  }

  static func hogwildReading(_ hogwild: TrainingRun, sequential: TrainingRun?, workers: Int)
    -> String
  {
    let epochs = hogwild.rmse.count
    var text =
      "Hogwild! reached a probe RMSE of \(fixed(hogwild.rmse.last!, 4)) after \(epochs) "
      + (epochs == 1 ? "epoch" : "epochs")
      + (workers == 1
        ? " (with one worker nothing races: this is the sequential trainer)"
        : " (its races make this number differ from run to run)")
    if let sequential {
      text +=
        "; the sequential trainer reached \(fixed(sequential.rmse.last!, 4)), "
        + difference(hogwild.rmse.last!, sequential.rmse.last!, "Hogwild!", "sequential SGD")
        + ". Its median epoch took \(readableDuration(nanoseconds: hogwild.medianNanoseconds)) "
        + "against \(readableDuration(nanoseconds: sequential.medianNanoseconds)) for one worker"
    }
    return text + ". Hogwild!'s bet is that with sparse data two workers seldom write the same "
      + "row at once, and that an occasional lost update is noise SGD already tolerates."
  }

  static func alsSpeedReading(_ als: TrainingRun, sgd: TrainingRun?, workers: Int, k: Int)
    -> String
  {
    var text =
      "An ALS epoch took \(readableDuration(nanoseconds: als.medianNanoseconds)) with \(workers) "
      + (workers == 1 ? "worker" : "workers")
    if let sgd {
      let ratio = als.medianNanoseconds / sgd.medianNanoseconds
      text += ", \(timesText(ratio)) a one-worker SGD epoch"
    }
    return text + ": it does O(k²) work per rating and O(k³) per viewer and title (k = \(k)) "
      + "where SGD does O(k) per rating. What it buys is rows that are solved independently, "
      + "no learning rate to tune, and few epochs, which is why Spark ships it."
  }

  static func tryNext(_ settings: Settings) -> [String] {
    [
      "swift run chapter-at-scale --workers 1 --blocks 1, then --blocks 16, then --workers 4: "
        + "DSGD with one block is the sequential trainer; compare the rates of a finer grid with "
        + "the default one; workers beyond the cores take turns on them.",
      "swift run chapter-at-scale --nodes 3, then --nodes 100: with few nodes each one that "
        + "leaves takes a large share of the viewers with it, on the ring too.",
      "swift run -c release chapter-at-scale --scale 1 --factors 100 --method dsgd --epochs 1: "
        + "the whole Prize-sized set in about 2 GB of memory; the speed table says how long an "
        + "epoch takes on your machine.",
      "Next: chapter-ab-testing, which asks whether a change like these helps viewers at all.",
    ]
  }
}
