import Testing

@testable import ChapterKit

@Suite("TextTable")
struct TextTableTests {
  @Test("renders title, header, rule and rows with names left and numbers right")
  func exact() {
    let table = TextTable(
      title: "Predicted ratings",
      columns: [.left("User"), .left("Movie"), .right("Stars")],
      rows: [["Alice", "Inception", "4.87"], ["Bob", "Up", "10.25"]])
    #expect(
      table.rendered() == """
        Predicted ratings
        User   Movie      Stars
        ─────  ─────────  ─────
        Alice  Inception   4.87
        Bob    Up         10.25
        """)
  }

  @Test("counts width in characters, so μ and λ take one column")
  func unicodeWidth() {
    let table = TextTable(columns: [.left("Symbol"), .right("Value")], rows: [["μ", "3.5"]])
    #expect(table.rendered() == "Symbol  Value\n──────  ─────\nμ         3.5")
  }

  @Test("a short row is padded with empty cells and no trailing spaces")
  func shortRow() {
    var table = TextTable(columns: [.left("A"), .left("B")])
    table.append(["x"])
    #expect(table.rendered() == "A  B\n─  ─\nx")
  }

  @Test("the narrator prints a table followed by a blank line")
  func narrated() {
    let table = TextTable(columns: [.right("n")], rows: [["1"]])
    #expect(Narrator(style: .plain).tableText(table) == "n\n─\n1\n\n")
  }
}
