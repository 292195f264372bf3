import ChapterKit
import LookupTiming

/// The tables of chapter-hash-tables, built from measured reports.
enum Tables {
  /// The scaling run as a table: one row per (n, structure), n shown once per group.
  static func scalingTable(_ report: ScalingReport) -> TextTable {
    var table = TextTable(columns: [
      .right("n"), .left("Structure"), .right("Median ns"), .right("Min–max ns"),
      .right("Speedup"),
    ])
    for size in report.sizes {
      let rows = report.rows.filter { $0.size == size }
      for (index, row) in rows.enumerated() {
        let speedup = report.speedup(of: row.structure, size: size).map(timesText) ?? "–"
        table.append([
          index == 0 ? grouped(size) : "", row.structure.displayName,
          significant(row.medianNanoseconds), spread(row), speedup,
        ])
      }
    }
    return table
  }

  /// `Set<Int>` against `Set<ConstantHashKey>` at each size of the collision run.
  static func collisionTable(_ report: ScalingReport) -> TextTable {
    var table = TextTable(columns: [
      .right("n"), .right(LookupStructure.set.displayName),
      .right(LookupStructure.constantHashSet.displayName), .right("Min–max"), .right("Slower by"),
    ])
    for size in report.sizes {
      guard let set = report.result(for: .set, size: size),
        let constant = report.result(for: .constantHashSet, size: size)
      else { continue }
      table.append([
        grouped(size), significant(set.medianNanoseconds),
        significant(constant.medianNanoseconds), spread(constant),
        timesText(constant.medianNanoseconds / set.medianNanoseconds),
      ])
    }
    return table
  }

  /// The projection beside the companion README's published figures.
  static func projectionTable(_ projection: NetflixProjection, build: BuildConfiguration)
    -> TextTable
  {
    let titles = grouped(NetflixProjection.titleCount)
    let profiles = grouped(NetflixProjection.profileCount)
    let quotedHash = NetflixProjection.quotedHashLookupSeconds
    let quotedLinear = NetflixProjection.quotedLinearSearchSeconds
    return TextTable(
      columns: [.left("Per request"), .right("Measured here (\(build))"), .right("README")],
      rows: [
        [
          "Hash-table lookup", readableDuration(nanoseconds: projection.hashLookupNanoseconds),
          "~\(fixed(quotedHash, 6)) s",
        ],
        [
          "Linear search, \(titles) titles",
          readableDuration(nanoseconds: projection.titleScanSeconds * 1e9),
          "~\(fixed(quotedLinear, 3)) s",
        ],
        [
          "Speedup, \(titles) titles", timesText(projection.titleSpeedup),
          "~\(grouped(Int(NetflixProjection.quotedSpeedup)))×",
        ],
        [
          "Linear search, \(profiles) profiles",
          readableDuration(nanoseconds: projection.profileScanSeconds * 1e9), "not given",
        ],
        ["Speedup, \(profiles) profiles", timesText(projection.profileSpeedup), "not given"],
      ])
  }

  /// A last-level cache this size or smaller is common on current processors (desktop and
  /// server chips carry 8–64 MB); a table larger than it cannot stay in cache.
  static let plausibleCacheMegabytes = 32.0

  /// Why a Set's time per lookup grew by `growth` up to `keys` keys, said only as far as the
  /// table's size supports it.
  static func setGrowthReading(growth: Double, keys: Int) -> String {
    let megabytes = Double(keys) * 8 / 1e6
    let size = "\(significant(megabytes, digits: 2)) MB of keys alone"
    let opening =
      "The Set did not stay flat: its time per lookup grew \(timesText(growth)), though the "
      + "number of comparisons per lookup does not grow with n. "
    if megabytes > plausibleCacheMegabytes {
      return opening
        + "At \(grouped(keys)) keys its table (\(size)) is larger than a typical processor's "
        + "last-level cache (\(grouped(Int(plausibleCacheMegabytes))) MB or less), so most "
        + "lookups wait for main memory."
    }
    return opening
      + "At \(grouped(keys)) keys its table (\(size)) may still fit in a large last-level "
      + "cache, so this run cannot say whether memory explains it: the rise may come from "
      + "smaller, faster caches being outgrown, or from timing noise. Compare the Min–max "
      + "columns, or run with a larger --max-size."
  }

  /// "Fetching was 300× faster than scoring", or the words for a slower or equal fetch.
  static func servingComparison(scoreNanoseconds: Double, fetchNanoseconds: Double) -> String {
    let ratio = scoreNanoseconds / fetchNanoseconds
    if ratio >= 1.1 { return "Fetching was \(timesText(ratio)) faster than scoring" }
    if ratio <= 1 / 1.1 { return "Fetching was \(timesText(1 / ratio)) slower than scoring" }
    return "Fetching and scoring took about as long as each other (within 10%)"
  }

  /// "17.9–19.0": the fastest and slowest sample of a row.
  private static func spread(_ row: ScalingResult) -> String {
    significant(row.minimumNanoseconds) + "–" + significant(row.maximumNanoseconds)
  }
}
