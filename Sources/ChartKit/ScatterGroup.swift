/// A point with a name, such as a user or a movie placed by its two latent factors.
public struct LabelledPoint: Sendable, Equatable {
  public var x: Double
  public var y: Double
  public var label: String

  public init(x: Double, y: Double, label: String) {
    self.x = x
    self.y = y
    self.label = label
  }
}

/// One kind of point in a `ScatterChart` ("Users", "Movies"), with its own colour and marker.
public struct ScatterGroup: Sendable, Equatable {
  /// The legend entry.
  public var name: String
  public var points: [LabelledPoint]
  /// A colour such as "#0072B2"; nil takes the next Okabe–Ito colour.
  public var color: String?
  /// A marker shape; nil takes the next shape (circle, square, triangle, diamond).
  public var marker: MarkerShape?

  public init(
    name: String, points: [LabelledPoint], color: String? = nil, marker: MarkerShape? = nil
  ) {
    self.name = name
    self.points = points
    self.color = color
    self.marker = marker
  }
}
