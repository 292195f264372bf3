/// What an axis shows: numbers on a scale, or named categories in equal bands.
enum AxisContent {
  case numeric(AxisScale)
  case categories([String])
}

/// The shared skeleton of line, scatter and bar charts: header, margins sized from the labels
/// they must hold, gridlines, axes, axis titles and legend, around a plot area for the data.
///
/// Margins are measured, not guessed: the left margin is as wide as the widest y label, the
/// bottom margin as tall as the x labels (wrapped or slanted), the legend's column or rows get
/// their own space. That is what keeps text from being clipped or drawn over data.
struct CartesianFrame {
  static let padding = 20.0
  /// Gap between tick labels and the plot area.
  static let tickGap = 8.0
  /// Gap between tick labels and axis titles.
  static let titleGap = 12.0

  let width: Double
  let height: Double
  let header: ChartHeader
  let xContent: AxisContent
  let yContent: AxisContent
  let xAxisTitle: String
  let yAxisTitle: String
  let legend: ChartLegend?
  let legendRows: [[Int]]
  let legendIsOnRight: Bool
  /// Layout of x category labels; nil for a numeric x axis.
  let xCategoryLayout: CategoryLabelLayout?
  /// Wrapped lines of y category labels; empty for a numeric y axis.
  let yCategoryLines: [[String]]
  /// Where the data goes.
  let plot: CanvasRect

  /// - Parameters:
  ///   - legend: The entries to show, or nil for no legend.
  ///   - legendPlacement: `.automatic` picks right or bottom by the legend's width.
  init(
    width: Double, height: Double, title: String, subtitle: String?, xAxisTitle: String,
    yAxisTitle: String, x xContent: AxisContent, y yContent: AxisContent, legend: ChartLegend?,
    legendPlacement: LegendPlacement
  ) {
    let padding = Self.padding
    let tickSize = ChartTypography.tickLabelSize
    self.width = width
    self.height = height
    self.header = ChartHeader(title: title, subtitle: subtitle, width: width)
    self.xContent = xContent
    self.yContent = yContent
    self.xAxisTitle = xAxisTitle
    self.yAxisTitle = yAxisTitle

    // Left: rotated y title, then the widest y label.
    let yLabelWidth: Double
    switch yContent {
    case .numeric(let scale):
      yCategoryLines = []
      yLabelWidth = TextMetrics.maximumWidth(of: scale.ticks.map(\.label), fontSize: tickSize)
    case .categories(let names):
      yCategoryLines = names.map {
        LabelWrapping.lines($0, maximumWidth: width * 0.3, fontSize: tickSize)
      }
      yLabelWidth = TextMetrics.maximumWidth(of: yCategoryLines.flatMap { $0 }, fontSize: tickSize)
    }
    let yTitleSpace = yAxisTitle.isEmpty ? 0 : ChartTypography.axisTitleSize + Self.titleGap
    var left = padding + yTitleSpace + yLabelWidth + Self.tickGap

    // Legend: a column on the right, or rows at the bottom.
    let resolvedLegend = legend.flatMap { $0.entries.isEmpty ? nil : $0 }
    let onRight: Bool
    switch legendPlacement {
    case .right: onRight = true
    case .bottom, .hidden: onRight = false
    case .automatic: onRight = (resolvedLegend?.columnWidth ?? 0) <= width * 0.25
    }
    self.legend = legendPlacement == .hidden ? nil : resolvedLegend
    self.legendIsOnRight = self.legend != nil && onRight
    self.legendRows =
      self.legend != nil && !onRight
      ? resolvedLegend!.rows(maximumWidth: width - 2 * padding) : []

    // Right: the legend column, or room for half of the last x tick label.
    var right = padding
    if case .numeric(let scale) = xContent {
      let ticks = scale.ticks
      let firstHalf = TextMetrics.width(of: ticks.first?.label ?? "", fontSize: tickSize) / 2
      let lastHalf = TextMetrics.width(of: ticks.last?.label ?? "", fontSize: tickSize) / 2
      left = max(left, padding + firstHalf)
      right = max(right, lastHalf + 6)
    }
    if legendIsOnRight, let legend = self.legend {
      right = legend.columnWidth + 24 + padding
    }

    // Bottom: x labels (their height depends on the plot width for categories), x title,
    // legend rows.
    var categoryLayout: CategoryLabelLayout? = nil
    var xLabelHeight = tickSize * 0.8 + 3
    if case .categories(let names) = xContent, !names.isEmpty {
      var layout = CategoryLabelLayout(
        labels: names, slotWidth: (width - left - right) / Double(names.count),
        fontSize: tickSize)
      // Slanted labels reach left from the first band; widen the margin and lay out again.
      let firstBandHalf = (width - left - right) / Double(names.count) / 2
      if layout.isSlanted && layout.slantReach - firstBandHalf > left - padding {
        left = padding + layout.slantReach - firstBandHalf
        layout = CategoryLabelLayout(
          labels: names, slotWidth: (width - left - right) / Double(names.count),
          fontSize: tickSize)
      }
      categoryLayout = layout
      xLabelHeight = layout.blockHeight
    }
    self.xCategoryLayout = categoryLayout
    var bottom = Self.tickGap + xLabelHeight + padding
    if !xAxisTitle.isEmpty {
      bottom += Self.titleGap + ChartTypography.axisTitleSize
    }
    if !legendRows.isEmpty {
      bottom += 14 + Double(legendRows.count) * ChartLegend.rowHeight - 6
    }
    let top = header.height + 20
    plot = CanvasRect(
      x: left, y: top, width: max(1, width - left - right), height: max(1, height - top - bottom))
  }

