import Foundation
import Testing

@Suite("chapter-regularization")
struct RegularizationChapterTests {
  /// From `python3 ../shared/reference/blog_listing.py SEED` (its "reg" lines).
  @Test(
    "every seed prints the listing's numbers for that seed",
    arguments: [
      ("42", ["24.2524", "20.0745", "11.8824", "7.6551", "6.0586"]),
      ("7", ["23.8633", "19.3596", "10.9126", "7.0467", "5.9046"]),
      ("2024", ["24.7998", "22.0085", "12.8154", "6.0726", "4.8362"]),
    ])
  func listingValues(seed: String, errors: [String]) async throws {
    // A short sweep keeps the test quick; the listing's run does not depend on it.
    let run = try await ChapterRun.shared(
      "chapter-regularization", ["--seed", seed, "--sweep-epochs", "2", "--no-charts"])
    let printed = run.standardOutput.components(separatedBy: "\n").filter {
      $0.hasPrefix("Epoch ") && $0.contains("Total Absolute Error")
    }
    let expected = zip([20, 40, 60, 80, 100], errors).map {
      "Epoch \($0)/100, Total Absolute Error (with biases & reg): \($1)"
    }
    #expect(printed == expected)
  }

  @Test("the sweep table lists every λ and names the best one")
  func sweepTable() async throws {
    let run = try await ChapterRun.shared("chapter-regularization", ["--no-charts"])
    let lines = run.standardOutput.components(separatedBy: "\n")
    for λ in ["0", "0.005", "0.01", "0.02", "0.05", "0.1", "0.2", "0.5"] {
      #expect(lines.contains { $0.trimmingCharacters(in: .whitespaces).hasPrefix(λ + " ") })
    }
    #expect(lines.filter { $0.hasSuffix("← best on held-out ratings") }.count == 1)
    #expect(run.standardOutput.contains("That widening gap is overfitting"))
  }

  @Test("--init uniform and a negative --lambda are handled")
  func flags() async throws {
    let bad = try await ChapterRun.shared("chapter-regularization", ["--lambda", "-0.1"])
    #expect(bad.status == 64)
    #expect(bad.standardError.hasPrefix("chapter-regularization: error: --lambda"))
    let choice = try await ChapterRun.shared("chapter-regularization", ["--init", "gaussian"])
    #expect(choice.status == 64)
    #expect(choice.standardError.contains("uniform"))
  }
}
