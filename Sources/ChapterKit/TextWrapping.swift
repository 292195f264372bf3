/// Breaks prose into lines of at most `width` characters, at spaces only.
///
/// Any run of whitespace (line breaks included) counts as one space, so a multi-line string
/// literal reflows as one paragraph. Width is counted in `Character`s, so "≈", "μ" and "λ" take
/// one column each. A word longer than the line stands alone on its own line, unbroken.
/// - Parameters:
///   - text: The prose to wrap.
///   - width: The longest line, prefixes included (80 for a terminal).
///   - firstPrefix: Text before the first line, e.g. "• " or "Mirrors: ".
///   - continuationPrefix: Text before every later line, usually spaces (a hanging indent).
/// - Returns: The lines, without line breaks; empty when `text` has no words.
/// - Complexity: O(characters in `text`).
public func wrapText(
  _ text: String, width: Int = 80, firstPrefix: String = "", continuationPrefix: String = ""
) -> [String] {
  let words = text.split(whereSeparator: \.isWhitespace)
  var lines: [String] = []
  var line = firstPrefix
  var lineHasWord = false
  for word in words {
    if lineHasWord && line.count + 1 + word.count > width {
      lines.append(line)
      line = continuationPrefix
      lineHasWord = false
    }
    line += (lineHasWord ? " " : "") + word
    lineHasWord = true
  }
  if lineHasWord { lines.append(line) }
  return lines
}

/// `text` followed by spaces up to `width` characters (unchanged when already as wide).
public func padRight(_ text: String, toWidth width: Int) -> String {
  text + String(repeating: " ", count: max(0, width - text.count))
}

/// Spaces followed by `text`, up to `width` characters (unchanged when already as wide).
public func padLeft(_ text: String, toWidth width: Int) -> String {
  String(repeating: " ", count: max(0, width - text.count)) + text
}
