/// How an axis maps values to positions.
public enum ScaleKind: Sendable, Equatable {
  /// Equal distances for equal differences, with nice ticks (`NiceScale`).
  case linear
  /// Equal distances for equal ratios, with decade ticks (`LogScale`); values ≤ 0 are skipped.
  case log10
}

/// One labelled tick of an axis.
struct AxisTick: Equatable {
  let value: Double
  let label: String
}

/// A numeric axis of either kind, as the charts use it: ticks, gridlines and a value → fraction
/// mapping.
enum AxisScale {
  case linear(NiceScale)
  case logarithmic(LogScale)

  /// The scale of `kind` that covers `values`; `wholeSteps` as in ``NiceScale``.
  init(
    kind: ScaleKind, covering values: [Double], includesZero: Bool = false,
    wholeSteps: Bool = false
  ) {
    switch kind {
    case .linear:
      self = .linear(
        NiceScale(covering: values, includesZero: includesZero, wholeSteps: wholeSteps))
    case .log10: self = .logarithmic(LogScale(covering: values))
    }
  }

  var ticks: [AxisTick] {
    switch self {
    case .linear(let scale): scale.ticks.map { AxisTick(value: $0, label: scale.label(for: $0)) }
    case .logarithmic(let scale):
      scale.ticks.map { AxisTick(value: $0, label: scale.label(for: $0)) }
    }
  }

  /// Values of the lighter, unlabelled gridlines.
  var minorTicks: [Double] {
    switch self {
    case .linear: []
    case .logarithmic(let scale): scale.minorTicks
    }
  }

  /// Whether `value` can be placed at all (a log axis has no place for values ≤ 0).
  func canPlace(_ value: Double) -> Bool {
    switch self {
    case .linear: value.isFinite
    case .logarithmic: value.isFinite && value > 0
    }
  }

  /// 0 at the start of the axis, 1 at its end.
  func fraction(of value: Double) -> Double {
    switch self {
    case .linear(let scale): scale.fraction(of: value)
    case .logarithmic(let scale): scale.fraction(of: value)
    }
  }
}
