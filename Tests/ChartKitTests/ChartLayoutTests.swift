import Testing

@testable import ChartKit

@Suite("Chart text layout")
struct ChartLayoutTests {
  @Test("estimated widths follow Helvetica's proportions")
  func widths() {
    let narrow = TextMetrics.width(of: "iiii", fontSize: 12)
    let wide = TextMetrics.width(of: "MMMM", fontSize: 12)
    #expect(wide > 3 * narrow)
    #expect(
      TextMetrics.width(of: "Alice", fontSize: 24) == 2
        * TextMetrics.width(of: "Alice", fontSize: 12))
  }

  @Test("wraps at spaces to the width and honours explicit line breaks")
  func wrapping() {
    let lines = LabelWrapping.lines("The Action Hero", maximumWidth: 70, fontSize: 12)
    #expect(lines == ["The Action", "Hero"])
    #expect(
      LabelWrapping.lines("R: ratings\n(5 × 4)", maximumWidth: 500, fontSize: 12) == [
        "R: ratings", "(5 × 4)",
      ])
  }

  @Test("category labels that fit their slot stay straight, on one line")
  func straight() {
    let layout = CategoryLabelLayout(labels: ["1 star", "2 stars"], slotWidth: 100, fontSize: 12)
    #expect(!layout.isSlanted)
    #expect(layout.lines == [["1 star"], ["2 stars"]])
  }

  @Test("category labels wrap to at most three lines, the last shortened with an ellipsis")
  func wrapped() {
    let layout = CategoryLabelLayout(
      labels: ["A Very Long Documentary Title About Databases"], slotWidth: 100, fontSize: 12)
    #expect(!layout.isSlanted)
    #expect(layout.lines[0].count == 3)
    #expect(layout.lines[0][2].hasSuffix("…"))
  }

  @Test("a word wider than the slot slants every label")
  func slanted() {
    let layout = CategoryLabelLayout(
      labels: ["Extraordinarily", "Short"], slotWidth: 40, fontSize: 12)
    #expect(layout.isSlanted)
    #expect(layout.blockHeight > 12)
  }
}
