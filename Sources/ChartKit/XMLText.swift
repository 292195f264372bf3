/// Escaping of text and attribute values for XML (and so SVG).
public enum XMLText {
  /// `text` with the five XML special characters replaced by entities, and control characters
  /// (which XML forbids) replaced by visible pictures (see ``visibleControlCharacters(_:)``).
  ///
  /// Escaping all five makes the result safe both as element content and inside a double- or
  /// single-quoted attribute value.
  ///
  /// - Complexity: O(n) in the length of `text`.
  public static func escaped(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for character in visibleControlCharacters(text) {
      switch character {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "'": result += "&apos;"
      default: result.append(character)
      }
    }
    return result
  }
}
