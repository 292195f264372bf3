import Testing

@testable import ChartKit

@Suite("Control characters from data are shown, never obeyed")
struct VisibleTextTests {
  @Test("ESC, NUL, DEL and C1 controls become pictures; tab, newline and text stay")
  func pictures() {
    #expect(visibleControlCharacters("A\u{1B}[2JB") == "A␛[2JB")
    #expect(visibleControlCharacters("\u{00}\u{07}\u{7F}\u{9B}") == "␀␇␡\u{FFFD}")
    #expect(visibleControlCharacters("tab\there\nnext") == "tab\there\nnext")
    #expect(visibleControlCharacters("Amélie (2001) ★") == "Amélie (2001) ★")
  }

  @Test("an SVG never holds a control character XML forbids")
  func inSVG() {
    #expect(XMLText.escaped("Die Hard\u{1B}[31m <2>") == "Die Hard␛[31m &lt;2&gt;")
  }
}
