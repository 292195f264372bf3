/// `text` with its control characters made visible and harmless, for a terminal or an SVG.
///
/// A title read from a file can hold bytes such as ESC (0x1B), which a terminal obeys as the
/// start of a command (colours, cursor moves, a cleared screen) and which XML forbids outright,
/// so one such byte would make a whole SVG unreadable. Each C0 control character except tab,
/// line feed and carriage return becomes its picture from Unicode's Control Pictures block
/// (ESC → "␛", NUL → "␀"), DEL becomes "␡", and the C1 controls (U+0080–U+009F, which include
/// a one-byte escape for terminals) become "�". Everything else is kept as it is.
///
/// - Complexity: O(n) in the length of `text`.
public func visibleControlCharacters(_ text: String) -> String {
  // Most text has nothing to replace: return it untouched rather than rebuilding it.
  guard text.unicodeScalars.contains(where: isHidden) else { return text }
  var result = String.UnicodeScalarView()
  for scalar in text.unicodeScalars {
    switch scalar.value {
    case 0x09, 0x0A, 0x0D: result.append(scalar)
    case 0x00..<0x20: result.append(Unicode.Scalar(0x2400 + scalar.value)!)
    case 0x7F: result.append("\u{2421}")
    case 0x80..<0xA0: result.append("\u{FFFD}")
    default: result.append(scalar)
    }
  }
  return String(result)
}

private func isHidden(_ scalar: Unicode.Scalar) -> Bool {
  switch scalar.value {
  case 0x09, 0x0A, 0x0D: false
  case 0x00..<0x20, 0x7F..<0xA0: true
  default: false
  }
}
