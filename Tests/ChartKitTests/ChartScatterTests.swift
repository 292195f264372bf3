import Testing

@testable import ChartKit

@Suite("Scatter charts")
struct ChartScatterTests {
  static let chart = ScatterChart(
    title: "Users and movies in factor space", description: "Two factors per point.",
    xAxisTitle: "Factor 1", yAxisTitle: "Factor 2",
    groups: [
      ScatterGroup(
        name: "Users",
        points: [
          LabelledPoint(x: 1.2, y: 0.4, label: "Alice"),
          LabelledPoint(x: 1.1, y: 0.5, label: "Bob"),
          LabelledPoint(x: -0.3, y: 1.4, label: "Charlie"),
        ]),
      ScatterGroup(
        name: "Movies",
        points: [
          LabelledPoint(x: 1.5, y: 0.2, label: "The Action Hero"),
          LabelledPoint(x: 1.15, y: 0.45, label: "Sci-Fi Epic"),
        ]),
    ])

  @Test("labels every point and lists both groups in the legend")
  func labels() throws {
    let document = try ParsedSVG(Self.chart.svg())
    #expect(
      document.texts(inGroup: "point-labels") == [
        "Alice", "Bob", "Charlie", "The Action Hero", "Sci-Fi Epic",
      ])
    #expect(document.texts(inGroup: "legend") == ["Users", "Movies"])
    #expect(document.texts.contains("Factor 1") && document.texts.contains("Factor 2"))
  }

  @Test("each group has its own marker shape and colour")
  func markers() throws {
    let document = try ParsedSVG(Self.chart.svg())
    let users = document.elements.filter { $0.isInside("points") && $0.name == "circle" }
    let movies = document.elements.filter { $0.isInside("points") && $0.name == "rect" }
    #expect(users.count == 3 && movies.count == 2)
    #expect(Set(users.map { $0.attributes["fill"]! }) == [ChartPalette.blue])
    #expect(Set(movies.map { $0.attributes["fill"]! }) == [ChartPalette.orange])
  }

  @Test("draws zero lines when the origin is inside the plot")
  func zeroLines() throws {
    let document = try ParsedSVG(Self.chart.svg())
    #expect(document.elements.filter { $0.isInside("zero-lines") && $0.name == "line" }.count >= 1)
  }

  @Test("renders the same bytes every time and escapes labels")
  func determinismAndEscaping() throws {
    var chart = Self.chart
    chart.groups[0].points[0].label = "<&>"
    #expect(try ParsedSVG(chart.svg()).texts.contains("<&>"))
    #expect(chart.svg() == chart.svg())
  }
}

@Suite("Point label placement")
struct ChartLabelPlacerTests {
  static let placer = LabelPlacer(
    bounds: CanvasRect(x: 0, y: 0, width: 400, height: 300), fontSize: 12, markerRadius: 6)

  @Test("a lone label goes to the right of its marker")
  func prefersRight() {
    let placement = Self.placer.place([(CanvasPoint(x: 100, y: 100), "Alice")])[0]
    #expect(placement.anchor == .start)
    #expect(placement.box.x > 100 + 6)
  }

  @Test("labels of crowded points neither overlap each other nor any marker")
  func avoidsOverlaps() {
    let centers = [
      CanvasPoint(x: 200, y: 150), CanvasPoint(x: 204, y: 150), CanvasPoint(x: 200, y: 156),
      CanvasPoint(x: 210, y: 146),
    ]
    let placements = Self.placer.place(
      centers.enumerated().map { ($1, "Label \($0)") })
    for (index, placement) in placements.enumerated() {
      for other in placements[(index + 1)...] {
        #expect(placement.box.overlapArea(with: other.box) == 0)
      }
      for center in centers {
        let marker = CanvasRect(x: center.x - 6, y: center.y - 6, width: 12, height: 12)
        #expect(placement.box.overlapArea(with: marker) == 0)
      }
    }
  }

  @Test("a label near the right edge flips to the left to stay inside the plot")
  func staysInside() {
    let placement = Self.placer.place([(CanvasPoint(x: 395, y: 100), "The Action Hero")])[0]
    #expect(placement.anchor == .end)
    #expect(CanvasRect(x: 0, y: 0, width: 400, height: 300).contains(placement.box))
  }
}
