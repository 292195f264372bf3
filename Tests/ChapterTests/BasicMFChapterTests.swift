import Foundation
import Testing

@Suite("chapter-basic-mf")
struct BasicMFChapterTests {
  /// The listing's progress lines, from `python3 ../shared/reference/blog_listing.py SEED`.
  @Test(
    "other seeds print the listing's numbers for that seed",
    arguments: [
      (
        "7",
        [
          "Epoch 10/50, Total Absolute Error: 26.0100",
          "Epoch 20/50, Total Absolute Error: 19.3146",
          "Epoch 30/50, Total Absolute Error: 13.6913",
          "Epoch 40/50, Total Absolute Error: 10.2423",
          "Epoch 50/50, Total Absolute Error: 9.8844",
        ]
      ),
      (
        "2024",
        [
          "Epoch 10/50, Total Absolute Error: 28.2536",
          "Epoch 20/50, Total Absolute Error: 25.0247",
          "Epoch 30/50, Total Absolute Error: 23.6472",
          "Epoch 40/50, Total Absolute Error: 20.3555",
          "Epoch 50/50, Total Absolute Error: 14.7661",
        ]
      ),
    ])
  func otherSeeds(seed: String, lines: [String]) async throws {
    let run = try await ChapterRun.shared("chapter-basic-mf", ["--seed", seed, "--no-charts"])
    let printed = run.standardOutput.components(separatedBy: "\n").filter {
      $0.hasPrefix("Epoch ") && $0.contains("Total Absolute Error")
    }
    #expect(printed == lines)
  }

  @Test("seed 42 prints exactly the listing's five lines, every 10 epochs")
  func listingLines() async throws {
    let run = try await ChapterRun.shared("chapter-basic-mf", ["--no-charts"])
    let printed = run.standardOutput.components(separatedBy: "\n").filter {
      $0.hasPrefix("Epoch ") && $0.contains("Total Absolute Error")
    }
    #expect(
      printed == [
        "Epoch 10/50, Total Absolute Error: 28.0629",
        "Epoch 20/50, Total Absolute Error: 24.5861",
        "Epoch 30/50, Total Absolute Error: 23.7809",
        "Epoch 40/50, Total Absolute Error: 21.2369",
        "Epoch 50/50, Total Absolute Error: 16.7049",
      ])
  }

  @Test(
    "a diverging learning rate: one line naming the epoch and a smaller rate, exit 1, no charts")
  func divergence() throws {
    let run = try ChapterRun.fresh("chapter-basic-mf", ["--learning-rate", "0.5"])
    #expect(run.status == 1)
    let lines = run.standardError.components(separatedBy: "\n").filter { !$0.isEmpty }
    #expect(lines.count == 1)
    #expect(lines.first?.contains("diverged in epoch 1") == true)
    #expect(lines.first?.contains("smaller --learning-rate") == true)
    #expect(run.chartFiles.isEmpty)
  }

  @Test(
    "out-of-range values are refused with exit 64",
    arguments: [
      ["--factors", "0"], ["--epochs", "-3"], ["--learning-rate", "nan"],
      ["--learning-rate", "0"], ["--hide-user", "5"], ["--seed", "-1"], ["--epochs"],
    ])
  func badValues(arguments: [String]) async throws {
    let run = try await ChapterRun.shared("chapter-basic-mf", arguments)
    #expect(run.status == 64)
    #expect(run.standardError.hasPrefix("chapter-basic-mf: error: \(arguments[0])"))
    #expect(run.standardOutput.isEmpty)
  }

  @Test("the hidden-rating experiment names the hidden cell and its true stars")
  func hiddenRating() async throws {
    let run = try await ChapterRun.shared(
      "chapter-basic-mf", ["--hide-user", "3", "--hide-movie", "1", "--no-charts"])
    #expect(run.standardOutput.contains("David's 5 stars"))
    #expect(run.standardOutput.contains("Romantic Comedy"))
  }

  @Test("the factorization chart shows R, P, Qᵀ and the predictions; the scatter names everyone")
  func charts() async throws {
    let run = try await ChapterRun.shared("chapter-basic-mf")
    let panel = SVGCheck(run.chart("basic-mf-factorization.svg") ?? Data()).allText
    for caption in ["R, ratings", "P, viewers", "Qᵀ, movies", "P × Qᵀ, predictions"] {
      #expect(panel.contains(caption))
    }
    let scatter = SVGCheck(run.chart("basic-mf-latent-space.svg") ?? Data()).allText
    for name in ["Alice", "Eve", "Sci-Fi Epic", "Drama Thriller", "Viewers (rows of P)"] {
      #expect(scatter.contains(name))
    }
  }
}
