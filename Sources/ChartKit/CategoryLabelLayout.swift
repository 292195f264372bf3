/// How category names fit under a row of bars or above heatmap columns.
///
/// Straight, wrapped to at most three lines, when their words fit their slot; otherwise slanted
/// at 45° so neighbours cannot collide, and shortened with "…" beyond `maximumSlantedWidth` so
/// one long name cannot squash the plot.
struct CategoryLabelLayout {
  /// The slant of labels that do not fit straight.
  static let slantDegrees = -45.0
  private static let slantFactor = 0.7071
  /// The longest a slanted label may be, in pixels.
  static let maximumSlantedWidth = 150.0

  /// The lines of each label (one line each when slanted).
  let lines: [[String]]
  let isSlanted: Bool
  /// The vertical space the labels take below (or above) the axis.
  let blockHeight: Double
  /// How far slanted labels reach sideways from their anchor (0 when straight).
  let slantReach: Double

  /// - Parameters:
  ///   - labels: Category names, in order.
  ///   - slotWidth: The horizontal space each label may use.
  ///   - fontSize: The labels' font size.
  init(labels: [String], slotWidth: Double, fontSize: Double) {
    let available = max(1, slotWidth - 6)
    // Wrap to the slot; a label needing more than three lines keeps three, the last one
    // ending in "…". Only a single word too wide for the slot forces the slant.
    let wrapped = labels.map { label -> [String] in
      let lines = LabelWrapping.lines(label, maximumWidth: available, fontSize: fontSize)
      guard lines.count > 3 else { return lines }
      let rest = lines[2...].joined(separator: " ")
      return Array(lines[..<2])
        + [Self.truncated(rest, maximumWidth: available, fontSize: fontSize)]
    }
    let fits = wrapped.allSatisfy { lines in
      lines.allSatisfy { TextMetrics.width(of: $0, fontSize: fontSize) <= available }
    }
    let lineHeight = fontSize * ChartTypography.lineHeight
    if fits {
      lines = wrapped
      isSlanted = false
      let maximumLines = Double(wrapped.map(\.count).max() ?? 1)
      blockHeight = fontSize * 0.8 + (maximumLines - 1) * lineHeight + 3
      slantReach = 0
    } else {
      let shortened = labels.map {
        Self.truncated($0, maximumWidth: Self.maximumSlantedWidth, fontSize: fontSize)
      }
      lines = shortened.map { [$0] }
      isSlanted = true
      let longest = TextMetrics.maximumWidth(of: shortened, fontSize: fontSize)
      slantReach = longest * Self.slantFactor
      blockHeight = (longest + fontSize) * Self.slantFactor + 2
    }
  }

  /// `text`, or as much of it as fits in `maximumWidth` followed by "…".
  static func truncated(_ text: String, maximumWidth: Double, fontSize: Double) -> String {
    guard TextMetrics.width(of: text, fontSize: fontSize) > maximumWidth else { return text }
    var kept = text
    while !kept.isEmpty
      && TextMetrics.width(of: kept + "…", fontSize: fontSize) > maximumWidth
    {
      kept.removeLast()
    }
    return kept.trimmingSuffixSpaces() + "…"
  }
}

extension String {
  /// The string without trailing spaces ("Title About " → "Title About").
  fileprivate func trimmingSuffixSpaces() -> String {
    var result = self
    while result.hasSuffix(" ") { result.removeLast() }
    return result
  }
}
