/// A data point (x, y) in the units of the chart's axes.
public struct ChartPoint: Sendable, Equatable {
  public var x: Double
  public var y: Double

  public init(x: Double, y: Double) {
    self.x = x
    self.y = y
  }
}
