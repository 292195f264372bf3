import Testing

@testable import Recommender

/// The distribution functions against published tables, the tests against textbook examples.
@Suite("Experiment statistics: distributions, tests, power, assignment")
struct ExperimentStatisticsTests {
  static func close(_ a: Double, _ b: Double, _ tolerance: Double) -> Bool {
    abs(a - b) <= tolerance
  }

  @Test(
    "Φ(z) matches the standard normal table",
    arguments: [
      (0.0, 0.5), (1.0, 0.8413447460685429), (-1.0, 0.15865525393145707),
      (1.96, 0.9750021048517795), (3.0, 0.9986501019683699), (-6.0, 9.865876450376946e-10),
    ])
  func normalCDF(z: Double, expected: Double) {
    #expect(Self.close(Normal.cdf(z), expected, 1e-14), "Φ(\(z)) = \(Normal.cdf(z))")
  }

  @Test("the upper tail keeps its digits where 1 − Φ would round to zero")
  func normalSurvival() {
    // P(Z > 10) = 7.61985302416047e-24 (R: pnorm(10, lower.tail = FALSE)).
    #expect(abs(Normal.survival(10) / 7.61985302416047e-24 - 1) < 1e-10)
    #expect(abs(Normal.cdf(-10) / 7.61985302416047e-24 - 1) < 1e-10)
  }

  @Test(
    "Φ⁻¹(p) gives the familiar critical values",
    arguments: [
      (0.975, 1.959963984540054), (0.95, 1.6448536269514722), (0.5, 0.0),
      (0.8, 0.8416212335729143), (1e-10, -6.361340902404056), (0.999, 3.090232306167813),
    ])
  func normalQuantile(p: Double, expected: Double) {
    #expect(Self.close(Normal.quantile(p), expected, 1e-12), "Φ⁻¹(\(p)) = \(Normal.quantile(p))")
  }

  @Test(
    "Student's t: the CDF and the 97.5% points of the t table",
    arguments: [
      (1.0, 12.706204736174707), (2.0, 4.302652729749464), (10.0, 2.2281388519862744),
      (30.0, 2.0422724563012373), (1000.0, 1.9623390808264078),
    ])
  func tQuantile(ν: Double, expected: Double) {
    let t = StudentT(degreesOfFreedom: ν)
    #expect(Self.close(t.quantile(0.975), expected, 1e-9))
    #expect(Self.close(t.cdf(expected), 0.975, 1e-12))
  }

  @Test("t CDF at points off the table's columns, fractional ν included")
  func tCDF() {
    #expect(Self.close(StudentT(degreesOfFreedom: 5).cdf(2.0), 0.9490302605850709, 1e-12))
    #expect(Self.close(StudentT(degreesOfFreedom: 2).cdf(-1.5), 0.13619656244550679, 1e-12))
    #expect(Self.close(StudentT(degreesOfFreedom: 30).cdf(0.5), 0.6896384975574363, 1e-12))
    // As ν grows, t becomes the normal.
    #expect(Self.close(StudentT(degreesOfFreedom: 1e7).cdf(1.96), Normal.cdf(1.96), 1e-6))
  }

  @Test("χ²: the 5% critical values of the table have tail 0.05")
  func chiSquared() {
    for (k, critical) in [
      (1.0, 3.841458820694124), (2.0, 5.991464547107979),
      (19.0, 30.14352720564616),
    ] {
      #expect(Self.close(ChiSquared(degreesOfFreedom: k).survival(critical), 0.05, 1e-12))
    }
    #expect(Self.close(ChiSquared(degreesOfFreedom: 4).survival(10), 0.04042768199451279, 1e-12))
  }

