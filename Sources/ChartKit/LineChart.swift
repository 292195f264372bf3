/// A chart of one or more lines over a shared x axis: learning curves, RMSE per model, and
/// log–log benchmark timings.
public struct LineChart: Sendable {
  public var title: String
  public var subtitle: String?
  /// Read by screen readers and shown as a tooltip; say what the chart shows and its finding.
  public var description: String
  /// Axis titles, with units: "Epoch", "RMSE (stars)".
  public var xAxisTitle: String
  public var yAxisTitle: String
  public var series: [LineSeries]
  public var xScale: ScaleKind
  public var yScale: ScaleKind
  /// Stretch a linear y axis down (or up) to 0, so differences are not exaggerated.
  public var yIncludesZero: Bool
  public var legendPlacement: LegendPlacement
  public var width: Double
  public var height: Double

  /// - Parameters:
  ///   - title: The headline above the chart.
  ///   - description: The SVG `<desc>`: what the chart shows, for readers who cannot see it.
  ///   - series: The lines, drawn in order (later ones on top), coloured by position.
  ///   - xScale: `.linear` or `.log10` (points with x ≤ 0 are then skipped).
  ///   - yScale: `.linear` or `.log10` (points with y ≤ 0 are then skipped).
  public init(
    title: String, subtitle: String? = nil, description: String, xAxisTitle: String,
    yAxisTitle: String, series: [LineSeries], xScale: ScaleKind = .linear,
    yScale: ScaleKind = .linear, yIncludesZero: Bool = false,
    legendPlacement: LegendPlacement = .automatic, width: Double = 720, height: Double = 440
  ) {
    self.title = title
    self.subtitle = subtitle
    self.description = description
    self.xAxisTitle = xAxisTitle
    self.yAxisTitle = yAxisTitle
    self.series = series
    self.xScale = xScale
    self.yScale = yScale
    self.yIncludesZero = yIncludesZero
    self.legendPlacement = legendPlacement
    self.width = width
    self.height = height
  }

  /// The chart as a complete SVG document.
  ///
  /// - Complexity: O(total number of points).
  public func svg() -> String {
    let allPoints = series.flatMap(\.points)
    // An x that is always a whole number counts something (epochs, factors): no tick between.
    let xAxis = AxisScale(
      kind: xScale, covering: allPoints.map(\.x),
      wholeSteps: allPoints.allSatisfy { $0.x == $0.x.rounded() })
    let yAxis = AxisScale(
      kind: yScale, covering: allPoints.map(\.y), includesZero: yIncludesZero && yScale == .linear)
    let showsLegend =
      legendPlacement != .hidden && (series.count > 1 || legendPlacement != .automatic)
    let frame = CartesianFrame(
      width: width, height: height, title: title, subtitle: subtitle, xAxisTitle: xAxisTitle,
      yAxisTitle: yAxisTitle, x: .numeric(xAxis), y: .numeric(yAxis),
      legend: showsLegend ? ChartLegend(entries: legendEntries) : nil,
      legendPlacement: legendPlacement)

    var canvas = SVGCanvas(width: width, height: height)
    frame.drawGrid(into: &canvas)
    for (index, line) in series.enumerated() {
      let color = line.color ?? ChartPalette.color(at: index)
      let points = line.points
        .filter { xAxis.canPlace($0.x) && yAxis.canPlace($0.y) }
        .map {
          CanvasPoint(
            x: frame.x(atFraction: xAxis.fraction(of: $0.x)),
            y: frame.y(atFraction: yAxis.fraction(of: $0.y)))
        }
      canvas.beginGroup(label: "series", attributes: [("data-name", line.name)])
      canvas.polyline(
        points, stroke: color, strokeWidth: 2.5, dash: line.isDashed ? LineDash.pattern : nil)
      // A line of one point draws nothing, so a lone point gets its marker anyway.
      if line.showsMarkers || points.count == 1 {
        let shape = MarkerShape.shape(at: index)
        for point in points {
          shape.draw(into: &canvas, center: point, size: 8, color: color)
        }
      }
      canvas.endGroup()
    }
    frame.drawAnnotations(into: &canvas)
    return canvas.document(title: title, description: description)
  }

  private var legendEntries: [LegendEntry] {
    series.enumerated().map { index, line in
      LegendEntry(
        name: line.name,
        symbol: .line(
          color: line.color ?? ChartPalette.color(at: index), dashed: line.isDashed,
          marker: line.showsMarkers ? MarkerShape.shape(at: index) : nil))
    }
  }
}
