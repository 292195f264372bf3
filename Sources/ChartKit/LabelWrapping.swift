/// Greedy word wrapping by estimated width, for titles and category labels.
enum LabelWrapping {
  /// `text` broken at spaces (and explicit "\n") into lines no wider than `maximumWidth` where
  /// possible; a single word wider than that gets a line of its own rather than being split.
  ///
  /// - Complexity: O(n) in the number of words.
  static func lines(
    _ text: String, maximumWidth: Double, fontSize: Double, bold: Bool = false
  ) -> [String] {
    text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { paragraph in
      wrapParagraph(String(paragraph), maximumWidth: maximumWidth, fontSize: fontSize, bold: bold)
    }
  }

  private static func wrapParagraph(
    _ paragraph: String, maximumWidth: Double, fontSize: Double, bold: Bool
  ) -> [String] {
    var lines: [String] = []
    var current = ""
    for word in paragraph.split(separator: " ") {
      let candidate = current.isEmpty ? String(word) : current + " " + word
      if current.isEmpty
        || TextMetrics.width(of: candidate, fontSize: fontSize, bold: bold) <= maximumWidth
      {
        current = candidate
      } else {
        lines.append(current)
        current = String(word)
      }
    }
    lines.append(current)
    return lines
  }
}
