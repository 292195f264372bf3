/// What a chapter executable is: its command name, the blog section it mirrors, and a summary.
///
/// Used for the `--help` text and as the prefix of error messages.
public struct ChapterInfo: Sendable, Equatable {
  /// The executable's name, e.g. `chapter-basic-mf`.
  public var command: String
  /// The blog section(s) the chapter walks through, e.g. "Blog section 7: …".
  public var mirrors: String
  /// One or two sentences on what the chapter does.
  public var summary: String

  public init(command: String, mirrors: String, summary: String) {
    self.command = command
    self.mirrors = mirrors
    self.summary = summary
  }
}
