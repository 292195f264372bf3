/// Where a text's x coordinate sits: at its start, middle or end.
enum TextAnchor: String {
  case start, middle, end
}

/// A point in SVG user space (pixels, y growing downwards).
struct CanvasPoint: Equatable {
  var x: Double
  var y: Double
}

/// A tiny SVG writer: charts append shapes, then ask for the finished document.
///
/// Every number goes through `SVGNumber.coordinate` and every string through
/// `XMLText.escaped`, and attributes are written in a fixed order, so equal drawing calls give
/// equal bytes.
struct SVGCanvas {
  let width: Double
  let height: Double
  private var definitions: [String] = []
  private var elements: [String] = []
  private var depth = 1

  init(width: Double, height: Double) {
    self.width = width
    self.height = height
  }

  // MARK: Shapes

  mutating func rect(
    x: Double, y: Double, width: Double, height: Double, fill: String,
    stroke: String? = nil, strokeWidth: Double = 1, cornerRadius: Double = 0
  ) {
    var attributes = [
      ("x", number(x)), ("y", number(y)), ("width", number(max(0, width))),
      ("height", number(max(0, height))),
    ]
    if cornerRadius > 0 { attributes.append(("rx", number(cornerRadius))) }
    attributes.append(("fill", fill))
    if let stroke {
      attributes += [("stroke", stroke), ("stroke-width", number(strokeWidth))]
    }
    append("rect", attributes)
  }

  mutating func line(
    from start: CanvasPoint, to end: CanvasPoint, stroke: String, strokeWidth: Double = 1,
    dash: String? = nil
  ) {
    var attributes = [
      ("x1", number(start.x)), ("y1", number(start.y)), ("x2", number(end.x)),
      ("y2", number(end.y)), ("stroke", stroke), ("stroke-width", number(strokeWidth)),
    ]
    if let dash { attributes.append(("stroke-dasharray", dash)) }
    append("line", attributes)
  }

  mutating func polyline(
    _ points: [CanvasPoint], stroke: String, strokeWidth: Double, dash: String? = nil
  ) {
    var attributes = [
      ("points", pointList(points)), ("fill", "none"), ("stroke", stroke),
      ("stroke-width", number(strokeWidth)), ("stroke-linejoin", "round"),
      ("stroke-linecap", "round"),
    ]
    if let dash { attributes.append(("stroke-dasharray", dash)) }
    append("polyline", attributes)
  }

  mutating func polygon(
    _ points: [CanvasPoint], fill: String, stroke: String? = nil, strokeWidth: Double = 1
  ) {
    var attributes = [("points", pointList(points)), ("fill", fill)]
    if let stroke {
      attributes += [("stroke", stroke), ("stroke-width", number(strokeWidth))]
    }
    append("polygon", attributes)
  }

  mutating func circle(
    center: CanvasPoint, radius: Double, fill: String, stroke: String? = nil,
    strokeWidth: Double = 1
  ) {
    var attributes = [
      ("cx", number(center.x)), ("cy", number(center.y)), ("r", number(radius)), ("fill", fill),
    ]
    if let stroke {
      attributes += [("stroke", stroke), ("stroke-width", number(strokeWidth))]
    }
    append("circle", attributes)
  }

  // MARK: Text

  /// One line of text whose baseline starts (or is centred, or ends) at (x, y).
  ///
  /// - Parameters:
  ///   - rotation: Degrees, clockwise, about (x, y); -90 reads bottom to top.
  mutating func text(
    _ content: String, x: Double, y: Double, size: Double, fill: String = ChartPalette.text,
    anchor: TextAnchor = .start, bold: Bool = false, rotation: Double = 0
  ) {
    elements.append(
      indentation + "<text" + textAttributes(x: x, y: y, size: size, fill: fill, anchor: anchor)
        + (bold ? " font-weight=\"bold\"" : "")
        + (rotation == 0
          ? "" : " transform=\"rotate(\(number(rotation)) \(number(x)) \(number(y)))\"")
        + ">" + XMLText.escaped(content) + "</text>")
  }

  /// Several lines, the first baseline at y, each next one `size × lineHeight` lower.
  mutating func text(
    lines: [String], x: Double, y: Double, size: Double, fill: String = ChartPalette.text,
    anchor: TextAnchor = .start, bold: Bool = false
  ) {
    guard lines.count > 1 else {
      text(lines.first ?? "", x: x, y: y, size: size, fill: fill, anchor: anchor, bold: bold)
      return
    }
    let lineStep = number(size * ChartTypography.lineHeight)
    let spans = lines.enumerated().map { index, line in
      "<tspan x=\"\(number(x))\" dy=\"\(index == 0 ? "0" : lineStep)\">"
        + XMLText.escaped(line) + "</tspan>"
    }
    elements.append(
      indentation + "<text" + textAttributes(x: x, y: y, size: size, fill: fill, anchor: anchor)
        + (bold ? " font-weight=\"bold\"" : "") + ">" + spans.joined() + "</text>")
  }

  // MARK: Structure

  /// Opens a `<g>` (closed by `endGroup`); `label` names what it holds for readers of the file.
  mutating func beginGroup(label: String, attributes: [(String, String)] = []) {
    elements.append(
      indentation + "<g" + attributeText([("class", label)] + attributes) + ">")
    depth += 1
  }

  mutating func endGroup() {
    depth -= 1
    elements.append(indentation + "</g>")
  }

  /// Raw markup for `<defs>` (gradients, patterns); the caller is responsible for its escaping.
  mutating func define(_ markup: String) {
    definitions.append(markup)
  }

  /// The finished document: root element, accessible title and description, white background.
  func document(title: String, description: String) -> String {
    let size = "width=\"\(number(width))\" height=\"\(number(height))\""
    var lines = [
      "<svg xmlns=\"http://www.w3.org/2000/svg\" \(size) "
        + "viewBox=\"0 0 \(number(width)) \(number(height))\" role=\"img\" "
        + "font-family=\"\(ChartTypography.fontFamily)\">",
      "  <title>\(XMLText.escaped(title))</title>",
      "  <desc>\(XMLText.escaped(description))</desc>",
    ]
    if !definitions.isEmpty {
      lines.append("  <defs>")
      lines += definitions.map { "    " + $0 }
      lines.append("  </defs>")
    }
    lines.append("  <rect x=\"0\" y=\"0\" \(size) fill=\"#ffffff\"/>")
    lines += elements
    lines.append("</svg>")
    return lines.joined(separator: "\n") + "\n"
  }

  // MARK: Helpers

  private var indentation: String { String(repeating: "  ", count: depth) }

  private func number(_ value: Double) -> String { SVGNumber.coordinate(value) }

  private func pointList(_ points: [CanvasPoint]) -> String {
    points.map { "\(number($0.x)),\(number($0.y))" }.joined(separator: " ")
  }

  private func textAttributes(
    x: Double, y: Double, size: Double, fill: String, anchor: TextAnchor
  ) -> String {
    var attributes = [
      ("x", number(x)), ("y", number(y)), ("font-size", number(size)), ("fill", fill),
    ]
    if anchor != .start { attributes.append(("text-anchor", anchor.rawValue)) }
    return attributeText(attributes)
  }

  private func attributeText(_ attributes: [(String, String)]) -> String {
    attributes.map { " \($0.0)=\"\(XMLText.escaped($0.1))\"" }.joined()
  }

  private mutating func append(_ name: String, _ attributes: [(String, String)]) {
    elements.append(indentation + "<\(name)" + attributeText(attributes) + "/>")
  }
}
