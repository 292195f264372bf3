import Foundation
import Testing

/// Every numeric flag of every chapter at its documented minimum and at its documented maximum,
/// run to completion: no value the flags accept may crash a chapter or end it early.
///
/// One run per row. The minimums of a chapter go together in one run; each costly maximum runs
/// with the flags that multiply its cost (epochs, factors) at their minimum, so the whole grid
/// stays a few seconds of debug time. `--seed` takes 0 and 2³² − 1 in every chapter.
@Suite("Flag limits: every documented minimum and maximum runs to the end")
struct FlagLimitTests {
  struct Limits: Sendable, CustomTestStringConvertible {
    let command: String
    let arguments: [String]
    var testDescription: String { ([command] + arguments).joined(separator: " ") }
  }

  static let grid: [Limits] = [
    .init(command: "chapter-data-setup", arguments: ["--factors", "1", "--seed", "0"]),
    .init(command: "chapter-data-setup", arguments: ["--factors", "50", "--seed", "4294967295"]),
    .init(
      command: "chapter-neighbours",
      arguments: [
        "--neighbours", "1", "--min-support", "1", "--shrinkage", "0", "--folds", "2",
        "--factors", "1", "--epochs", "1", "--top", "1", "--learning-rate", "1e-300",
        "--lambda", "0", "--seed", "0",
      ]),
    .init(
      command: "chapter-neighbours",
      arguments: [
        "--neighbours", "1000", "--min-support", "1000", "--shrinkage", "10000", "--folds", "10",
        "--epochs", "1", "--top", "20", "--seed", "4294967295",
      ]),
    .init(
      command: "chapter-neighbours",
      arguments: ["--factors", "100", "--epochs", "1", "--folds", "2"]),
    .init(
      command: "chapter-neighbours",
      arguments: ["--epochs", "200", "--factors", "1", "--folds", "2"]),
    .init(
      command: "chapter-basic-mf",
      arguments: [
        "--factors", "1", "--epochs", "1", "--report-every", "1", "--hide-user", "0",
        "--hide-movie", "0", "--learning-rate", "1e-300", "--seed", "0",
      ]),
    .init(
      command: "chapter-basic-mf",
      arguments: [
        "--factors", "50", "--hide-user", "4", "--hide-movie", "3", "--seed", "4294967295",
      ]),
    .init(
      command: "chapter-basic-mf", arguments: ["--epochs", "10000", "--report-every", "10000"]),
    .init(
      command: "chapter-biases",
      arguments: [
        "--factors", "1", "--epochs", "1", "--basic-epochs", "0", "--report-every", "1",
        "--learning-rate", "1e-300", "--bias-learning-rate", "1e-300", "--seed", "0",
      ]),
    .init(command: "chapter-biases", arguments: ["--factors", "50", "--seed", "4294967295"]),
    .init(
      command: "chapter-biases",
      arguments: ["--epochs", "10000", "--basic-epochs", "10000", "--report-every", "10000"]),
    .init(
      command: "chapter-regularization",
      arguments: [
        "--lambda", "0", "--factors", "1", "--epochs", "1", "--report-every", "1",
        "--sweep-factors", "1", "--sweep-epochs", "1", "--learning-rate", "1e-300",
        "--bias-learning-rate", "1e-300", "--sweep-learning-rate", "1e-300", "--seed", "0",
      ]),
    .init(
      command: "chapter-regularization",
      arguments: ["--factors", "50", "--sweep-epochs", "1", "--seed", "4294967295"]),
    .init(
      command: "chapter-regularization",
      arguments: [
        "--epochs", "10000", "--report-every", "10000", "--factors", "1", "--sweep-epochs", "1",
      ]),
    .init(
      command: "chapter-regularization",
      arguments: ["--sweep-factors", "50", "--sweep-epochs", "1"]),
    .init(
      command: "chapter-regularization",
      arguments: ["--sweep-epochs", "200", "--sweep-factors", "1"]),
    .init(
      command: "chapter-hash-tables", arguments: ["--max-size", "100", "--quick", "--seed", "0"]),
    .init(
      command: "chapter-hash-tables",
      arguments: ["--max-size", "10000000", "--quick", "--seed", "4294967295"]),
    .init(
      command: "chapter-complete-demo",
      arguments: [
        "--factors", "1", "--epochs", "1", "--test-fraction", "0.01", "--top", "1",
        "--learning-rate", "1e-300", "--lambda", "1e-300", "--folds", "2", "--quick", "--seed",
        "0", "--workers", "1",
      ]),
    .init(
      command: "chapter-complete-demo",
      arguments: [
        "--factors", "300", "--epochs", "1", "--quick", "--seed", "4294967295", "--order",
        "blocked", "--workers", "16",
      ]),
    .init(
      command: "chapter-complete-demo",
      arguments: [
        "--epochs", "500", "--factors", "1", "--test-fraction", "0.9", "--top", "50", "--quick",
      ]),
    .init(
      command: "chapter-complete-demo",
      arguments: ["--folds", "10", "--epochs", "1", "--factors", "1", "--quick"]),
    .init(
      command: "chapter-neural-cf",
      // The most epochs with the cheapest model: 100 epochs of every model would take 6 s.
      arguments: [
        "--factors", "1", "--epochs", "100", "--learning-rate", "1e-06", "--negatives", "1",
        "--model", "gmf", "--quick", "--seed", "0",
      ]),
    .init(
      command: "chapter-neural-cf",
      arguments: [
        "--factors", "64", "--epochs", "1", "--learning-rate", "0.1", "--negatives", "999",
        "--quick", "--seed", "4294967295",
      ]),
    .init(
      command: "chapter-discovery",
      arguments: [
        "--k", "1", "--relevant", "1", "--diversity-weight", "0", "--quick", "--seed", "0",
      ]),
    .init(
      command: "chapter-discovery",
      arguments: [
        "--k", "20", "--relevant", "5", "--diversity-weight", "1", "--task-weight", "0.9",
        "--quick", "--seed", "4294967295",
      ]),
    // Retraining after every 10 events costs most with a long stream: the minimum runs with the
    // shortest stream (the largest warm-up), the smallest warm-up with no retraining at all.
    // RealTimeChapterTests' flag sweep runs the minimum with the same arguments, sharing it.
    .init(
      command: "chapter-real-time",
      arguments: [
        "--retrain-every", "10", "--warm-up", "0.9", "--learning-rate", "1e-300", "--quick",
        "--seed", "0",
      ]),
    .init(
      command: "chapter-real-time",
      arguments: [
        "--retrain-every", "1000000", "--warm-up", "0.1", "--quick", "--seed", "4294967295",
      ]),
    // --quick caps --scale at 0.0002, so its maximum runs in well under a second; 32 workers
    // and 100 factors run with DSGD alone (ALS would solve 17,770 systems of 101 unknowns).
    // AtScaleChapterTests' flag sweep shares the first two runs.
    .init(
      command: "chapter-at-scale",
      arguments: [
        "--scale", "0.0001", "--workers", "1", "--blocks", "1", "--factors", "1", "--epochs", "1",
        "--nodes", "2", "--seed", "0",
      ]),
    .init(
      command: "chapter-at-scale",
      arguments: [
        "--scale", "1", "--workers", "32", "--blocks", "1024", "--factors", "100", "--epochs", "1",
        "--nodes", "1000", "--method", "dsgd", "--quick", "--seed", "4294967295",
      ]),
    .init(
      command: "chapter-at-scale", arguments: ["--epochs", "50", "--factors", "1", "--quick"]),
    .init(
      command: "chapter-ab-testing",
      arguments: [
        "--viewers", "100", "--days", "1", "--effect", "0.05", "--alpha", "0.001",
        "--experiments", "100", "--seed", "0",
      ]),
    .init(
      command: "chapter-ab-testing",
      arguments: [
        "--viewers", "3000", "--days", "60", "--experiments", "100", "--seed", "4294967295",
      ]),
    .init(
      command: "chapter-ab-testing",
      arguments: [
        "--experiments", "10000", "--viewers", "100", "--days", "1", "--effect", "0.5",
        "--alpha", "0.2",
      ]),
    .init(
      command: "chapter-visualizer",
      arguments: [
        "--factors", "1", "--epochs", "1", "--learning-rate", "1e-300", "--bias-learning-rate",
        "1e-300", "--lambda", "0", "--seed", "0",
      ]),
    .init(
      command: "chapter-visualizer",
      arguments: ["--factors", "10", "--epochs", "500", "--seed", "4294967295"]),

  ]

