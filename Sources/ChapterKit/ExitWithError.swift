import Foundation

/// The text `exitWithError` writes to standard error: `"<command>: error: <message>"` on one
/// line; for a usage error, a second line pointing at `--help`, as git and
/// swift-argument-parser do, rather than the whole usage text burying the one line that matters.
///
/// - Parameters:
///   - error: What went wrong; line breaks in its message become spaces so it stays one line.
///   - command: The executable's name, e.g. `chapter-basic-mf`.
public func errorReport(_ error: ChapterError, command: String) -> String {
  let oneLine = error.message.split(whereSeparator: \.isNewline).joined(separator: " ")
  var report = "\(command): error: \(oneLine)\n"
  if error.status == .usage {
    report += "Run \(command) --help for every flag, what it accepts and its default.\n"
  }
  return report
}

/// Reports `error` on standard error and ends the process with its exit status.
///
/// Standard output is flushed first so narration already printed appears before the error.
/// - Parameters:
///   - error: What went wrong and which status to exit with.
///   - command: The executable's name, used as the message prefix.
public func exitWithError(_ error: ChapterError, command: String) -> Never {
  fflush(nil)  // nil flushes every C stream, stdout included, without naming the global
  FileHandle.standardError.write(Data(errorReport(error, command: command).utf8))
  exit(error.status.rawValue)
}
