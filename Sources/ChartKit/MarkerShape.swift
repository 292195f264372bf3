/// The symbol drawn at a data point. Shapes differ as well as colours, so series stay apart in
/// greyscale print and for readers who cannot tell the colours apart.
public enum MarkerShape: Sendable, Equatable, CaseIterable {
  case circle, square, triangle, diamond

  /// The shape for the series or group at `index`, cycling through all cases.
  public static func shape(at index: Int) -> MarkerShape {
    allCases[((index % allCases.count) + allCases.count) % allCases.count]
  }

  /// Draws the marker centred on `center`, about `size` pixels across, with a white outline
  /// that separates it from lines and neighbouring markers.
  func draw(into canvas: inout SVGCanvas, center: CanvasPoint, size: Double, color: String) {
    let half = size / 2
    switch self {
    case .circle:
      canvas.circle(
        center: center, radius: half, fill: color, stroke: "#ffffff", strokeWidth: 1)
    case .square:
      // A square looks bigger than a circle of equal width; shrink it to balance.
      let side = size * 0.88
      canvas.rect(
        x: center.x - side / 2, y: center.y - side / 2, width: side, height: side, fill: color,
        stroke: "#ffffff", strokeWidth: 1)
    case .triangle:
      let radius = half * 1.2
      canvas.polygon(
        [
          CanvasPoint(x: center.x, y: center.y - radius),
          CanvasPoint(x: center.x + radius * 0.866, y: center.y + radius * 0.5),
          CanvasPoint(x: center.x - radius * 0.866, y: center.y + radius * 0.5),
        ], fill: color, stroke: "#ffffff", strokeWidth: 1)
    case .diamond:
      let radius = half * 1.15
      canvas.polygon(
        [
          CanvasPoint(x: center.x, y: center.y - radius),
          CanvasPoint(x: center.x + radius, y: center.y),
          CanvasPoint(x: center.x, y: center.y + radius),
          CanvasPoint(x: center.x - radius, y: center.y),
        ], fill: color, stroke: "#ffffff", strokeWidth: 1)
    }
  }
}
