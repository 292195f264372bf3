import ChartKit

/// A table of text for the terminal: a header row, a rule, then rows, with each column as wide
/// as its widest cell.
///
/// ```
/// Ratings
/// User   Movie      Stars
/// ─────  ─────────  ─────
/// Alice  Inception   5.00
/// ```
public struct TextTable: Sendable, Equatable {
  /// Which side of its column a cell hugs: left for names, right for numbers.
  public enum Alignment: Sendable, Equatable {
    case left
    case right
  }

  /// One column: its header and alignment.
  public struct Column: Sendable, Equatable {
    public var header: String
    public var alignment: Alignment

    public init(_ header: String, _ alignment: Alignment = .left) {
      self.header = header
      self.alignment = alignment
    }

    /// A left-aligned column, for names.
    public static func left(_ header: String) -> Column { Column(header, .left) }
    /// A right-aligned column, for numbers, so decimal points line up.
    public static func right(_ header: String) -> Column { Column(header, .right) }
  }

  /// A line above the table, if any.
  public var title: String?
  public var columns: [Column]
  /// Cells row by row; a short row is padded with empty cells.
  public private(set) var rows: [[String]]

  /// - Parameters:
  ///   - title: A line printed above the header.
  ///   - columns: The columns, left to right.
  ///   - rows: Cells, each row no longer than `columns`.
  public init(title: String? = nil, columns: [Column], rows: [[String]] = []) {
    self.title = title
    self.columns = columns
    self.rows = []
    for row in rows { append(row) }
  }

  /// Adds a row of cells.
  public mutating func append(_ row: [String]) {
    precondition(row.count <= columns.count, "a row has more cells than the table has columns")
    rows.append(row + Array(repeating: "", count: columns.count - row.count))
  }

  /// The table as lines joined by line breaks, with no trailing line break.
  ///
  /// Widths are counted in `Character`s; columns are separated by two spaces and trailing spaces
  /// are trimmed, so the bytes depend only on the cells.
  /// - Complexity: O(total characters in the cells).
  public func rendered() -> String {
    // Cells can hold titles from a file: their control characters are shown, not obeyed.
    let rows = rows.map { $0.map(visibleControlCharacters) }
    let widths = columns.indices.map { index in
      ([columns[index].header] + rows.map { $0[index] }).map(\.count).max() ?? 0
    }
    func line(_ cells: [String]) -> String {
      let padded = cells.indices.map { index in
        columns[index].alignment == .left
          ? padRight(cells[index], toWidth: widths[index])
          : padLeft(cells[index], toWidth: widths[index])
      }
      return trimmingTrailingSpaces(padded.joined(separator: "  "))
    }
    var lines = title.map { [$0] } ?? []
    lines.append(line(columns.map(\.header)))
    lines.append(widths.map { String(repeating: "─", count: $0) }.joined(separator: "  "))
    lines += rows.map(line)
    return lines.joined(separator: "\n")
  }
}

private func trimmingTrailingSpaces(_ text: String) -> String {
  var text = text
  while text.last == " " { text.removeLast() }
  return text
}
