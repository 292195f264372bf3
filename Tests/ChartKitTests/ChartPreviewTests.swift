import Foundation
import Testing

@testable import ChartKit

/// Realistic sample charts, one or more of every type and shape the chapters draw, each checked
/// for what a reader needs to find in it. When `CHART_PREVIEW_DIR` is set the samples are also
/// written there for looking at; `docs/preview-charts.sh` does that and converts them to PNG.
@Suite("Sample charts of every type")
struct ChartPreviewTests {
  /// Where to write the samples for looking at, when set.
  static let previewDirectory = ProcessInfo.processInfo.environment["CHART_PREVIEW_DIR"]

  @Test(
    "each sample is a well-formed SVG with its title, description, axis titles and legend",
    arguments: ChartSamples.all)
  func sample(_ sample: ChartSample) throws {
    let document = try ParsedSVG(sample.svg)
    #expect(document.root?.name == "svg")
    #expect(document.title == sample.title)
    #expect(document.description == sample.description)
    #expect(document.texts.contains(sample.title), "the title is not drawn")
    for label in sample.labels {
      #expect(document.texts.contains(label), "\(label) is not drawn")
    }
    switch sample.legend {
    case .none:
      #expect(document.texts(inGroup: "legend").isEmpty, "a single series needs no legend")
    case .entries(let names):
      #expect(document.texts(inGroup: "legend") == names)
    case .colorScale(let labels):
      let scale = document.texts(inGroup: "color-scale")
      for label in labels { #expect(scale.contains(label), "the colour scale lacks \(label)") }
    }
    if let directory = Self.previewDirectory {
      try ChartWriter().write(sample.svg, named: sample.name + ".svg", into: directory)
    }
  }
}

/// One sample chart and what must be drawn in it.
struct ChartSample: Sendable, CustomTestStringConvertible {
  /// What a chart must show to tell its series apart.
  enum Legend: Sendable {
    /// One series: no legend.
    case none
    /// A legend naming every series, in order.
    case entries([String])
    /// A colour scale with these labels among its texts.
    case colorScale([String])
  }

  /// The file name to preview it under, without ".svg".
  let name: String
  let svg: String
  let title: String
  let description: String
  /// Texts that must be drawn: axis titles, captions, notes.
  let labels: [String]
  let legend: Legend

  var testDescription: String { name }

  /// A legend naming each series when there are several, none for one.
  static func legend(naming names: [String]) -> Legend {
    names.count > 1 ? .entries(names) : .none
  }

  init(_ name: String, _ chart: LineChart) {
    self.name = name
    svg = chart.svg()
    title = chart.title
    description = chart.description
    labels = [chart.xAxisTitle, chart.yAxisTitle]
    legend = Self.legend(naming: chart.series.map(\.name))
  }

  init(_ name: String, _ chart: BarChart) {
    self.name = name
    svg = chart.svg()
    title = chart.title
    description = chart.description
    labels = [chart.categoryAxisTitle, chart.valueAxisTitle].filter { !$0.isEmpty }
    legend = Self.legend(naming: chart.groups.map(\.name))
  }

  init(_ name: String, _ chart: ScatterChart) {
    self.name = name
    svg = chart.svg()
    title = chart.title
    description = chart.description
    labels = [chart.xAxisTitle, chart.yAxisTitle]
    legend = Self.legend(naming: chart.groups.map(\.name))
  }

  init(_ name: String, _ chart: Heatmap) {
    self.name = name
    svg = chart.svg()
    title = chart.title
    description = chart.description
    labels = [chart.rowAxisTitle, chart.columnAxisTitle].compactMap { $0 }
    let hasMissingCells = chart.grid.values.joined().contains(nil)
    legend = .colorScale(
      [chart.legendTitle].compactMap { $0 } + (hasMissingCells ? [chart.missingLegendLabel] : []))
  }

