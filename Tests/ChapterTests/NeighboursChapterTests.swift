import Foundation
import Testing

/// chapter-neighbours beyond its snapshot: the worked prediction's arithmetic, and under other
/// flags every verdict against the numbers printed beside it.
@Suite("chapter-neighbours")
struct NeighboursChapterTests {
  static let command = "chapter-neighbours"
  static let models = [
    "Baseline μ + bᵤ + bᵢ", "MF with biases and λ", "User kNN-baseline", "User kNN",
    "Item kNN-baseline", "Item kNN", "Blend",
  ]
  static var name: String {
    models.map(NSRegularExpression.escapedPattern(for:)).joined(separator: "|")
  }

  /// The story as one line: wrapped sentences joined.
  static func flat(_ text: String) -> String { text.replacingOccurrences(of: "\n", with: " ") }

  /// Mean RMSE per model from the cross-validation table.
  static func meanRMSE(_ output: String) -> [String: Double] {
    var table: [String: Double] = [:]
    for line in output.split(separator: "\n") {
      if let row = line.firstMatch(
        of: #/^(\S.*?)\s+(\d\.\d{4}) ± \d\.\d{4}\s+\d\.\d{4} ± \d\.\d{4}$/#)
      {
        table[String(row.1)] = Double(row.2)!
      }
    }
    return table
  }

  /// Every "A beats B by D" and "A and B are too close to call (D …" with its numbers.
  static func verdicts(_ output: String) throws -> [(
    a: String, b: String, size: Double, clear: Bool
  )] {
    let text = flat(output)
    let beats = try Regex(
      #"(NAME) beats (NAME) by (\d\.\d{4}) stars"#.replacingOccurrences(of: "NAME", with: name))
    let close = try Regex(
      #"(NAME) and (NAME) are too close to call \((\d\.\d{4}) stars"#
        .replacingOccurrences(of: "NAME", with: name))
    func read(_ match: Regex<AnyRegexOutput>.Match, clear: Bool) -> (String, String, Double, Bool) {
      (
        String(match.output[1].substring!), String(match.output[2].substring!),
        Double(match.output[3].substring!)!, clear
      )
    }
    return text.matches(of: beats).map { read($0, clear: true) }
      + text.matches(of: close).map { read($0, clear: false) }
  }

  /// What must hold for any flags.
  static func checkInvariants(_ run: ChapterRun, arguments: [String]) throws {
    let output = run.standardOutput
    #expect(run.status == 0, "\(arguments): \(run.standardError)")
    #expect(run.standardError.isEmpty)
    #expect(output.firstMatch(of: #/(?i)\b(nan|inf|infinity)\b/#) == nil, "\(arguments)")

    // The worked prediction adds up: b_ui + Σ / Σ, clipped to 1–5.
    let text = flat(output)
    if let worked = text.firstMatch(
      of:
        #/= (\d\.\d{3}) ([+−]) (\d+\.\d{4}) / (\d+\.\d{4}) = \d\.\d{3} [+−] (\d+\.\d{3}) = (\d\.\d{3}) stars( \(clipped)?/#
    ) {
      let sign: Double = worked.2 == "−" ? -1 : 1
      let quotient = Double(worked.5)!
      // The quotient from sums printed to 4 decimals, within their rounding and its own.
      let printed = Double(worked.3)! / Double(worked.4)!
      let slack = 0.00005 * (1 + quotient) / (Double(worked.4)! - 0.00005) + 0.0005
      #expect(abs(printed - quotient) <= slack + 1e-9, "\(arguments)")
      let raw = Double(worked.1)! + sign * quotient
      #expect(abs(min(max(raw, 1), 5) - Double(worked.6)!) < 0.0015, "\(arguments)")
      #expect((worked.7 != nil) == !(1...5).contains(raw), "\(arguments)")
    } else {
      #expect(text.contains("No neighbour qualifies"), "\(arguments): no worked prediction")
    }

    // The table has every model, and every verdict agrees with it.
    let rmse = meanRMSE(output)
    #expect(Set(rmse.keys) == Set(models), "\(arguments): \(rmse.keys)")
    for verdict in try verdicts(output) {
      let (a, b) = (try #require(rmse[verdict.a]), try #require(rmse[verdict.b]))
      #expect(abs(abs(a - b) - verdict.size) < 0.00015, "\(arguments): \(verdict)")
      if verdict.clear { #expect(a < b, "\(arguments): \(verdict.a) said to beat \(verdict.b)") }
    }
    let lowest = try #require(
      text.firstMatch(of: try Regex("Lowest mean RMSE among the single models: (\(name))\\.")))
    let singles = rmse.filter { $0.key != "Blend" }
    #expect(singles[String(lowest.output[1].substring!)] == singles.values.min(), "\(arguments)")

    // The cold-start verdicts read the table's last row.
    if let row = output.split(separator: "\n").first(where: { $0.hasPrefix("     20 ") }) {
      let values = row.split(separator: " ").dropFirst().map { Double($0)! }
      if let ahead = text.firstMatch(
        of: #/After 20 ratings (Item kNN-baseline|MF folded in) is ahead/#)
      {
        let (knn, mf) = (values[1], values[2])
        #expect(ahead.1 == "Item kNN-baseline" ? knn > mf + 0.05 : mf > knn + 0.05, "\(arguments)")
      }
      for closing in text.matches(
        of: #/popularity \((\d\.\d\d)\) and the best possible list \((\d\.\d\d)\) it closes (\d+)%/#
      ) {
        #expect(Double(closing.1)! == values[0] && Double(closing.2)! == values[3])
      }
    }

    // No "Try next" suggestion repeats the run's own flags.
    let tryNext = output.components(separatedBy: "\nTry next\n").last ?? ""
    for pair in zip(arguments, arguments.dropFirst()) where pair.0.hasPrefix("--") {
      #expect(!tryNext.contains("\(pair.0) \(pair.1):"), "\(arguments) suggests itself")
    }
  }

  @Test("the default run's verdicts and arithmetic agree with its numbers")
  func defaultRun() async throws {
    let run = try await ChapterRun.shared(Self.command)
    try Self.checkInvariants(run, arguments: [])
    // The Prize's gain is computed, not typed: (0.9525 − 0.8567) / 0.9525.
    #expect(run.standardOutput.contains("10.06%"))
  }

  /// "Try next", the workshop's suggestions and a few more; two folds and few epochs keep each
  /// run under a second of a debug build.
  static let sweep: [[String]] = [
    ["--similarity", "cosine"], ["--similarity", "pearson", "--seed", "7"],
    ["--shrinkage", "0", "--neighbours", "5"], ["--min-support", "30", "--top", "3"],
  ]

  @Test("any flags: verdicts follow the printed numbers", arguments: sweep)
  func flagSweep(flags: [String]) async throws {
    let arguments = flags + ["--folds", "2", "--epochs", "20", "--no-charts"]
    let run = try await ChapterRun.shared(Self.command, arguments)
    try Self.checkInvariants(run, arguments: flags)
  }

  @Test("a ratings file with fewer ratings than two per fold: one line, exit 65, nothing written")
  func tooFewRatings() throws {
    let file = ChapterRun.temporaryDirectory().appendingPathComponent("three.csv")
    try Data("1,1,5\n1,2,3\n2,1,4\n".utf8).write(to: file)
    let run = try ChapterRun.fresh(Self.command, ["--ratings", file.path])
    #expect(run.status == 65)
    let lines = run.standardError.split(separator: "\n")
    #expect(lines.count == 1)
    #expect(lines.first?.contains("too few for 5 folds") == true)
    #expect(run.standardOutput.isEmpty)
    #expect(!FileManager.default.fileExists(atPath: run.assetsDirectory.path))
  }

  @Test("--titles without --ratings is a usage error")
  func titlesWithoutRatings() throws {
    let run = try ChapterRun.fresh(Self.command, ["--titles", "u.item"])
    #expect(run.status == 64)
    #expect(run.standardError.contains("give --ratings FILE too"))
  }
}
