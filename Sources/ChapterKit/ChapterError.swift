/// A failure a chapter reports to the person running it: one line of text and an exit status.
///
/// The message is meant to be read on its own, so it names what was wrong and what would be
/// accepted, e.g. `--factors expects a whole number ≥ 1, got "0"`.
public struct ChapterError: Error, Sendable, Equatable {
  /// One line, without the `command: error:` prefix.
  public var message: String
  /// How the process should exit.
  public var status: ExitStatus

  public init(_ message: String, status: ExitStatus) {
    self.message = message
    self.status = status
  }

  /// A command-line mistake (exit status 64).
  public static func usage(_ message: String) -> ChapterError {
    ChapterError(message, status: .usage)
  }

  /// Malformed input data (exit status 65).
  public static func dataError(_ message: String) -> ChapterError {
    ChapterError(message, status: .dataError)
  }

  /// An output that could not be written (exit status 73).
  public static func cannotWrite(_ message: String) -> ChapterError {
    ChapterError(message, status: .cannotWrite)
  }

  /// Any other failure of the run, such as diverged training (exit status 1).
  public static func failure(_ message: String) -> ChapterError {
    ChapterError(message, status: .failure)
  }
}
