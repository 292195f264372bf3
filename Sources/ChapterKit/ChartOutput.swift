import Foundation
import ChartKit

/// Where a chapter's charts go: checks the assets folder before the story starts, writes each
/// chart atomically, and reports what it wrote.
///
/// With `--no-charts` nothing is created or written. A folder that cannot be created ends the
/// chapter at once with exit status 73, before any output, so a failed run leaves nothing
/// half-written.
public struct ChartOutput {
  public let directory: String
  public let isEnabled: Bool
  private let command: String
  private var written: [String] = []

  /// Prepares the assets folder named by `common`, or exits with status 73.
  public init(_ common: CommonOptions, command: String) {
    self.directory = common.assetsDirectory
    self.isEnabled = common.writesCharts
    self.command = command
    guard isEnabled else { return }
    do {
      try FileManager.default.createDirectory(
        atPath: directory, withIntermediateDirectories: true)
    } catch {
      exitWithError(
        .cannotWrite(
          "cannot create the assets folder \"\(directory)\"; choose another with --assets DIR"),
        command: command)
    }
  }

  /// Writes one chart, or exits with status 73 naming the file and the reason.
  public mutating func write(_ svg: @autoclosure () -> String, named fileName: String) {
    guard isEnabled else { return }
    do {
      try ChartWriter().write(svg(), named: fileName, into: directory)
      written.append(fileName)
    } catch {
      exitWithError(.cannotWrite(error.description), command: command)
    }
  }

  /// Tells the reader which charts were written where, or that they were skipped.
  public func report(using narrator: Narrator) {
    guard isEnabled else {
      narrator.note("Charts skipped (--no-charts).")
      return
    }
    narrator.heading("Charts")
    narrator.paragraph("Written to \(directory)/ (open them in a browser):")
    narrator.bullets(written)
  }
}
