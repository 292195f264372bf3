import Testing

@testable import ChartKit

@Suite("SVG number formatting and XML escaping")
struct SVGNumberTests {
  @Test("coordinates keep two decimals and drop trailing zeros")
  func coordinates() {
    #expect(SVGNumber.coordinate(12.3456) == "12.35")
    #expect(SVGNumber.coordinate(12.5) == "12.5")
    #expect(SVGNumber.coordinate(3) == "3")
    #expect(SVGNumber.coordinate(-1.5) == "-1.5")
    #expect(SVGNumber.coordinate(720) == "720")
  }

  @Test("a coordinate that rounds to zero is never written as -0")
  func noNegativeZeroCoordinate() {
    #expect(SVGNumber.coordinate(-0.001) == "0")
    #expect(SVGNumber.coordinate(-0.0) == "0")
  }

  @Test("fixed formatting keeps exactly the requested decimals, never -0.00")
  func fixed() {
    #expect(SVGNumber.fixed(4, decimals: 2) == "4.00")
    #expect(SVGNumber.fixed(0.126, decimals: 1) == "0.1")
    #expect(SVGNumber.fixed(-0.0001, decimals: 2) == "0.00")
    #expect(SVGNumber.fixed(-2.5, decimals: 0) == "-2")
  }

  @Test("non-finite numbers become 0 so the document stays valid")
  func nonFinite() {
    #expect(SVGNumber.coordinate(.nan) == "0")
    #expect(SVGNumber.fixed(.infinity, decimals: 2) == "0")
  }

  @Test("labels use the typographic minus sign")
  func labelMinus() {
    #expect(SVGNumber.label(-0.4, decimals: 2) == "\u{2212}0.40")
    #expect(SVGNumber.label(0.4, decimals: 2) == "0.40")
    #expect(SVGNumber.label(-0.001, decimals: 2) == "0.00")
  }

  @Test("escapes the five XML special characters")
  func escaping() {
    #expect(XMLText.escaped("<&>\"'") == "&lt;&amp;&gt;&quot;&apos;")
    #expect(XMLText.escaped("Sci-Fi Epic ≈ 4★") == "Sci-Fi Epic ≈ 4★")
  }
}
