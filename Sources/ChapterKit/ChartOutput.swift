import ChartKit
import Foundation

/// Where a chapter's charts go: checks the assets folder before the story starts, collects the
/// charts as the story draws them, and writes them all at the end as one set.
///
/// With `--no-charts` nothing is created or written. A folder that cannot be created or written
/// ends the chapter at once with exit status 73, before any output, so a failed run leaves
/// nothing half-written. The charts are written together by ``writeAll(reportingTo:)``: a
/// failure then (a full disk) replaces none of the previous run's charts, and a run that stops
/// earlier (a diverged model, exit 1) writes none.
public struct ChartOutput {
  public let directory: String
  public let isEnabled: Bool
  private let command: String
  private var charts: [(name: String, svg: String)] = []

  /// Prepares the assets folder named by `common`, or exits with status 73.
  ///
  /// Temporary chart files that a killed earlier run left behind are removed first; then the
  /// folder is created when missing and a probe file is written and removed in it, so that a
  /// read-only or unwritable folder is reported now, not after the whole run.
  public init(_ common: CommonOptions, command: String) {
    self.directory = common.assetsDirectory
    self.isEnabled = common.writesCharts
    self.command = command
    guard isEnabled else { return }
    let writer = ChartWriter()
    writer.removeStaleTemporaryFiles(in: directory)
    do {
      try writer.checkWritable(directory)
    } catch {
      exitWithError(
        .cannotWrite(
          "cannot write charts into the assets folder \"\(directory)\": \(error.reason); "
            + "choose another with --assets DIR, or pass --no-charts"),
        command: command)
    }
  }

  /// Keeps one chart for ``writeAll(reportingTo:)``; the SVG is drawn only when charts are on.
  public mutating func write(_ svg: @autoclosure () -> String, named fileName: String) {
    guard isEnabled else { return }
    charts.append((fileName, svg()))
  }

  /// Writes every chart kept by ``write(_:named:)`` as one set, then tells the reader which
  /// charts were written where, or that they were skipped. Exits with status 73, naming the
  /// chart and the reason, when the set cannot be written.
  public func writeAll(reportingTo narrator: Narrator) {
    guard isEnabled else {
      narrator.note("Charts skipped (--no-charts).")
      return
    }
    do {
      try ChartWriter().writeAll(charts, into: directory)
    } catch {
      exitWithError(.cannotWrite(error.description), command: command)
    }
    narrator.heading("Charts")
    narrator.paragraph("Written to \(directory)/ (open them in a browser):")
    narrator.bullets(charts.map(\.name))
  }
}
