import ChartKit
import Recommender

extension HeatmapGrid {
  /// A grid showing every entry of `matrix` (none missing): R, P, Qᵀ or predictions.
  public init(
    matrix: Matrix, rowLabels: [String], columnLabels: [String], decimals: Int = 2,
    colorMap: ColorMap = .blues, valueRange: ClosedRange<Double>? = nil
  ) {
    self.init(
      rows: matrix.rowArrays, rowLabels: rowLabels, columnLabels: columnLabels,
      decimals: decimals, colorMap: colorMap, valueRange: valueRange)
  }
}
