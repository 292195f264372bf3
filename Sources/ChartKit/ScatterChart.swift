/// A scatter plot of named points in groups: users and movies placed by their two latent
/// factors, each point labelled with its name.
public struct ScatterChart: Sendable {
  public var title: String
  public var subtitle: String?
  /// The SVG `<desc>`: what the chart shows, for readers who cannot see it.
  public var description: String
  public var xAxisTitle: String
  public var yAxisTitle: String
  public var groups: [ScatterGroup]
  /// Draw the lines x = 0 and y = 0 when they fall inside the plot (factor plots).
  public var showsZeroLines: Bool
  public var legendPlacement: LegendPlacement
  public var width: Double
  public var height: Double

  /// - Parameters:
  ///   - groups: Point groups, each with its own colour and marker shape.
  ///   - showsZeroLines: Draw the axes through the origin.
  public init(
    title: String, subtitle: String? = nil, description: String, xAxisTitle: String,
    yAxisTitle: String, groups: [ScatterGroup], showsZeroLines: Bool = true,
    legendPlacement: LegendPlacement = .automatic, width: Double = 720, height: Double = 440
  ) {
    self.title = title
    self.subtitle = subtitle
    self.description = description
    self.xAxisTitle = xAxisTitle
    self.yAxisTitle = yAxisTitle
    self.groups = groups
    self.showsZeroLines = showsZeroLines
    self.legendPlacement = legendPlacement
    self.width = width
    self.height = height
  }

  private static let markerSize = 11.0

  /// The chart as a complete SVG document.
  ///
  /// - Complexity: O(n²) in the number of points, for label placement.
  public func svg() -> String {
    let points = groups.flatMap(\.points).filter { $0.x.isFinite && $0.y.isFinite }
    // Pad the data range so markers and their labels do not sit on the frame.
    let xs = points.map(\.x)
    let ys = points.map(\.y)
    let xSpan = max((xs.max() ?? 1) - (xs.min() ?? 0), 1e-9)
    let ySpan = max((ys.max() ?? 1) - (ys.min() ?? 0), 1e-9)
    let yScale = AxisScale.linear(
      NiceScale(minimum: (ys.min() ?? 0) - 0.08 * ySpan, maximum: (ys.max() ?? 1) + 0.08 * ySpan))
    let showsLegend =
      legendPlacement != .hidden && (groups.count > 1 || legendPlacement != .automatic)
    let legend = ChartLegend(
      entries: groups.enumerated().map { index, group in
        LegendEntry(name: group.name, symbol: .marker(shape(of: index), color: color(of: index)))
      })
    func makeFrame(_ xScale: AxisScale) -> CartesianFrame {
      CartesianFrame(
        width: width, height: height, title: title, subtitle: subtitle, xAxisTitle: xAxisTitle,
        yAxisTitle: yAxisTitle, x: .numeric(xScale), y: .numeric(yScale),
        legend: showsLegend ? legend : nil, legendPlacement: legendPlacement)
    }
    // Labels go right of their markers first. Stretch the x range so every label fits right of
    // its point, and none has to flip left into a neighbour: with plot width W, range
    // minimum…maximum and a label L pixels long at x, (maximum − x) · W / (maximum − minimum) ≥ L
    // gives maximum ≥ (x · W − L · minimum) / (W − L).
    let minimumX = (xs.min() ?? 0) - 0.06 * xSpan
    let paddedMaximumX = (xs.max() ?? 1) + 0.06 * xSpan
    let plotWidth = makeFrame(.linear(NiceScale(minimum: minimumX, maximum: paddedMaximumX)))
      .plot.width
    let neededMaximum =
      points.map { point -> Double in
        let labelLength =
          TextMetrics.width(of: point.label, fontSize: ChartTypography.pointLabelSize)
          + Self.markerSize + 6
        // A label longer than half the plot cannot fit by stretching; it will flip left.
        guard labelLength < plotWidth / 2 else { return paddedMaximumX }
        return (point.x * plotWidth - labelLength * minimumX) / (plotWidth - labelLength)
      }.max() ?? paddedMaximumX
    let xScale = AxisScale.linear(
      NiceScale(minimum: minimumX, maximum: max(paddedMaximumX, neededMaximum)))
    let frame = makeFrame(xScale)

    var canvas = SVGCanvas(width: width, height: height)
    frame.drawGrid(into: &canvas)
    if showsZeroLines { drawZeroLines(into: &canvas, frame: frame, x: xScale, y: yScale) }

    func position(_ point: LabelledPoint) -> CanvasPoint {
      CanvasPoint(
        x: frame.x(atFraction: xScale.fraction(of: point.x)),
        y: frame.y(atFraction: yScale.fraction(of: point.y)))
    }
    for (index, group) in groups.enumerated() {
      canvas.beginGroup(label: "points", attributes: [("data-name", group.name)])
      for point in group.points where point.x.isFinite && point.y.isFinite {
        shape(of: index).draw(
          into: &canvas, center: position(point), size: Self.markerSize, color: color(of: index))
      }
      canvas.endGroup()
    }

    let placer = LabelPlacer(
      bounds: frame.plot, fontSize: ChartTypography.pointLabelSize,
      markerRadius: Self.markerSize / 2 + 1)
    let placements = placer.place(points.map { (position($0), $0.label) })
    canvas.beginGroup(label: "point-labels")
    for placement in placements {
      canvas.text(
        placement.text, x: placement.x, y: placement.baseline,
        size: ChartTypography.pointLabelSize, fill: ChartPalette.text, anchor: placement.anchor)
    }
    canvas.endGroup()
    frame.drawAnnotations(into: &canvas)
    return canvas.document(title: title, description: description)
  }

  private func color(of groupIndex: Int) -> String {
    groups[groupIndex].color ?? ChartPalette.color(at: groupIndex)
  }

  private func shape(of groupIndex: Int) -> MarkerShape {
    groups[groupIndex].marker ?? MarkerShape.shape(at: groupIndex)
  }

  private func drawZeroLines(
    into canvas: inout SVGCanvas, frame: CartesianFrame, x: AxisScale, y: AxisScale
  ) {
    canvas.beginGroup(label: "zero-lines")
    let xZero = x.fraction(of: 0)
    if xZero > 0 && xZero < 1 {
      let position = frame.x(atFraction: xZero)
      canvas.line(
        from: CanvasPoint(x: position, y: frame.plot.y),
        to: CanvasPoint(x: position, y: frame.plot.maxY), stroke: "#9a9a9a")
    }
    let yZero = y.fraction(of: 0)
    if yZero > 0 && yZero < 1 {
      let position = frame.y(atFraction: yZero)
      canvas.line(
        from: CanvasPoint(x: frame.plot.x, y: position),
        to: CanvasPoint(x: frame.plot.maxX, y: position), stroke: "#9a9a9a")
    }
    canvas.endGroup()
  }
}
