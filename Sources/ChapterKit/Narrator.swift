import ChartKit
import Foundation
import Recommender

/// Prints a chapter's story to standard output: banner, headings, wrapped paragraphs, tables
/// and numpy-style matrices.
///
/// Each printing method has a pure twin that returns the exact text (`bannerText`,
/// `headingText`, …), so tests compare strings instead of capturing output. Styling comes from
/// `style`: ANSI bold/dim on a terminal, plain bytes otherwise. Control characters in the text
/// given (a title read from a file can hold ESC) are shown as pictures, never obeyed by the
/// terminal: see ``visibleControlCharacters(_:)``.
public struct Narrator: Sendable {
  public var style: TerminalStyle
  /// The longest line paragraphs are wrapped to.
  public var width: Int

  /// - Parameters:
  ///   - style: `.detect()` by default: ANSI on a terminal without `NO_COLOR`, plain otherwise.
  ///   - width: The wrap width, 80 columns by default.
  public init(style: TerminalStyle = .detect(), width: Int = 80) {
    self.style = style
    self.width = width
  }

  // MARK: Rendering (pure)

  /// The chapter's opening: a rule, the title, the blog section mirrored, the command, a rule.
  ///
  /// - Parameters:
  ///   - title: The chapter's title.
  ///   - mirrors: Which blog section(s) it walks through.
  ///   - command: How to run it, e.g. `chapter-basic-mf`.
  public func bannerText(title: String, mirrors: String, command: String) -> String {
    let titleLines = wrapText(title, width: width)
    let detailLines =
      wrapText(mirrors, width: width, firstPrefix: "Mirrors: ", continuationPrefix: "         ")
      + ["Command: " + command]
    let rule = String(
      repeating: "═", count: min(width, (titleLines + detailLines).map(\.count).max() ?? 0))
    return ([rule] + titleLines.map(style.bold) + detailLines + [rule]).joined(separator: "\n")
      + "\n\n"
  }

  /// A blank line, the heading, and an underline of "─" as long as the heading.
  public func headingText(_ heading: String) -> String {
    let heading = visibleControlCharacters(heading)
    return "\n" + style.bold(heading) + "\n" + String(repeating: "─", count: heading.count) + "\n"
  }

  /// Prose wrapped to `width`, followed by a blank line.
  public func paragraphText(_ text: String) -> String {
    block(wrapText(visibleControlCharacters(text), width: width))
  }

  /// An aside, wrapped and dimmed, followed by a blank line.
  public func noteText(_ text: String) -> String {
    block(wrapText(visibleControlCharacters(text), width: width).map(style.dim))
  }

  /// A bulleted list ("• " with a hanging indent), followed by a blank line.
  public func bulletsText(_ items: [String]) -> String {
    block(
      items.flatMap {
        wrapText(
          visibleControlCharacters($0), width: width, firstPrefix: "• ", continuationPrefix: "  ")
      })
  }

  /// A table, followed by a blank line.
  public func tableText(_ table: TextTable) -> String {
    table.rendered() + "\n\n"
  }

  /// An optional label line, the matrix as numpy prints it, and a blank line.
  ///
  /// - Parameters:
  ///   - matrix: The values.
  ///   - label: A line above, e.g. "User-Feature Matrix (P) shape: (4, 2)".
  public func matrixText(_ matrix: Matrix, label: String? = nil) -> String {
    (label.map { $0 + "\n" } ?? "") + NumberFormat.numpyStyle(matrix) + "\n\n"
  }

  /// An optional label line, the vector as numpy prints a 1-D array, and a blank line.
  public func vectorText(_ values: [Double], label: String? = nil) -> String {
    (label.map { $0 + "\n" } ?? "") + NumberFormat.numpyStyle(values) + "\n\n"
  }

  private func block(_ lines: [String]) -> String {
    lines.map { $0 + "\n" }.joined() + "\n"
  }

  // MARK: Printing

  /// Prints `bannerText(title:mirrors:command:)`.
  public func banner(title: String, mirrors: String, command: String) {
    write(bannerText(title: title, mirrors: mirrors, command: command))
  }

  /// Prints `headingText(_:)`.
  public func heading(_ heading: String) { write(headingText(heading)) }

  /// Prints `paragraphText(_:)`.
  public func paragraph(_ text: String) { write(paragraphText(text)) }

  /// Several paragraphs, in order.
  public func paragraphs(_ texts: [String]) { texts.forEach(paragraph) }

  /// Prints `noteText(_:)`.
  public func note(_ text: String) { write(noteText(text)) }

  /// Prints one line exactly as given.
  public func line(_ text: String) { write(visibleControlCharacters(text) + "\n") }

  /// Prints an empty line.
  public func blank() { write("\n") }

  /// Prints `bulletsText(_:)`.
  public func bullets(_ items: [String]) { write(bulletsText(items)) }

  /// Prints `tableText(_:)`.
  public func table(_ table: TextTable) { write(tableText(table)) }

  /// Prints `matrixText(_:label:)`.
  public func matrix(_ matrix: Matrix, label: String? = nil) {
    write(matrixText(matrix, label: label))
  }

  /// Prints `vectorText(_:label:)`.
  public func vector(_ values: [Double], label: String? = nil) {
    write(vectorText(values, label: label))
  }

  /// With `--pause` on a terminal, waits for Enter; otherwise returns at once.
  ///
  /// Never blocks when standard input is a pipe or file, so scripted runs cannot hang.
  /// - Parameter enabled: Whether the reader asked to pause (`CommonOptions.pauses`).
  public func pauseIfRequested(_ enabled: Bool) {
    guard enabled, isatty(STDIN_FILENO) == 1 else { return }
    write(style.dim("Press Enter to continue…"))
    fflush(nil)  // the prompt must show before reading
    _ = readLine()
  }

  private func write(_ text: String) {
    print(text, terminator: "")
  }
}
