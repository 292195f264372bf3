/// A single heatmap: the ratings matrix R with its gaps, a predicted matrix, a similarity
/// table. Each cell shows its value as colour and as a printed number; a colour bar on the
/// right shows the scale.
public struct Heatmap: Sendable {
  public var title: String
  public var subtitle: String?
  /// The SVG `<desc>`: what the chart shows, for readers who cannot see it.
  public var description: String
  public var grid: HeatmapGrid
  /// What the rows are ("User"), drawn rotated left of the row labels; nil for none.
  public var rowAxisTitle: String?
  /// What the columns are ("Movie"), drawn above the column labels; nil for none.
  public var columnAxisTitle: String?
  /// The colour bar's heading, with units ("Rating (stars)"); nil for none.
  public var legendTitle: String?
  /// The colour bar's label for hatched cells, shown when some value is missing.
  public var missingLegendLabel: String
  public var width: Double
  /// The most height the chart may take; a small grid gives a shorter SVG, not empty space.
  public var height: Double

  /// - Parameters:
  ///   - grid: Values, labels, decimals and colour map.
  ///   - missingLegendLabel: How the legend names a hatched cell ("not rated").
  public init(
    title: String, subtitle: String? = nil, description: String, grid: HeatmapGrid,
    rowAxisTitle: String? = nil, columnAxisTitle: String? = nil, legendTitle: String? = nil,
    missingLegendLabel: String = "missing", width: Double = 720, height: Double = 440
  ) {
    self.title = title
    self.subtitle = subtitle
    self.description = description
    self.grid = grid
    self.rowAxisTitle = rowAxisTitle
    self.columnAxisTitle = columnAxisTitle
    self.legendTitle = legendTitle
    self.missingLegendLabel = missingLegendLabel
    self.width = width
    self.height = height
  }

  private static let padding = 20.0
  private static let gradientID = "heatmap-scale"
  private static let legendGap = 28.0
  private static let barWidth = 14.0

  /// The chart as a complete SVG document.
  ///
  /// - Complexity: O(rows × columns).
  public func svg() -> String {
    let padding = Self.padding
    let header = ChartHeader(title: title, subtitle: subtitle, width: width)
    let rowTitleSpace = rowAxisTitle == nil ? 0 : ChartTypography.axisTitleSize + 12
    let columnTitleSpace = columnAxisTitle == nil ? 0 : ChartTypography.axisTitleSize + 10
    let legendSpace = Self.legendGap + legendWidth

    // Cell width from the space left over (capped so a small grid is not stretched into
    // bands); slanted column labels reaching right take part of that space, so measure twice.
    let columns = Double(max(1, grid.columnCount))
    let rows = Double(max(1, grid.rowCount))
    func layout(reservingRight overhang: Double) -> HeatmapGridLayout {
      let probe = HeatmapGridLayout(grid: grid, cellWidth: 1, cellHeight: 1)
      let available =
        width - 2 * padding - rowTitleSpace - probe.rowLabelWidth - legendSpace
        - overhang
      let cellWidth = max(24, min(110, available / columns))
      let top = header.height + 20 + columnTitleSpace
      let columnLabelHeight =
        HeatmapGridLayout(grid: grid, cellWidth: cellWidth, cellHeight: 1).columnLabelHeight
      let cellHeight = max(20, min(56, (height - top - columnLabelHeight - padding) / rows))
      return HeatmapGridLayout(grid: grid, cellWidth: cellWidth, cellHeight: cellHeight)
    }
    var blockLayout = layout(reservingRight: 0)
    if blockLayout.rightOverhang > 0 {
      blockLayout = layout(reservingRight: blockLayout.rightOverhang)
    }

    // Centre the block (row title, labels, grid, legend) horizontally.
    let blockWidth = rowTitleSpace + blockLayout.width + legendSpace
    let blockLeft = max(padding, (width - blockWidth) / 2)
    let gridLeft = blockLeft + rowTitleSpace + blockLayout.rowLabelWidth
    let gridTop = header.height + 20 + columnTitleSpace + blockLayout.columnLabelHeight

    // Cells are capped in size, so a small grid would leave a blank band at the bottom: end the
    // document below the grid (or the colour bar's missing-value swatch) instead.
    let legendBottom = gridTop + legendHeight(gridHeight: blockLayout.gridHeight)
    let usedHeight = max(gridTop + blockLayout.gridHeight, legendBottom) + padding
    var canvas = SVGCanvas(width: width, height: min(height, usedHeight))
    canvas.define(HeatmapGridLayout.hatchPatternDefinition)
    canvas.define(
      "<linearGradient id=\"\(Self.gradientID)\" x1=\"0\" y1=\"1\" x2=\"0\" y2=\"0\">"
        + grid.colorMap.gradientStops.joined() + "</linearGradient>")
    header.draw(into: &canvas)
    if let columnAxisTitle {
      canvas.text(
        columnAxisTitle, x: gridLeft + blockLayout.gridWidth / 2,
        y: header.height + 20 + ChartTypography.axisTitleSize * 0.8,
        size: ChartTypography.axisTitleSize, fill: ChartPalette.text, anchor: .middle)
    }
    if let rowAxisTitle {
      canvas.text(
        rowAxisTitle, x: blockLeft + ChartTypography.axisTitleSize * 0.8,
        y: gridTop + blockLayout.gridHeight / 2, size: ChartTypography.axisTitleSize,
        fill: ChartPalette.text, anchor: .middle, rotation: -90)
    }
    blockLayout.draw(into: &canvas, gridLeft: gridLeft, gridTop: gridTop)
    drawLegend(
      into: &canvas,
      left: gridLeft + blockLayout.gridWidth + blockLayout.rightOverhang + Self.legendGap,
      top: gridTop, gridHeight: blockLayout.gridHeight)
    return canvas.document(title: title, description: description)
  }

