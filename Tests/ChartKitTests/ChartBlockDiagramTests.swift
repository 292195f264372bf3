import Testing

@testable import ChartKit

@Suite("Block diagrams")
struct ChartBlockDiagramTests {
  @Test("every block's text is drawn once and every arrow has one head")
  func blocksAndArrows() {
    let diagram = BlockDiagram(
      title: "Three boxes", description: "A, B and C, with A feeding both others.",
      blocks: [
        .init(id: "a", lines: ["Alpha", "first"], column: 0, row: 0.5),
        .init(id: "b", lines: ["Beta"], column: 1, row: 0, colorIndex: 1),
        .init(id: "c", lines: ["Gamma & co"], column: 1, row: 1),
      ],
      arrows: [.init(from: "a", to: "b"), .init(from: "a", to: "c"), .init(from: "b", to: "c")])
    let svg = diagram.svg()
    #expect(svg.hasPrefix("<svg"))
    for label in ["Alpha", "first", "Beta", "Gamma &amp; co"] {
      #expect(svg.components(separatedBy: ">\(label)<").count == 2, "\(label)")
    }
    #expect(svg.components(separatedBy: "<polygon").count - 1 == 3)
    #expect(svg.components(separatedBy: "<rect").count - 1 == 4)  // the background and 3 boxes
  }
}
