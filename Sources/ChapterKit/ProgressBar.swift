import Foundation

/// A one-line progress bar on standard error, redrawn in place: `[██████······] 6/12 epochs`.
///
/// Drawn only when standard error is a terminal, so logs, pipes and tests never see it, and
/// standard output (the story) is never touched.
public struct ProgressBar: Sendable {
  /// What is being counted, e.g. "epochs".
  public let unit: String
  /// The count at which the work is done.
  public let total: Int
  /// Whether anything is drawn at all.
  public let isVisible: Bool
  private static let width = 30

  /// - Parameters:
  ///   - total: the count at which the work is done.
  ///   - unit: what is counted.
  ///   - isVisible: by default, whether standard error is a terminal.
  public init(total: Int, unit: String, isVisible: Bool = isatty(STDERR_FILENO) == 1) {
    self.total = max(total, 1)
    self.unit = unit
    self.isVisible = isVisible
  }

  /// The bar's text for `done` units: filled and empty cells, then the count.
  public func text(done: Int, label: String = "") -> String {
    let filled = min(Self.width, Self.width * max(done, 0) / total)
    return "[" + String(repeating: "█", count: filled)
      + String(repeating: "·", count: Self.width - filled) + "] \(done)/\(total) \(unit)"
      + (label.isEmpty ? "" : "  " + label)
  }

  /// Redraws the bar for `done` units.
  public func show(done: Int, label: String = "") {
    guard isVisible else { return }
    write("\r\u{1B}[2K" + text(done: done, label: label))
  }

  /// Removes the bar, leaving the line empty for what follows.
  public func clear() {
    guard isVisible else { return }
    write("\r\u{1B}[2K")
  }

  private func write(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
  }
}
