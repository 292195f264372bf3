import ChartKit
import LookupTiming

/// The two charts of chapter-hash-tables, built from measured reports.
enum Figures {
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
}
