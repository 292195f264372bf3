import Foundation

/// The two integrals every distribution of this folder reduces to. Both are computed by a power
/// series where it converges fast and by a continued fraction (modified Lentz) elsewhere, the
/// classic split of Numerical Recipes §6.2 and §6.4; `lgamma` is the C library's.
enum SpecialFunctions {
  /// The regularized lower incomplete gamma function
  ///
  ///     P(a, x) = (1/Γ(a)) ∫₀ˣ tᵃ⁻¹ e⁻ᵗ dt,   a > 0, x ≥ 0
  ///
  /// the CDF of a gamma variable; χ² with k degrees of freedom is P(k/2, x/2), and the normal
  /// distribution's erf(x) is P(1/2, x²).
  ///
  /// - Complexity: O(√a) terms for x near a; a few dozen elsewhere, to full double precision.
  static func regularizedGammaP(_ a: Double, _ x: Double) -> Double {
    precondition(a > 0 && x >= 0, "P(a, x) needs a > 0 and x ≥ 0")
    if x == 0 { return 0 }
    if x.isInfinite { return 1 }
    let logPrefix: Double = a * log(x) - x - lgamma(a)
    if x < a + 1 {
      // Series: P = e⁻ˣ xᵃ / Γ(a+1) · Σ xⁿ / ((a+1)…(a+n)).
      var term = 1 / a
      var sum = term
      var denominator = a
      for _ in 0..<1_000 {
        denominator += 1
        term *= x / denominator
        sum += term
        if abs(term) < abs(sum) * 1e-16 { break }
      }
      return min(1, sum * exp(logPrefix))
    }
    return 1 - upperGammaQ(a, x)
  }

  /// Q(a, x) = 1 − P(a, x), by the continued fraction that converges for x ≥ a + 1, evaluated
  /// by the modified Lentz method; precise far into the upper tail where 1 − P would round to 0.
  static func upperGammaQ(_ a: Double, _ x: Double) -> Double {
    precondition(a > 0 && x >= a + 1, "the continued fraction needs x ≥ a + 1")
    if x.isInfinite { return 0 }
    let logPrefix: Double = a * log(x) - x - lgamma(a)
    return exp(logPrefix)
      * lentz(b0: x + 1 - a) { n in
        let k = Double(n)
        return (-k * (k - a), x + 1 - a + 2 * k)
      }
  }

  /// The regularized incomplete beta function
  ///
  ///     I_x(a, b) = (1/B(a, b)) ∫₀ˣ tᵃ⁻¹ (1 − t)ᵇ⁻¹ dt,   a, b > 0, 0 ≤ x ≤ 1
  ///
  /// from which Student's t CDF follows.
  ///
  /// - Complexity: O(√max(a, b)) terms of the continued fraction.
  static func regularizedBeta(_ x: Double, _ a: Double, _ b: Double) -> Double {
    precondition(a > 0 && b > 0 && (0...1).contains(x), "I_x(a, b) needs a, b > 0, 0 ≤ x ≤ 1")
    if x == 0 || x == 1 { return x }
    // The fraction converges fast for x < (a + 1)/(a + b + 2); beyond it, I_x(a, b) is
    // 1 − I_{1−x}(b, a).
    if x > (a + 1) / (a + b + 2) { return 1 - regularizedBeta(1 - x, b, a) }
    let logBeta: Double = lgamma(a) + lgamma(b) - lgamma(a + b)
    let logPrefix: Double = a * log(x) + b * log(1 - x) - logBeta
    let fraction = lentz(b0: 1) { n in
      // Terms d₂ₘ₋₁ and d₂ₘ of the fraction 1/(1 + d₁/(1 + d₂/(1 + …))).
      let m = Double((n + 1) / 2)
      let numerator: Double
      if n % 2 == 1 {
        let top: Double = -(a + m - 1) * (a + b + m - 1) * x
        let bottom: Double = (a + 2 * m - 2) * (a + 2 * m - 1)
        numerator = top / bottom
      } else {
        let top: Double = m * (b - m) * x
        let bottom: Double = (a + 2 * m - 1) * (a + 2 * m)
        numerator = top / bottom
      }
      return (numerator, 1)
    }
    return exp(logPrefix) * fraction / a
  }

  /// 1 / (b₀ + a₁/(b₁ + a₂/(b₂ + …))) by the modified Lentz method, with (aₙ, bₙ) = `term(n)`.
  private static func lentz(b0: Double, term: (Int) -> (a: Double, b: Double)) -> Double {
    let tiny = 1e-300
    var d = 1 / (abs(b0) < tiny ? tiny : b0)
    var c = 1 / tiny
    var result = d
    for n in 1...10_000 {
      let (a, b) = term(n)
      d = b + a * d
      d = 1 / (abs(d) < tiny ? tiny : d)
      c = b + a / c
      if abs(c) < tiny { c = tiny }
      let change = c * d
      result *= change
      if abs(change - 1) < 1e-16 { break }
    }
    return result
  }
}
