import Testing

@testable import ChapterKit

@Suite("Narration: word wrapping")
struct NarratorWrappingTests {
  @Test("wraps a known paragraph at 80 columns, counting ≈, ᵀ, μ and λ as one column each")
  func knownParagraph() {
    // Expected lines agree with Python's textwrap.wrap(p, 80, break_long_words=False).
    let paragraph = """
      Matrix factorization splits the rating matrix R ≈ P × Qᵀ into two thin matrices: one row \
      of P per user, one row of Q per movie. Each predicted rating is a dot product, pᵤ · qᵢ, \
      plus a global mean μ and two biases, with λ keeping the factors small.
      """
    #expect(
      wrapText(paragraph) == [
        "Matrix factorization splits the rating matrix R ≈ P × Qᵀ into two thin matrices:",
        "one row of P per user, one row of Q per movie. Each predicted rating is a dot",
        "product, pᵤ · qᵢ, plus a global mean μ and two biases, with λ keeping the",
        "factors small.",
      ])
  }

  @Test("a word longer than the width stands alone, unbroken")
  func longWord() {
    let address = "https://example.com/a/very/long/address/that/does/not/fit"
    #expect(
      wrapText("see \(address) for details", width: 30) == ["see", address, "for details"])
  }

  @Test("line breaks and runs of spaces in the source reflow as single spaces")
  func reflow() {
    #expect(wrapText("one\n  two\tthree", width: 80) == ["one two three"])
  }

  @Test("continuation lines get the hanging indent, and the width includes it")
  func hangingIndent() {
    #expect(
      wrapText("alpha beta gamma delta", width: 12, firstPrefix: "• ", continuationPrefix: "  ")
        == ["• alpha beta", "  gamma", "  delta"])
  }

  @Test("text with no words gives no lines")
  func empty() {
    #expect(wrapText("   \n ") == [])
  }
}
