// chapter-hash-tables: the blog's sidebar "Hash Tables - The Unsung Hero of Millisecond Scale"
// and the companion README's Netflix-scale projection, measured the way an engineer would.
//
//     swift run -c release chapter-hash-tables [--max-size N] [--quick] [--seed N]

import ChapterKit
import LookupTiming
import Recommender

struct Settings: ChapterSettings {
  var common = CommonOptions()
  /// The largest collection in the scaling run. A debug build stops a decade lower, because
  /// its linear search of 10⁷ keys alone would take longer than the rest of the chapter.
  var maxSize = BuildConfiguration.current == .release ? 10_000_000 : 1_000_000
  var quick = false

  static var options: [ChapterOption<Settings>] {
    [
      .integer(
        "--max-size", \.maxSize, atLeast: 100, atMost: 10_000_000,
        help: "largest collection in the scaling run (10⁶ in a debug build)"),
      .flag("--quick", \.quick, help: "sizes up to 10,000 and few samples, for tests and CI"),
    ] + .common(\.common)
  }
}

let info = ChapterInfo(
  command: "chapter-hash-tables",
  mirrors: "Blog section \"Sidebar: Hash Tables - The Unsung Hero of Millisecond Scale\" "
    + "(after section 9) and the companion README's \"Netflix Scale Projections\"",
  summary: "Times list search against hash lookup properly, from 10² keys to "
    + (BuildConfiguration.current == .release ? "10⁷" : "10⁶ (10⁷ in a release build)")
    + ", shows what a bad hash does, and projects the measurements to Netflix's scale.")
let settings: Settings = parseOrExit(info)
var charts = ChartOutput(settings.common, command: info.command)
let say = Narrator()
let build = BuildConfiguration.current
let seed = settings.common.seed
let budget: BenchmarkBudget = settings.quick ? .quick : .standard
let largestSize = settings.quick ? min(settings.maxSize, 10_000) : settings.maxSize
let releaseCommand = "swift run -c release \(info.command)"

say.banner(
  title: "Hash tables: the unsung hero of millisecond scale", mirrors: info.mirrors,
  command: releaseCommand)
say.line("Build configuration: \(build)")
say.blank()
if build == .debug {
  say.note(
    "This is a debug build, so every time below is several times slower than it would be "
      + "with optimisations. For numbers worth quoting: \(releaseCommand)")
}

// MARK: - The sidebar's experiment, as written

say.heading("The sidebar's experiment, as written")
let sidebarSize = 1_000_000
say.paragraph(
  "The sidebar fills a list with \(grouped(sidebarSize)) integers and a dictionary with the same "
    + "keys, draws one key at random, and reads the clock before and after a single search in "
    + "each. Here is the same in Swift: Array.contains for the list, a Dictionary<Int, String> "
    + "for the dictionary, the keys drawn from seed \(seed), the times printed as the listing "
    + "prints them.")
var random = NumpyRandom(seed: seed)
let largeList = Array(0..<sidebarSize)
let largeDictionary = Dictionary(uniqueKeysWithValues: largeList.map { ($0, "Value_\($0)") })
let listKey = random.nextInt(through: sidebarSize - 1)
let dictionaryKey = random.nextInt(through: sidebarSize - 1)
let listSearch = MonotonicClock.measure { largeList.contains(listKey) }
let dictionaryLookup = MonotonicClock.measure { largeDictionary[dictionaryKey] != nil }
func listingSeconds(_ nanoseconds: UInt64) -> String { fixed(Double(nanoseconds) / 1e9, 6) }
say.line("--- List Search Performance ---")
say.line("Searching for \(listKey) in a list of \(largeList.count) items:")
say.line(
  "Found: \(listSearch.result), Time taken: \(listingSeconds(listSearch.nanoseconds)) seconds")
say.blank()
say.line("--- Dictionary (Hash Table) Lookup Performance ---")
say.line("Looking up key \(dictionaryKey) in a dictionary of \(largeDictionary.count) items:")
say.line(
  "Found: \(dictionaryLookup.result), Time taken: "
    + "\(listingSeconds(dictionaryLookup.nanoseconds)) seconds")
