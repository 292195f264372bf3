import Foundation
import Testing

@Suite("chapter-data-setup")
struct DataSetupChapterTests {
  @Test("--seed 7 prints the P and Q numpy prints after np.random.seed(7)")
  func seed7() async throws {
    // python3 -c "import numpy as np; np.random.seed(7); print(np.random.rand(5,2)); print(np.random.rand(4,2))"
    let run = try await ChapterRun.shared("chapter-data-setup", ["--seed", "7", "--no-charts"])
    #expect(run.status == 0)
    #expect(
      run.standardOutput.contains(
        """
        [[0.07630829 0.77991879]
         [0.43840923 0.72346518]
         [0.97798951 0.53849587]
         [0.50112046 0.07205113]
         [0.26843898 0.4998825 ]]
        """))
    #expect(
      run.standardOutput.contains(
        """
        [[0.67923    0.80373904]
         [0.38094113 0.06593635]
         [0.2881456  0.90959353]
         [0.21338535 0.45212396]]
        """))
  }

  @Test("the sparse table shows its empty cells and its 9-of-16 count")
  func sparseTable() async throws {
    let run = try await ChapterRun.shared("chapter-data-setup", ["--no-charts"])
    #expect(run.standardOutput.contains("Alice               5        ·        4        ·"))
    #expect(run.standardOutput.contains("9 of the 16 cells hold a rating"))
  }

  @Test("--factors 3 gives P and Q three columns")
  func threeFactors() async throws {
    let run = try await ChapterRun.shared("chapter-data-setup", ["--factors", "3", "--no-charts"])
    #expect(run.standardOutput.contains("User-Feature Matrix (P) shape: (5, 3)"))
  }

  @Test("the charts name every viewer and movie, and the histogram has a bar per star value")
  func charts() async throws {
    let run = try await ChapterRun.shared("chapter-data-setup")
    let matrix = SVGCheck(run.chart("ratings-matrix.svg") ?? Data()).allText
    for name in BlogNames.all { #expect(matrix.contains(name)) }
    let sparse = SVGCheck(run.chart("sparse-matrix.svg") ?? Data()).allText
    #expect(sparse.contains("Movie D") && sparse.contains("not rated"))
    let histogram = SVGCheck(run.chart("rating-distribution.svg") ?? Data())
    #expect(histogram.allText.contains("Rating (stars)"))
    #expect(["1", "2", "3", "4", "5"].allSatisfy { histogram.texts.contains($0) })
  }
}
