/// Pieces of a chapter's standard output, for tests that read one section or mask timings.
enum OutputSections {
  /// The section under a heading, up to the next one (three newlines end a section).
  static func section(_ heading: String, of text: String) -> String {
    guard let start = text.range(of: "\n\(heading)\n") else { return "" }
    let rest = text[start.upperBound...]
    let end = rest.range(of: "\n\n\n")?.lowerBound ?? rest.endIndex
    return String(rest[..<end])
  }

  /// `text` with everything from `start` up to (not including) the next `end` replaced by one
  /// `placeholder` line: how a snapshot leaves out the timings it cannot compare. Unchanged
  /// when either marker is missing.
  static func masking(_ text: String, from start: String, to end: String, placeholder: String)
    -> String
  {
    guard let from = text.range(of: start),
      let to = text.range(of: end, range: from.upperBound..<text.endIndex)
    else { return text }
    return String(text[..<from.lowerBound]) + placeholder + "\n" + String(text[to.lowerBound...])
  }
}
