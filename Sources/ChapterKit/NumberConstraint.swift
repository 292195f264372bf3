import Recommender

/// Which real numbers a `Double` option accepts. Every constraint rejects NaN and infinities.
public enum NumberConstraint: Sendable, Equatable {
  /// Any finite number.
  case finite
  /// Greater than zero, e.g. a learning rate.
  case positive
  /// Zero or more, e.g. a regularization strength λ.
  case nonNegative
  /// Strictly between 0 and 1, e.g. the fraction of ratings held out for testing.
  case unitIntervalOpen
  /// Between two bounds, both included.
  case closedRange(ClosedRange<Double>)
  /// Another constraint, with the reason for it, for a limit a reader would not guess (the
  /// reason follows the accepted values in the error message).
  indirect case explained(NumberConstraint, because: String)

  /// Whether `value` satisfies the constraint.
  public func admits(_ value: Double) -> Bool {
    guard value.isFinite else { return false }
    switch self {
    case .finite: return true
    case .positive: return value > 0
    case .nonNegative: return value >= 0
    case .unitIntervalOpen: return value > 0 && value < 1
    case .closedRange(let range): return range.contains(value)
    case .explained(let constraint, _): return constraint.admits(value)
    }
  }

  /// What the constraint accepts, as the object of "expects …" in an error message.
  public var accepts: String {
    switch self {
    case .finite: return "a finite number"
    case .positive: return "a finite number > 0"
    case .nonNegative: return "a finite number ≥ 0"
    case .unitIntervalOpen: return "a number strictly between 0 and 1"
    case .closedRange(let range):
      return "a number from \(plainNumber(range.lowerBound)) to \(plainNumber(range.upperBound))"
    case .explained(let constraint, let reason): return "\(constraint.accepts) (\(reason))"
    }
  }
}