say.blank()
let missingKey = sidebarSize
let listMiss = MonotonicClock.measure { largeList.contains(missingKey) }
let dictionaryMiss = MonotonicClock.measure { largeDictionary[missingKey] != nil }
say.paragraph(
  "The listing only asks for keys that exist. A missing key, \(missingKey), is the list's worst "
    + "case, since every element must be checked before the answer is no:")
say.line(
  "List:       Found: \(listMiss.result), Time taken: "
    + "\(listingSeconds(listMiss.nanoseconds)) seconds")
say.line(
  "Dictionary: Found: \(dictionaryMiss.result), Time taken: "
    + "\(listingSeconds(dictionaryMiss.nanoseconds)) seconds")
say.blank()

// MARK: - Why one timing is not a measurement

say.heading("Why one timing is not a measurement")
let clockInterval = MonotonicClock.readingInterval()
let repeats = (0..<7).map { _ in
  Double(MonotonicClock.measure { largeDictionary[dictionaryKey] != nil }.nanoseconds)
}
let examined = largeList.linearSearch(for: listKey).elementsExamined
let fastestRepeat = repeats.min()!
let sidebarReading = Double(dictionaryLookup.nanoseconds)
let clockShare = clockInterval.median / fastestRepeat
say.paragraph(
  "Those numbers are single readings, and a single reading says little. Three things are wrong "
    + "with it. First, the clock has a cost of its own: two readings with nothing in between are "
    + "\(significant(clockInterval.median)) ns apart (median of \(grouped(clockInterval.count)) "
    + "tries), \(percent(clockShare, decimals: 0)) of the fastest reading of a dictionary lookup "
    + "below" + (clockShare >= 0.5 ? ", so a reading that short mostly times the clock." : "."))
say.paragraph(
  "Second, readings of the same work disagree. The same lookup timed seven more times gives "
    + repeats.map { significant($0) }.joined(separator: ", ")
    + " ns; the slowest is \(timesText(repeats.max()! / fastestRepeat)) the fastest"
    + (sidebarReading > 2 * fastestRepeat
      ? ", and the sidebar's own reading of \(grouped(Int(sidebarReading))) ns, taken cold, "
        + "was \(timesText(sidebarReading / fastestRepeat)) it. "
      : ". ")
    + "Caches, the branch predictor and other processes all move a reading this short.")
say.paragraph(
  "Third, one key is one case. The list search stopped after \(grouped(examined)) elements "
    + "because that is where key \(listKey) sits; another seed draws another key and times a "
    + "different amount of work, and the missing key cost all \(grouped(sidebarSize)).")
say.paragraph("So every number from here on comes from a small harness that:")
say.bullets([
  "reads a monotonic clock, which only moves forward, instead of the wall clock",
  "runs lookups in batches, doubling a batch until it lasts at least "
    + readableDuration(nanoseconds: Double(budget.minimumSampleNanoseconds))
    + ", so the clock's cost disappears in the division",
  "warms up with \(budget.warmUpRounds) unrecorded "
    + (budget.warmUpRounds == 1 ? "batch" : "batches")
    + ", then records \(budget.sampleCount) "
    + "samples and reports their median with the fastest and slowest",
  "cycles through seeded random keys, a quarter of them absent, and counts the hits, so the "
    + "optimiser cannot skip the lookups",
])

// MARK: - Scaling from 10² keys up

say.heading("Scaling: from \(grouped(100)) to \(grouped(largestSize)) keys")
let sizes = LookupBenchmark.scalingSizes(from: 100, through: largestSize)
let benchmark = LookupBenchmark(budget: budget, sizes: sizes, seed: seed)
let structures: [LookupStructure] = [.linearSearch, .binarySearch, .set, .dictionary]
say.paragraph(
  "Now the same question at \(sizes.count) sizes: is this key stored? Four structures hold the "
    + "same n keys: an Array searched front to back (the sidebar's list, O(n)), a sorted Array "
    + "searched by halving (O(log n)), a Set and a Dictionary (hash tables, O(1) on average). "
    + "Each is built, measured and released before the next. One line per size as it finishes:")
