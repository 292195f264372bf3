import Testing

@testable import ChapterKit

@Suite("Format: fixed decimals")
struct FormatFixedTests {
  @Test("rounds to the requested decimals")
  func rounds() {
    #expect(NumberFormat.fixed(0.87654, decimals: 2) == "0.88")
    #expect(NumberFormat.fixed(3.14159, decimals: 4) == "3.1416")
    #expect(NumberFormat.fixed(2.5, decimals: 0) == "2")
  }

  @Test("a small negative that rounds to zero prints without a minus sign")
  func noNegativeZero() {
    #expect(NumberFormat.fixed(-0.00004, decimals: 4) == "0.0000")
    #expect(NumberFormat.fixed(-0.0, decimals: 2) == "0.00")
  }

  @Test("negative numbers keep their sign")
  func negative() {
    #expect(NumberFormat.fixed(-1.25, decimals: 1) == "-1.2")
  }

  @Test("non-finite values print as numpy does")
  func nonFinite() {
    #expect(NumberFormat.fixed(.nan, decimals: 2) == "nan")
    #expect(NumberFormat.fixed(-.infinity, decimals: 2) == "-inf")
  }

  @Test("signed fixed shows + for positive and zero, - for negative")
  func signed() {
    #expect(NumberFormat.signedFixed(0.2149, decimals: 2) == "+0.21")
    #expect(NumberFormat.signedFixed(-0.371, decimals: 2) == "-0.37")
    #expect(NumberFormat.signedFixed(-0.001, decimals: 2) == "+0.00")
  }
}
