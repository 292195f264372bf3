import Testing

@testable import Recommender

private func number(_ text: String) -> NumberField {
  Array(text.utf8).withUnsafeBytes { NumberField($0) }
}

@Suite("Loader: numbers read from bytes")
struct LoaderNumberTests {
  @Test(
    "reads whole numbers, half stars and trailing zeros",
    arguments: [
      ("4", 4.0), ("3.5", 3.5), ("4.0", 4.0), ("0.5", 0.5), (" 2 ", 2.0), ("-1", -1.0), (".5", 0.5),
    ])
  func plainDecimals(text: String, value: Double) {
    #expect(number(text) == .finite(value))
  }

  @Test(
    "gives exactly the Double the standard library parses",
    arguments: [
      "3.7", "0.1", "2.675", "123456789012.345", "0.000001", "99999999999999.9",
    ])
  func agreesWithStandardLibrary(text: String) {
    #expect(number(text) == .finite(Double(text)!))
  }

  @Test(
    "reads exponents and long digit strings through the standard library",
    arguments: [
      "35e-1", "1E2", "3.14159265358979323846",
    ])
  func fallback(text: String) {
    #expect(number(text) == .finite(Double(text)!))
  }

  @Test(
    "calls inf, nan and overflowing decimals non-finite",
    arguments: [
      "inf", "-Infinity", "NaN", "1e999",
    ])
  func nonFinite(text: String) {
    #expect(number(text) == .nonFinite)
  }

  @Test(
    "rejects text that is not a decimal number",
    arguments: [
      "", "abc", "4,5", "0x10", "1.2.3", "-", ".", "4 stars", "e5", "1e",
    ])
  func garbage(text: String) {
    #expect(number(text) == .notANumber)
  }
}