var sizeStart = MonotonicClock.now()
let scaling = benchmark.run(structures: structures) { row in
  guard row.structure == structures.last else { return }
  let elapsed = Double(MonotonicClock.now() - sizeStart)
  say.line("  n = \(grouped(row.size)): measured in \(readableDuration(nanoseconds: elapsed))")
  sizeStart = MonotonicClock.now()
}
say.blank()
if build == .debug && !settings.quick && settings.maxSize == Settings().maxSize,
  let linearTop = scaling.largestResult(for: .linearSearch)
{
  let searchesNeeded =
    budget.minimumOperationsPerSample * (budget.sampleCount + budget.warmUpRounds + 1)
  let projected = linearTop.medianNanoseconds * 10_000_000 / Double(linearTop.size)
  say.paragraph(
    "This debug build stops at \(grouped(largestSize)). One linear search took "
      + "\(readableDuration(nanoseconds: linearTop.medianNanoseconds)) there; at 10,000,000 keys "
      + "it would take about \(readableDuration(nanoseconds: projected)), and the harness runs at "
      + "least \(searchesNeeded) of them, so that one row would add about "
      + "\(readableDuration(nanoseconds: projected * Double(searchesNeeded))). Pass --max-size "
      + "10000000 to wait for it anyway, or use the release build.")
}
say.table(Tables.scalingTable(scaling))
let smallest = sizes.first!
let largest = sizes.last!
if smallest < largest {
  let keyGrowth = Double(largest) / Double(smallest)
  func growth(_ structure: LookupStructure) -> Double {
    scaling.result(for: structure, size: largest)!.medianNanoseconds
      / scaling.result(for: structure, size: smallest)!.medianNanoseconds
  }
  func slope(_ structure: LookupStructure) -> String {
    fixed(scaling.growthExponent(of: structure, from: smallest, to: largest)!, 2)
  }
  say.paragraph(
    "From \(grouped(smallest)) to \(grouped(largest)) keys, \(timesText(keyGrowth)) as many, the "
      + "linear search's time grew \(timesText(growth(.linearSearch))), the binary search's "
      + "\(timesText(growth(.binarySearch))), the Set's \(timesText(growth(.set))) and the "
      + "Dictionary's \(timesText(growth(.dictionary))). On a log–log chart those are slopes of "
      + "\(slope(.linearSearch)), \(slope(.binarySearch)), \(slope(.set)) and "
      + "\(slope(.dictionary)): 1 means time grows with n, 0 means it does not grow at all.")
  if growth(.set) > 1.5 {
    say.paragraph(Tables.setGrowthReading(growth: growth(.set), keys: largest))
  }
} else {
  say.paragraph(
    "With --max-size \(grouped(largest)) there is only one size, so there is no growth to read: "
      + "how a cost grows needs at least two sizes. Pass a larger --max-size, 1000 say, to see it.")
}

// MARK: - A bad hash: every key collides

say.heading("A bad hash turns a hash table into a list")
let collisionSizes =
  settings.quick ? [10, 30, 100, 300, 1_000] : [10, 30, 100, 300, 1_000, 3_000, 10_000]
say.paragraph(
  "A hash table is only as good as its hash. ConstantHashKey is an integer key whose hash "
    + "value is the same for every key, so all keys land in one probe chain and a lookup "
    + "compares against them one after another. Here is a Set of such keys against an ordinary "
    + "Set<Int>, from \(grouped(collisionSizes.first!)) to \(grouped(collisionSizes.last!)) "
    + "keys (building it costs O(n²), so it stays small), in nanoseconds per lookup:")
let collisions = LookupBenchmark(budget: budget, sizes: collisionSizes, seed: seed)
  .run(structures: [.set, .constantHashSet])
