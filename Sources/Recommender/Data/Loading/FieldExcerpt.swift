/// File content as an error message or a narration line may quote it: at most `limit`
/// characters and then "…", with control characters escaped (`\n`, `\r`, `\u{1B}`).
///
/// Messages quote a bad field back so the user can find it, but the field is whatever the file
/// held: a 1 MiB run without a delimiter would make a 1 MB line on standard error, and a quoted
/// field holding a line break would split the one-line message in two.
///
/// - Parameters:
///   - text: The field's text.
///   - limit: How many Unicode scalars to keep (counted before escaping).
/// - Complexity: O(`limit`), however long `text` is.
public func fieldExcerpt(_ text: String, limit: Int = 40) -> String {
  var excerpt = ""
  var kept = 0
  for scalar in text.unicodeScalars {
    guard kept < limit else { return excerpt + "…" }
    if scalar.properties.generalCategory == .control {
      excerpt += scalar.escaped(asASCII: true)
    } else {
      excerpt.unicodeScalars.append(scalar)
    }
    kept += 1
  }
  return excerpt
}
