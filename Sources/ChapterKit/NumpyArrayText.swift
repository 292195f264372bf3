/// numpy's layout of a printed 1-D or 2-D array (`linewidth=75`, `threshold=1000`,
/// `edgeitems=3`), following `numpy/_core/arrayprint.py` `_formatArray`.
enum NumpyArrayText {
  static let lineWidth = 75
  static let summaryThreshold = 1000
  static let edgeItems = 3

  /// A 1-D array: `[a b c]`, wrapped with a one-space hanging indent.
  static func vector(_ values: [Double]) -> String {
    guard !values.isEmpty else { return "[]" }
    let summarize = values.count > summaryThreshold
    let shown = summarize ? edges(values) : values
    let formatter = NumpyFloatFormatter(values: shown)
    return row(
      words(shown.map(formatter.format), summarize: summarize),
      hangingIndent: " ", width: lineWidth)
  }

  /// A 2-D array: `[[a b]\n [c d]]`, each row wrapped with a two-space hanging indent.
  static func matrix(_ rows: [[Double]], columns: Int) -> String {
    guard !rows.isEmpty, columns > 0 else { return "[]" }
    // Large arrays show only their edges, and numpy sizes the numbers from those alone.
    let summarize = rows.count * columns > summaryThreshold
    let summarizeRows = summarize && rows.count > 2 * edgeItems
    let summarizeColumns = summarize && columns > 2 * edgeItems
    let shownRows = (summarizeRows ? edges(rows) : rows).map { summarizeColumns ? edges($0) : $0 }
    let formatter = NumpyFloatFormatter(values: shownRows.flatMap { $0 })

    let renderedRows = shownRows.map { values in
      row(
        words(values.map(formatter.format), summarize: summarizeColumns),
        hangingIndent: "  ", width: lineWidth - 1)
    }
    var lines = renderedRows.map { " " + $0 }
    if summarizeRows { lines.insert(" ...", at: edgeItems) }
    return "[" + String(lines.joined(separator: "\n").dropFirst()) + "]"
  }

  /// The first and last `edgeItems` elements.
  private static func edges<Element>(_ items: [Element]) -> [Element] {
    items.count > 2 * edgeItems ? Array(items.prefix(edgeItems) + items.suffix(edgeItems)) : items
  }

  /// Formatted numbers, with "..." between the leading and trailing edges when summarized.
  private static func words(_ formatted: [String], summarize: Bool) -> [String] {
    guard summarize else { return formatted }
    return Array(formatted.prefix(edgeItems)) + ["..."] + Array(formatted.suffix(edgeItems))
  }

  /// One bracketed row of words separated by spaces, wrapped so that no line (with the closing
  /// bracket) passes `width`; continuation lines start with `hangingIndent`.
  private static func row(_ words: [String], hangingIndent: String, width: Int) -> String {
    let wordWidth = width - 1  // room for "]"
    var text = ""
    var line = hangingIndent
    for (index, word) in words.enumerated() {
      // numpy never wraps a line that holds nothing but the indent: it would not help.
      if line.count + word.count > wordWidth && line.count > hangingIndent.count {
        text += trimmingTrailingWhitespace(line) + "\n"
        line = hangingIndent
      }
      line += word
      if index < words.count - 1 { line += " " }
    }
    text += line
    return "[" + String(text.dropFirst(hangingIndent.count)) + "]"
  }

  private static func trimmingTrailingWhitespace(_ text: String) -> String {
    var text = text
    while text.last == " " { text.removeLast() }
    return text
  }
}