say.table(Tables.collisionTable(collisions))
let collisionWorkloads = LookupBenchmark(budget: budget, sizes: collisionSizes, seed: seed)
let answeredCorrectly = collisions.rows.allSatisfy {
  $0.hits == collisionWorkloads.workload(size: $0.size).expectedHits(forLookups: $0.lookups)
}
let bendFrom = collisionSizes[collisionSizes.count - 3]
let bendTo = collisionSizes.last!
let constantSlope = collisions.growthExponent(of: .constantHashSet, from: bendFrom, to: bendTo)!
let setSlope = collisions.growthExponent(of: .set, from: bendFrom, to: bendTo)!
let collisionBuild = MonotonicClock.measure {
  Set((0..<bendTo).map(ConstantHashKey.init)).count
}
let ordinaryBuild = MonotonicClock.measure { Set(0..<bendTo).count }
say.paragraph(
  "Between \(grouped(bendFrom)) and \(grouped(bendTo)) keys the constant-hash set's line has "
    + "slope \(fixed(constantSlope, 2)) on the log–log chart, the ordinary Set's "
    + "\(fixed(setSlope, 2)): "
    + (constantSlope > 0.5 ? "the curve has bent up into linear-search territory. " : "")
    + (answeredCorrectly
      ? "Every lookup still gave the right answer (the hits match the keys stored); it just "
        + "stopped being fast. "
      : "Some lookups gave wrong answers, which should never happen. ")
    + "Building it is worse: each insert walks the whole chain, so \(grouped(bendTo)) inserts took "
    + "\(readableDuration(nanoseconds: Double(collisionBuild.nanoseconds))) against "
    + "\(readableDuration(nanoseconds: Double(ordinaryBuild.nanoseconds))) for the Set<Int> "
    + "(one reading each, long enough that the clock's cost does not matter).")
say.paragraph(
  "That is the attack called hash flooding: if a server hashes request data such as form "
    + "fields or JSON keys with a hash function everyone knows, an attacker can send thousands "
    + "of keys that all collide and make every insert scan all the keys before it. Swift's "
    + "Hasher is seeded randomly when a process starts, so nobody can work out colliding keys in "
    + "advance: in this process 42.hashValue is \(42.hashValue), and Swift promises nothing "
    + "about it in the next.")

// MARK: - Netflix scale

say.heading("Netflix scale, projected from these measurements")
let linearRow = scaling.largestResult(for: .linearSearch)!
let hashRow = scaling.largestResult(for: .dictionary)!
let projection = NetflixProjection(linearSearch: linearRow, hashLookup: hashRow)
let scanned = NetflixProjection.expectedElementsScanned(
  size: linearRow.size, absentFraction: linearRow.observedAbsentFraction)
say.paragraph(
  "The companion repository's README projects Netflix's scale (230 million profiles, 15,000 "
    + "titles) from the Python sidebar. The same projection from this run: a linear search of "
    + "\(grouped(linearRow.size)) keys took "
    + "\(readableDuration(nanoseconds: linearRow.medianNanoseconds)); such a search examines "
    + "\(grouped(Int(scanned.rounded()))) elements on average (a quarter of the keys are absent "
    + "and cost all of them), so one element costs "
    + "\(significant(projection.nanosecondsPerElementScanned)) ns. A Dictionary of "
    + "\(grouped(hashRow.size)) keys answered in "
    + "\(readableDuration(nanoseconds: hashRow.medianNanoseconds)). Scaling the scan up and "
    + "keeping the hash lookup constant:")
say.table(Tables.projectionTable(projection, build: build))
let readmeRatio =
  NetflixProjection.quotedLinearSearchSeconds / NetflixProjection.quotedHashLookupSeconds
let impliedPerElement =
  NetflixProjection.quotedLinearSearchSeconds / Double(NetflixProjection.titleCount) * 1e9
