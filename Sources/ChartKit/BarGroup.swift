/// One set of bars in a `BarChart`: a value (or none) for every category.
public struct BarGroup: Sendable, Equatable {
  /// The legend entry, shown when the chart has more than one group.
  public var name: String
  /// One value per category, in category order; nil draws no bar there.
  public var values: [Double?]
  /// A colour such as "#0072B2"; nil takes the next Okabe–Ito colour.
  public var color: String?

  public init(name: String, values: [Double?], color: String? = nil) {
    self.name = name
    self.values = values
    self.color = color
  }
}

/// Which way bars grow.
public enum BarOrientation: Sendable, Equatable {
  /// Categories along the x axis, bars growing up (or down, for negative values).
  case vertical
  /// Categories down the y axis, bars growing right (or left): diverging bars, long names.
  case horizontal
}
