/// Approximate rendered width of text, for layout without a font engine.
///
/// Widths come from Helvetica's metrics (Arial's are identical), scaled up by 10% because
/// fallback fonts such as DejaVu Sans run wider: overestimating wastes a few pixels of margin,
/// underestimating clips a label. Characters outside ASCII count as 0.6 em.
enum TextMetrics {
  /// The estimated width, in pixels, of `text` set at `fontSize` pixels.
  ///
  /// - Parameters:
  ///   - text: One line of text.
  ///   - fontSize: Font size in pixels.
  ///   - bold: Whether the text is bold (about 7% wider).
  /// - Complexity: O(n) in the length of `text`.
  static func width(of text: String, fontSize: Double, bold: Bool = false) -> Double {
    var thousandths = 0
    for scalar in text.unicodeScalars {
      let value = Int(scalar.value)
      if value >= 32 && value < 127 {
        thousandths += helveticaWidths[value - 32]
      } else {
        thousandths += 600
      }
    }
    let boldFactor = bold ? 1.07 : 1.0
    return Double(thousandths) / 1000 * fontSize * 1.1 * boldFactor
  }

  /// The widest of several lines.
  static func maximumWidth(of lines: [String], fontSize: Double, bold: Bool = false) -> Double {
    lines.map { width(of: $0, fontSize: fontSize, bold: bold) }.max() ?? 0
  }

  /// Helvetica advance widths in thousandths of an em for ASCII 32 (space) through 126 (~).
  private static let helveticaWidths: [Int] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,  // space–/
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,  // 0–?
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,  // @–O
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,  // P–_
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,  // `–o
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,  // p–~
  ]
}
