import Foundation
import Testing

/// chapter-neural-cf beyond its snapshot: under other flags, every verdict against the numbers
/// printed beside it.
@Suite("chapter-neural-cf")
struct NeuralCFChapterTests {
  static let command = "chapter-neural-cf"
  static let models = [
    "Global mean", "Bias-only", "MF with biases and λ", "MF (dot product)", "GMF", "MLP",
    "NeuMF", "I-AutoRec", "Popularity",
  ]
  static let name = models.map(NSRegularExpression.escapedPattern(for:)).joined(separator: "|")

  /// Rows of the table whose header starts with "Model" and holds `column`: model → numbers.
  static func table(_ output: String, column: String) -> [String: [Double]] {
    let lines = output.split(separator: "\n", omittingEmptySubsequences: false)
    guard let start = lines.firstIndex(where: { $0.hasPrefix("Model") && $0.contains(column) })
    else { return [:] }
    var rows: [String: [Double]] = [:]
    for line in lines[(start + 2)...].prefix(while: { !$0.isEmpty }) {
      guard let model = models.first(where: { line.hasPrefix($0 + "  ") }) else { continue }
      rows[model] = line.dropFirst(model.count).split(separator: " ").compactMap { Double($0) }
    }
    return rows
  }

  static func checkInvariants(_ output: String, arguments: [String]) throws {
    let text = output.replacingOccurrences(of: "\n", with: " ")
    #expect(output.firstMatch(of: #/(?i)\b(nan|inf|infinity)\b/#) == nil, "\(arguments)")
    #expect(text.contains("Every gradient agrees with its finite difference"), "\(arguments)")

    // Ratings: the last number of a row is its mean; a seed column precedes it when there are
    // several seeds. Choices: mean HR, its spread (if any), mean NDCG, its spread.
    let ratings = table(output, column: "Seed")
    let choices = table(output, column: "HR@")
    #expect(ratings.count >= 4 && choices.count >= 2, "\(arguments)")
    let rmse = ratings.mapValues { $0.last! }
    let hits = choices.mapValues { $0[0] }
    let lowest = try #require(text.firstMatch(of: try Regex("Lowest mean test RMSE: (\(name)) ")))
    #expect(rmse[String(lowest.output[1].substring!)] == rmse.values.min(), "\(arguments)")
    let highest = try #require(text.firstMatch(of: try Regex("Highest mean HR@\\d+: (\(name)) ")))
    #expect(hits[String(highest.output[1].substring!)] == hits.values.max(), "\(arguments)")

    // "A beats B on M … by d": A's mean is better by d (within the printed rounding); "A is
    // ahead of B … by d" likewise, and "within d of each other" is a small gap.
    for metric in ["test RMSE", "HR@\\d+"] {
      let values = metric == "test RMSE" ? rmse : hits
      let sign = metric == "test RMSE" ? -1.0 : 1.0
      for claim in text.matches(
        of: try Regex("(\(name)) (?:beats|is ahead of) (\(name)) on \(metric).*? by (\\d\\.\\d+)"))
      {
        let a = values[String(claim.output[1].substring!)]!
        let b = values[String(claim.output[2].substring!)]!
        let d = Double(claim.output[3].substring!)!
        #expect(sign * (a - b) > 0, "\(arguments): \(claim.output[0].substring!)")
        #expect(abs(abs(a - b) - d) < 0.0015, "\(arguments): \(claim.output[0].substring!)")
      }
    }

    // The papers' claims follow the contest's outcome.
    for (paper, winner, loser) in [
      ("He et al. (2017) reported", "NeuMF", "MF (dot product)"),
      ("Rendle et al. (2020) found", "MF (dot product)", "MLP"),
    ] {
      guard let start = text.range(of: paper),
        let here = text[start.upperBound...].range(of: ". Here "),
        let end = text[here.upperBound...].range(of: "them.")
      else { continue }
      let body = String(text[here.upperBound..<end.lowerBound])
      if body.contains("agrees") { #expect(body.hasPrefix("\(winner) beats \(loser)"), "\(body)") }
      if body.contains("contradicts") && !body.contains("neither") {
        #expect(body.hasPrefix("\(loser) beats \(winner)"), "\(body)")
      }
    }

    // The dot-product experiment: a claimed fall is the first and last MLP rows' fall.
    let mlpRows = output.split(separator: "\n").filter { $0.hasPrefix("MLP 8→") }.map {
      $0.split(separator: " ").compactMap { Double($0.replacingOccurrences(of: ",", with: "")) }
    }
    #expect(mlpRows.count >= 2, "\(arguments)")
    if let fall = text.firstMatch(of: #/lowered its test RMSE from (\d\.\d+) to (\d\.\d+)/#) {
      #expect(Double(fall.1)! == mlpRows.first![2] && Double(fall.2)! == mlpRows.last![2])
      #expect(Double(fall.1)! > Double(fall.2)!)
    }

    // No "Try next" suggestion repeats the run's own flags.
    let tryNext = output.components(separatedBy: "\nTry next\n").last ?? ""
    for pair in zip(arguments, arguments.dropFirst()) where pair.0.hasPrefix("--") {
      #expect(!tryNext.contains("\(pair.0) \(pair.1):"), "\(arguments) suggests itself")
    }
  }

  /// The catalogue's run (--quick) and the workshop's and "Try next"'s flags, each --quick.
  static let sweep: [[String]] = [
    [], ["--model", "neumf", "--layers", "64,32,16,8", "--seed", "7"],
    ["--negatives", "20", "--learning-rate", "0.01", "--factors", "4"],
  ]

  @Test("any flags: verdicts follow the printed numbers", arguments: sweep)
  func flagSweep(flags: [String]) async throws {
    let run = try await ChapterRun.shared(Self.command, flags + ["--quick"])
    #expect(run.status == 0, "\(run.standardError)")
    #expect(run.standardError.isEmpty)
    try Self.checkInvariants(run.standardOutput, arguments: flags)
  }

  @Test("--layers that is not a tower is refused before any work, naming what is accepted")
  func badLayers() async throws {
    for layers in ["15,8", "16,x", "16,8,4,2,1,1"] {
      let run = try await ChapterRun.shared(Self.command, ["--layers", layers])
      #expect(run.status == 64)
      #expect(run.standardOutput.isEmpty)
      #expect(run.standardError.contains("--layers expects 1 to 5 whole numbers"))
    }
  }
}