  /// A panel has no axes: its captions, symbols and note must be drawn; each caption's lines
  /// are read joined by a space.
  init(_ name: String, _ panel: HeatmapPanel) {
    self.name = name
    svg = panel.svg()
    title = panel.title
    description = panel.description
    labels =
      panel.items.map { item in
        switch item {
        case .grid(_, let caption): caption.replacingOccurrences(of: "\n", with: " ")
        case .symbol(let symbol): symbol
        }
      } + [panel.note].compactMap { $0 }
    legend = .none
  }
}

/// The sample charts: shapes and sizes like those the chapters produce.
enum ChartSamples {
  static var all: [ChartSample] {
    [
      ChartSample("learning-curve", learningCurve),
      ChartSample("model-rmse", modelComparison),
      ChartSample("hash-benchmark", benchmark),
      ChartSample("biases", biases),
      ChartSample("user-biases", userBiases),
      ChartSample("rating-histogram", histogram),
      ChartSample("grouped-bars", groupedBars),
      ChartSample("ratings-heatmap", ratingsHeatmap),
      ChartSample("sparse-heatmap", sparseHeatmap),
      ChartSample("basic-mf-factorization", factorization),
      ChartSample("factorization-long-names", factorizationLongNames),
      ChartSample("factor-scatter", scatter),
    ]
  }

  static let learningCurve = LineChart(
    title: "Training error falls as SGD sweeps the ratings",
    subtitle: "Total absolute error after each of 50 epochs (learning rate 0.01)",
    description: "Line chart: total absolute error drops from 28 to about 16 over 50 epochs.",
    xAxisTitle: "Epoch", yAxisTitle: "Total absolute error (stars)",
    series: [
      LineSeries(
        name: "Training error",
        valuesFromOne: (0..<50).map { (epoch: Int) -> Double in 16 + 12 * exp(-Double(epoch) / 9) })
    ])

  /// 100 epochs of an error falling as floor + height·e^(−epoch/scale). (Closure types spelled
  /// out: inferred, the chart below took the compiler 4 s to type-check.)
  static func decay(floor: Double, height: Double, scale: Double) -> [Double] {
    (0..<100).map { (epoch: Int) -> Double in floor + height * exp(-Double(epoch) / scale) }
  }

  static let modelComparison = LineChart(
    title: "Bias terms and regularization lower the error",
    description: "Three RMSE curves over 100 epochs for the plain, biased and regularized models.",
    xAxisTitle: "Epoch", yAxisTitle: "RMSE (stars)",
    series: [
      LineSeries(
        name: "Plain MF", valuesFromOne: Self.decay(floor: 0.9, height: 1.6, scale: 15)),
      LineSeries(
        name: "MF + biases", valuesFromOne: Self.decay(floor: 0.6, height: 1.2, scale: 12)),
      LineSeries(
        name: "MF + biases + regularization",
        valuesFromOne: Self.decay(floor: 0.7, height: 1.1, scale: 14), isDashed: true),
    ], yIncludesZero: true)

  static let benchmark: LineChart = {
    let sizes = (2...7).map { pow(10, Double($0)) }
    func curve(_ name: String, _ f: (Double) -> Double, dashed: Bool = false) -> LineSeries {
      LineSeries(name: name, x: sizes, y: sizes.map(f), showsMarkers: true, isDashed: dashed)
    }
    return LineChart(
      title: "Hash lookups stay flat while list searches grow with size",
      subtitle: "Median time per lookup, log–log axes",
      description: "Log–log chart of nanoseconds per lookup against collection size.",
      xAxisTitle: "Collection size (items)", yAxisTitle: "Time per lookup (ns)",
      series: [
        curve("Array linear search", { $0 / 10 }),
        curve("Sorted array binary search", { 5 * log2($0) }),
        curve("Dictionary lookup", { _ in 2.5 }),
        curve("Set membership", { _ in 1.2 }, dashed: true),
        curve("Linked list search", { $0 / 5 }),
      ], xScale: .log10, yScale: .log10)
  }()

