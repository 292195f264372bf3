import Testing

@testable import ChartKit

@Suite("Bar charts")
struct ChartBarTests {
  static func chart(
    categories: [String], groups: [BarGroup], orientation: BarOrientation = .vertical,
    showsValueLabels: Bool = false
  ) -> BarChart {
    BarChart(
      title: "Biases", description: "Bias per user.", categoryAxisTitle: "User",
      valueAxisTitle: "Bias (stars)", categories: categories, groups: groups,
      orientation: orientation, showsValueLabels: showsValueLabels, valueDecimals: 2)
  }

  static func zeroLine(_ document: ParsedSVG) throws -> ParsedElement {
    try #require(document.elements.first { $0.isInside("zero-line") && $0.name == "line" })
  }

  static func bars(_ document: ParsedSVG) -> [ParsedElement] {
    document.elements.filter { $0.isInside("bars") && $0.name == "rect" }
  }

  @Test("a negative vertical bar hangs below the zero line, a positive one stands on it")
  func verticalNegative() throws {
    let document = try ParsedSVG(
      Self.chart(categories: ["Alice", "Bob"], groups: [BarGroup(name: "b", values: [0.2, -0.4])])
        .svg())
    let zeroY = try #require(Self.zeroLine(document).number("y1"))
    let bars = Self.bars(document)
    #expect(bars.count == 2)
    let (positive, negative) = (bars[0], bars[1])
    #expect(abs(positive.number("y")! + positive.number("height")! - zeroY) < 0.02)
    #expect(abs(negative.number("y")! - zeroY) < 0.02)
    #expect(negative.number("height")! > positive.number("height")!)
  }

  @Test("a negative horizontal bar extends left of the zero line")
  func horizontalNegative() throws {
    let document = try ParsedSVG(
      Self.chart(
        categories: ["Alice", "Bob"], groups: [BarGroup(name: "b", values: [0.2, -0.4])],
        orientation: .horizontal
      ).svg())
    let zeroX = try #require(Self.zeroLine(document).number("x1"))
    let bars = Self.bars(document)
    #expect(abs(bars[0].number("x")! - zeroX) < 0.02)
    #expect(abs(bars[1].number("x")! + bars[1].number("width")! - zeroX) < 0.02)
  }

  @Test("labels categories by name and shows signed value labels on diverging bars")
  func labels() throws {
    let document = try ParsedSVG(
      Self.chart(
        categories: ["Alice", "Charlie"], groups: [BarGroup(name: "b", values: [0.18, -0.4])],
        orientation: .horizontal, showsValueLabels: true
      ).svg())
    #expect(document.texts.contains("Alice"))
    #expect(document.texts.contains("Charlie"))
    #expect(document.texts(inGroup: "bars") == ["+0.18", "\u{2212}0.40"])
  }

  @Test("all-positive value labels carry no plus sign")
  func unsignedLabels() throws {
    let document = try ParsedSVG(
      Self.chart(
        categories: ["1", "2"], groups: [BarGroup(name: "n", values: [3, 5])],
        showsValueLabels: true
      ).svg())
    #expect(document.texts(inGroup: "bars") == ["3.00", "5.00"])
  }

  @Test("value labels stay inside the plot: the value axis grows to make room")
  func valueLabelRoom() throws {
    let document = try ParsedSVG(
      Self.chart(
        categories: ["a", "b"], groups: [BarGroup(name: "n", values: [4, 5])],
        showsValueLabels: true
      ).svg())
    let topGridline = try #require(
      document.elements.filter { $0.isInside("grid") && $0.name == "line" }.compactMap {
        $0.number("y1")
      }.min())
    let labelBaselines = document.elements.filter { $0.isInside("bars") && $0.name == "text" }
      .compactMap { $0.number("y") }
    #expect(labelBaselines.allSatisfy { $0 - 11 >= topGridline })
  }

  @Test("error bars: a whisker from value − e to value + e, with the label past its end")
  func errorBars() throws {
    let document = try ParsedSVG(
      Self.chart(
        categories: ["MF", "kNN"],
        groups: [BarGroup(name: "RMSE", values: [0.9, 0.8], errors: [0.1, nil])],
        orientation: .horizontal, showsValueLabels: true
      ).svg())
    let bars = Self.bars(document)
    let whiskers = document.elements.filter { $0.isInside("bars") && $0.name == "line" }
    // One bar with an error: its span and two caps.
    #expect(whiskers.count == 3)
    let span = try #require(whiskers.first)
    let zeroX = try #require(bars[0].number("x"))
    let perStar = try #require(bars[0].number("width")) / 0.9
    #expect(abs(span.number("x1")! - (zeroX + 0.8 * perStar)) < 0.05)
    #expect(abs(span.number("x2")! - (zeroX + 1.0 * perStar)) < 0.05)
    let label = try #require(
      document.elements.first { $0.isInside("bars") && $0.name == "text" && $0.text == "0.90" })
    #expect(label.number("x")! > span.number("x2")!)
  }

  @Test("grouped bars get a legend; a single group does not")
  func legend() throws {
    let grouped = try ParsedSVG(
      Self.chart(
        categories: ["a", "b"],
        groups: [
          BarGroup(name: "Before", values: [1, 2]), BarGroup(name: "After", values: [2, 1]),
        ]
      ).svg())
    #expect(grouped.texts(inGroup: "legend") == ["Before", "After"])
    let single = try ParsedSVG(
      Self.chart(categories: ["a"], groups: [BarGroup(name: "Only", values: [1])]).svg())
    #expect(single.texts(inGroup: "legend").isEmpty)
  }

  @Test("a nil value draws no bar")
  func missingValues() throws {
    let document = try ParsedSVG(
      Self.chart(
        categories: ["Alice", "Sci-Fi Epic"],
        groups: [
          BarGroup(name: "Users", values: [0.1, nil]),
          BarGroup(name: "Movies", values: [nil, 0.2]),
        ], orientation: .horizontal
      ).svg())
    #expect(Self.bars(document).count == 2)
  }

  @Test("long category names under narrow bars are slanted or wrapped, never one long line")
  func longCategoryNames() throws {
    let names = (1...12).map { "Extraordinarily Long Movie Title \($0)" }
    let document = try ParsedSVG(
      Self.chart(categories: names, groups: [BarGroup(name: "n", values: names.map { _ in 1 })])
        .svg())
    let labels = document.elements.filter { $0.isInside("x-axis") && $0.name == "text" }
    let categoryLabels = labels.filter { $0.text.hasPrefix("Extraordinarily") }
    #expect(categoryLabels.count == 12)
    #expect(categoryLabels.allSatisfy { $0.attributes["transform"]?.hasPrefix("rotate(") == true })
  }

  @Test("escapes category names and renders the same bytes every time")
  func escapingAndDeterminism() throws {
    let chart = Self.chart(categories: ["<&>"], groups: [BarGroup(name: "n", values: [1])])
    #expect(try ParsedSVG(chart.svg()).texts.contains("<&>"))
    #expect(chart.svg() == chart.svg())
  }
}
