/// One legend line: a symbol that looks like the series, and its name.
struct LegendEntry {
  enum Symbol {
    case line(color: String, dashed: Bool, marker: MarkerShape?)
    case box(color: String)
    case marker(MarkerShape, color: String)
  }

  let name: String
  let symbol: Symbol
}

/// A legend's measurements and drawing, either as a column or as wrapped rows.
struct ChartLegend {
  static let symbolWidth = 24.0
  static let symbolGap = 8.0
  static let rowHeight = 20.0
  static let columnGap = 22.0

  let entries: [LegendEntry]

  /// Width of one entry: symbol, gap, name.
  func entryWidth(_ entry: LegendEntry) -> Double {
    Self.symbolWidth + Self.symbolGap
      + TextMetrics.width(of: entry.name, fontSize: ChartTypography.legendSize)
  }

  /// Width of the legend as a single column.
  var columnWidth: Double { entries.map(entryWidth).max() ?? 0 }

  /// Height of the legend as a single column.
  var columnHeight: Double { Double(entries.count) * Self.rowHeight }

  /// Entry indices grouped into rows that each fit in `maximumWidth`, in order.
  func rows(maximumWidth: Double) -> [[Int]] {
    var rows: [[Int]] = []
    var current: [Int] = []
    var currentWidth = 0.0
    for (index, entry) in entries.enumerated() {
      let width = entryWidth(entry)
      let needed = current.isEmpty ? width : currentWidth + Self.columnGap + width
      if !current.isEmpty && needed > maximumWidth {
        rows.append(current)
        current = [index]
        currentWidth = width
      } else {
        current.append(index)
        currentWidth = needed
      }
    }
    if !current.isEmpty { rows.append(current) }
    return rows
  }

  /// Draws the entries one under another, the first row's centre line at `top + rowHeight / 2`.
  func drawColumn(into canvas: inout SVGCanvas, x: Double, top: Double) {
    canvas.beginGroup(label: "legend")
    for (index, entry) in entries.enumerated() {
      drawEntry(entry, into: &canvas, x: x, centerY: top + (Double(index) + 0.5) * Self.rowHeight)
    }
    canvas.endGroup()
  }

  /// Draws `rows` centred on `centerX`, each row `rowHeight` tall, starting at `top`.
  func drawRows(_ rows: [[Int]], into canvas: inout SVGCanvas, centerX: Double, top: Double) {
    canvas.beginGroup(label: "legend")
    for (rowIndex, row) in rows.enumerated() {
      let rowWidth =
        row.map { entryWidth(entries[$0]) }.reduce(0, +) + Double(row.count - 1) * Self.columnGap
      var x = centerX - rowWidth / 2
      let centerY = top + (Double(rowIndex) + 0.5) * Self.rowHeight
      for index in row {
        drawEntry(entries[index], into: &canvas, x: x, centerY: centerY)
        x += entryWidth(entries[index]) + Self.columnGap
      }
    }
    canvas.endGroup()
  }

  private func drawEntry(
    _ entry: LegendEntry, into canvas: inout SVGCanvas, x: Double, centerY: Double
  ) {
    let symbolCenter = CanvasPoint(x: x + Self.symbolWidth / 2, y: centerY)
    switch entry.symbol {
    case .line(let color, let dashed, let marker):
      canvas.line(
        from: CanvasPoint(x: x, y: centerY), to: CanvasPoint(x: x + Self.symbolWidth, y: centerY),
        stroke: color, strokeWidth: 2.5, dash: dashed ? LineDash.pattern : nil)
      marker?.draw(into: &canvas, center: symbolCenter, size: 8, color: color)
    case .box(let color):
      canvas.rect(
        x: symbolCenter.x - 6, y: centerY - 6, width: 12, height: 12, fill: color,
        cornerRadius: 2)
    case .marker(let shape, let color):
      shape.draw(into: &canvas, center: symbolCenter, size: 10, color: color)
    }
    canvas.text(
      entry.name, x: x + Self.symbolWidth + Self.symbolGap,
      y: centerY + ChartTypography.legendSize * 0.35, size: ChartTypography.legendSize,
      fill: ChartPalette.text)
  }
}

/// The dash pattern of dashed series.
enum LineDash {
  static let pattern = "7 4"
}