  // MARK: Colour legend

  private var rangeLabels: (low: String, high: String) {
    let range = grid.resolvedRange
    return (
      SVGNumber.label(range.lowerBound, decimals: grid.decimals),
      SVGNumber.label(range.upperBound, decimals: grid.decimals)
    )
  }

  private var legendWidth: Double {
    let size = ChartTypography.legendSize
    let labels = rangeLabels
    var width =
      Self.barWidth + 6 + TextMetrics.maximumWidth(of: [labels.low, labels.high], fontSize: size)
    if let legendTitle {
      width = max(width, TextMetrics.width(of: legendTitle, fontSize: size))
    }
    if grid.hasMissingValues {
      width = max(
        width, Self.barWidth + 6 + TextMetrics.width(of: missingLegendLabel, fontSize: size))
    }
    return width
  }

  private var legendTitleSpace: Double {
    legendTitle == nil ? 0 : ChartTypography.legendSize + 10
  }

  private var missingSwatchSpace: Double { grid.hasMissingValues ? 30 : 0 }

  private func barHeight(gridHeight: Double) -> Double {
    max(40, min(180, gridHeight - legendTitleSpace - missingSwatchSpace))
  }

  /// Height of the legend from the grid's top to the bottom of its last element.
  private func legendHeight(gridHeight: Double) -> Double {
    legendTitleSpace + barHeight(gridHeight: gridHeight) + missingSwatchSpace
  }

  /// A vertical gradient bar, high at the top, labelled with the range's ends; below it a
  /// hatched swatch for missing cells.
  private func drawLegend(
    into canvas: inout SVGCanvas, left: Double, top: Double, gridHeight: Double
  ) {
    let size = ChartTypography.legendSize
    canvas.beginGroup(label: "color-scale")
    if let legendTitle {
      canvas.text(legendTitle, x: left, y: top + size * 0.8, size: size, fill: ChartPalette.text)
    }
    let barTop = top + legendTitleSpace
    let barHeight = barHeight(gridHeight: gridHeight)
    canvas.rect(
      x: left, y: barTop, width: Self.barWidth, height: barHeight,
      fill: "url(#\(Self.gradientID))", stroke: ChartPalette.grid)
    let labels = rangeLabels
    canvas.text(
      labels.high, x: left + Self.barWidth + 6, y: barTop + size * 0.8, size: size,
      fill: ChartPalette.secondaryText)
    canvas.text(
      labels.low, x: left + Self.barWidth + 6, y: barTop + barHeight, size: size,
      fill: ChartPalette.secondaryText)
    if grid.hasMissingValues {
      let swatchTop = barTop + barHeight + 16
      canvas.rect(
        x: left, y: swatchTop, width: Self.barWidth, height: Self.barWidth,
        fill: "url(#\(HeatmapGridLayout.hatchPatternID))", stroke: ChartPalette.missingHatch)
      canvas.text(
        missingLegendLabel, x: left + Self.barWidth + 6,
        y: swatchTop + Self.barWidth / 2 + size * 0.35, size: size, fill: ChartPalette.secondaryText
      )
    }
    canvas.endGroup()
  }
}
