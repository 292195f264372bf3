import Foundation
import Testing

@testable import Recommender

@Suite("chapter-real-time")
struct RealTimeChapterTests {
  static let command = "chapter-real-time"

  /// The latency section prints timings, which differ from run to run. The rule: from its
  /// heading to the next one ("Charts", or "Try next" without charts) the text is replaced by
  /// one placeholder line; everything else must match byte for byte.
  static func maskingTimings(_ text: String) -> String {
    OutputSections.masking(
      text, from: "Within milliseconds? Latency on one core\n", to: "\n\n\n",
      placeholder: "<latency timings, not compared>")
  }

  @Test("the default run tells the story as stored, the latency timings masked")
  func snapshot() async throws {
    let run = try await ChapterRun.shared(Self.command)
    #expect(run.status == 0)
    Snapshot.expectMatches(Self.maskingTimings(run.standardOutput), named: Self.command)
  }

  @Test("a second run prints the same text outside the timings and draws the same model charts")
  func deterministic() async throws {
    let first = try await ChapterRun.shared(Self.command)
    let second = try ChapterRun.fresh(Self.command, ["--quick"])
    #expect(Self.maskingTimings(first.standardOutput) == Self.maskingTimings(second.standardOutput))
    for chart in ["real-time-prequential.svg", "real-time-cold-start.svg"] {
      #expect(first.chart(chart) == second.chart(chart), "\(chart) differs between runs")
    }
    let latency = SVGCheck(first.chart("real-time-latency.svg") ?? Data()).allText
    #expect(latency.contains("A timing"))
  }

  // MARK: Flag sweep

  /// The default; the "Try next" suggestions on the catalogue (two to a run); retraining as
  /// often as allowed, which is FlagLimitTests' minimum run, word for word, so the two tests
  /// share that costly run (it stands in for --retrain-every 50); and a small file with
  /// timestamps (FILE stands for its path). Each list is the whole command line.
  static let sweep: [[String]] = [
    [], ["--quick", "--no-charts", "--learning-rate", "0.05", "--warm-up", "0.2"],
    ["--quick", "--no-charts", "--seed", "7"],
    [
      "--retrain-every", "10", "--warm-up", "0.9", "--learning-rate", "1e-300", "--quick",
      "--seed", "0",
    ],
    ["--quick", "--no-charts", "--ratings", "FILE"],
  ]

  /// 120 viewers, 60 titles from a synthetic catalogue, as u.data with timestamps that run
  /// backwards through the file, so a replay in file order would differ from one in time order.
  static let timedFile: String = {
    let catalogue = SyntheticCatalogue(
      recipe: .init(users: 120, items: 60, hiddenFactors: 3, density: 0.3), seed: 5)
    let ratings = catalogue.dataset.ratings
    let lines = ratings.enumerated().map { index, rating in
      "\(rating.user + 1)\t\(rating.item + 1)\t\(Int(rating.value.rounded()))\t"
        + "\(900_000_000 + 3_600 * (ratings.count - index))"
    }
    let path = ChapterRun.temporaryDirectory().appendingPathComponent("u.data").path
    _ = FileManager.default.createFile(
      atPath: path, contents: Data((lines.joined(separator: "\n") + "\n").utf8))
    return path
  }()

