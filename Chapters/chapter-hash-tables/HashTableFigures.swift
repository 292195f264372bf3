import ChapterKit
import ChartKit
import LookupTiming

/// The tables and charts of chapter-hash-tables, built from measured reports.
enum HashTableFigures {
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

  /// Log–log nanoseconds per lookup against n, one line per structure, the constant-hash set
  /// (from its own run over small sizes) dashed.
  static func performanceChart(
    scaling: ScalingReport, collisions: ScalingReport, build: BuildConfiguration
  ) -> String {
    let structures: [LookupStructure] = [.linearSearch, .binarySearch, .set, .dictionary]
    let series =
      structures.map { structure in
        LineSeries(
          name: structure.displayName,
          points: scaling.rows.filter { $0.structure == structure }.map {
            ChartPoint(x: Double($0.size), y: $0.medianNanoseconds)
          }, showsMarkers: true)
      }
      + [
        LineSeries(
          name: LookupStructure.constantHashSet.displayName,
          points: collisions.rows.filter { $0.structure == .constantHashSet }.map {
            ChartPoint(x: Double($0.size), y: $0.medianNanoseconds)
          }, showsMarkers: true, isDashed: true)
      ]
    return LineChart(
      title: "Time per lookup as the collection grows",
      subtitle: "Median of the samples, \(build) build; measured, so it differs from run to run",
      description:
        "Log–log line chart of nanoseconds per lookup against the number of stored keys for a "
        + "linear search, a binary search, Set, Dictionary, and a Set whose keys all share one "
        + "hash value. Linear search and the constant-hash set rise with n; Set and Dictionary "
        + "stay nearly flat.",
      xAxisTitle: "Stored keys n (log scale)", yAxisTitle: "Nanoseconds per lookup (log scale)",
      series: series, xScale: .log10, yScale: .log10
    ).svg()
  }

  /// Log–log speedup over the linear search at the same n, for every structure; the linear
  /// search itself is the flat 1× baseline, so colours and markers match the other chart.
  static func speedupChart(
    scaling: ScalingReport, collisions: ScalingReport, build: BuildConfiguration
  ) -> String {
    func line(_ structure: LookupStructure, from report: ScalingReport, dashed: Bool = false)
      -> LineSeries
    {
      let points = report.sizes.compactMap { size -> ChartPoint? in
        guard let row = report.result(for: structure, size: size),
          let linear = scaling.result(for: .linearSearch, size: size)
        else { return nil }
        return ChartPoint(x: Double(size), y: row.speedup(over: linear))
      }
      return LineSeries(
        name: structure == .linearSearch
          ? "Array linear search (1×, the baseline)"
          : structure.displayName, points: points, showsMarkers: true, isDashed: dashed)
    }
    return LineChart(
      title: "How many times faster than a linear search",
      subtitle: "Linear-search median ÷ structure median at the same n; \(build) build, measured",
      description:
        "Log–log line chart of the speedup over a linear search against the number of stored "
        + "keys. The hash tables' advantage grows in proportion to n, the binary search's a "
        + "little slower, and the constant-hash set stays near or below 1×.",
      xAxisTitle: "Stored keys n (log scale)",
      yAxisTitle: "Speedup over linear search (×, log scale)",
      series: [
        line(.linearSearch, from: scaling), line(.binarySearch, from: scaling),
        line(.set, from: scaling), line(.dictionary, from: scaling),
        line(.constantHashSet, from: collisions, dashed: true),
      ], xScale: .log10, yScale: .log10
    ).svg()
  }

  /// "17.9–19.0": the fastest and slowest sample of a row.
  private static func spread(_ row: ScalingResult) -> String {
    significant(row.minimumNanoseconds) + "–" + significant(row.maximumNanoseconds)
  }
}
