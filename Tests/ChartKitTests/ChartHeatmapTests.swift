import Foundation
import Testing

@testable import ChartKit

@Suite("Heatmaps and heatmap panels")
struct ChartHeatmapTests {
  static let users = ["Alice", "Bob", "Charlie", "David"]
  static let movies = ["Movie A", "Movie B", "Movie C", "Movie D"]

  static let sparse = HeatmapGrid(
    values: [[5, nil, 4, nil], [nil, 3, nil, 5], [4, 2, nil, nil], [nil, 5, 3, 2]],
    rowLabels: users, columnLabels: movies, decimals: 0, valueRange: 1...5)

  static func heatmap(_ grid: HeatmapGrid) -> Heatmap {
    Heatmap(
      title: "User–item matrix", description: "Ratings, half missing.", grid: grid,
      rowAxisTitle: "User", columnAxisTitle: "Movie", legendTitle: "Rating (stars)",
      missingLegendLabel: "not rated")
  }

  static func cells(_ document: ParsedSVG) -> [ParsedElement] {
    document.elements.filter { $0.isInside("heatmap") && $0.name == "rect" }
  }

  /// Texts inside heatmaps that read as numbers: the printed cell values.
  static func cellTexts(_ document: ParsedSVG) -> [ParsedElement] {
    document.elements.filter {
      $0.isInside("heatmap") && $0.name == "text"
        && Double($0.text.replacingOccurrences(of: "\u{2212}", with: "-")) != nil
    }
  }

  @Test("prints the value of every present cell, with the requested decimals")
  func values() throws {
    let grid = HeatmapGrid(
      values: [[1.234, 2], [3, 4.5]], rowLabels: ["a", "b"], columnLabels: ["x", "y"],
      decimals: 2)
    let document = try ParsedSVG(Self.heatmap(grid).svg())
    #expect(Self.cellTexts(document).map(\.text) == ["1.23", "2.00", "3.00", "4.50"])
  }

  @Test("missing cells are hatched and carry no number")
  func missingCells() throws {
    let document = try ParsedSVG(Self.heatmap(Self.sparse).svg())
    let cells = Self.cells(document)
    #expect(cells.count == 16)
    let hatched = cells.filter { $0.attributes["fill"] == "url(#missing-hatch)" }
    #expect(hatched.count == 7)
    #expect(Self.cellTexts(document).count == 9)
    // No text is centred on a hatched cell.
    for cell in hatched {
      let centerX = cell.number("x")! + cell.number("width")! / 2
      let texts = Self.cellTexts(document).filter { abs(($0.number("x") ?? 0) - centerX) < 0.01 }
      let centerY = cell.number("y")! + cell.number("height")! / 2
      #expect(texts.allSatisfy { abs($0.number("y")! - centerY) > cell.number("height")! / 2 })
    }
  }

  @Test("shows row labels, column labels, axis titles, title and description")
  func labels() throws {
    let document = try ParsedSVG(Self.heatmap(Self.sparse).svg())
    for label in Self.users + Self.movies + ["User", "Movie", "User–item matrix"] {
      #expect(document.texts.contains(label), "missing \(label)")
    }
    #expect(document.description == "Ratings, half missing.")
  }

  @Test("the colour scale shows a gradient with min and max labels, and the missing swatch")
  func colorScale() throws {
    let document = try ParsedSVG(Self.heatmap(Self.sparse).svg())
    #expect(document.texts(inGroup: "color-scale") == ["Rating (stars)", "5", "1", "not rated"])
    #expect(document.elements(named: "linearGradient").count == 1)
    #expect(document.elements(named: "stop").count >= 8)
  }

  @Test("without missing cells the legend has no missing swatch")
  func noMissingSwatch() throws {
    let full = HeatmapGrid(
      values: [[1, 2], [3, 4]], rowLabels: ["a", "b"], columnLabels: ["x", "y"], decimals: 0)
    let document = try ParsedSVG(Self.heatmap(full).svg())
    #expect(!document.texts(inGroup: "color-scale").contains("not rated"))
  }

  @Test("cells of equal value get equal colours, higher values darker blues")
  func colors() throws {
    let grid = HeatmapGrid(
      values: [[1, 5], [5, 3]], rowLabels: [], columnLabels: [], decimals: 0, valueRange: 1...5)
    let fills = Self.cells(try ParsedSVG(Self.heatmap(grid).svg())).map { $0.attributes["fill"]! }
    #expect(fills[1] == fills[2])
    #expect(fills[0] == ColorMap.blues.color(at: 0))
    #expect(fills[1] == ColorMap.blues.color(at: 1))
  }