  static func numbers(_ line: Substring) -> [Double] {
    line.matches(of: #/\d+\.\d+/#).map { Double($0.output)! }
  }

  @Test("any flags: verdicts follow the printed numbers", arguments: sweep)
  func flagSweep(flags: [String]) async throws {
    let arguments = flags.map { $0 == "FILE" ? Self.timedFile : $0 }
    let run = try await ChapterRun.shared(Self.command, arguments)
    #expect(run.status == 0, "\(run.standardError)")
    #expect(run.standardError.isEmpty)
    let output = Self.maskingTimings(run.standardOutput)
    #expect(output.firstMatch(of: #/(?i)\b(nan|inf|infinity)\b/#) == nil)
    let flat = output.replacingOccurrences(of: "\n", with: " ")

    // The overall verdict agrees with the RMSEs it quotes.
    let replay = OutputSections.section(
      "Replaying the stream: frozen, online, retrained", of: output
    )
    .replacingOccurrences(of: "\n", with: " ")
    let beats = replay.matches(
      of:
        #/(updating online|retraining) beats the frozen model \(RMSE (\d\.\d+) against (\d\.\d+)\)/#
    )
    for match in beats { #expect(Double(match.2)! < Double(match.3)!, "\(arguments)") }
    let worse = replay.matches(
      of:
        #/(updating online|retraining) does worse than the frozen model \((\d\.\d+) against (\d\.\d+)\)/#
    )
    for match in worse { #expect(Double(match.2)! > Double(match.3)!, "\(arguments)") }
    #expect(beats.count + worse.count + replay.matches(of: /too close to call/).count >= 2)

    // Drift is blamed only when its rows say the frozen model misses more after a change, and
    // the raters are called as well known only when the "Known from" column says so. Columns:
    // known from, frozen, online, retrained.
    if !flags.contains("--ratings") {
      let table = OutputSections.section(
        "Replaying the stream: frozen, online, retrained", of: output)
      let stable = try #require(
        table.split(separator: "\n").first { $0.hasPrefix("Viewers whose taste stays") })
      let after = try #require(
        table.split(separator: "\n").first { $0.hasPrefix("Drifting viewers, after") })
      let (s, a) = (Self.numbers(stable), Self.numbers(after))
      #expect(s.count == 4 && a.count == 4)
      if flat.contains("Drift is what a frozen model cannot follow") {
        #expect(a[1] > s[1], "\(arguments)")
      }
      if flat.contains("from as many warm-up ratings as the stable ones or more") {
        #expect(a[0] >= s[0], "\(arguments)")
      }
      if flat.contains("Updating online brings that to") { #expect(a[2] < a[1], "\(arguments)") }
    }

    // Cold start: "each step helps" only when ten ratings give the lowest error.
    let cold = OutputSections.section(
      "A new viewer: folded in from their first ratings", of: output)
    let rows = cold.split(separator: "\n").filter {
      $0.firstMatch(of: #/^ +\d+ +\d\.\d{3}/#) != nil
    }
    if !rows.isEmpty {
      #expect(rows.count == 5)
      let rmse = rows.map { Self.numbers($0)[0] }
      if cold.contains("each step of the table helps") {
        #expect(zip(rmse, rmse.dropFirst()).allSatisfy { $1 < $0 })
      }
      if cold.contains("the lowest of the table") { #expect(rmse.last == rmse.min()) }
      if cold.contains("Ten ratings bring the error") { #expect(rmse.last! < rmse.first!) }
      if let match = cold.replacingOccurrences(of: "\n", with: " ").firstMatch(
        of:
          #/with ten (\d+\.\d)%, where picking at random would give (\d+\.\d)%: ten ratings are enough/#
      ) {
        #expect(Double(match.1)! > Double(match.2)!)
      }
    }

    // The step's reading quotes the table's predictions.
    let step = OutputSections.section("Model update: one event, one step", of: output)
    let prediction = try #require(step.split(separator: "\n").first { $0.hasPrefix("prediction") })
    let quoted = try #require(
      step.replacingOccurrences(of: "\n", with: " ").firstMatch(
        of: #/The model predicted (\d\.\d\d) .* now (\d\.\d\d)/#))
    #expect(abs(Self.numbers(prediction)[0] - Double(quoted.1)!) < 0.006)
    #expect(abs(Self.numbers(prediction)[1] - Double(quoted.2)!) < 0.006)

    // No "Try next" suggestion repeats the run's own flags.
    let own = Set(
      arguments.joined(separator: " ").matches(of: #/--[a-z-]+ [^\s,:]+/#).map { String($0.output) }
    )
    let tryNext = OutputSections.section("Try next", of: output + "\n\n\n")
    for suggestion in tryNext.components(separatedBy: "• ").dropFirst() {
      let pairs = Set(
        suggestion.replacingOccurrences(of: "\n  ", with: " ").matches(of: #/--[a-z-]+ [^\s,:]+/#)
          .map { String($0.output) })
      #expect(pairs.isDisjoint(with: own), "\(arguments): suggests \(suggestion)")
    }
    if flags.contains("--ratings") {
      #expect(flat.contains("replayed in that order, from 1998-"))
      #expect(flat.contains("A file does not say whose taste changed"))
    }
  }

  @Test(
    "a bad --ratings file: one line naming the file and line, exit 65, no charts written",
    arguments: [
      ("1\t2\t5\t881250949\n1\t3\t4\tsoon\n", "u.data:2: timestamp \"soon\" is not a whole number"),
      ("1\t2\t5\t881250949\n", "has only 1 rating, too few"),
    ])
  func badRatings(contents: String, message: String) throws {
    let path = ChapterRun.temporaryDirectory().appendingPathComponent("u.data").path
    _ = FileManager.default.createFile(atPath: path, contents: Data(contents.utf8))
    let run = try ChapterRun.fresh(Self.command, ["--ratings", path])
    #expect(run.status == 65)
    let lines = run.standardError.split(separator: "\n")
    #expect(lines.count == 1)
    #expect(lines.first?.contains(message) == true, "stderr: \(run.standardError)")
    #expect(run.standardOutput.isEmpty)
    #expect(!FileManager.default.fileExists(atPath: run.assetsDirectory.path))
  }

  @Test("--titles without --ratings is a usage error, exit 64")
  func titlesWithoutRatings() async throws {
    let run = try await ChapterRun.shared(Self.command, ["--titles", "u.item"])
    #expect(run.status == 64)
    #expect(run.standardError.hasPrefix("\(Self.command): error: --titles and --format"))
  }
}
