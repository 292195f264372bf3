import Testing

@testable import ChartKit

@Suite("Nice linear scales")
struct ChartNiceScaleTests {
  @Test("0…1 gets six ticks 0.2 apart, labelled with one decimal")
  func unitRange() {
    let scale = NiceScale(minimum: 0, maximum: 1)
    #expect(scale.ticks == [0, 0.2, 0.4, 0.6, 0.8, 1])
    #expect(scale.step == 0.2)
    #expect(scale.ticks.map(scale.label(for:)) == ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
  }

  @Test("a learning curve from 16.2 to 27.9 gets 16…28 in steps of 2")
  func learningCurveRange() {
    let scale = NiceScale(covering: [27.9, 21, 16.2])
    #expect(scale.ticks == [16, 18, 20, 22, 24, 26, 28])
    #expect(scale.labelDecimals == 0)
  }

  @Test("0…17 needs the 2.5 step: steps of 2 would give 10 ticks")
  func twoAndAHalf() {
    let scale = NiceScale(minimum: 0, maximum: 17)
    #expect(scale.ticks == [0, 2.5, 5, 7.5, 10, 12.5, 15, 17.5])
    #expect(scale.label(for: 7.5) == "7.5")
  }

  @Test("biases from −0.4 to 0.2 get ticks 0.1 apart with true minus signs")
  func negativeRange() {
    let scale = NiceScale(minimum: -0.4, maximum: 0.2)
    #expect(scale.ticks == [-0.4, -0.3, -0.2, -0.1, 0, 0.1, 0.2])
    #expect(scale.label(for: -0.3) == "\u{2212}0.3")
    #expect(scale.label(for: 0) == "0.0")
  }

  @Test("large values get thousands separators from five digits on")
  func thousands() {
    let scale = NiceScale(minimum: 0, maximum: 12_345)
    #expect(scale.ticks == [0, 2000, 4000, 6000, 8000, 10_000, 12_000, 14_000])
    #expect(scale.label(for: 2000) == "2000")
    #expect(scale.label(for: 12_000) == "12,000")
  }

  @Test("includesZero stretches a positive range down to 0")
  func includesZero() {
    let scale = NiceScale(covering: [3, 5], includesZero: true)
    #expect(scale.ticks == [0, 1, 2, 3, 4, 5])
  }

  @Test("whole steps: epochs 1…2 get ticks 1 and 2, one epoch 0…2, long runs still 5 apart")
  func wholeSteps() {
    #expect(NiceScale(covering: [1, 2]).step == 0.2)
    let two = NiceScale(covering: [1, 2], wholeSteps: true)
    #expect(two.ticks == [1, 2])
    #expect(two.labelDecimals == 0)
    #expect(NiceScale(covering: [1], wholeSteps: true).ticks == [0, 1, 2])
    #expect(NiceScale(covering: [1, 4], wholeSteps: true).ticks == [1, 2, 3, 4])
    #expect(NiceScale(covering: [1, 30], wholeSteps: true).step == 5)
  }

  @Test("all-equal values are padded by 10% around the value")
  func allEqual() {
    let scale = NiceScale(covering: [5, 5, 5])
    #expect(scale.ticks == [4.4, 4.6, 4.8, 5, 5.2, 5.4, 5.6])
  }

  @Test("all zeros, and no values at all, give 0…1")
  func zeroAndEmpty() {
    #expect(NiceScale(covering: [0]).ticks == [0, 0.2, 0.4, 0.6, 0.8, 1])
    #expect(NiceScale(covering: []).ticks == [0, 0.2, 0.4, 0.6, 0.8, 1])
    #expect(NiceScale(covering: [.nan, .infinity]).ticks == [0, 0.2, 0.4, 0.6, 0.8, 1])
  }

  @Test("never more ticks than the maximum, always at least two")
  func tickCountBounds() {
    for (low, high) in [(0.0, 9.7), (-3.2, 47.0), (0.001, 0.0093), (1e6, 3.7e6), (-50.0, -49.0)] {
      let scale = NiceScale(minimum: low, maximum: high)
      #expect((2...8).contains(scale.ticks.count), "\(low)…\(high): \(scale.ticks)")
      #expect(scale.lowerBound <= low && scale.upperBound >= high)
    }
  }

  @Test("fraction maps the bounds to 0 and 1")
  func fraction() {
    let scale = NiceScale(minimum: 0, maximum: 50)
    #expect(scale.fraction(of: 0) == 0)
    #expect(scale.fraction(of: 25) == 0.5)
    #expect(scale.fraction(of: 50) == 1)
  }
}

@Suite("Log10 scales")
struct ChartLogScaleTests {
  @Test("collection sizes 100…10⁷ get a tick per decade with compact labels")
  func sizes() {
    let scale = LogScale(covering: [100, 1000, 1e7])
    #expect(scale.lowerExponent == 2 && scale.upperExponent == 7)
    #expect(scale.ticks == [1e2, 1e3, 1e4, 1e5, 1e6, 1e7])
    #expect(scale.ticks.map(scale.label(for:)) == ["100", "1k", "10k", "100k", "1M", "10M"])
  }

  @Test("values between decades round out to the enclosing decades")
  func enclosing() {
    let scale = LogScale(minimum: 150, maximum: 20_000)
    #expect(scale.lowerBound == 100 && scale.upperBound == 100_000)
  }

  @Test("1…10⁶ starts at 1 and labels every decade")
  func nanoseconds() {
    let scale = LogScale(minimum: 1, maximum: 1e6)
    #expect(scale.ticks.map(scale.label(for:)) == ["1", "10", "100", "1k", "10k", "100k", "1M"])
  }

  @Test("minor gridlines sit at 2–9 × each decade")
  func minorTicks() {
    let scale = LogScale(minimum: 1, maximum: 100)
    #expect(scale.minorTicks.count == 16)
    #expect(scale.minorTicks.prefix(3) == [2, 3, 4])
    #expect(scale.minorTicks.last == 90)
  }

  @Test("a single value gets one decade on each side")
  func singleValue() {
    let scale = LogScale(covering: [100])
    #expect(scale.lowerBound == 10 && scale.upperBound == 1000)
  }

  @Test("zero and negative values are ignored; none positive gives 1…10")
  func nonPositive() {
    #expect(LogScale(covering: [0, -5, 10, 1000]).lowerBound == 10)
    let empty = LogScale(covering: [0, -1])
    #expect(empty.lowerBound == 1 && empty.upperBound == 10)
  }

  @Test("more than eight decades are labelled every second decade")
  func manyDecades() {
    let scale = LogScale(minimum: 1e-3, maximum: 1e12)
    #expect(scale.ticks.count == 8)
    #expect(scale.ticks.first == 1e-3)
    #expect(scale.minorTicks.contains(0.01))
  }

  @Test("decade labels: decimals below 1, k/M/B above, powers of ten beyond")
  func labels() {
    #expect(LogScale.label(forExponent: -2) == "0.01")
    #expect(LogScale.label(forExponent: 0) == "1")
    #expect(LogScale.label(forExponent: 5) == "100k")
    #expect(LogScale.label(forExponent: 9) == "1B")
    #expect(LogScale.label(forExponent: 12) == "10¹²")
    #expect(LogScale.label(forExponent: -4) == "10⁻⁴")
  }

  @Test("fraction is linear in the exponent")
  func fraction() {
    let scale = LogScale(minimum: 100, maximum: 1e6)
    #expect(abs(scale.fraction(of: 1e4) - 0.5) < 1e-12)
  }
}
