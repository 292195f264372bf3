/// Star values as people write them: "4", "0.5", "1–5".
enum StarText {
  /// A whole value without decimals ("5"), otherwise Swift's shortest exact form ("3.5").
  static func value(_ stars: Double) -> String {
    if stars == stars.rounded(), abs(stars) < 1e15 { return String(Int(stars)) }
    return String(stars)
  }

  /// A scale with an en dash: "1–5", "0.5–5".
  static func range(_ scale: ClosedRange<Double>) -> String {
    "\(value(scale.lowerBound))–\(value(scale.upperBound))"
  }
}
