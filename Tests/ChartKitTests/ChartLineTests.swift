import Testing

@testable import ChartKit

@Suite("Line charts")
struct ChartLineTests {
  static func chart(
    series: [LineSeries], xScale: ScaleKind = .linear, yScale: ScaleKind = .linear,
    legendPlacement: LegendPlacement = .automatic
  ) -> LineChart {
    LineChart(
      title: "RMSE by epoch", description: "Three models compared.", xAxisTitle: "Epoch",
      yAxisTitle: "RMSE (stars)", series: series, xScale: xScale, yScale: yScale,
      legendPlacement: legendPlacement)
  }

  static let threeModels = chart(series: [
    LineSeries(name: "Plain MF", valuesFromOne: [2.5, 1.6, 1.2, 1.0]),
    LineSeries(name: "With biases", valuesFromOne: [1.8, 1.1, 0.8, 0.7], showsMarkers: true),
    LineSeries(name: "Regularized", valuesFromOne: [1.9, 1.2, 0.9, 0.75], isDashed: true),
  ])

  @Test("is an SVG document with size, viewBox, font, title and description")
  func document() throws {
    let document = try ParsedSVG(Self.threeModels.svg())
    let root = try #require(document.root)
    #expect(root.name == "svg")
    #expect(root.attributes["width"] == "720" && root.attributes["height"] == "440")
    #expect(root.attributes["viewBox"] == "0 0 720 440")
    #expect(root.attributes["font-family"] == "Helvetica, Arial, sans-serif")
    #expect(document.title == "RMSE by epoch")
    #expect(document.description == "Three models compared.")
    #expect(
      document.elements[3].name == "rect" && document.elements[3].attributes["fill"] == "#ffffff")
  }

  @Test("draws one polyline per series and names each in the legend")
  func seriesAndLegend() throws {
    let document = try ParsedSVG(Self.threeModels.svg())
    #expect(document.elements(named: "polyline").count == 3)
    #expect(document.texts(inGroup: "legend") == ["Plain MF", "With biases", "Regularized"])
  }

  @Test("shows the chart title and both axis titles")
  func titles() throws {
    let texts = try ParsedSVG(Self.threeModels.svg()).texts
    #expect(texts.contains("RMSE by epoch"))
    #expect(texts.contains("Epoch"))
    #expect(texts.contains("RMSE (stars)"))
  }

  @Test("a dashed series has a dash pattern, the others none")
  func dashed() throws {
    let lines = try ParsedSVG(Self.threeModels.svg()).elements(named: "polyline")
    #expect(lines.map { $0.attributes["stroke-dasharray"] != nil } == [false, false, true])
  }

  @Test("markers are drawn only for series that ask for them")
  func markers() throws {
    let document = try ParsedSVG(Self.threeModels.svg())
    let seriesMarkers = document.elements.filter {
      $0.isInside("series") && $0.name != "polyline" && $0.name != "g"
    }
    #expect(seriesMarkers.count == 4)
  }

  @Test("a single series gets no legend unless one is asked for")
  func singleSeriesLegend() throws {
    let series = [LineSeries(name: "Training error", valuesFromOne: [28, 20, 16])]
    let automatic = try ParsedSVG(Self.chart(series: series).svg())
    #expect(automatic.texts(inGroup: "legend").isEmpty)
    let right = try ParsedSVG(Self.chart(series: series, legendPlacement: .right).svg())
    #expect(right.texts(inGroup: "legend") == ["Training error"])
  }

  @Test("every data point lies inside the legend-free plot area, left of a right legend")
  func legendBesideData() throws {
    let document = try ParsedSVG(
      Self.chart(series: Self.threeModels.series, legendPlacement: .right).svg())
    let legendLeft = try #require(
      document.elements.filter { $0.isInside("legend") && $0.name == "line" }.compactMap {
        $0.number("x1")
      }.min())
    let xs = document.elements(named: "polyline").flatMap { line in
      (line.attributes["points"] ?? "").split(separator: " ").compactMap {
        Double($0.split(separator: ",")[0])
      }
    }
    #expect(!xs.isEmpty)
    #expect(xs.allSatisfy { $0 < legendLeft })
  }

  @Test("log axes label decades and skip points that are not positive")
  func logAxes() throws {
    let series = [LineSeries(name: "List", x: [0, 100, 1e4, 1e7], y: [1, 10, 1e3, 1e6])]
    let document = try ParsedSVG(Self.chart(series: series, xScale: .log10, yScale: .log10).svg())
    #expect(document.texts.contains("10M"))
    #expect(document.texts.contains("1M"))
    #expect(document.texts.contains("1k"))
    let points = try #require(document.elements(named: "polyline").first?.attributes["points"])
    #expect(points.split(separator: " ").count == 3)
  }

  @Test("special characters in names are escaped and read back intact")
  func escaping() throws {
    let chart = Self.chart(series: [
      LineSeries(name: "<&> \"quoted\"", valuesFromOne: [1, 2]),
      LineSeries(name: "b", valuesFromOne: [2, 1]),
    ])
    let document = try ParsedSVG(chart.svg())
    #expect(document.texts(inGroup: "legend").contains("<&> \"quoted\""))
  }

  @Test("renders the same bytes every time")
  func deterministic() {
    #expect(Self.threeModels.svg() == Self.threeModels.svg())
    #expect(Self.threeModels.svg().hasSuffix("</svg>\n"))
  }

  @Test("tick and axis text is at least 11px")
  func readableFontSizes() throws {
    let sizes = try ParsedSVG(Self.threeModels.svg()).elements(named: "text").compactMap {
      $0.number("font-size")
    }
    #expect(!sizes.isEmpty)
    #expect(sizes.allSatisfy { $0 >= 11 })
  }
}
