import Testing

@testable import ChapterKit

@Suite("Duration and significant-figure formatting")
struct DurationFormattingTests {
  @Test(
    "numbers keep three significant figures, grouped, with only the decimals that carry them",
    arguments: [
      (18.349, "18.3"), (6_253_118, "6,250,000"), (0.0012345, "0.00123"),
      (52_899_999.9, "52,900,000"),
      (999.6, "1,000"), (9.996, "10.0"), (100, "100"), (1.5, "1.50"), (0, "0"), (-42.17, "-42.2"),
    ])
  func significantFigures(value: Double, text: String) {
    #expect(significant(value) == text)
  }

  @Test("the number of significant figures can be chosen")
  func otherDigitCounts() {
    #expect(significant(123_456, digits: 1) == "100,000")
    #expect(significant(3.14159, digits: 5) == "3.1416")
  }

  @Test(
    "a duration is shown in the unit that reads best",
    arguments: [
      (18.3, "18.3 ns"), (4_520, "4.52 µs"), (6_250_000, "6.25 ms"), (1.44e9, "1.44 s"),
      (750e9, "12.5 min"), (17_244e9, "4.79 h"), (276_480e9, "3.20 days"), (0, "0 ns"),
    ])
  func readableDurations(nanoseconds: Double, text: String) {
    #expect(readableDuration(nanoseconds: nanoseconds) == text)
  }

  @Test("a duration that rounds up to the next unit moves to that unit")
  func roundsIntoNextUnit() {
    #expect(readableDuration(nanoseconds: 999.7) == "1.00 µs")
    #expect(readableDuration(nanoseconds: 59.97e9) == "1.00 min")
  }

  @Test("a speedup is three significant figures followed by ×")
  func speedups() {
    #expect(timesText(15_000) == "15,000×")
    #expect(timesText(2.5) == "2.50×")
  }
}
