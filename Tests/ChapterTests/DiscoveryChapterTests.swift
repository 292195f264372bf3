import Foundation
import Testing

/// chapter-discovery beyond its snapshot: under other flags every verdict against the numbers
/// printed beside it.
@Suite("chapter-discovery")
struct DiscoveryChapterTests {
  static let command = "chapter-discovery"
  static let models = ["Popularity", "Bias-only", "MF with biases and λ", "Item kNN-baseline"]
  static var name: String {
    models.map(NSRegularExpression.escapedPattern(for:)).joined(separator: "|")
  }

  /// The story as one line: wrapped sentences joined.
  static func flat(_ text: String) -> String { text.replacingOccurrences(of: "\n", with: " ") }

  /// The numbers among a table row's cells (a percentage without its sign).
  static func numbers(_ line: Substring) -> [Double] {
    line.split(separator: " ").compactMap { Double($0.hasSuffix("%") ? $0.dropLast() : $0) }
  }

  /// The ranking table: RMSE (nil for "—") and the list measures, per model.
  static func rankingTable(_ output: String) -> [String: (rmse: Double?, values: [Double])] {
    var table: [String: (Double?, [Double])] = [:]
    let lines = output.split(separator: "\n")
    guard let header = lines.firstIndex(where: { $0.hasPrefix("Model") && $0.contains("RMSE") })
    else { return [:] }
    for line in lines[(header + 2)...].prefix(models.count) {
      guard let model = models.first(where: { line.hasPrefix($0 + "  ") }) else { continue }
      let rest = line.dropFirst(model.count)
      let values = numbers(rest)
      let hasRMSE = !rest.contains("—")
      table[model] = (hasRMSE ? values[0] : nil, hasRMSE ? Array(values.dropFirst()) : values)
    }
    return table
  }

  /// Whether a sweep table has a truth column, and its rows: weight, marked or not, numbers.
  static func sweep(_ output: String, title: String) -> (
    hasTruth: Bool, rows: [(weight: Double, marked: Bool, values: [Double])]
  ) {
    let lines = output.split(separator: "\n", omittingEmptySubsequences: false)
    guard let start = lines.firstIndex(where: { $0 == title }) else { return (false, []) }
    return (
      lines[start + 1].contains("truth"),
      lines[(start + 3)...].prefix { !$0.isEmpty }.map { line in
        let marked = line.contains("→")
        let values = numbers(line)
        return (values[0], marked, Array(values.dropFirst()))
      }
    )
  }

