import Foundation
import Testing

/// Re-recording the files the tests compare the chapters with: the text snapshots in
/// Tests/ChapterTests/Snapshots and the figures in docs/assets.
///
/// A stored file changes only on purpose:
///
///     RECORD_SNAPSHOTS=1 swift test --filter ChapterTests
///
/// With the variable set, every test that compares with a stored file writes what the chapters
/// print and draw today into the files that differ (or are missing) and fails, naming each file
/// it wrote, or saying that there was nothing to write. A recording run therefore never passes,
/// in CI or anywhere: read the diff (`git diff Tests/ChapterTests/Snapshots docs/assets`), then
/// run `swift test` again without the variable, which must pass, before committing.
///
/// Only the figures that come out the same on every run are recorded; the timing figures are
/// drawn by `docs/regenerate-figures.sh` from a release build.
enum Recording {
  /// The environment variable that turns recording on when it is `1`.
  static let variable = "RECORD_SNAPSHOTS"

  static var isOn: Bool { ProcessInfo.processInfo.environment[variable] == "1" }

  /// The folder holding Package.swift; stored files are named relative to it.
  static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// The stored bytes of `path` (relative to the package root), or nil when it is missing.
  static func stored(_ path: String) -> Data? {
    FileManager.default.contents(atPath: packageRoot.appendingPathComponent(path).path)
  }

  /// Writes `bytes` into the stored file `path` (relative to the package root) when they differ
  /// from it, and records an issue naming the file written. Returns whether it wrote.
  @discardableResult
  static func record(
    _ bytes: Data, at path: String, sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> Bool {
    let previous = stored(path)
    guard previous != bytes else { return false }
    let url = packageRoot.appendingPathComponent(path)
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try bytes.write(to: url)
    let review =
      previous == nil
      ? "(it was missing). Review it (git status -- \(path))"
      : "(it differed). Review the diff (git diff -- \(path))"
    let message =
      "\(variable)=1: wrote \(path) \(review), then run swift test again without \(variable)."
    Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
    return true
  }

  /// Records the issue of a test that, recording, found its stored files already current: a
  /// recording run fails even when it writes nothing.
  static func recordNothingWritten(
    _ paths: [String], sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let message =
      "\(variable)=1: nothing written, \(paths.joined(separator: ", ")) already current. "
      + "Run swift test again without \(variable)."
    Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
  }
}

/// Stored expected output of a chapter run, in Tests/ChapterTests/Snapshots/NAME.txt, recorded
/// as `Recording` describes.
enum Snapshot {
  /// Where the snapshots are, relative to the package root.
  static let folder = "Tests/ChapterTests/Snapshots"

  /// Expects `text` to equal the stored snapshot `name`, pointing at the first differing line.
  /// Recording, writes `text` into the snapshot and fails, naming the file or saying it was
  /// already current.
  static func expectMatches(
    _ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let path = "\(folder)/\(name).txt"
    if Recording.isOn {
      do {
        if try !Recording.record(Data(text.utf8), at: path, sourceLocation: sourceLocation) {
          Recording.recordNothingWritten([path], sourceLocation: sourceLocation)
        }
      } catch {
        Issue.record(error, "could not write \(path)", sourceLocation: sourceLocation)
      }
      return
    }
    guard let data = Recording.stored(path) else {
      let message =
        "no snapshot \(path); record it with \(Recording.variable)=1 swift test --filter "
        + "ChapterTests"
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
      "output differs from snapshot \(path) at line \(index + 1):\n  expected: \(want)\n"
      + "  actual:   \(got)\n(re-record on purpose with \(Recording.variable)=1)"
    Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
  }
}
