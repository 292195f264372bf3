import Recommender
import Testing

@testable import ChapterKit

@Suite("Narration: rendered text")
struct NarratorTests {
  let plain = Narrator(style: .plain)

  @Test("a heading is a blank line, the text, and an underline as long as the text")
  func heading() {
    #expect(
      plain.headingText("Training (λ = 0.02)") == "\nTraining (λ = 0.02)\n───────────────────\n")
  }

  @Test("a paragraph ends with a blank line")
  func paragraph() {
    #expect(plain.paragraphText("Ratings are sparse.") == "Ratings are sparse.\n\n")
  }

  @Test("a title holding ESC prints as ␛ in prose, bullets, headings and tables")
  func controlCharacters() {
    let title = "Die Hard\u{1B}[2J"
    #expect(
      plain.paragraphText("Because you watched \(title)") == "Because you watched Die Hard␛[2J\n\n")
    #expect(plain.bulletsText([title]) == "• Die Hard␛[2J\n\n")
    #expect(
      plain.headingText(title) == "\nDie Hard␛[2J\n" + String(repeating: "─", count: 12) + "\n")
    let table = TextTable(columns: [.left("Title")], rows: [[title]])
    #expect(!table.rendered().unicodeScalars.contains("\u{1B}"))
  }

  @Test("the banner names the title, the mirrored blog section and the command between rules")
  func banner() {
    let text = plain.bannerText(
      title: "Basic matrix factorization", mirrors: "Blog section 6",
      command: "chapter-basic-mf")
    #expect(
      text == """
        ══════════════════════════
        Basic matrix factorization
        Mirrors: Blog section 6
        Command: chapter-basic-mf
        ══════════════════════════


        """)
  }

  @Test("bullets wrap under their text, not under the bullet")
  func bullets() {
    let narrator = Narrator(style: .plain, width: 20)
    #expect(
      narrator.bulletsText(["users in rows", "movies in columns and more"])
        == "• users in rows\n• movies in columns\n  and more\n\n")
  }

  @Test("a matrix is its label, numpy's text and a blank line")
  func matrix() {
    let m = Matrix([[0.3745401188473625, 0.9507143064099162]])
    #expect(plain.matrixText(m, label: "P:") == "P:\n[[0.37454012 0.95071431]]\n\n")
  }

  @Test("a vector prints like a 1-D numpy array")
  func vector() {
    // python3 -c "import numpy as np; print(np.array([0.21, -0.37, 0.0]))"
    #expect(plain.vectorText([0.21, -0.37, 0.0]) == "[ 0.21 -0.37  0.  ]\n\n")
  }
}
