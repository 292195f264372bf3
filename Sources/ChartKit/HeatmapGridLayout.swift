/// Measures and draws one `HeatmapGrid` at a given cell size: row labels on the left, column
/// labels on top (wrapped or slanted to fit), then the coloured cells with their values.
struct HeatmapGridLayout {
  static let labelGap = 8.0
  /// The id of the hatch pattern that fills missing cells (defined once per document).
  static let hatchPatternID = "missing-hatch"

  let grid: HeatmapGrid
  let cellWidth: Double
  let cellHeight: Double
  /// Width of the row labels plus their gap; 0 without row labels.
  let rowLabelWidth: Double
  let columnLabels: CategoryLabelLayout?

  init(grid: HeatmapGrid, cellWidth: Double, cellHeight: Double) {
    self.grid = grid
    self.cellWidth = cellWidth
    self.cellHeight = cellHeight
    let labelSize = ChartTypography.tickLabelSize
    rowLabelWidth =
      grid.rowLabels.isEmpty
      ? 0 : TextMetrics.maximumWidth(of: grid.rowLabels, fontSize: labelSize) + Self.labelGap
    columnLabels =
      grid.columnLabels.isEmpty
      ? nil
      : CategoryLabelLayout(labels: grid.columnLabels, slotWidth: cellWidth, fontSize: labelSize)
  }

  var gridWidth: Double { Double(grid.columnCount) * cellWidth }
  var gridHeight: Double { Double(grid.rowCount) * cellHeight }

  /// Height of the column labels plus their gap; 0 without column labels.
  var columnLabelHeight: Double {
    columnLabels.map { $0.blockHeight + Self.labelGap } ?? 0
  }

  /// How far slanted column labels reach right of the grid.
  var rightOverhang: Double {
    guard let columnLabels, columnLabels.isSlanted else { return 0 }
    return max(0, columnLabels.slantReach - cellWidth / 2)
  }

  /// The whole block: labels and grid.
  var width: Double { rowLabelWidth + gridWidth + rightOverhang }
  var height: Double { columnLabelHeight + gridHeight }

  /// The font size of cell values: 13px, smaller in short cells, never below 11px.
  private var valueSize: Double {
    max(ChartTypography.valueLabelSize, min(ChartTypography.cellValueSize, cellHeight * 0.42))
  }

  /// The hatch pattern for missing cells, to add to the document's `<defs>` once.
  static var hatchPatternDefinition: String {
    "<pattern id=\"\(hatchPatternID)\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" "
      + "patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" "
      + "fill=\"\(ChartPalette.missingFill)\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" "
      + "stroke=\"\(ChartPalette.missingHatch)\" stroke-width=\"1.5\"/></pattern>"
  }

  /// Draws the block with its grid's top-left corner at (`gridLeft`, `gridTop`).
  func draw(into canvas: inout SVGCanvas, gridLeft: Double, gridTop: Double) {
    let labelSize = ChartTypography.tickLabelSize
    canvas.beginGroup(label: "heatmap")
    for (rowIndex, label) in grid.rowLabels.enumerated() {
      canvas.text(
        label, x: gridLeft - Self.labelGap,
        y: gridTop + (Double(rowIndex) + 0.5) * cellHeight + labelSize * 0.35, size: labelSize,
        fill: ChartPalette.text, anchor: .end)
    }
    if let columnLabels {
      drawColumnLabels(columnLabels, into: &canvas, gridLeft: gridLeft, gridTop: gridTop)
    }
    for (rowIndex, row) in grid.values.enumerated() {
      for (columnIndex, value) in row.enumerated() {
        drawCell(
          value, into: &canvas, x: gridLeft + Double(columnIndex) * cellWidth,
          y: gridTop + Double(rowIndex) * cellHeight)
      }
    }
    canvas.endGroup()
  }

  private func drawColumnLabels(
    _ layout: CategoryLabelLayout, into canvas: inout SVGCanvas, gridLeft: Double,
    gridTop: Double
  ) {
    let labelSize = ChartTypography.tickLabelSize
    let lastBaseline = gridTop - Self.labelGap - 3
    for (index, lines) in layout.lines.enumerated() {
      let centerX = gridLeft + (Double(index) + 0.5) * cellWidth
      if layout.isSlanted {
        // Rising to the right from just above the column's centre.
        canvas.text(
          lines[0], x: centerX - labelSize * 0.3, y: lastBaseline, size: labelSize,
          fill: ChartPalette.text, anchor: .start, rotation: CategoryLabelLayout.slantDegrees)
      } else {
        // Bottom-aligned, so every label's last line sits right above its column.
        let lineHeight = labelSize * ChartTypography.lineHeight
        canvas.text(
          lines: lines, x: centerX, y: lastBaseline - Double(lines.count - 1) * lineHeight,
          size: labelSize, fill: ChartPalette.text, anchor: .middle)
      }
    }
  }

  private func drawCell(_ value: Double?, into canvas: inout SVGCanvas, x: Double, y: Double) {
    let center = CanvasPoint(x: x + cellWidth / 2, y: y + cellHeight / 2)
    guard let value, value.isFinite else {
      canvas.rect(
        x: x, y: y, width: cellWidth, height: cellHeight, fill: "url(#\(Self.hatchPatternID))",
        stroke: "#ffffff", strokeWidth: 2)
      if !grid.missingSymbol.isEmpty {
        canvas.text(
          grid.missingSymbol, x: center.x, y: center.y + valueSize * 0.35, size: valueSize,
          fill: ChartPalette.secondaryText, anchor: .middle)
      }
      return
    }
    let fraction = grid.fraction(of: value)
    canvas.rect(
      x: x, y: y, width: cellWidth, height: cellHeight,
      fill: grid.colorMap.color(at: fraction), stroke: "#ffffff", strokeWidth: 2)
    canvas.text(
      SVGNumber.label(value, decimals: grid.decimals), x: center.x,
      y: center.y + valueSize * 0.35, size: valueSize,
      fill: grid.colorMap.textColor(at: fraction), anchor: .middle)
  }
}
