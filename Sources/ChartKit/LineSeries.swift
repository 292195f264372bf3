/// One named line of a `LineChart`.
public struct LineSeries: Sendable, Equatable {
  public var name: String
  public var points: [ChartPoint]
  /// Draw a marker at every point (useful for few points; leave off for 50 epochs).
  public var showsMarkers: Bool
  /// Draw the line dashed, e.g. for a baseline or the validation curve next to training.
  public var isDashed: Bool
  /// A colour such as "#0072B2"; nil takes the next Okabe–Ito colour.
  public var color: String?

  /// - Parameters:
  ///   - name: The legend entry.
  ///   - points: Points in drawing order (usually increasing x).
  public init(
    name: String, points: [ChartPoint], showsMarkers: Bool = false, isDashed: Bool = false,
    color: String? = nil
  ) {
    self.name = name
    self.points = points
    self.showsMarkers = showsMarkers
    self.isDashed = isDashed
    self.color = color
  }

  /// A series from parallel arrays of x and y values (the shorter one sets the length).
  public init(
    name: String, x: [Double], y: [Double], showsMarkers: Bool = false, isDashed: Bool = false,
    color: String? = nil
  ) {
    self.init(
      name: name, points: zip(x, y).map { ChartPoint(x: $0, y: $1) }, showsMarkers: showsMarkers,
      isDashed: isDashed, color: color)
  }

  /// A series of y values at x = 1, 2, 3, …: one value per epoch.
  public init(
    name: String, valuesFromOne values: [Double], showsMarkers: Bool = false,
    isDashed: Bool = false, color: String? = nil
  ) {
    self.init(
      name: name, points: values.enumerated().map { ChartPoint(x: Double($0 + 1), y: $1) },
      showsMarkers: showsMarkers, isDashed: isDashed, color: color)
  }
}
