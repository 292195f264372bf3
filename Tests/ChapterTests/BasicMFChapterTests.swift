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

/// Runs chapter-basic-mf with the flags a reader or a workshop tries (every "Try next" line and
/// every workshop command) and checks what must hold for any run, whatever its numbers.
@Suite("chapter-basic-mf flag sweep")
struct BasicMFFlagSweep {
  static let grid: [[String]] = [
    [], ["--seed", "7"], ["--epochs", "5"], ["--epochs", "500"], ["--learning-rate", "0.05"],
    ["--learning-rate", "0.1"], ["--learning-rate", "0.05", "--epochs", "500"],
    ["--factors", "1"], ["--factors", "3"], ["--factors", "5"],
    ["--hide-user", "3", "--hide-movie", "1"],
  ]

  @Test("every verdict agrees with the numbers printed beside it", arguments: grid)
  func sweep(flags: [String]) async throws {
    let run = try await ChapterRun.shared("chapter-basic-mf", flags + ["--no-charts"])
    #expect(run.status == 0 || run.status == 1)
    let out = run.standardOutput
    let text = FlagSweep.prose(out)
    #expect(!FlagSweep.hasNonFinite(out), "NaN or inf printed")
    guard run.status == 0 else { return }

    // "rose" only after a minimum that is not the last epoch.
    if text.contains(" rose to ") || text.contains("climbs") || text.contains("rises") {
      let match = try #require(
        text.firstMatch(
          of: /to its lowest, [0-9.]+, in epoch (\d+), and then rose to [0-9.]+ by epoch (\d+)/))
      #expect(Int(match.1)! < Int(match.2)!)
    }
    // "learning" only when the summed error fell, and never beside a rise.
    if text.contains("the model is learning") {
      let match = try #require(
        text.firstMatch(of: /went from ([0-9.]+) in the first pass to ([0-9.]+) in the last/))
      #expect(Double(match.2)! < Double(match.1)!)
      #expect(!text.contains(" rose to "))
    }
    // Training longer: "stops before training is done" only for a gain of 0.05 or more.
    if let match = text.firstMatch(of: /RMSE on these ratings is ([0-9.]+) against ([0-9.]+) after/)
    {
      let gain = Double(match.2)! - Double(match.1)!
      if text.contains("stops before training is done") { #expect(gain >= 0.04) }
      if text.contains("no real difference") { #expect(abs(gain) <= 0.06) }
      let changesListing = ["--seed", "--epochs", "--factors", "--learning-rate"].contains {
        flags.contains($0)
      }
      if changesListing {
        #expect(!text.contains("so the listing stops"), "a run that is not the listing")
      }
    }
    // The hidden cell: the winner named is the one that missed less.
    let misses = try #require(
      text.firstMatch(
        of: /The model misses by ([0-9.]+) stars; \w+'s own average misses by ([0-9.]+)\./))
    let (model, average) = (Double(misses.1)!, Double(misses.2)!)
    if text.contains("beat the simple average") { #expect(model < average) }
    if text.contains("the simple average did better") { #expect(average < model) }
    // Every printed prediction off the 1–5 scale comes with a warning.
    var predictions = out.matches(of: /(-?\d+\.\d\d) \(\d\)/).map { Double($0.1)! }
    if let hidden = out.firstMatch(of: /trained on the rest\s+(-?\d+\.\d\d)/) {
      predictions.append(Double(hidden.1)!)
    }
    if predictions.contains(where: { $0 < 1 || $0 > 5 }) {
      #expect(text.contains("outside the 1–5 rating scale"))
    }
    // Singular and plural follow the number.
    #expect(!text.contains(" 1 numbers") && !text.contains(" 1 factors"))
    #expect(FlagSweep.repeatedSuggestions(out, flags: flags).isEmpty)
  }
}

/// Reading a chapter's output for the flag sweeps.
enum FlagSweep {
  /// The output with line breaks folded, so sentences wrapped at 80 columns read whole.
  static func prose(_ output: String) -> String {
    output.split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  static func hasNonFinite(_ output: String) -> Bool {
    output.contains(/(?i)\b(nan|inf|infinity)\b/)
  }

  /// "Try next" lines whose every flag the run already has (with the same value).
  static func repeatedSuggestions(_ output: String, flags: [String]) -> [String] {
    guard let range = output.range(of: "Try next\n") else { return [] }
    let pairs = Set(
      stride(from: 0, to: flags.count - 1, by: 1).map { "\(flags[$0]) \(flags[$0 + 1])" })
    return output[range.upperBound...].split(separator: "\n").compactMap { line in
      guard line.hasPrefix("• --"), let colon = line.firstIndex(of: ":") else { return nil }
      let words = line[line.index(line.startIndex, offsetBy: 2)..<colon].split(separator: " ")
      let suggested = stride(from: 0, to: words.count - 1, by: 2).map {
        "\(words[$0]) \(words[$0 + 1])"
      }
      return suggested.allSatisfy { pairs.contains($0) } ? String(line) : nil
    }
  }
}
