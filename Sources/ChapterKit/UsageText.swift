extension ChapterInfo {
  /// The `--help` text: usage line, summary, the blog section mirrored, and every flag with its
  /// placeholder, help and default (taken from `Settings()`), wrapped to 80 columns.
  ///
  /// - Parameter settingsType: The chapter's settings, whose options and defaults are listed.
  public func usage<Settings: ChapterSettings>(for settingsType: Settings.Type) -> String {
    let helpEntry = (flag: "-h, --help", help: "show this help and exit")
    let entries =
      Settings.options.map { option in
        let flag = option.name + (option.valueName.map { " " + $0 } ?? "")
        let help = option.help + (option.defaultDescription().map { " (default: \($0))" } ?? "")
        return (flag: flag, help: help)
      } + [helpEntry]

    // The column fits the flags up to 24 characters; a longer one (a long list of choices) puts
    // its help on the next line rather than pushing every help text right.
    let flagColumn = entries.map(\.flag.count).filter { $0 <= 24 }.max() ?? 0
    let helpIndent = String(repeating: " ", count: 2 + flagColumn + 2)
    var lines = ["Usage: \(command) [options]", ""]
    lines += wrapText(summary, width: 80)
    lines.append("")
    lines += wrapText(
      mirrors, width: 80, firstPrefix: "Mirrors: ",
      continuationPrefix: String(repeating: " ", count: 9))
    lines += ["", "Options:"]
    for entry in entries {
      let flag = "  " + entry.flag
      if entry.flag.count <= flagColumn {
        let padded = padRight(flag, toWidth: helpIndent.count)
        lines += wrapText(
          entry.help, width: 80, firstPrefix: padded, continuationPrefix: helpIndent)
      } else {
        lines.append(flag)
        lines += wrapText(
          entry.help, width: 80, firstPrefix: helpIndent, continuationPrefix: helpIndent)
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
