import Foundation
import Testing

/// Inputs a hostile new user tried (issue 12), each giving its documented exit status and a
/// message that names the true cause, before any work.
@Suite("Bad input: the true cause, the documented status, before any work")
struct BadInputTests {
  #if os(Linux)
    @Test(
      "an assets folder that exists but cannot be written: exit 73 naming the reason, no story",
      arguments: ChapterCatalogue.entries)
    func existingUnwritableAssets(entry: ChapterEntry) throws {
      // sysfs refuses new files even to root, so the check holds for whoever runs the tests.
      let run = try ChapterRun.fresh(entry.command, entry.arguments + ["--assets", "/sys"])
      #expect(run.status == 73)
      #expect(run.standardError.contains("\"/sys\": permission denied"))
      #expect(run.standardError.components(separatedBy: "\n").filter { !$0.isEmpty }.count == 1)
      #expect(run.standardOutput.isEmpty)
    }
  #endif

  @Test("a temporary chart file left by a killed run is removed by the next run; others stay")
  func staleTemporaryChart() throws {
    let assets = ChapterRun.temporaryDirectory()
    let stale = ".ratings-matrix.svg.99999999.\(UUID().uuidString).tmp"
    for name in [stale, ".notes.tmp"] {
      _ = FileManager.default.createFile(
        atPath: assets.appendingPathComponent(name).path, contents: Data("x".utf8))
    }
    let run = try ChapterRun.fresh("chapter-data-setup", ["--assets", assets.path])
    #expect(run.status == 0)
    let left = try FileManager.default.contentsOfDirectory(atPath: assets.path).sorted()
    #expect(
      left == [".notes.tmp", "rating-distribution.svg", "ratings-matrix.svg", "sparse-matrix.svg"])
  }

  @Test("chapter-hash-tables at its documented minimum --max-size 100 runs to the end")
  func hashTablesSmallestSize() async throws {
    // The same run as the flag-limit grid's row, so the suite starts it once.
    let run = try await ChapterRun.shared(
      "chapter-hash-tables", ["--max-size", "100", "--quick", "--seed", "0"])
    #expect(run.status == 0, "\(run.standardError)")
    #expect(run.standardOutput.contains("there is only one size, so there is no growth to read"))
    #expect(run.standardOutput.contains("Try next"))
  }

  @Test("a --test-fraction too small to hold anything out is a usage error naming the range")
  func tinyTestFraction() throws {
    let run = try ChapterRun.fresh("chapter-complete-demo", ["--test-fraction", "1e-9"])
    #expect(run.status == 64)
    #expect(
      run.standardError.hasPrefix(
        "chapter-complete-demo: error: --test-fraction expects a number from 0.01 to 0.9"))
    #expect(run.standardOutput.isEmpty)
  }

  @Test("the demo's --lambda 0 is refused with the reason, not only the rule")
  func demoLambdaZero() throws {
    let run = try ChapterRun.fresh("chapter-complete-demo", ["--lambda", "0"])
    #expect(run.status == 64)
    #expect(run.standardError.contains("λ = 0 is the MF-with-biases row already"))
  }

  @Test(
    "a divergence names the flag whose rate overshot, not --learning-rate by default",
    arguments: [
      (
        "chapter-biases", ["--bias-learning-rate", "5", "--learning-rate", "0.0001"],
        "the bias step γ_b = 5 is too large", "try a smaller --bias-learning-rate"
      ),
      (
        "chapter-regularization", ["--lambda", "1e6", "--learning-rate", "0.0001"],
        "the penalty λ = 1000000 is too strong", "try a smaller --lambda"
      ),
      (
        "chapter-regularization", ["--sweep-learning-rate", "5", "--learning-rate", "0.0001"],
        "the λ sweep: training diverged", "try a smaller --sweep-learning-rate"
      ),
      (
        "chapter-basic-mf", ["--learning-rate", "0.5"], "the factor step γ = 0.5 overshoots",
        "try a smaller --learning-rate"
      ),
    ])
  func divergenceNamesTheFlag(
    command: String, arguments: [String], cause: String, advice: String
  ) throws {
    let run = try ChapterRun.fresh(command, arguments + ["--no-charts"])
    #expect(run.status == 1)
    let lines = run.standardError.components(separatedBy: "\n").filter { !$0.isEmpty }
    #expect(lines.count == 1)
    #expect(lines.first?.contains(cause) == true, "\(lines)")
    #expect(lines.first?.hasSuffix(advice) == true, "\(lines)")
  }
}
