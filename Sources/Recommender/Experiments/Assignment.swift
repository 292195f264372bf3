import Foundation

/// Random assignment without storing a coin flip per viewer: the arm is a hash of the viewer's
/// id and the experiment's salt, so the same viewer lands in the same arm on every visit and on
/// every server, and a new salt gives a new split that knows nothing of the old one.
///
/// The hash is ours, not Swift's `Hasher`, which is seeded afresh in every process: an
/// assignment must come out the same tomorrow.
public struct ExperimentAssignment: Sendable {
  /// The experiment's name, hashed in front of every viewer id.
  public let salt: String
  /// The share of viewers sent to treatment.
  public let treatmentShare: Double
  // FNV-1a's state after "salt:", so a viewer costs only the digits of its id.
  private let prefixState: UInt64

  public init(salt: String, treatmentShare: Double = 0.5) {
    precondition((0...1).contains(treatmentShare), "a share is between 0 and 1")
    self.salt = salt
    self.treatmentShare = treatmentShare
    self.prefixState = Self.fnv1a(Array((salt + ":").utf8))
  }

  /// Whether `viewer` sees the treatment: the hash of "salt:id" (id in decimal), mixed and read
  /// as a fraction u in [0, 1), is below ``treatmentShare``.
  public func isTreatment(_ viewer: Int) -> Bool {
    fraction(viewer) < treatmentShare
  }

  /// u = mix(FNV-1a("salt:id")) / 2⁶⁴, uniform in [0, 1) as far as the hash is.
  public func fraction(_ viewer: Int) -> Double {
    precondition(viewer >= 0, "viewer ids are not negative")
    // The decimal digits of the id, most significant first, fed to FNV-1a without a String.
    var hash = prefixState
    var divisor = 1
    while divisor <= viewer / 10 { divisor *= 10 }
    repeat {
      hash = (hash ^ UInt64(48 + (viewer / divisor) % 10)) &* 0x0000_0100_0000_01b3
      divisor /= 10
    } while divisor > 0
    // The top 53 bits of the mixed hash, as a double.
    return Double(Self.mix(hash) >> 11) * 0x1p-53
  }

  /// FNV-1a, 64 bits: for each byte, h ← (h ⊕ byte) · 1099511628211, from h = 14695981039346656037.
  ///
  /// Its low bits follow the last bytes too closely to split viewers by, so ``fraction(_:)``
  /// mixes the result first.
  public static func fnv1a<Bytes: Sequence<UInt8>>(
    _ bytes: Bytes, from state: UInt64 = 0xcbf2_9ce4_8422_2325
  ) -> UInt64 {
    var hash = state
    for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
    return hash
  }

  /// SplitMix64's finalizer: every input bit flips about half the output bits.
  public static func mix(_ value: UInt64) -> UInt64 {
    var z = value
    z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
    z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
    return z ^ (z >> 31)
  }

  /// The n-th output of SplitMix64 seeded with `seed` (n from 1):
  /// mix(seed + n · 0x9e3779b97f4a7c15).
  public static func splitMix64(seed: UInt64, output n: UInt64) -> UInt64 {
    mix(seed &+ n &* 0x9e37_79b9_7f4a_7c15)
  }
}

/// How many viewers a test needs, and how often it finds an effect, for a two-sided test of
/// means at level α with equal arms:
///
///     n per arm = 2σ² (z_{1−α/2} + z_{power})² / δ²
///     power(n)  = Φ(δ/√(2σ²/n) − z_{1−α/2}) + Φ(−δ/√(2σ²/n) − z_{1−α/2})
///
/// with δ the smallest difference worth finding and σ the metric's standard deviation per
/// viewer. The normal approximation; the t-test's few degrees of freedom less do not matter
/// at the hundreds of viewers an online test has.
public struct PowerAnalysis: Sendable {
  /// δ, the minimum detectable effect in the metric's units.
  public let effect: Double
  /// σ, the metric's standard deviation per viewer.
  public let standardDeviation: Double
  /// α, the false-positive rate of the two-sided test.
  public let alpha: Double

  public init(effect: Double, standardDeviation: Double, alpha: Double) {
    precondition(effect > 0 && standardDeviation > 0 && alpha > 0 && alpha < 1)
    self.effect = effect
    self.standardDeviation = standardDeviation
    self.alpha = alpha
  }

  /// The viewers per arm that give `power`, rounded up.
  public func viewersPerArm(power: Double) -> Int {
    let z = Normal.quantile(1 - alpha / 2) + Normal.quantile(power)
    let σ = standardDeviation
    return Int((2 * σ * σ * z * z / (effect * effect)).rounded(.up))
  }

  /// The chance that a test with `viewersPerArm` in each arm finds the effect.
  public func power(viewersPerArm n: Int) -> Double {
    let shift = effect / (2 * standardDeviation * standardDeviation / Double(n)).squareRoot()
    let z = Normal.quantile(1 - alpha / 2)
    return Normal.cdf(shift - z) + Normal.cdf(-shift - z)
  }
}

/// The mixture sequential probability ratio test's always-valid p-value (Johari, Koomen,
/// Pekelis and Walsh, "Peeking at A/B tests", KDD 2017), for a difference of means θ.
///
/// With θ̂ the observed difference, V its variance (s₁²/n₁ + s₂²/n₂) and a normal mixture of
/// spread τ over the alternatives,
///
///     Λ = √(V/(V + τ²)) · exp( τ² θ̂² / (2V(V + τ²)) ),    pₙ = min(pₙ₋₁, 1/Λₙ),  p₀ = 1.
///
/// Under no difference, Λ is a martingale, so P(some pₙ ≤ α) ≤ α however often one looks:
/// the test may stop at the first look with pₙ ≤ α and keep its false-positive rate.
public struct AlwaysValidPValue: Sendable {
  /// τ, the spread of the effects the test is tuned to; about the effect one hopes to find.
  public let mixtureSpread: Double
  /// The p-value so far: the smallest 1/Λ of every look.
  public private(set) var value = 1.0

  public init(mixtureSpread τ: Double) {
    precondition(τ > 0, "the mixture needs τ > 0")
    mixtureSpread = τ
  }

  /// One more look, at the difference so far and its variance; returns the updated p-value.
  @discardableResult
  public mutating func look(difference θ: Double, variance V: Double) -> Double {
    guard V > 0 else { return value }
    let τ² = mixtureSpread * mixtureSpread
    let logΛ = 0.5 * log(V / (V + τ²)) + τ² * θ * θ / (2 * V * (V + τ²))
    value = min(value, min(1, exp(-logΛ)))
    return value
  }
}