say.paragraph(
  "The left column was measured in this run on this machine; the right one holds the Python "
    + "companion README's figures, quoted as published. The README does not say what its linear "
    + "search scans; its time is \(grouped(Int(readmeRatio.rounded()))) × its hash lookup, which "
    + "over \(grouped(NetflixProjection.titleCount)) titles means "
    + "\(significant(impliedPerElement)) ns per title examined. This run examined one element "
    + "in \(significant(projection.nanosecondsPerElementScanned)) ns, so over the titles its "
    + "speedup is \(timesText(projection.titleSpeedup))"
    + (projection.titleSpeedup < NetflixProjection.quotedSpeedup
      ? ", smaller than the README's: a compiled scan of machine integers is cheap per element. "
      : ", at least the README's. ")
    + "At \(grouped(NetflixProjection.profileCount)) profiles the gap is "
    + "\(timesText(projection.profileSpeedup)): a scan would take "
    + "\(readableDuration(nanoseconds: projection.profileScanSeconds * 1e9)) per request, "
    + "while a hash lookup, O(1), stays at "
    + "\(readableDuration(nanoseconds: projection.hashLookupNanoseconds)).")

// MARK: - Where a recommender uses hash tables

say.heading("Where a recommender uses hash tables")
let viewerCount = settings.quick ? 100 : 200
let titleCount = settings.quick ? 1_500 : NetflixProjection.titleCount
let listLength = 10
let catalogue = SyntheticCatalogue(
  recipe: .init(users: viewerCount, items: titleCount, density: 0.01), seed: seed)
var modelRandom = NumpyRandom(seed: seed)
var training = MatrixFactorization(
  users: viewerCount, items: titleCount, factors: 16, initialisation: .normal, usesBiases: true,
  globalMean: 3.5, random: &modelRandom)
var trainer = SGDTrainer(
  settings: .init(learningRate: 0.01, biasLearningRate: 0.01, regularization: 0.05),
  ratings: catalogue.dataset.ratings)
do {
  _ = try trainer.train(&training, epochs: 10)
} catch {
  exitWithError(.failure(error.description), command: info.command)
}
let model = training
// Account ids are large and sparse, unlike the model's rows 0..<viewers: a hash table joins them.
var accountIDs: [Int] = []
var issued = Set<Int>()
while accountIDs.count < viewerCount {
  let id = 10_000_000 + random.nextInt(through: 89_999_999)
  if issued.insert(id).inserted { accountIDs.append(id) }
}
let profileStore = Dictionary(uniqueKeysWithValues: accountIDs.enumerated().map { ($1, $0) })
let requests = (0..<1_024).map { _ in accountIDs[random.nextInt(through: viewerCount - 1)] }
func scoreEveryTitle(row: Int) -> [Int] {
  topN(count: listLength, titleCount: titleCount) { model.predict(user: row, item: $0) }
}
say.paragraph(
  "Back to the sidebar's claim: hash tables get recommendations to viewers in milliseconds. "
    + "A small service shows how. A matrix-factorization model (16 factors, trained for 10 "
    + "epochs on \(grouped(catalogue.dataset.ratings.count)) synthetic ratings) knows "
    + "\(grouped(viewerCount)) viewers and \(grouped(titleCount)) titles. Viewers arrive with "
    + "account ids such as \(accountIDs[0]), not row numbers, so a profile store, a "
    + "Dictionary<Int, Int> from account id to model row, is the first lookup of every request. "
    + "Then there are two ways to answer \"top \(listLength) for this viewer\":")
