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

/// Runs chapter-biases with every "Try next" line, the workshop's command and the issue's
/// examples, and checks what must hold for any run.
@Suite("chapter-biases flag sweep")
struct BiasesFlagSweep {
  static let grid: [[String]] = [
    [], ["--seed", "7"], ["--basic-epochs", "0"], ["--basic-epochs", "10"],
    ["--bias-learning-rate", "0.05"], ["--bias-learning-rate", "0.5"],
    ["--epochs", "1000", "--report-every", "200"], ["--epochs", "20"],
    ["--factors", "1", "--epochs", "7", "--report-every", "3"],
  ]

  @Test("every verdict agrees with the numbers printed beside it", arguments: grid)
  func sweep(flags: [String]) async throws {
    let run = try await ChapterRun.shared("chapter-biases", flags + ["--no-charts"])
    #expect(run.status == 0)
    let out = run.standardOutput
    let text = FlagSweep.prose(out)
    #expect(!FlagSweep.hasNonFinite(out), "NaN or inf printed")
    #expect(FlagSweep.repeatedSuggestions(out, flags: flags).isEmpty)

    // The head start is the one the run had.
    if let basic = flags.firstIndex(of: "--basic-epochs").map({ flags[$0 + 1] }) {
      #expect(!text.contains("50-epoch head start") || basic == "50")
      if basic == "0" { #expect(!text.contains("-epoch head start")) }
    }

    // The model named best has the lowest RMSE in the table's last row, by the margin.
    let rows = out.split(separator: "\n").filter {
      $0.firstMatch(of: /^\s+\d+\s+\d\.\d{3}\s/) != nil
    }
    let last = try #require(rows.last).split(separator: " ").compactMap { Double($0) }
    let rmse = ["(a)": last[1], "(b)": last[3], "(c)": last[5]]
    if let best = text.firstMatch(of: /epochs (\([abc]\)) [^.]*? fits best with RMSE ([0-9.]+)/) {
      let named = rmse[String(best.1)]!
      #expect(named == Double(best.2)!)
      for (label, value) in rmse where label != String(best.1) { #expect(value - named >= 0.004) }
    } else {
      let close = try #require(text.firstMatch(of: /\(RMSE ([0-9.]+) and ([0-9.]+)\), too close/))
      #expect(Double(close.2)! - Double(close.1)! <= 0.006)
    }

    // Who absorbed the double counting, as the printed shares say.
    if let shares = text.firstMatch(
      of: /P and Q removed (-?[0-9.]+) .*? and the biases (-?[0-9.]+) \(/)
    {
      let (pq, biases) = (Double(shares.1)!, Double(shares.2)!)
      if text.contains("P and Q absorbed most") { #expect(pq > biases) }
      if text.contains("the biases absorbed most") { #expect(biases > pq) }
    }

    // The bias table: Average − μ, (a) at the last epoch, (a) settled, (c).
    let table = out.split(separator: "\n").filter {
      $0.hasPrefix("viewer ") || $0.hasPrefix("movie ")
    }
    .map { (line: Substring) -> (kind: String, name: String, values: [Double]) in
      let kind = String(line.prefix { $0 != " " })
      let name = String(line.dropFirst(8).prefix(17)).trimmingCharacters(in: .whitespaces)
      let values = line.split(separator: " ").suffix(4).map { Double($0)! }
      return (kind: kind, name: name, values: values)
    }
    #expect(table.count == 9)
    if text.contains("had settled by epoch") {
      for row in table { #expect(abs(row.values[1] - row.values[2]) <= 0.011) }
    }
    // A single name called harshest, most generous, furthest below or above has no one in its
    // group sharing its plain average or (within rounding) its bias: ties are named as ties.
    for extreme in text.matches(
      of: /(?:viewer|generous|below|above): ([A-Z][A-Za-z -]+?) \((-?\+?[0-9.]+)\)/)
    {
      let name = String(extreme.1)
      let row = try #require(table.first { $0.name == name }, "\(name)")
      for other in table where other.kind == row.kind && other.name != name {
        #expect(other.values[0] != row.values[0], "\(name) and \(other.name) tie in the data")
        #expect(abs(other.values[2] - row.values[2]) >= 0.01, "\(name) and \(other.name) tie")
      }
    }
    // "reads cleanly" only for a model (a) that has settled.
    if text.contains("reads cleanly") { #expect(!text.contains("has not settled")) }
  }
}
