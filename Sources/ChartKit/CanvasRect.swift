/// An axis-aligned rectangle in SVG user space.
struct CanvasRect: Equatable {
  var x: Double
  var y: Double
  var width: Double
  var height: Double

  var maxX: Double { x + width }
  var maxY: Double { y + height }
  var center: CanvasPoint { CanvasPoint(x: x + width / 2, y: y + height / 2) }

  /// The area two rectangles share (0 when they are apart or only touch).
  func overlapArea(with other: CanvasRect) -> Double {
    let overlapWidth = min(maxX, other.maxX) - max(x, other.x)
    let overlapHeight = min(maxY, other.maxY) - max(y, other.y)
    return overlapWidth > 0 && overlapHeight > 0 ? overlapWidth * overlapHeight : 0
  }

  /// Whether `other` lies entirely inside this rectangle.
  func contains(_ other: CanvasRect) -> Bool {
    other.x >= x && other.y >= y && other.maxX <= maxX && other.maxY <= maxY
  }
}
