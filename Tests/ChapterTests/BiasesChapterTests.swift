import Foundation
import Testing

@Suite("chapter-biases")
struct BiasesChapterTests {
  static func epochLines(_ run: ChapterRun) -> [String] {
    run.standardOutput.components(separatedBy: "\n").filter {
      $0.hasPrefix("Epoch ") && $0.contains("Total Absolute Error")
    }
  }

  /// From `python3 ../shared/reference/blog_listing.py SEED` (its "bias" lines).
  @Test(
    "every seed prints the listing's numbers for that seed",
    arguments: [
      ("42", ["9.7336", "9.3585", "9.2936", "9.1603", "8.9021"]),
      ("7", ["9.9324", "9.3862", "9.3183", "9.1411", "8.8609"]),
      ("2024", ["9.1711", "9.3718", "9.3637", "9.1879", "8.9144"]),
    ])
  func listingValues(seed: String, errors: [String]) async throws {
    let run = try await ChapterRun.shared("chapter-biases", ["--seed", seed, "--no-charts"])
    let expected = zip([20, 40, 60, 80, 100], errors).map {
      "Epoch \($0)/100, Total Absolute Error (with biases): \($1)"
    }
    #expect(Self.epochLines(run) == expected)
  }

  @Test("the comparison ranks (c) biases + p·q first and names the margin")
  func comparisonOrder() async throws {
    let run = try await ChapterRun.shared("chapter-biases", ["--no-charts"])
    #expect(
      run.standardOutput.contains(
        "After 100 epochs (c) biases + p·q fits best with RMSE 0.489, 0.019 stars below"))
  }

  @Test("the bias chart labels every viewer and movie by name")
  func biasChart() async throws {
    let run = try await ChapterRun.shared("chapter-biases")
    let text = SVGCheck(run.chart("biases-user-movie.svg") ?? Data()).allText
    for name in BlogNames.all { #expect(text.contains(name)) }
  }
}

enum BlogNames {
  static let all = [
    "Alice", "Bob", "Charlie", "David", "Eve", "The Action Hero", "Romantic Comedy",
    "Sci-Fi Epic", "Drama Thriller",
  ]
}
