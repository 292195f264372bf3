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

  /// "17.9–19.0": the fastest and slowest sample of a row.
  private static func spread(_ row: ScalingResult) -> String {
    significant(row.minimumNanoseconds) + "–" + significant(row.maximumNanoseconds)
  }
}