let (cache, precomputeNanoseconds) = MonotonicClock.measure {
  topNCache(users: 0..<viewerCount, count: listLength, titleCount: titleCount) {
    model.predict(user: $0, item: $1)
  }
}
say.bullets([
  "score all \(grouped(titleCount)) titles with the model on every request and keep the best "
    + "\(listLength)",
  "precompute every viewer's list once into a Dictionary<Int, [Int]> and fetch it",
])
let mask = requests.count - 1  // a power of two, so `&` picks a request without a division
// Scoring varies little from viewer to viewer, so one request per batch is enough.
var servingBudget = budget
servingBudget.minimumOperationsPerSample = 1
let scored = OperationBenchmark.measure(budget: servingBudget) { number in
  scoreEveryTitle(row: profileStore[requests[number & mask]]!)[0]
}
let fetched = OperationBenchmark.measure(budget: budget) { number in
  cache[profileStore[requests[number & mask]]!]![0]
}
let agreeing = requests.prefix(20).allSatisfy {
  let row = profileStore[$0]!
  return cache[row]! == scoreEveryTitle(row: row)
}
let scoreTime = scored.nanosecondsPerOperation.median
let fetchTime = fetched.nanosecondsPerOperation.median
let perViewer = Double(precomputeNanoseconds) / Double(viewerCount)
say.table(
  TextTable(
    columns: [.left("Serving path"), .right("Median per request"), .right("Min–max")],
    rows: [scored, fetched].enumerated().map { index, measured in
      let summary = measured.nanosecondsPerOperation
      return [
        index == 0 ? "profile lookup + score every title" : "profile lookup + cached list",
        readableDuration(nanoseconds: summary.median),
        readableDuration(nanoseconds: summary.minimum) + "–"
          + readableDuration(nanoseconds: summary.maximum),
      ]
    }))
say.paragraph(
  Tables.servingComparison(scoreNanoseconds: scoreTime, fetchNanoseconds: fetchTime) + ", and "
    + (agreeing
      ? "for the first 20 requests the cache returned exactly the titles scoring would. "
      : "for some of the first 20 requests the cache disagreed with scoring, which it should not. ")
    + "The price is paid up front: precomputing all \(grouped(viewerCount)) lists took "
    + "\(readableDuration(nanoseconds: Double(precomputeNanoseconds))) "
    + "(\(readableDuration(nanoseconds: perViewer)) per viewer); at that rate "
    + "\(grouped(NetflixProjection.profileCount)) profiles would need "
    + "\(readableDuration(nanoseconds: perViewer * Double(NetflixProjection.profileCount))) of "
    + "computing per refresh, done in batch on many machines while the cache answers requests, "
    + "and done again whenever the model is retrained.")

// MARK: - Build configuration

say.heading("Build configuration")
say.line("Build configuration: \(build)")
say.blank()
if build == .debug {
  say.paragraph(
    "Debug builds keep every safety check and skip inlining and specialisation, so the times "
      + "above are typically several times what an optimised build measures. For the real "
      + "thing:")
  say.line("    \(releaseCommand)")
  say.blank()
} else {
  say.paragraph("An optimised build: these are the numbers worth quoting, for this machine.")
}

// MARK: - Charts

if charts.isEnabled {
  say.paragraph(
    "Unlike the other chapters' charts, these two are measurements: run the chapter again and "
      + "the lines move a little, so the files differ from run to run.")
}
charts.write(
  Figures.performanceChart(scaling: scaling, collisions: collisions, build: build),
  named: "hash-table-performance.svg")
charts.write(
  Figures.speedupChart(scaling: scaling, collisions: collisions, build: build),
  named: "hash-table-speedup.svg")
charts.writeAll(reportingTo: say)

// MARK: - What to try next

say.heading("Try next")
// Each suggestion is offered only when it would change this run.
var next: [String] = []
if settings.quick {
  next.append("without --quick: the full scaling run, more samples per size")
} else if settings.maxSize != 100_000 {
  next.append(
    "--max-size 100000: a scaling run that stops at 10⁵ keys"
      + (settings.maxSize < 100_000 ? ", further than this one" : ", shorter than this one"))
}
if seed != 7 {
  next.append("--seed 7: other keys and viewers; the shape of the curves should not change")
}
next.append(
  build == .debug
    ? "\(releaseCommand): the same chapter with optimisations, up to 10⁷ keys"
    : "swift run \(info.command): the debug build, to see what optimisation is worth")
next.append("swift run chapter-complete-demo: everything together, end to end")
say.bullets(next)
