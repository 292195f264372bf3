import Foundation
import Testing

/// Stored expected output of a chapter run, in Tests/ChapterTests/Snapshots/NAME.txt.
///
/// A snapshot changes only on purpose: run `RECORD_SNAPSHOTS=1 swift test --filter ChapterTests`,
/// then read the diff before committing it.
enum Snapshot {
  static let directory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Snapshots")

  static var isRecording: Bool { ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" }

  /// Expects `text` to equal the stored snapshot `name`, pointing at the first differing line.
  static func expectMatches(
    _ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let url = directory.appendingPathComponent(name + ".txt")
    if isRecording {
      try! FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      try! Data(text.utf8).write(to: url)
      return
    }
    guard let data = FileManager.default.contents(atPath: url.path) else {
      let message =
        "no snapshot \(name).txt; record it with RECORD_SNAPSHOTS=1 swift test --filter ChapterTests"
      Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
      return
    }
    let expected = String(decoding: data, as: UTF8.self)
    guard expected != text else { return }
    let expectedLines = expected.components(separatedBy: "\n")
    let actualLines = text.components(separatedBy: "\n")
    let index =
      Array(zip(expectedLines, actualLines)).firstIndex { $0.0 != $0.1 }
      ?? min(expectedLines.count, actualLines.count)
    let want = index < expectedLines.count ? expectedLines[index] : "<end of output>"
    let got = index < actualLines.count ? actualLines[index] : "<end of output>"
    let message =
      "output differs from snapshot \(name).txt at line \(index + 1):\n  expected: \(want)\n"
      + "  actual:   \(got)\n(re-record on purpose with RECORD_SNAPSHOTS=1)"
    Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
  }
}