  static let users = ["Alice", "Bob", "Charlie", "David", "Eve"]
  static let movies = ["The Action Hero", "Romantic Comedy", "Sci-Fi Epic", "Drama Thriller"]

  static let biases = BarChart(
    title: "Who rates high, which movies are loved",
    subtitle: "Learned biases: stars above (+) or below (−) the global mean of 3.05",
    description: "Diverging horizontal bars of five user biases and four movie biases.",
    categoryAxisTitle: "", valueAxisTitle: "Bias (stars)",
    categories: users + movies,
    groups: [
      BarGroup(
        name: "User bias b_u", values: [0.18, -0.12, -0.4, 0.05, -0.27] + [nil, nil, nil, nil]),
      BarGroup(
        name: "Movie bias b_i", values: [nil, nil, nil, nil, nil] + [0.2, -0.08, 0.11, -0.31]),
    ], orientation: .horizontal, showsValueLabels: true, valueDecimals: 2)

  static let userBiases = BarChart(
    title: "User biases",
    description: "Diverging bars of five user biases.",
    categoryAxisTitle: "User", valueAxisTitle: "Bias (stars)",
    categories: users,
    groups: [BarGroup(name: "User bias", values: [0.18, -0.12, -0.4, 0.05, -0.27])],
    orientation: .horizontal, showsValueLabels: true, valueDecimals: 2,
    negativeColor: ChartPalette.vermillion)

  static let histogram = BarChart(
    title: "Ratings lean towards the middle",
    description: "Histogram of 20 ratings by star value.",
    categoryAxisTitle: "Rating (stars)", valueAxisTitle: "Number of ratings",
    categories: ["1 star", "2 stars", "3 stars", "4 stars", "5 stars"],
    groups: [BarGroup(name: "Ratings", values: [3, 5, 3, 4, 5])],
    showsValueLabels: true)

  static let groupedBars = BarChart(
    title: "Error per movie before and after regularization",
    description: "Grouped bars of signed mean error per movie for two models.",
    categoryAxisTitle: "Movie", valueAxisTitle: "Mean error (stars)",
    categories: movies + ["A Very Long Documentary Title About Databases"],
    groups: [
      BarGroup(name: "Without regularization", values: [0.31, -0.22, 0.05, -0.4, 0.1]),
      BarGroup(name: "With regularization", values: [0.12, -0.1, 0.02, -0.18, 0.04]),
    ], showsValueLabels: true, valueDecimals: 2)

  static let ratings: [[Double?]] = [
    [5, 3, 4, 1], [4, 2, 5, 2], [1, 4, 2, 5], [2, 5, 1, 4], [3, 1, 3, 2],
  ]

  static let ratingsHeatmap = Heatmap(
    title: "The ratings matrix R",
    subtitle: "Five users, four movies, every cell rated",
    description: "Heatmap of 5 users by 4 movies, ratings 1 to 5 stars.",
    grid: HeatmapGrid(
      values: ratings, rowLabels: users, columnLabels: movies, decimals: 0, valueRange: 1...5),
    rowAxisTitle: "User", columnAxisTitle: "Movie", legendTitle: "Rating (stars)")

  static let sparseHeatmap = Heatmap(
    title: "Most of the user–item matrix is empty",
    description: "Heatmap of 4 users by 4 movies with half the cells not rated.",
    grid: HeatmapGrid(
      values: [[5, nil, 4, nil], [nil, 3, nil, 5], [4, 2, nil, nil], [nil, 5, 3, 2]],
      rowLabels: ["Alice", "Bob", "Charlie", "David"],
      columnLabels: ["Movie A", "Movie B", "Movie C", "Movie D"], decimals: 0,
      colorMap: .viridis, valueRange: 1...5),
    rowAxisTitle: "User", columnAxisTitle: "Movie", legendTitle: "Rating (stars)",
    missingLegendLabel: "not rated")

  static let shortMovies = ["Action", "RomCom", "Sci-Fi", "Drama"]

