/// The data of one heatmap: a grid of values (some possibly missing) with row and column names
/// and how to colour and print them. Used alone by `Heatmap` and side by side by
/// `HeatmapPanel`.
public struct HeatmapGrid: Sendable, Equatable {
  /// Rows of cells; nil is a missing value (an unrated movie), drawn hatched with no number.
  public var values: [[Double?]]
  /// One name per row, drawn left of the grid; empty draws none.
  public var rowLabels: [String]
  /// One name per column, drawn above the grid; empty draws none.
  public var columnLabels: [String]
  /// Digits after the decimal point printed in each cell.
  public var decimals: Int
  public var colorMap: ColorMap
  /// The values at the two ends of the colour map; nil uses the data's smallest and largest
  /// (symmetric about 0 for `.diverging`). Give 1...5 for star ratings so colours mean the
  /// same in every chart.
  public var valueRange: ClosedRange<Double>?
  /// Text printed in missing cells, such as "?"; empty prints nothing.
  public var missingSymbol: String

  /// - Parameters:
  ///   - values: Rows of cells, all of the same length.
  ///   - rowLabels: Row names (or empty).
  ///   - columnLabels: Column names (or empty).
  public init(
    values: [[Double?]], rowLabels: [String], columnLabels: [String], decimals: Int = 1,
    colorMap: ColorMap = .blues, valueRange: ClosedRange<Double>? = nil,
    missingSymbol: String = ""
  ) {
    let columnCount = values.first?.count ?? 0
    precondition(values.allSatisfy { $0.count == columnCount }, "heatmap rows differ in length")
    precondition(rowLabels.isEmpty || rowLabels.count == values.count, "one label per row")
    precondition(
      columnLabels.isEmpty || columnLabels.count == columnCount, "one label per column")
    self.values = values
    self.rowLabels = rowLabels
    self.columnLabels = columnLabels
    self.decimals = decimals
    self.colorMap = colorMap
    self.valueRange = valueRange
    self.missingSymbol = missingSymbol
  }

  /// A grid showing every entry of `rows` (none missing), one inner array per row.
  public init(
    rows: [[Double]], rowLabels: [String], columnLabels: [String], decimals: Int = 2,
    colorMap: ColorMap = .blues, valueRange: ClosedRange<Double>? = nil
  ) {
    self.init(
      values: rows.map { $0.map { Optional($0) } }, rowLabels: rowLabels,
      columnLabels: columnLabels, decimals: decimals, colorMap: colorMap, valueRange: valueRange)
  }

  var rowCount: Int { values.count }
  var columnCount: Int { values.first?.count ?? 0 }
  var hasMissingValues: Bool { values.contains { $0.contains { $0 == nil || !$0!.isFinite } } }

  /// The range the colour map spans.
  var resolvedRange: ClosedRange<Double> {
    if let valueRange, valueRange.upperBound > valueRange.lowerBound { return valueRange }
    let present = values.flatMap { $0.compactMap { $0 } }.filter(\.isFinite)
    let low = present.min() ?? 0
    let high = present.max() ?? 1
    if colorMap == .diverging {
      let extent = max(abs(low), abs(high))
      return extent == 0 ? -1...1 : -extent...extent
    }
    return low < high ? low...high : (low - 1)...(high + 1)
  }

  /// Where `value` falls in `resolvedRange`, 0…1.
  func fraction(of value: Double) -> Double {
    let range = resolvedRange
    return (value - range.lowerBound) / (range.upperBound - range.lowerBound)
  }
}