  @Test("a small grid gives a shorter document instead of blank space")
  func trimsHeight() throws {
    let grid = HeatmapGrid(values: [[1, 2]], rowLabels: ["a"], columnLabels: ["x", "y"])
    let root = try #require(try ParsedSVG(Self.heatmap(grid).svg()).root)
    #expect(root.number("height")! < 440)
  }

  @Test("escapes labels and renders the same bytes every time")
  func escapingAndDeterminism() throws {
    let grid = HeatmapGrid(values: [[1]], rowLabels: ["<&>"], columnLabels: ["'x'"])
    let heatmap = Self.heatmap(grid)
    let texts = try ParsedSVG(heatmap.svg()).texts
    #expect(texts.contains("<&>") && texts.contains("'x'"))
    #expect(heatmap.svg() == heatmap.svg())
  }

  static let panel = HeatmapPanel(
    title: "R ≈ P × Qᵀ", description: "Factorization of a 5×4 matrix.",
    items: [
      .grid(
        HeatmapGrid(
          values: (0..<5).map { (row: Int) -> [Double?] in
            (0..<4).map { (column: Int) -> Double? in Double((column + row) % 5 + 1) }
          },
          rowLabels: ["A", "B", "C", "D", "E"], columnLabels: movies, decimals: 0),
        caption: "R: ratings"),
      .symbol("≈"),
      .grid(
        HeatmapGrid(
          rows: Array(repeating: [0.5, 0.5], count: 5), rowLabels: [],
          columnLabels: ["f1", "f2"], colorMap: .viridis),
        caption: "P: user factors"),
      .symbol("×"),
      .grid(
        HeatmapGrid(
          rows: Array(repeating: Array(repeating: -0.25, count: 4), count: 2),
          rowLabels: ["f1", "f2"],
          columnLabels: movies, colorMap: .diverging),
        caption: "Qᵀ: movie factors"),
    ])

  @Test("a panel draws every matrix, the symbols between them and each caption")
  func panel() throws {
    let document = try ParsedSVG(Self.panel.svg())
    #expect(Self.cells(document).count == 20 + 10 + 8)
    #expect(document.texts.contains("≈") && document.texts.contains("×"))
    for caption in ["R: ratings", "P: user factors", "Qᵀ: movie factors"] {
      #expect(document.texts.contains(caption))
    }
    #expect(document.texts.filter { $0 == "0.50" }.count == 10)
    #expect(document.texts.filter { $0 == "\u{2212}0.25" }.count == 8)
  }

  @Test("a panel's operator symbols sit between the matrices they join")
  func panelOrder() throws {
    let document = try ParsedSVG(Self.panel.svg())
    let approximately = try #require(document.elements.first { $0.text == "≈" }?.number("x"))
    let times = try #require(document.elements.first { $0.text == "×" }?.number("x"))
    let cells = Self.cells(document)
    let rightOfR = cells[0..<20].map { $0.number("x")! + $0.number("width")! }.max()!
    let leftOfP = cells[20..<30].map { $0.number("x")! }.min()!
    let rightOfP = cells[20..<30].map { $0.number("x")! + $0.number("width")! }.max()!
    let leftOfQ = cells[30...].map { $0.number("x")! }.min()!
    #expect(rightOfR < approximately && approximately < leftOfP)
    #expect(rightOfP < times && times < leftOfQ)
  }

  @Test("a panel renders the same bytes every time")
  func panelDeterminism() {
    #expect(Self.panel.svg() == Self.panel.svg())
  }
}

@Suite("Colour maps")
struct ChartColorMapTests {
  @Test("text is white on dark cells and dark on light ones")
  func textContrast() {
    #expect(ColorMap.viridis.textColor(at: 0) == "#ffffff")
    #expect(ColorMap.viridis.textColor(at: 1) != "#ffffff")
    #expect(ColorMap.blues.textColor(at: 1) == "#ffffff")
    #expect(ColorMap.blues.textColor(at: 0) != "#ffffff")
  }

  @Test("maps the ends to the first and last stops and clamps beyond them")
  func ends() {
    #expect(ColorMap.viridis.color(at: 0) == "#440154")
    #expect(ColorMap.viridis.color(at: 1) == "#fde725")
    #expect(ColorMap.viridis.color(at: 2) == "#fde725")
    #expect(ColorMap.viridis.color(at: -1) == "#440154")
  }

  @Test("the diverging map is symmetric about zero and pale at zero")
  func diverging() {
    let grid = HeatmapGrid(
      values: [[-0.5, 2]], rowLabels: [], columnLabels: [], colorMap: .diverging)
    #expect(grid.resolvedRange == -2...2)
    #expect(ColorMap.diverging.color(at: grid.fraction(of: 0)) == "#f7f7f7")
  }
}
