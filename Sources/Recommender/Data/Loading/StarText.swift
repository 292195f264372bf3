/// A number as a person writes it: "4" rather than "4.0", "0.5" as is. Used for star values in
/// data messages and for flag bounds in usage messages.
public func plainNumber(_ value: Double) -> String {
  if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
  return String(value)
}

/// A rating scale with an en dash: "1–5", "0.5–5".
public func starScaleText(_ scale: ClosedRange<Double>) -> String {
  "\(plainNumber(scale.lowerBound))–\(plainNumber(scale.upperBound))"
}
