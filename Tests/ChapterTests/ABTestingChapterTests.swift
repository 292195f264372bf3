import Foundation
import Testing

/// chapter-ab-testing's sentences are chosen from its numbers; these tests read the numbers
/// back out of the text and check that each sentence is the one the numbers call for.
@Suite("chapter-ab-testing")
struct ABTestingChapterTests {
  static let command = "chapter-ab-testing"

  /// The text as one line with single spaces, so sentences wrapped by the narrator (bullets
  /// indent their continuation lines) can be matched whole.
  static func flat(_ text: String) -> String {
    text.replacing(#/\s+/#, with: " ")
  }

  /// The numbers a run prints, read back from its text.
  struct Reading {
    let interval: ClosedRange<Double>
    let estimate: Double
    let effect: Double
    let decision: String
    let fixedRate: Double
    let alpha: Double
    let peekingRate: Double
    let sequentialRate: Double

    init(_ output: String) throws {
      let text = ABTestingChapterTests.flat(output)
      let analysis = try #require(
        text.firstMatch(
          of: #/control: ([+-]\d+\.\d+) titles .*?interval \[([+-]\d+\.\d+), ([+-]\d+\.\d+)\]/#
        ))
      estimate = Double(analysis.1)!
      interval = Double(analysis.2)!...Double(analysis.3)!
      effect = Double(try #require(text.firstMatch(of: #/δ = (\d+\.\d+) titles per viewer/#)).1)!
      decision = String(
        try #require(
          text.firstMatch(of: #/(Launch|Iterate|Discard|Not enough evidence): /#)
        ).1)
      let aa = try #require(
        text.firstMatch(of: #/\((\d+\.\d)%\) have p < α = (\d+(?:\.\d+)?)/#))
      fixedRate = Double(aa.1)! / 100
      alpha = Double(aa.2)!
      peekingRate =
        Double(
          text.firstMatch(of: #/\((\d+\.\d)%\) end with a 'significant'/#)?.1
            ?? text.firstMatch(of: #/peeking changes nothing: (\d+\.\d)%/#)!.1)! / 100
      sequentialRate =
        Double(try #require(text.firstMatch(of: #/it stops [\d,]+ \((\d+\.\d)%\)/#)).1)! / 100
    }

    /// The decision the rule gives for the printed interval and δ.
    var expectedDecision: String {
      if interval.lowerBound > 0 { return estimate >= effect ? "Launch" : "Iterate" }
      if interval.upperBound < 0 || interval.upperBound < effect { return "Discard" }
      return "Not enough evidence"
    }
  }

  @Test("the default run meets the goals: A/A rate 5% ± 1.5%, peeking far above, sequential ≤ 6%")
  func goals() async throws {
    // The docs-figures test's run: default flags.
    let run = try await ChapterRun.shared(Self.command)
    try #require(run.status == 0, "\(run.standardError)")
    let reading = try Reading(run.standardOutput)
    #expect(abs(reading.fixedRate - 0.05) <= 0.015)
    #expect(reading.peekingRate > 2 * reading.fixedRate)
    #expect(reading.sequentialRate <= 0.06)
    #expect(Self.flat(run.standardOutput).contains("Each of 1,000 tests splits the same viewers"))
    #expect(reading.decision == reading.expectedDecision)
  }

  // MARK: Flag sweep

  /// The workshop's runs and the "Try next" suggestions that change which sentences are
  /// chosen, with --quick (--effect and --alpha run at their limits in FlagLimitTests).
  static let sweep: [[String]] = [
    ["--viewers", "300"], ["--days", "1"], ["--days", "30"],
    ["--salt", "another-name", "--seed", "7"],
  ]

  @Test(
    "every sentence the numbers choose is the one they call for, under other flags",
    arguments: sweep)
  func sweepInvariants(flags: [String]) async throws {
    let run = try await ChapterRun.shared(Self.command, ["--quick", "--no-charts"] + flags)
    try #require(run.status == 0, "\(run.standardError)")
    #expect(run.standardError.isEmpty)
    let text = Self.flat(run.standardOutput)
    let reading = try Reading(run.standardOutput)
    #expect(reading.decision == reading.expectedDecision, "\(reading)")
    // Stopping at the first of several looks is stopped at least as often as the last look.
    #expect(reading.peekingRate >= reading.fixedRate)
    let margin = 2 * (reading.alpha * (1 - reading.alpha) / 200).squareRoot()
    let inside = abs(reading.fixedRate - reading.alpha) <= margin + 0.0005
    #expect(text.contains("tests allow by chance (two standard errors). ") == inside)
    if flags.contains("--days"), flags.last == "1" {
      #expect(text.contains("there is a single look, so peeking changes nothing"))
    }
    let interval = reading.interval
    #expect(interval.contains(reading.estimate))
    #expect(text.contains("Try next"))
  }

  @Test("a salt too short to name anything: --salt with an empty value is refused, exit 64")
  func emptySalt() throws {
    let run = try ChapterRun.fresh(Self.command, ["--salt", ""])
    #expect(run.status == 64)
    #expect(run.standardError.hasPrefix("\(Self.command): error: --salt"))
    #expect(run.standardOutput.isEmpty)
  }
}
