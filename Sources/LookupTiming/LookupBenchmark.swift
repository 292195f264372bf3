/// Measures nanoseconds per lookup for each ``LookupStructure`` at growing sizes.
///
/// The sidebar reads a wall clock around one lookup; here each (structure, size) is built
/// once, calibrated so a timed batch lasts long enough to read the clock meaningfully, warmed
/// up, and sampled several times (see ``BenchmarkBudget``). Every structure answers the same
/// seeded keys (see ``LookupWorkload``), a share of them absent, and the hits are counted and
/// returned so the optimiser cannot skip the lookups.
public struct LookupBenchmark: Sendable {
  /// Samples and batch bounds per (structure, size).
  public var budget: BenchmarkBudget
  /// The sizes a scaling run measures, in order.
  public var sizes: [Int]
  /// The share of lookup keys that are not stored.
  public var absentFraction: Double
  /// How many distinct lookup keys each workload draws (lookups cycle through them).
  public var keyPoolSize: Int
  /// The seed of the key choice.
  public var seed: UInt32

  /// A benchmark with every setting given.
  ///
  /// - Parameters:
  ///   - budget: Samples and batch bounds.
  ///   - sizes: Sizes for ``run(structures:onResult:)``, each at least 1.
  ///   - absentFraction: Share of absent lookup keys, in 0...1.
  ///   - keyPoolSize: Distinct lookup keys per workload, at least 1.
  ///   - seed: Seed for choosing the keys.
  public init(
    budget: BenchmarkBudget, sizes: [Int], absentFraction: Double = 0.25,
    keyPoolSize: Int = 1_024, seed: UInt32 = 42
  ) {
    precondition(sizes.allSatisfy { $0 >= 1 }, "sizes must be positive")
    precondition((0...1).contains(absentFraction), "the absent fraction must lie in 0...1")
    precondition(keyPoolSize >= 1, "at least one lookup key")
    self.budget = budget
    self.sizes = sizes
    self.absentFraction = absentFraction
    self.keyPoolSize = keyPoolSize
    self.seed = seed
  }

  /// For tests and CI: sizes 10, 100, 1,000 with the ``BenchmarkBudget/quick`` budget; well
  /// under a second even in a debug build.
  public static let quick = LookupBenchmark(
    budget: .quick, sizes: [10, 100, 1_000], keyPoolSize: 256)

  /// For chapters: sizes 10², 10³, …, 10⁷ with the ``BenchmarkBudget/standard`` budget. In a
  /// release build the whole run takes seconds; the biggest structure alive at any time is one
  /// `Dictionary` of 10⁷ entries (about 270 MB).
  public static let standard = LookupBenchmark(
    budget: .standard, sizes: [100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000])

  /// Sizes growing by factors of ten from `smallest` up to `largest`, ending at `largest`.
  ///
  /// `scalingSizes(from: 100, through: 1_000_000)` is 10², 10³, …, 10⁶. A `largest` that is not
  /// `smallest` times a power of ten ends the list after the last power below it:
  /// `scalingSizes(from: 100, through: 3_000)` is [100, 1,000, 3,000].
  ///
  /// - Parameters:
  ///   - smallest: The first size, at least 1.
  ///   - largest: The last size, at least `smallest`.
  public static func scalingSizes(from smallest: Int, through largest: Int) -> [Int] {
    precondition(smallest >= 1 && largest >= smallest, "sizes must satisfy 1 ≤ smallest ≤ largest")
    var sizes: [Int] = []
    var size = smallest
    while size <= largest {
      sizes.append(size)
      // Stop before the multiplication could overflow.
      guard size <= largest / 10 else { break }
      size *= 10
    }
    if sizes.last != largest { sizes.append(largest) }
    return sizes
  }

  /// The keys stored and looked up at `size`.
  ///
  /// - Parameters:
  ///   - size: The number of stored keys.
  public func workload(size: Int) -> LookupWorkload {
    LookupWorkload(size: size, keyCount: keyPoolSize, absentFraction: absentFraction, seed: seed)
  }

  /// Builds `structure` over `size` keys, measures it, and releases it.
  ///
  /// - Parameters:
  ///   - structure: The structure to measure.
  ///   - size: The number of stored keys.
  /// - Complexity: The build dominates for fast structures: O(n), or O(n²) for
  ///   ``LookupStructure/constantHashSet``.
  public func measure(_ structure: LookupStructure, size: Int) -> ScalingResult {
    measure(structure, workload: workload(size: size))
  }

  /// Measures every suggested (structure, size) pair, smallest size first.
  ///
  /// Structures are built one at a time and released before the next, so memory peaks at the
  /// largest single structure. Pairs beyond a structure's
  /// ``LookupStructure/suggestedMaximumSize`` are skipped.
  ///
  /// - Parameters:
  ///   - structures: The structures to measure, in report order.
  ///   - onResult: Called with each row as soon as it is measured, to show progress.
  public func run(
    structures: [LookupStructure] = LookupStructure.allCases,
    onResult: (ScalingResult) -> Void = { _ in }
  ) -> ScalingReport {
    var rows: [ScalingResult] = []
    for size in sizes {
      let workload = workload(size: size)
      for structure in structures where structure.isSuggested(forSize: size) {
        let row = measure(structure, workload: workload)
        onResult(row)
        rows.append(row)
      }
    }
    return ScalingReport(rows: rows)
  }

  func measure(_ structure: LookupStructure, workload: LookupWorkload) -> ScalingResult {
    let keys = workload.storedKeys
    // One concrete type per case, so each lookup loop is specialised.
    switch structure {
    case .linearSearch:
      return measure(LinearSearchTarget(keys: keys), as: structure, workload: workload)
    case .binarySearch:
      return measure(BinarySearchTarget(keys: keys), as: structure, workload: workload)
    case .set:
      return measure(SetTarget(keys: keys), as: structure, workload: workload)
    case .dictionary:
      return measure(DictionaryTarget(keys: keys), as: structure, workload: workload)
    case .constantHashSet:
      return measure(ConstantHashSetTarget(keys: keys), as: structure, workload: workload)
    }
  }

  func measure<Target: LookupTarget>(
    _ target: Target, as structure: LookupStructure, workload: LookupWorkload
  ) -> ScalingResult {
    let keys = workload.keys
    let collected = SampleCollector(budget: budget).collect { lookupCount, firstLookup in
      var cursor = firstLookup % keys.count
      var hits = 0
      for _ in 0..<lookupCount {
        if target.containsKey(keys[cursor]) { hits += 1 }
        // Wrapping by comparison, not `%`: a division per lookup would cost as much as a
        // hash-table hit.
        cursor += 1
        if cursor == keys.count { cursor = 0 }
      }
      return hits
    }
    return ScalingResult(
      structure: structure, size: workload.size,
      nanosecondsPerLookup: BenchmarkSummary(samples: collected.nanosecondsPerOperation),
      lookupsPerSample: collected.operationsPerSample,
      lookups: collected.operationsPerSample * budget.sampleCount,
      hits: collected.recordedChecksum)
  }
}