  // MARK: Positions

  /// The pixel x of a fraction (0…1) along the x axis.
  func x(atFraction fraction: Double) -> Double { plot.x + fraction * plot.width }

  /// The pixel y of a fraction (0…1) up the y axis.
  func y(atFraction fraction: Double) -> Double { plot.maxY - fraction * plot.height }

  /// Width of one x category band.
  var xBandWidth: Double {
    guard case .categories(let names) = xContent, !names.isEmpty else { return plot.width }
    return plot.width / Double(names.count)
  }

  /// Height of one y category band.
  var yBandHeight: Double {
    guard case .categories(let names) = yContent, !names.isEmpty else { return plot.height }
    return plot.height / Double(names.count)
  }

  // MARK: Drawing

  /// Gridlines and (if `drawsBaseline`) the x axis line, drawn first so data lies on top.
  func drawGrid(into canvas: inout SVGCanvas, drawsBaseline: Bool = true) {
    canvas.beginGroup(label: "grid")
    if case .numeric(let scale) = xContent {
      for value in scale.minorTicks {
        let x = x(atFraction: scale.fraction(of: value))
        canvas.line(
          from: CanvasPoint(x: x, y: plot.y), to: CanvasPoint(x: x, y: plot.maxY),
          stroke: ChartPalette.minorGrid)
      }
      for tick in scale.ticks {
        let x = x(atFraction: scale.fraction(of: tick.value))
        canvas.line(
          from: CanvasPoint(x: x, y: plot.y), to: CanvasPoint(x: x, y: plot.maxY),
          stroke: ChartPalette.grid)
      }
    }
    if case .numeric(let scale) = yContent {
      for value in scale.minorTicks {
        let y = y(atFraction: scale.fraction(of: value))
        canvas.line(
          from: CanvasPoint(x: plot.x, y: y), to: CanvasPoint(x: plot.maxX, y: y),
          stroke: ChartPalette.minorGrid)
      }
      for tick in scale.ticks {
        let y = y(atFraction: scale.fraction(of: tick.value))
        canvas.line(
          from: CanvasPoint(x: plot.x, y: y), to: CanvasPoint(x: plot.maxX, y: y),
          stroke: ChartPalette.grid)
      }
    }
    if drawsBaseline {
      canvas.line(
        from: CanvasPoint(x: plot.x, y: plot.maxY), to: CanvasPoint(x: plot.maxX, y: plot.maxY),
        stroke: ChartPalette.axis)
    }
    canvas.endGroup()
  }

