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
    #expect(lines.filter { $0.hasSuffix("← chosen: lowest validation") }.count == 1)
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

  /// Flag combinations a reader is invited to try: every "Try next" suggestion and workshop
  /// command, with short sweeps where the invariants do not need the default length. Two of
  /// them are runs other tests share.
  static let sweepGrid: [[String]] = [
    ["--no-charts"],
    ["--sweep-factors", "3", "--no-charts"],
    ["--init", "uniform", "--sweep-epochs", "20", "--no-charts"],
    ["--sweep-epochs", "200", "--sweep-factors", "1"],
    ["--lambda", "0", "--sweep-epochs", "10", "--no-charts"],
    ["--lambda", "1", "--sweep-epochs", "2", "--no-charts"],
    ["--seed", "7", "--sweep-epochs", "2", "--no-charts"],
  ]

  /// Invariants that hold for any run: the chosen λ has the lowest validation RMSE in the
  /// table and is the one the prose names; "climbs" and "rising" follow a minimum before the last
  /// epoch; k is compared with the catalogue's 3 dimensions truthfully; no "0.00 stars better";
  /// no NaN or infinity; singular after 1; no "Try next" repeats a flag of this run.
  @Test("flag sweep: every verdict agrees with the printed numbers", arguments: sweepGrid)
  func flagSweep(arguments: [String]) async throws {
    let run = try await ChapterRun.shared("chapter-regularization", arguments)
    #expect(run.status == 0 && run.standardError.isEmpty, "stderr: \(run.standardError)")
    let output = run.standardOutput
    let prose = output.split(whereSeparator: \.isWhitespace).joined(separator: " ")

    // The sweep table: λ, train, validation, best (epoch), size, note.
    let rows = output.components(separatedBy: "\n").compactMap { line -> (String, Double, Bool)? in
      let cells = line.split(separator: " ").map(String.init)
      guard cells.count >= 6, Double(cells[0]) != nil, let validation = Double(cells[2]),
        cells[4].hasSuffix(")")
      else { return nil }
      return (cells[0], validation, line.hasSuffix("← chosen: lowest validation"))
    }
    #expect(rows.count == 8)
    let chosen = try #require(rows.first { $0.2 })
    #expect(rows.allSatisfy { chosen.1 <= $0.1 }, "chosen λ = \(chosen.0) is not the lowest")
    #expect(prose.contains("λ = \(chosen.0) chosen"))
    #expect(!prose.contains("0.00 stars better"))

    // "lowest at epoch N … climbs to … by epoch M" needs N < M; "rising … after epoch N" needs
    // N before the last epoch.
    let epochs = Int(arguments.value(after: "--sweep-epochs") ?? "60")!
    for match in prose.matches(of: /lowest at epoch (\d+) .*? climbs to [\d.]+ by epoch (\d+)/) {
      #expect(Int(match.1)! < Int(match.2)!, "\(match.0)")
    }
    for match in prose.matches(of: /rising [\d.]+ after epoch (\d+)/) {
      #expect(Int(match.1)! < epochs, "\(match.0)")
    }

    let k = Int(arguments.value(after: "--sweep-factors") ?? "10")!
    let comparison = k > 3 ? "more than" : k == 3 ? "exactly" : "fewer than"
    #expect(prose.contains("k = \(k) factor\(k == 1 ? "" : "s"), \(comparison)"))
    #expect(prose.firstMatch(of: /\b1 (factors|epochs|ratings|dimensions)\b/) == nil)
    #expect(output.firstMatch(of: /(?i)\b(nan|inf|infinity)\b/) == nil)

    for suggestion in output.components(separatedBy: "\n").filter({ $0.hasPrefix("• --") }) {
      let words = suggestion.dropFirst(2).split(separator: " ")
      let flag = String(words[0])
      let value = String(words[1]).trimmingCharacters(in: CharacterSet(charactersIn: ":"))
      #expect(arguments.value(after: flag) != value, "Try next repeats \(flag) \(value)")
    }
  }
}

fileprivate extension [String] {
  /// The argument after `flag`, if the flag is present.
  func value(after flag: String) -> String? {
    guard let index = firstIndex(of: flag), index + 1 < count else { return nil }
    return self[index + 1]
  }
}
