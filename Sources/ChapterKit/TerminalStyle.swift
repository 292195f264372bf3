import Foundation

/// Whether narration is decorated with ANSI escape codes (bold headings, dim notes) or written as
/// plain bytes for files, pipes and tests.
public enum TerminalStyle: Sendable, Equatable {
  /// No escape codes at all.
  case plain
  /// Bold and dim via ANSI SGR codes.
  case ansi

  /// `.ansi` only when standard output is a terminal and `NO_COLOR` is not set.
  ///
  /// Following no-color.org, a `NO_COLOR` that is present and non-empty turns styling off.
  /// - Parameters:
  ///   - standardOutputIsTerminal: Whether output goes to a terminal (`isatty(1)`).
  ///   - environment: The process environment.
  public static func detect(
    standardOutputIsTerminal: Bool = isatty(STDOUT_FILENO) == 1,
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> TerminalStyle {
    let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
    return standardOutputIsTerminal && !noColor ? .ansi : .plain
  }

  /// `text` in bold (headings, titles).
  public func bold(_ text: String) -> String { wrapped(text, code: "1") }

  /// `text` dimmed (asides, prompts).
  public func dim(_ text: String) -> String { wrapped(text, code: "2") }

  private func wrapped(_ text: String, code: String) -> String {
    switch self {
    case .plain: return text
    case .ansi: return "\u{1B}[\(code)m\(text)\u{1B}[0m"
    }
  }
}