  static let factorization: HeatmapPanel = {
    let p: [[Double]] = [[1.2, 0.4], [1.1, 0.6], [0.3, 1.4], [0.5, 1.3], [0.9, 0.2]]
    let q: [[Double]] = [[1.5, 0.2], [0.3, 1.6], [1.3, 0.5], [0.4, 1.4]]
    let qTransposed = (0..<2).map { f in q.map { $0[f] } }
    let prediction = p.map { pRow in q.map { qRow in pRow[0] * qRow[0] + pRow[1] * qRow[1] } }
    var sparse = ratings
    sparse[0][1] = nil
    sparse[2][2] = nil
    sparse[4][3] = nil
    return HeatmapPanel(
      title: "Matrix factorization: R ≈ P × Qᵀ",
      subtitle:
        "Two hidden factors per user and per movie rebuild every rating, even the missing ones",
      description: "Four heatmaps: R (5×4), P (5×2), Q transposed (2×4) and the prediction P×Qᵀ.",
      items: [
        .grid(
          HeatmapGrid(
            values: sparse, rowLabels: users, columnLabels: shortMovies, decimals: 0,
            valueRange: 1...5, missingSymbol: "?"), caption: "R: ratings\n(5 users × 4 movies)"),
        .symbol("≈"),
        .grid(
          HeatmapGrid(
            values: p.map { $0.map { Optional($0) } }, rowLabels: [],
            columnLabels: ["f1", "f2"], decimals: 2, colorMap: .viridis),
          caption: "P: user factors\n(5 × 2)"),
        .symbol("×"),
        .grid(
          HeatmapGrid(
            values: qTransposed.map { $0.map { Optional($0) } }, rowLabels: ["f1", "f2"],
            columnLabels: shortMovies, decimals: 2, colorMap: .viridis),
          caption: "Qᵀ: movie factors\n(2 × 4)"),
        .symbol("="),
        .grid(
          HeatmapGrid(
            values: prediction.map { $0.map { Optional($0) } }, rowLabels: [],
            columnLabels: shortMovies, decimals: 1, valueRange: 1...5),
          caption: "P × Qᵀ: predictions\n(5 × 4)"),
      ],
      note: "Colours are scaled per matrix; hatched cells with ? are ratings nobody gave.")
  }()

  /// The panel with full movie names (slanted) and only R ≈ P × Qᵀ.
  static let factorizationLongNames = HeatmapPanel(
    title: "R ≈ P × Qᵀ",
    description: "Three heatmaps: R (5×4), P (5×2) and Q transposed (2×4).",
    items: factorization.items.prefix(5).map { item in
      guard case .grid(var grid, let caption) = item, grid.columnLabels.count == 4 else {
        return item
      }
      grid.columnLabels = movies
      return .grid(grid, caption: caption)
    })

  static let scatter = ScatterChart(
    title: "Users sit near the movies they like",
    subtitle: "Learned factor vectors, factor 1 against factor 2",
    description: "Scatter of five users and four movies by their two latent factors.",
    xAxisTitle: "Factor 1", yAxisTitle: "Factor 2",
    groups: [
      ScatterGroup(
        name: "Users",
        points: [
          LabelledPoint(x: 1.2, y: 0.4, label: "Alice"),
          LabelledPoint(x: 1.1, y: 0.5, label: "Bob"),
          LabelledPoint(x: 0.3, y: 1.4, label: "Charlie"),
          LabelledPoint(x: 0.5, y: 1.3, label: "David"),
          LabelledPoint(x: 0.9, y: -0.2, label: "Eve"),
        ]),
      ScatterGroup(
        name: "Movies",
        points: [
          LabelledPoint(x: 1.5, y: 0.2, label: "The Action Hero"),
          LabelledPoint(x: 0.3, y: 1.6, label: "Romantic Comedy"),
          LabelledPoint(x: 1.3, y: 0.5, label: "Sci-Fi Epic"),
          LabelledPoint(x: 0.4, y: 1.4, label: "Drama Thriller"),
        ]),
    ])
}