  /// Header, tick labels, axis titles and legend, drawn after the data.
  func drawAnnotations(into canvas: inout SVGCanvas) {
    header.draw(into: &canvas)
    drawXAxis(into: &canvas)
    drawYAxis(into: &canvas)
    drawLegend(into: &canvas)
  }

  private func drawXAxis(into canvas: inout SVGCanvas) {
    let tickSize = ChartTypography.tickLabelSize
    canvas.beginGroup(label: "x-axis")
    let labelTop = plot.maxY + Self.tickGap
    var labelHeight = tickSize * 0.8 + 3
    switch xContent {
    case .numeric(let scale):
      for tick in scale.ticks {
        canvas.text(
          tick.label, x: x(atFraction: scale.fraction(of: tick.value)),
          y: labelTop + tickSize * 0.8, size: tickSize, fill: ChartPalette.secondaryText,
          anchor: .middle)
      }
    case .categories:
      if let layout = xCategoryLayout {
        labelHeight = layout.blockHeight
        for (index, lines) in layout.lines.enumerated() {
          let centerX = plot.x + (Double(index) + 0.5) * xBandWidth
          if layout.isSlanted {
            // The end of the text sits just below the band centre and the label runs down-left.
            let anchorX = centerX + tickSize * 0.3
            let anchorY = labelTop + tickSize * 0.5
            canvas.text(
              lines[0], x: anchorX, y: anchorY, size: tickSize, fill: ChartPalette.secondaryText,
              anchor: .end, rotation: CategoryLabelLayout.slantDegrees)
          } else {
            canvas.text(
              lines: lines, x: centerX, y: labelTop + tickSize * 0.8, size: tickSize,
              fill: ChartPalette.secondaryText, anchor: .middle)
          }
        }
      }
    }
    if !xAxisTitle.isEmpty {
      canvas.text(
        xAxisTitle, x: plot.x + plot.width / 2,
        y: labelTop + labelHeight + Self.titleGap + ChartTypography.axisTitleSize * 0.8,
        size: ChartTypography.axisTitleSize, fill: ChartPalette.text, anchor: .middle)
    }
    canvas.endGroup()
  }

  private func drawYAxis(into canvas: inout SVGCanvas) {
    let tickSize = ChartTypography.tickLabelSize
    canvas.beginGroup(label: "y-axis")
    let labelX = plot.x - Self.tickGap
    switch yContent {
    case .numeric(let scale):
      for tick in scale.ticks {
        canvas.text(
          tick.label, x: labelX, y: y(atFraction: scale.fraction(of: tick.value)) + tickSize * 0.35,
          size: tickSize, fill: ChartPalette.secondaryText, anchor: .end)
      }
    case .categories:
      let lineHeight = tickSize * ChartTypography.lineHeight
      for (index, lines) in yCategoryLines.enumerated() {
        let centerY = plot.y + (Double(index) + 0.5) * yBandHeight
        let firstBaseline =
          centerY - Double(lines.count - 1) * lineHeight / 2 + tickSize * 0.35
        canvas.text(
          lines: lines, x: labelX, y: firstBaseline, size: tickSize, fill: ChartPalette.text,
          anchor: .end)
      }
    }
    if !yAxisTitle.isEmpty {
      let titleX = Self.padding + ChartTypography.axisTitleSize * 0.8
      let titleY = plot.y + plot.height / 2
      canvas.text(
        yAxisTitle, x: titleX, y: titleY, size: ChartTypography.axisTitleSize,
        fill: ChartPalette.text, anchor: .middle, rotation: -90)
    }
    canvas.endGroup()
  }

  private func drawLegend(into canvas: inout SVGCanvas) {
    guard let legend else { return }
    if legendIsOnRight {
      legend.drawColumn(into: &canvas, x: plot.maxX + 24, top: plot.y)
    } else {
      let legendTop = height - Self.padding - Double(legendRows.count) * ChartLegend.rowHeight + 4
      legend.drawRows(legendRows, into: &canvas, centerX: width / 2, top: legendTop)
    }
  }
}