  static func checkInvariants(_ run: ChapterRun, arguments: [String]) throws {
    let output = run.standardOutput
    let text = flat(output)
    #expect(run.status == 0, "\(arguments): \(run.standardError)")
    #expect(run.standardError.isEmpty)
    #expect(output.firstMatch(of: #/(?i)\b(nan|inf|infinity)\b/#) == nil, "\(arguments)")

    // The worked list's NDCG is its DCG over its IDCG, as printed.
    if let worked = text.firstMatch(of: #/NDCG@\d+ = (\d+\.\d{3}) / (\d+\.\d{3}) = (\d\.\d{3})\./#)
    {
      #expect(
        abs(Double(worked.1)! / Double(worked.2)! - Double(worked.3)!) < 0.002, "\(arguments)")
    }

    // Every list measure lies in [0, 1]; the leader and the RMSE order follow the table.
    let table = rankingTable(output)
    #expect(Set(table.keys) == Set(models), "\(arguments): \(table.keys)")
    for (model, row) in table {
      #expect(row.values.allSatisfy { (0...1).contains($0) }, "\(arguments): \(model)")
    }
    // NDCG@K on held-out ratings is the fifth list measure; with truth, two columns follow.
    let ndcg = table.mapValues { $0.values[4] }
    if let leader = text.firstMatch(of: try Regex("(\(name)) draws the best lists by NDCG")) {
      #expect(ndcg[String(leader.output[1].substring!)] == ndcg.values.max(), "\(arguments)")
    } else {
      let pair = try #require(
        text.firstMatch(of: try Regex("(\(name)) and (\(name)) have the highest NDCG")),
        "\(arguments): no leader sentence")
      let top = ndcg.values.sorted(by: >)
      #expect(ndcg[String(pair.output[1].substring!)] == top[0], "\(arguments)")
      #expect(ndcg[String(pair.output[2].substring!)] == top[1], "\(arguments)")
    }
    let order = try #require(
      text.firstMatch(of: try Regex("By RMSE the order is (\(name)), (\(name)) and (\(name))\\.")))
    let rmse = (1...3).map { table[String(order.output[$0].substring!)]!.rmse! }
    #expect(rmse == rmse.sorted(), "\(arguments)")
    if let truth = text.firstMatch(of: try Regex("the hidden truth, (\(name))'s lists come first"))
    {
      let truthNDCG = table.mapValues { $0.values[6] }
      #expect(truthNDCG[String(truth.output[1].substring!)] == truthNDCG.values.max())
    }

    // The arrow marks the largest weight whose judged NDCG keeps 90% of the plain list's
    // (judged: the truth column where there is one), within the printed rounding.
    for title in ["Maximal marginal relevance", "Novelty bonus"] {
      let (onCatalogue, rows) = sweep(output, title: title)
      #expect(rows.count >= 6, "\(arguments): \(title)")
      #expect(rows.filter(\.marked).count == 1, "\(arguments): \(title)")
      let judged = rows.map { onCatalogue ? $0.values[1] : $0.values[0] }
      let floor = 0.9 * judged[0]
      let marked = rows.firstIndex(where: \.marked)!
      #expect(judged[marked] >= floor - 0.001, "\(arguments): \(title)")
      for later in rows.indices where later > marked {
        #expect(judged[later] < floor + 0.001, "\(arguments): \(title) w = \(rows[later].weight)")
      }
    }

    // Multi-task: every "better/worse by d" agrees with the table's means.
    let lines = output.split(separator: "\n")
    func means(_ label: String) throws -> [Double] {
      let row = try #require(lines.first { $0.hasPrefix(label) }, "\(arguments): \(label)")
      return row.matches(of: #/(\d+\.\d+) ± \d+\.\d+/#).map { Double($0.1)! }
    }
    let joint = try #require(lines.first { $0.contains(" (joint)") })
    let jointMeans = joint.matches(of: #/(\d+\.\d+) ± \d+\.\d+/#).map { Double($0.1)! }
    let ratingOnly = try means("0 (rating only)")
    let watchedOnly = try means("1 (watched only)")
    let claims: [(String, Double)] = [
      ("RMSE", jointMeans[0] - ratingOnly[0]),
      ("NDCG@\\d+ of its rating head", ratingOnly[1] - jointMeans[1]),
      ("NDCG@\\d+ of its watched head", watchedOnly[2] - jointMeans[2]),
    ]
    for (what, worseBy) in claims {
      guard let claim = text.firstMatch(of: try Regex("\(what): (better|worse) by (\\d+\\.\\d+)"))
      else { continue }
      let size = Double(claim.output[2].substring!)!
      let signed = claim.output[1].substring! == "worse" ? size : -size
      #expect(abs(signed - worseBy) < 0.0015, "\(arguments): \(what)")
    }

    // No "Try next" suggestion repeats the run's own flags.
    let tryNext = output.components(separatedBy: "\nTry next\n").last ?? ""
    for pair in zip(arguments, arguments.dropFirst()) where pair.0.hasPrefix("--") {
      #expect(!tryNext.contains("\(pair.0) \(pair.1):"), "\(arguments) suggests itself")
    }
  }

  @Test("the default run's verdicts agree with its numbers")
  func defaultRun() async throws {
    let run = try await ChapterRun.shared(Self.command, [])
    try Self.checkInvariants(run, arguments: [])
  }

  /// "Try next" and the workshop's suggestions, with --quick: each run well under a second.
  static let sweep: [[String]] = [
    ["--relevant", "5", "--diversity-weight", "1", "--seed", "7"],
    ["--k", "10", "--task-weight", "0.9"],
  ]

  @Test("any flags: verdicts follow the printed numbers", arguments: sweep)
  func flagSweep(flags: [String]) async throws {
    let run = try await ChapterRun.shared(Self.command, flags + ["--quick", "--no-charts"])
    try Self.checkInvariants(run, arguments: flags)
  }

  @Test("--task-weight 0 or 1 is refused: those are the single-task models already")
  func taskWeightBounds() async throws {
    let run = try await ChapterRun.shared(Self.command, ["--task-weight", "1"])
    #expect(run.status == 64)
    #expect(run.standardError.contains("strictly between 0 and 1"))
    #expect(run.standardOutput.isEmpty)
  }
}
