/// Several heatmaps side by side in one SVG, with operator symbols between them, like an
/// equation: R ≈ P × Qᵀ. Each matrix has a caption beneath it; all are centred on one line.
public struct HeatmapPanel: Sendable {
  /// One element of the row: a matrix with its caption, or a symbol such as "≈" or "×".
  public enum Item: Sendable, Equatable {
    /// A matrix; its caption (which may contain "\n") is drawn below it.
    case grid(HeatmapGrid, caption: String)
    /// An operator drawn large between its neighbours.
    case symbol(String)
  }

  public var title: String
  public var subtitle: String?
  /// The SVG `<desc>`: what the panel shows, for readers who cannot see it.
  public var description: String
  public var items: [Item]
  /// A small line of text at the bottom, e.g. how colours are scaled.
  public var note: String?
  public var cellWidth: Double
  public var cellHeight: Double

  /// - Parameters:
  ///   - items: Matrices and symbols, left to right.
  ///   - cellWidth: Width of every cell; the panel's width follows from the content.
  ///   - cellHeight: Height of every cell.
  public init(
    title: String, subtitle: String? = nil, description: String, items: [Item],
    note: String? = nil, cellWidth: Double = 52, cellHeight: Double = 32
  ) {
    self.title = title
    self.subtitle = subtitle
    self.description = description
    self.items = items
    self.note = note
    self.cellWidth = cellWidth
    self.cellHeight = cellHeight
  }

  private static let padding = 20.0
  private static let itemGap = 14.0
  private static let symbolSize = 28.0
  private static let minimumWidth = 640.0

  /// An item measured for placement.
  private enum Placed {
    /// `inset`: how far the block starts right of the item's left edge (a caption wider than
    /// the block reaches further left).
    /// `hang`: the part of `width` taken only by slanted column labels above the grid, which
    /// a following symbol (drawn at mid-height) may share.
    case grid(
      HeatmapGridLayout, captionLines: [String], inset: Double, width: Double, hang: Double)
    case symbol(String, width: Double)

    var width: Double {
      switch self {
      case .grid(_, _, _, let width, _), .symbol(_, let width): width
      }
    }
  }

  /// How far each item advances the pen: a grid followed by a symbol hands its label overhang
  /// to the symbol, so the "≈" sits close to R instead of beyond R's slanted labels.
  private static func advances(_ placed: [Placed]) -> [Double] {
    var advances = placed.map(\.width)
    for index in placed.indices.dropFirst() {
      guard case .symbol = placed[index],
        case .grid(_, _, _, _, let hang) = placed[index - 1], hang > 0
      else { continue }
      advances[index - 1] -= hang
      advances[index] = max(advances[index], hang - itemGap)
    }
    return advances
  }

  /// The panel as a complete SVG document; its width and height follow from the content.
  ///
  /// - Complexity: O(total cells).
  public func svg() -> String {
    let padding = Self.padding
    let captionSize = ChartTypography.subtitleSize
    let placed = items.map { item -> Placed in
      switch item {
      case .grid(let grid, let caption):
        let layout = HeatmapGridLayout(grid: grid, cellWidth: cellWidth, cellHeight: cellHeight)
        // Captions may be as wide as the block, or 150px for narrow matrices such as P.
        let captionWidth = max(layout.rowLabelWidth + layout.gridWidth, 150)
        let lines = LabelWrapping.lines(caption, maximumWidth: captionWidth, fontSize: captionSize)
        // The caption is centred under the grid and may overhang the block on either side.
        let gridCenter = layout.rowLabelWidth + layout.gridWidth / 2
        let halfCaption = TextMetrics.maximumWidth(of: lines, fontSize: captionSize) / 2
        let inset = max(0, halfCaption - gridCenter)
        let width = inset + max(layout.width, gridCenter + halfCaption)
        let withoutOverhang =
          inset + max(layout.width - layout.rightOverhang, gridCenter + halfCaption)
        return .grid(
          layout, captionLines: lines, inset: inset, width: width, hang: width - withoutOverhang)
      case .symbol(let symbol):
        let width = TextMetrics.width(of: symbol, fontSize: Self.symbolSize) + 8
        return .symbol(symbol, width: width)
      }
    }
    let advances = Self.advances(placed)
    let contentWidth =
      advances.reduce(0, +) + Double(max(0, placed.count - 1)) * Self.itemGap
    let width = max(Self.minimumWidth, contentWidth + 2 * padding)
    let header = ChartHeader(title: title, subtitle: subtitle, width: width)

    // Vertical layout: every grid centred on one middle line; captions on one shared line
    // below the tallest grid.
    let layouts = placed.compactMap { item -> HeatmapGridLayout? in
      if case .grid(let layout, _, _, _, _) = item { return layout }
      return nil
    }
    let aboveMiddle = layouts.map { $0.columnLabelHeight + $0.gridHeight / 2 }.max() ?? 0
    let halfTallest = layouts.map { $0.gridHeight / 2 }.max() ?? 0
    let middle = header.height + 24 + aboveMiddle
    let captionTop = middle + halfTallest + 12
    let captionLineCount =
      placed.map { item -> Int in
        if case .grid(_, let lines, _, _, _) = item { return lines.count }
        return 0
      }.max() ?? 0
    var height =
      captionTop + Double(captionLineCount) * captionSize * ChartTypography.lineHeight + padding
    let noteLines =
      note.map {
        LabelWrapping.lines(
          $0, maximumWidth: width - 2 * padding, fontSize: ChartTypography.valueLabelSize)
      } ?? []
    let noteTop = height - padding + 8
    height += Double(noteLines.count) * ChartTypography.valueLabelSize * ChartTypography.lineHeight

    var canvas = SVGCanvas(width: width, height: height)
    canvas.define(HeatmapGridLayout.hatchPatternDefinition)
    header.draw(into: &canvas)
    var left = (width - contentWidth) / 2
    for (item, advance) in zip(placed, advances) {
      switch item {
      case .grid(let layout, let captionLines, let inset, _, _):
        let gridLeft = left + inset + layout.rowLabelWidth
        layout.draw(into: &canvas, gridLeft: gridLeft, gridTop: middle - layout.gridHeight / 2)
        canvas.text(
          lines: captionLines, x: gridLeft + layout.gridWidth / 2,
          y: captionTop + captionSize * 0.8, size: captionSize, fill: ChartPalette.text,
          anchor: .middle)
      case .symbol(let symbol, _):
        canvas.text(
          symbol, x: left + advance / 2, y: middle + Self.symbolSize * 0.35,
          size: Self.symbolSize, fill: ChartPalette.text, anchor: .middle)
      }
      left += advance + Self.itemGap
    }
    if !noteLines.isEmpty {
      canvas.text(
        lines: noteLines, x: padding, y: noteTop + ChartTypography.valueLabelSize * 0.8,
        size: ChartTypography.valueLabelSize, fill: ChartPalette.secondaryText)
    }
    return canvas.document(title: title, description: description)
  }
}
