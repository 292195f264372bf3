/// A box-and-arrow diagram: labelled boxes placed on a grid of columns and rows, and arrows
/// from one box to another. It knows nothing of what the boxes stand for.
///
/// Columns are spread evenly across the width; a box's row may be fractional, so a box can sit
/// between two others. An arrow runs from the right edge of its source to the left edge of its
/// target (or downwards between boxes of one column).
public struct BlockDiagram: Sendable {
  public struct Block: Sendable, Equatable {
    public var id: String
    /// One line of text per entry, centred in the box.
    public var lines: [String]
    public var column: Int
    public var row: Double
    /// The box's tint, an index into the chart palette; nil for grey.
    public var colorIndex: Int?

    public init(id: String, lines: [String], column: Int, row: Double, colorIndex: Int? = nil) {
      self.id = id
      self.lines = lines
      self.column = column
      self.row = row
      self.colorIndex = colorIndex
    }
  }

  public struct Arrow: Sendable, Equatable {
    public var from: String
    public var to: String

    public init(from: String, to: String) {
      self.from = from
      self.to = to
    }
  }

  public var title: String
  public var subtitle: String?
  public var description: String
  public var blocks: [Block]
  public var arrows: [Arrow]
  public var width: Double

  public init(
    title: String, subtitle: String? = nil, description: String, blocks: [Block],
    arrows: [Arrow], width: Double = 800
  ) {
    precondition(!blocks.isEmpty, "a diagram needs at least one block")
    let ids = Set(blocks.map(\.id))
    precondition(ids.count == blocks.count, "block ids must be unique")
    precondition(
      arrows.allSatisfy { ids.contains($0.from) && ids.contains($0.to) },
      "every arrow must join two blocks of the diagram")
    self.title = title
    self.subtitle = subtitle
    self.description = description
    self.blocks = blocks
    self.arrows = arrows
    self.width = width
  }

  static let rowStep = 64.0
  static let lineStep = 16.0
  static let fontSize = 12.0

  public func svg() -> String {
    let header = ChartHeader(title: title, subtitle: subtitle, width: width)
    let columns = (blocks.map(\.column).max() ?? 0) + 1
    let columnWidth = (width - 2 * ChartHeader.padding) / Double(columns)
    let boxWidth = columnWidth - 28
    let top = header.height + 24
    let rows = blocks.map(\.row).max() ?? 0
    let height = top + rows * Self.rowStep + Self.rowStep + ChartHeader.padding

    func boxHeight(_ block: Block) -> Double { Double(block.lines.count) * Self.lineStep + 14 }
    func centre(_ block: Block) -> CanvasPoint {
      CanvasPoint(
        x: ChartHeader.padding + (Double(block.column) + 0.5) * columnWidth,
        y: top + block.row * Self.rowStep + 20)
    }
    var canvas = SVGCanvas(width: width, height: height)
    header.draw(into: &canvas)
    let byID = Dictionary(uniqueKeysWithValues: blocks.map { ($0.id, $0) })
    canvas.beginGroup(label: "arrows")
    for arrow in arrows {
      let (source, target) = (byID[arrow.from]!, byID[arrow.to]!)
      let (a, b) = (centre(source), centre(target))
      let start: CanvasPoint
      let end: CanvasPoint
      if source.column == target.column {
        let down = b.y > a.y
        start = CanvasPoint(x: a.x, y: a.y + (down ? 1 : -1) * boxHeight(source) / 2)
        end = CanvasPoint(x: b.x, y: b.y - (down ? 1 : -1) * boxHeight(target) / 2)
      } else {
        let right = b.x > a.x
        start = CanvasPoint(x: a.x + (right ? 1 : -1) * boxWidth / 2, y: a.y)
        end = CanvasPoint(x: b.x - (right ? 1 : -1) * boxWidth / 2, y: b.y)
      }
      canvas.line(from: start, to: end, stroke: ChartPalette.axis, strokeWidth: 1.5)
      // The head: a small triangle pointing along the arrow.
      let (dx, dy) = (end.x - start.x, end.y - start.y)
      let length = max((dx * dx + dy * dy).squareRoot(), 1e-9)
      let (ux, uy) = (dx / length, dy / length)
      let back = CanvasPoint(x: end.x - 8 * ux, y: end.y - 8 * uy)
      canvas.polygon(
        [
          end, CanvasPoint(x: back.x - 4 * uy, y: back.y + 4 * ux),
          CanvasPoint(x: back.x + 4 * uy, y: back.y - 4 * ux),
        ], fill: ChartPalette.axis)
    }
    canvas.endGroup()
    canvas.beginGroup(label: "blocks")
    for block in blocks {
      let c = centre(block)
      let h = boxHeight(block)
      let fill = block.colorIndex.map { ChartPalette.color(at: $0) + "33" } ?? "#f2f2f2"
      let stroke = block.colorIndex.map { ChartPalette.color(at: $0) } ?? ChartPalette.axis
      canvas.rect(
        x: c.x - boxWidth / 2, y: c.y - h / 2, width: boxWidth, height: h, fill: fill,
        stroke: stroke, strokeWidth: 1.2, cornerRadius: 5)
      let firstBaseline = c.y - h / 2 + 7 + Self.lineStep * 0.8
      for (index, line) in block.lines.enumerated() {
        canvas.text(
          line, x: c.x, y: firstBaseline + Double(index) * Self.lineStep, size: Self.fontSize,
          anchor: .middle, bold: index == 0)
      }
    }
    canvas.endGroup()
    return canvas.document(title: title, description: description)
  }
}
