/// Where a chart puts its legend. The legend always sits outside the plot area, so it can never
/// hide data.
public enum LegendPlacement: Sendable, Equatable {
  /// To the right when the legend is narrow (at most about a quarter of the chart), else below;
  /// a chart with a single series or group gets no legend.
  case automatic
  /// A column to the right of the plot area.
  case right
  /// Rows below the x-axis title.
  case bottom
  /// No legend.
  case hidden
}