  @Test(
    "runs to the end: exit 0, nothing on standard error, every chart well-formed", arguments: grid)
  func runsToTheEnd(limits: Limits) async throws {
    let run = try await ChapterRun.shared(limits.command, limits.arguments)
    #expect(run.status == 0, "\(run.standardError)")
    #expect(run.standardError.isEmpty)
    #expect(run.standardOutput.contains("Try next"))
    #expect(!run.chartFiles.isEmpty)
    for name in run.chartFiles {
      #expect(SVGCheck(run.chart(name) ?? Data()).isWellFormed, "\(name)")
    }
  }

  @Test(
    "the grid reaches every numeric flag the chapter's --help lists",
    arguments: ChapterCatalogue.entries)
  func gridCoversEveryFlag(entry: ChapterEntry) async throws {
    let help = try await ChapterRun.shared(entry.command, ["--help"])
    // Numeric flags show a value placeholder of N (whole number) or X (real number).
    let numericFlags = help.standardOutput.split(separator: "\n").compactMap { line -> String? in
      let words = line.split(separator: " ")
      guard words.count >= 2, words[0].hasPrefix("--"), ["N", "X"].contains(words[1]) else {
        return nil
      }
      return String(words[0])
    }
    #expect(!numericFlags.isEmpty)
    let runs = Self.grid.filter { $0.command == entry.command }.map(\.arguments)
    for flag in numericFlags {
      // The refusal of a bad value documents the limits: "expects a whole number from 1 to 50",
      // "expects a finite number ≥ 0", "expects a finite number > 0" (no attained limit).
      let refusal = try await ChapterRun.shared(entry.command, [flag, "not-a-number"])
      let limits = Self.documentedLimits(in: refusal.standardError)
      let given = runs.flatMap { arguments in
        zip(arguments, arguments.dropFirst()).filter { $0.0 == flag }.map { String($0.1) }
      }
      #expect(!given.isEmpty, "\(entry.command) has no limit run for \(flag)")
      for limit in limits {
        #expect(given.contains(limit), "\(entry.command) never runs \(flag) \(limit)")
      }
    }
  }

  /// The bounds an error message states, as written: ["1", "50"] from "from 1 to 50", ["0"]
  /// from "≥ 0"; none for "> 0".
  static func documentedLimits(in message: String) -> [String] {
    let words = message.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
    if let from = words.firstIndex(of: "from"), from + 3 < words.count, words[from + 2] == "to" {
      return [words[from + 1], words[from + 3]]
    }
    if let atLeast = words.firstIndex(of: "≥"), atLeast + 1 < words.count {
      return [words[atLeast + 1]]
    }
    return []
  }
}
