import Foundation
import Testing

@Suite("Chapter runs shared between tests")
struct SharedRunTests {
  @Test("tests asking for the same run at the same time get one run: one process, one folder")
  func sameRunAtOnce() async throws {
    async let first = ChapterRun.shared("chapter-data-setup", ["--help"])
    async let second = ChapterRun.shared("chapter-data-setup", ["--help"])
    let (one, other) = try await (first, second)
    #expect(one.assetsDirectory == other.assetsDirectory)
    #expect(one.standardOutput == other.standardOutput)
  }

  @Test("other arguments or another environment get a run of their own")
  func otherKeys() async throws {
    let help = try await ChapterRun.shared("chapter-data-setup", ["--help"])
    let noCharts = try await ChapterRun.shared("chapter-data-setup", ["--no-charts"])
    let colour = try await ChapterRun.shared(
      "chapter-data-setup", ["--help"], environment: ["NO_COLOR": ""])
    #expect(noCharts.assetsDirectory != help.assetsDirectory)
    #expect(colour.assetsDirectory != help.assetsDirectory)
  }
}
