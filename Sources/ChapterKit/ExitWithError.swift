import Foundation

/// The text `exitWithError` writes to standard error: `"<command>: error: <message>"` on one line,
/// followed, for usage errors with a usage text, by a blank line and that text.
///
/// - Parameters:
///   - error: What went wrong; line breaks in its message become spaces so it stays one line.
///   - command: The executable's name, e.g. `chapter-basic-mf`.
///   - usage: The chapter's usage text, shown only when `error.status` is `.usage`.
public func errorReport(_ error: ChapterError, command: String, usage: String? = nil) -> String {
  let oneLine = error.message.split(whereSeparator: \.isNewline).joined(separator: " ")
  var report = "\(command): error: \(oneLine)\n"
  if error.status == .usage, let usage {
    report += "\n" + usage + (usage.hasSuffix("\n") ? "" : "\n")
  }
  return report
}

/// Reports `error` on standard error and ends the process with its exit status.
///
/// Standard output is flushed first so narration already printed appears before the error.
/// - Parameters:
///   - error: What went wrong and which status to exit with.
///   - command: The executable's name, used as the message prefix.
///   - usage: The usage text, appended for usage errors.
public func exitWithError(_ error: ChapterError, command: String, usage: String? = nil) -> Never {
  fflush(nil)  // nil flushes every C stream, stdout included, without naming the global
  FileHandle.standardError.write(Data(errorReport(error, command: command, usage: usage).utf8))
  exit(error.status.rawValue)
}