  @Test("Welch's t-test on the textbook example (Wikipedia, Welch's t-test, example 1)")
  func welchExample() throws {
    let a1 = [
      27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4,
    ]
    let a2 = [
      27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4,
    ]
    // Published: t = 2.46, ν = 25.0, p = 0.021 (A2 − A1; scipy gives the digits below).
    let result = try #require(
      welchTest(control: SampleSummary(a1), treatment: SampleSummary(a2)))
    #expect(Self.close(result.statistic, 2.455356398286006, 1e-9))
    #expect(Self.close(result.degreesOfFreedom!, 24.988529290231416, 1e-9))
    #expect(Self.close(result.pValue, 0.021378001462866992, 1e-9))
    #expect(result.interval.contains(result.difference) && result.interval.lowerBound > 0)
    #expect(welchPValue(control: SampleSummary(a1), treatment: SampleSummary(a2)) == result.pValue)
  }

  @Test("the two-proportion z-test by hand: 200/1000 against 250/1000")
  func proportions() throws {
    // p̂ = 0.225, SE₀ = √(0.225·0.775·(2/1000)) = 0.0186748, z = 0.05/SE₀ = 2.67741.
    let result = try #require(
      twoProportionTest(controlSuccesses: 200, of: 1000, treatmentSuccesses: 250, of: 1000))
    #expect(Self.close(result.statistic, 2.677398, 1e-5))
    #expect(Self.close(result.pValue, 0.0074196, 1e-6))
    // Unpooled SE = √(0.16/1000 + 0.1875/1000) = 0.0186414; margin 1.96 · SE.
    #expect(Self.close(result.interval.lowerBound, 0.05 - 1.959964 * 0.0186414, 1e-6))
  }

  @Test("sample-ratio and independence χ² tests by hand")
  func chiSquareTests() {
    // 5,100 against 4,900 for 50/50: χ² = 2·100²/5000 = 4, p = 0.0455.
    let srm = ChiSquareTest.sampleRatio(counts: [5100, 4900], shares: [0.5, 0.5])
    #expect(Self.close(srm.statistic, 4, 1e-12) && srm.degreesOfFreedom == 1)
    #expect(Self.close(srm.pValue, 0.04550026389635842, 1e-12))
    // A table with rows in the same proportion is independent: χ² = 0.
    let table = ChiSquareTest.independence([[10, 20], [30, 60]])
    #expect(Self.close(table.statistic, 0, 1e-12) && Self.close(table.pValue, 1, 1e-12))
  }

  @Test("sample size and power: the textbook 2σ²(z₀.₉₇₅ + z₀.₈)²/δ² ≈ 15.7 (σ/δ)²")
  func power() {
    let plan = PowerAnalysis(effect: 0.1, standardDeviation: 1, alpha: 0.05)
    // 2 · (1.959964 + 0.841621)² / 0.01 = 1569.78 → 1570 per arm.
    #expect(plan.viewersPerArm(power: 0.8) == 1570)
    #expect(Self.close(plan.power(viewersPerArm: 1570), 0.8, 0.001))
    #expect(plan.power(viewersPerArm: 100) < plan.power(viewersPerArm: 1000))
  }

  @Test("FNV-1a and SplitMix64 reproduce their published test vectors")
  func hashes() {
    #expect(ExperimentAssignment.fnv1a([]) == 0xcbf2_9ce4_8422_2325)
    #expect(ExperimentAssignment.fnv1a(Array("a".utf8)) == 0xaf63_dc4c_8601_ec8c)
    #expect(ExperimentAssignment.fnv1a(Array("foobar".utf8)) == 0x8594_4171_f739_67e8)
    // SplitMix64 from seed 0: the first output of the reference implementation.
    #expect(ExperimentAssignment.splitMix64(seed: 0, output: 1) == 0xe220_a839_7b1d_cdaf)
  }

  @Test("assignment is stable, balanced, and a new salt gives an unrelated split")
  func assignment() {
    let first = ExperimentAssignment(salt: "row-test")
    let again = ExperimentAssignment(salt: "row-test")
    let other = ExperimentAssignment(salt: "row-test-2")
    let viewers = 0..<20_000
    #expect(viewers.allSatisfy { first.isTreatment($0) == again.isTreatment($0) })
    let treated = viewers.filter(first.isTreatment).count
    #expect(
      ChiSquareTest.sampleRatio(counts: [treated, 20_000 - treated], shares: [0.5, 0.5])
        .pValue > 0.001)
    var table = [[0, 0], [0, 0]]
    for viewer in viewers {
      table[first.isTreatment(viewer) ? 1 : 0][other.isTreatment(viewer) ? 1 : 0] += 1
    }
    #expect(ChiSquareTest.independence(table).pValue > 0.001)
  }

  @Test("the always-valid p-value never rises and falls below α on a clear difference")
  func alwaysValid() {
    var sequential = AlwaysValidPValue(mixtureSpread: 0.1)
    let path = [0.0, 0.05, 0.2, 0.3].map { sequential.look(difference: $0, variance: 0.001) }
    #expect(zip(path, path.dropFirst()).allSatisfy { $0 >= $1 })
    #expect(path.first! == 1 && path.last! < 0.05)
  }
}
