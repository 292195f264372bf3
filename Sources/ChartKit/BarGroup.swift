/// One set of bars in a `BarChart`: a value (or none) for every category.
public struct BarGroup: Sendable, Equatable {
  /// The legend entry, shown when the chart has more than one group.
  public var name: String
  /// One value per category, in category order; nil draws no bar there.
  public var values: [Double?]
  /// A colour such as "#0072B2"; nil takes the next Okabe–Ito colour.
  public var color: String?
  /// Error bars: for each category a half-width drawn as a whisker from value − e to value + e
  /// (e.g. one standard deviation over folds); empty, or nil in a category, draws none.
  public var errors: [Double?]

  public init(name: String, values: [Double?], color: String? = nil, errors: [Double?] = []) {
    precondition(errors.isEmpty || errors.count == values.count, "one error per value")
    self.name = name
    self.values = values
    self.color = color
    self.errors = errors
  }

  /// The half-width of the error bar in category `index`, if any.
  func error(at index: Int) -> Double? {
    guard index < errors.count, let error = errors[index], error.isFinite, error > 0 else {
      return nil
    }
    return error
  }
}

/// Which way bars grow.
public enum BarOrientation: Sendable, Equatable {
  /// Categories along the x axis, bars growing up (or down, for negative values).
  case vertical
  /// Categories down the y axis, bars growing right (or left): diverging bars, long names.
  case horizontal
}
