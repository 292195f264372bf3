import Foundation

/// The standard normal distribution N(0, 1).
public enum Normal {
  /// Φ(x) = P(Z ≤ x) = ½ (1 + erf(x/√2)), with erf(y) = P(½, y²) for y ≥ 0.
  ///
  /// For x < 0 it is the upper tail at −x, so the lower tail keeps its relative precision.
  public static func cdf(_ x: Double) -> Double {
    guard !x.isNaN else { return .nan }
    guard x >= 0 else { return survival(-x) }
    return 0.5 + 0.5 * SpecialFunctions.regularizedGammaP(0.5, x * x / 2)
  }

  /// P(Z > x) = 1 − Φ(x), computed without cancellation far in the upper tail.
  public static func survival(_ x: Double) -> Double {
    guard x > 0 else { return cdf(-x) }
    // Q(½, x²/2) directly: 1 − P loses every digit once P rounds to 1.
    return 0.5 * upperGammaHalf(x * x / 2)
  }

  /// Φ⁻¹(p): the z with Φ(z) = p, for 0 < p < 1.
  ///
  /// Acklam's rational approximation (relative error below 1.2e-9), then one Halley step on
  /// ``cdf(_:)`` to bring it to full precision.
  public static func quantile(_ p: Double) -> Double {
    precondition(p > 0 && p < 1, "a normal quantile needs 0 < p < 1")
    let a = [
      -3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
      1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00,
    ]
    let b = [
      -5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
      6.680131188771972e+01, -1.328068155288572e+01,
    ]
    let c = [
      -7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
      -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00,
    ]
    let d = [
      7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
      3.754408661907416e+00,
    ]
    func tail(_ q: Double) -> Double {
      let r = (-2 * log(q)).squareRoot()
      return (((((c[0] * r + c[1]) * r + c[2]) * r + c[3]) * r + c[4]) * r + c[5])
        / ((((d[0] * r + d[1]) * r + d[2]) * r + d[3]) * r + 1)
    }
    var z: Double
    if p < 0.02425 {
      z = tail(p)
    } else if p > 1 - 0.02425 {
      z = -tail(1 - p)
    } else {
      let q = p - 0.5
      let r = q * q
      z =
        (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
        / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
    }
    // Halley's step: e = Φ(z) − p, u = e·√(2π)·e^{z²/2}, z ← z − u/(1 + z·u/2).
    let error = p < 0.5 ? cdf(z) - p : (1 - p) - survival(z)
    let u = error * (2 * Double.pi).squareRoot() * exp(z * z / 2)
    z -= u / (1 + z * u / 2)
    return z
  }

  /// Q(½, y) = 1 − P(½, y), for the upper tail.
  private static func upperGammaHalf(_ y: Double) -> Double {
    y < 1.5 ? 1 - SpecialFunctions.regularizedGammaP(0.5, y) : SpecialFunctions.upperGammaQ(0.5, y)
  }
}

/// Student's t distribution with ν degrees of freedom (ν need not be whole: Welch's test gives
/// fractional ν).
public struct StudentT: Sendable {
  public let degreesOfFreedom: Double

  public init(degreesOfFreedom ν: Double) {
    precondition(ν > 0, "Student's t needs ν > 0")
    degreesOfFreedom = ν
  }

  /// F(t) = 1 − ½ I_{ν/(ν+t²)}(ν/2, ½) for t ≥ 0, and ½ I_{ν/(ν+t²)}(ν/2, ½) for t < 0.
  public func cdf(_ t: Double) -> Double {
    guard !t.isNaN else { return .nan }
    let ν = degreesOfFreedom
    let tail = 0.5 * SpecialFunctions.regularizedBeta(ν / (ν + t * t), ν / 2, 0.5)
    return t >= 0 ? 1 - tail : tail
  }

  /// P(|T| ≥ |t|), the two-sided p-value of a t statistic.
  public func twoSidedPValue(_ t: Double) -> Double {
    let ν = degreesOfFreedom
    return min(1, SpecialFunctions.regularizedBeta(ν / (ν + t * t), ν / 2, 0.5))
  }

  /// F⁻¹(p), for 0 < p < 1: bisection on ``cdf(_:)`` from a bracket that doubles until it
  /// holds the answer; 200 halvings reach the spacing of doubles.
  public func quantile(_ p: Double) -> Double {
    precondition(p > 0 && p < 1, "a t quantile needs 0 < p < 1")
    if p == 0.5 { return 0 }
    var low = -1.0
    var high = 1.0
    while cdf(low) > p { low *= 2 }
    while cdf(high) < p { high *= 2 }
    for _ in 0..<200 {
      let middle = (low + high) / 2
      if middle == low || middle == high { break }
      if cdf(middle) < p { low = middle } else { high = middle }
    }
    return (low + high) / 2
  }
}

/// The χ² distribution with k degrees of freedom.
public struct ChiSquared: Sendable {
  public let degreesOfFreedom: Double

  public init(degreesOfFreedom k: Double) {
    precondition(k > 0, "χ² needs k > 0")
    degreesOfFreedom = k
  }

  /// F(x) = P(k/2, x/2).
  public func cdf(_ x: Double) -> Double {
    x <= 0 ? 0 : SpecialFunctions.regularizedGammaP(degreesOfFreedom / 2, x / 2)
  }

  /// P(X ≥ x), the p-value of a χ² statistic, without cancellation in the far tail.
  public func survival(_ x: Double) -> Double {
    let a = degreesOfFreedom / 2
    return x <= 0
      ? 1 : x / 2 < a + 1 ? 1 - cdf(x) : SpecialFunctions.upperGammaQ(a, x / 2)
  }
}
