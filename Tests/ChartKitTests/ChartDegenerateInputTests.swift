import Testing

@testable import ChartKit

/// Charts must come out as valid, finite SVG even for data with nothing to scale: a flat line,
/// one point, all-zero bars, an empty grid.
@Suite("Charts of degenerate data")
struct ChartDegenerateInputTests {
  /// Parses `svg` and checks that no coordinate came out as "nan" or "inf".
  static func expectValid(_ svg: String) throws {
    _ = try ParsedSVG(svg)
    #expect(!svg.lowercased().contains("nan"))
    #expect(!svg.contains("inf"))
  }

  static func line(_ series: [LineSeries], yScale: ScaleKind = .linear) -> LineChart {
    LineChart(
      title: "t", description: "d", xAxisTitle: "x", yAxisTitle: "y", series: series,
      yScale: yScale)
  }

  @Test("a flat line sits mid-plot between padded ticks")
  func flatLine() throws {
    let svg = Self.line([LineSeries(name: "flat", valuesFromOne: [3, 3, 3])]).svg()
    try Self.expectValid(svg)
    #expect(try ParsedSVG(svg).texts(inGroup: "y-axis").contains("3.0"))
  }

  @Test("a single point (shown by its marker), no series, and an all-zero log series render")
  func sparseLines() throws {
    let one = Self.line([LineSeries(name: "one", valuesFromOne: [5])]).svg()
    try Self.expectValid(one)
    #expect(one.contains("<circle"), "one point, no markers asked for, still drawn")
    #expect(!Self.line([LineSeries(name: "two", valuesFromOne: [5, 6])]).svg().contains("<circle"))
    try Self.expectValid(Self.line([]).svg())
    try Self.expectValid(
      Self.line([LineSeries(name: "zeros", valuesFromOne: [0, 0])], yScale: .log10).svg())
  }

  @Test("all-zero bars draw a zero line and zero-height bars")
  func zeroBars() throws {
    let svg = BarChart(
      title: "t", description: "d", categoryAxisTitle: "c", valueAxisTitle: "v",
      categories: ["a", "b"], groups: [BarGroup(name: "g", values: [0, 0])],
      showsValueLabels: true
    ).svg()
    try Self.expectValid(svg)
    let bars = try ParsedSVG(svg).elements.filter { $0.isInside("bars") && $0.name == "rect" }
    #expect(bars.allSatisfy { $0.number("height") == 0 })
  }

  @Test("a heatmap of one cell, of equal values, and with every cell missing renders")
  func tinyHeatmaps() throws {
    for values: [[Double?]] in [[[4]], [[2, 2], [2, 2]], [[nil, nil]]] {
      let grid = HeatmapGrid(values: values, rowLabels: [], columnLabels: [])
      try Self.expectValid(Heatmap(title: "t", description: "d", grid: grid).svg())
    }
  }

  @Test("a scatter of one point at the origin renders")
  func singlePoint() throws {
    let svg = ScatterChart(
      title: "t", description: "d", xAxisTitle: "x", yAxisTitle: "y",
      groups: [ScatterGroup(name: "g", points: [LabelledPoint(x: 0, y: 0, label: "Origin")])]
    ).svg()
    try Self.expectValid(svg)
  }
}
