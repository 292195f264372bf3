import Foundation
import Testing

@testable import Recommender

@Suite("chapter-complete-demo")
struct CompleteDemoChapterTests {
  static let command = "chapter-complete-demo"

  /// The hash-table section prints timings, which differ from run to run. The rule: from its
  /// "Median nanoseconds per lookup:" table to the next heading ("Recommendations"), the text
  /// is replaced by one placeholder line; everything else must match byte for byte.
  static func maskingTimings(_ text: String) -> String {
    OutputSections.masking(
      text, from: "Median nanoseconds per lookup:\n", to: "\nRecommendations\n",
      placeholder: "<hash-table timings, not compared>")
  }

  @Test("the default run tells the story as stored, the hash-table timings masked")
  func snapshot() async throws {
    let run = try await ChapterRun.shared(Self.command)
    #expect(run.status == 0)
    Snapshot.expectMatches(Self.maskingTimings(run.standardOutput), named: Self.command)
  }

  @Test("the hash-table section lists each size with a time for each structure")
  func hashTableSection() async throws {
    let run = try await ChapterRun.shared(Self.command, ["--no-charts"])
    let section = OutputSections.section("Hash tables, briefly", of: run.standardOutput)
    #expect(section.contains("List scan  Binary search"))
    for size in ["1,000", "10,000", "100,000"] {
      let row = section.split(separator: "\n").first {
        $0.hasPrefix(String(repeating: " ", count: 7 - size.count) + size)
      }
      #expect(row?.split(separator: " ").count == 5, "row for \(size): \(row ?? "missing")")
    }
    #expect(section.contains("With 100,000 keys the dictionary answered in"))
  }

  @Test("a second run prints the same text outside the timings and draws the same model charts")
  func deterministic() async throws {
    let first = try await ChapterRun.shared(Self.command)
    // The run the other tests share, and a process of this test's own.
    let second = try ChapterRun.fresh(Self.command)
    #expect(Self.maskingTimings(first.standardOutput) == Self.maskingTimings(second.standardOutput))
    for chart in [
      "model_comparison.svg", "learning_curve.svg", "matrix_factorization_visualization.svg",
    ] {
      #expect(first.chart(chart) == second.chart(chart), "\(chart) differs between runs")
    }
  }

  @Test("the catalogue's own check: favourite-genre picks beat chance, as printed")
  func catalogueCheck() async throws {
    // The chart test's run: the check is printed whether or not charts are drawn.
    let run = try await ChapterRun.shared(Self.command, ["--quick"])
    let pattern =
      #/(\d+\.\d)% of the top-3 picks fall in the viewer's hidden favourite genre, where picking unrated titles at random would give (\d+\.\d)%/#
    let text = run.standardOutput.replacingOccurrences(of: "\n", with: " ")
    let match = try #require(text.firstMatch(of: pattern))
    #expect(Double(match.1)! > 2 * Double(match.2)!)
  }

  @Test("--folds: every model's mean ± sd over the folds, and a verdict that reads them")
  func folds() async throws {
    let run = try await ChapterRun.shared(
      Self.command, ["--folds", "3", "--epochs", "10", "--quick", "--no-charts"])
    #expect(run.status == 0)
    let section = OutputSections.section("3-fold cross-validation", of: run.standardOutput)
    var rmse: [String: Double] = [:]
    for line in section.split(separator: "\n") {
      if let row = line.firstMatch(
        of: #/^(\S.*?)\s+(\d\.\d{4}) ± \d\.\d{4}\s+\d\.\d{4} ± \d\.\d{4}$/#)
      {
        rmse[String(row.1)] = Double(row.2)!
      }
    }
    #expect(rmse.count == 5)
    let flat = section.replacingOccurrences(of: "\n", with: " ")
    let best = try #require(flat.firstMatch(of: #/Lowest mean RMSE: (.+?)\. /#))
    #expect(rmse[String(best.1)] == rmse.values.min())
  }

  // MARK: Flag sweep

  /// The flags a reader is invited to try: each "Try next" suggestion on the catalogue and the
  /// workshop's `--quick --no-charts`, plus a few more; all quick, none with k ≥ 16 (slow in
  /// debug).
  static let sweep: [[String]] = [
    [], ["--lambda", "0.5"], ["--lambda", "0.01"], ["--factors", "1"], ["--factors", "12"],
    ["--epochs", "5"], ["--top", "5", "--seed", "7"], ["--test-fraction", "0.5", "--top", "1"],
    // The workshop's MovieLens runs, on a small synthetic file instead (tests cannot use
    // MovieLens): NOISE stands for its path.
    ["--ratings", "NOISE", "--lambda", "0.1", "--factors", "10"],
    ["--ratings", "NOISE", "--lambda", "0.5", "--factors", "10"],
    // Short runs where the models tie on the training ratings as well as on the hidden ones.
    ["--ratings", "NOISE", "--factors", "1", "--epochs", "2"],
    // The speed page's two-core run, on the small file.
    ["--ratings", "NOISE", "--order", "blocked", "--workers", "2", "--factors", "10"],
  ]

  /// 60 viewers and 30 titles: everyone gives titles 1 and 2 five stars, a third of the other
  /// cells hold noise. Written once per test process.
  static let noiseFile: String = {
    var lines: [String] = []
    var state: UInt64 = 12_345
    for user in 1...60 {
      for item in 1...30 {
        state = (state &* 1_103_515_245 &+ 12_345) % (1 << 31)
        if item <= 2 {
          lines.append("\(user),\(item),5")
        } else if (state >> 8) % 3 == 0 {
          lines.append("\(user),\(item),\(1 + (state >> 16) % 5)")
        }
      }
    }
    let path = ChapterRun.temporaryDirectory().appendingPathComponent("noise.csv").path
    _ = FileManager.default.createFile(
      atPath: path, contents: Data((lines.joined(separator: "\n") + "\n").utf8))
    return path
  }()

  /// Numbers of a `--flag value` pair, for the "Try next" check.
  static func flagPairs(_ text: String) -> Set<String> {
    Set(text.matches(of: #/--[a-z-]+ [^\s,:]+/#).map { String($0.output) })
  }

  @Test(
    "any flags: the named best has the lowest test RMSE, verdicts follow the printed numbers",
    arguments: sweep)
  func flagSweep(flags: [String]) async throws {
    let arguments = ["--quick", "--no-charts"] + flags.map { $0 == "NOISE" ? Self.noiseFile : $0 }
    let onCatalogue = !flags.contains("--ratings")
    let run = try await ChapterRun.shared(Self.command, arguments)
    #expect(run.status == 0)
    #expect(run.standardError.isEmpty)
    let output = run.standardOutput
    let flat = output.replacingOccurrences(of: "\n", with: " ")

    // No NaN or infinity printed.
    #expect(output.firstMatch(of: #/(?i)\b(nan|inf|infinity)\b/#) == nil)

    // With --workers, a grid they share out evenly, and the setup and the speed table say so.
    if let index = flags.firstIndex(of: "--workers") {
      let workers = Int(flags[index + 1])!
      let grid = try #require(flat.firstMatch(of: #/cut into a (\d+) × (\d+) grid/#))
      #expect(grid.1 == grid.2 && Int(grid.1)! % workers == 0, "\(arguments)")
      #expect(flat.contains("same as one thread would train it on this grid"), "\(arguments)")
      let mentions = flat.components(separatedBy: "trained by \(workers) threads at once").count - 1
      #expect(mentions == (onCatalogue ? 1 : 2), "\(arguments)")
    }

    // The model named best has the lowest test RMSE in the printed table.
    let table = OutputSections.section("Every model on ratings it has not seen", of: output)
    var testRMSE: [String: Double] = [:]
    var trainRMSE: [String: Double] = [:]
    for line in table.split(separator: "\n") {
      if let row = line.firstMatch(
        of: #/^(\S.*?)\s+(\d+\.\d+)\s+(\d+\.\d+)\s+(\d+\.\d+)\s+(\d+\.\d+)$/#)
      {
        testRMSE[String(row.1)] = Double(row.5)!
        trainRMSE[String(row.1)] = Double(row.3)!
      }
    }
    #expect(testRMSE.count == 5, "\(arguments): \(testRMSE)")
    let lowest = testRMSE.values.min()!
    let verdict = table.replacingOccurrences(of: "\n", with: " ")
    if let named = verdict.firstMatch(
      of:
        #/(Global mean|Bias-only|Basic MF|MF with biases and λ|MF with biases) guesses the hidden ratings best \(test RMSE (\d\.\d+)/#
    ) {
      #expect(testRMSE[String(named.1)] == lowest, "\(arguments): \(named.1) named best")
      #expect(Double(named.2) == lowest)
    }
    // A model named the closest fit fits closer than every other, as printed; ties are ties.
    if let fit = verdict.firstMatch(
      of:
        #/(it|Global mean|Bias-only|Basic MF|MF with biases and λ|MF with biases) also fits its training ratings closest/#
    ) {
      let name =
        fit.1 == "it"
        ? testRMSE.first { $0.value == lowest }!.key : String(fit.1)
      let others = trainRMSE.filter { $0.key != name }.values
      #expect(others.allSatisfy { $0 > trainRMSE[name]! }, "\(arguments): \(name) fits closest")
    }

    // Predictions outside the 1–5 scale come with a warning.
    let slice = OutputSections.section("R ≈ P × Qᵀ, up close", of: output)
    let predictionTable =
      (slice.components(separatedBy: "User / Movie").last ?? "").components(separatedBy: "\n\n")
      .first ?? ""
    let outside = predictionTable.matches(of: #/(-?\d+\.\d\d)/#).contains {
      !(1.0...5.0).contains(Double($0.output.1)!)
    }
    if outside { #expect(slice.contains("outside the 1–5 scale"), "\(arguments)") }

    // "better than chance" and "never told a single genre" only when the numbers say so.
    guard onCatalogue else {
      #expect(!tryNextText(output).contains("--ratings"))
      return checkTryNext(output, arguments: arguments)
    }
    let picks = try #require(
      flat.firstMatch(
        of:
          #/(\d+\.\d)% of the top-\d+ picks fall in the viewer's hidden favourite genre, where picking unrated titles at random would give (\d+\.\d)%: (better than chance)?/#
      ))
    if picks.3 != nil { #expect(Double(picks.1)! > Double(picks.2)!, "\(arguments)") }
    let same = try #require(
      flat.firstMatch(
        of:
          #/(\d+\.\d)% of the titles found most similar to a title share its genre, against (\d+\.\d)% by chance: (the model was never told a single genre)?/#
      ))
    if same.3 != nil { #expect(Double(same.1)! > Double(same.2)!, "\(arguments)") }

    checkTryNext(output, arguments: arguments)
  }

  func tryNextText(_ output: String) -> String {
    OutputSections.section("Try next", of: output + "\n\n\n")
  }

  /// No "Try next" suggestion repeats the run's own flags.
  func checkTryNext(_ output: String, arguments: [String]) {
    let own = Self.flagPairs(arguments.joined(separator: " "))
    for suggestion in tryNextText(output).components(separatedBy: "• ").dropFirst() {
      let pairs = Self.flagPairs(suggestion.replacingOccurrences(of: "\n  ", with: " "))
      #expect(pairs.isDisjoint(with: own), "\(arguments): suggests \(suggestion)")
    }
  }

  // MARK: Real data

  /// A MovieLens 100k-format u.data and u.item written from a synthetic catalogue: enough
  /// ratings (more than 50,000 to train on) for the per-epoch progress lines.
  static func writeMovieLensFiles() throws -> (directory: URL, data: RatingsDataset) {
    let catalogue = SyntheticCatalogue(
      recipe: .init(users: 300, items: 400, hiddenFactors: 3, density: 0.55), seed: 3)
    let directory = ChapterRun.temporaryDirectory()
    try RatingsWriter.movieLens100kText(catalogue.dataset).write(
      to: directory.appendingPathComponent("u.data"), atomically: true, encoding: .utf8)
    try RatingsWriter.movieLens100kItemData(catalogue.dataset).write(
      to: directory.appendingPathComponent("u.item"))
    return (directory, catalogue.dataset)
  }

  @Test("--ratings on a generated u.data: loads it, reports every epoch and the speed, recommends")
  func movieLensFile() throws {
    let (directory, data) = try Self.writeMovieLensFiles()
    let run = try ChapterRun.fresh(
      Self.command,
      [
        "--ratings", directory.appendingPathComponent("u.data").path,
        "--titles", directory.appendingPathComponent("u.item").path,
        "--factors", "3", "--epochs", "2", "--quick",
      ])
    #expect(run.status == 0, "stderr: \(run.standardError)")
    #expect(run.standardError.isEmpty)
    let output = run.standardOutput
    #expect(output.contains("ratings by 300 users of 400 movies (MovieLens 100k u.data"))
    #expect(output.contains("400 of 400 rated movies have a title"))
    let progress = output.split(separator: "\n").filter { $0.contains(", epoch ") }
    #expect(progress.count == 4 * 2)
    #expect(progress.first?.hasPrefix("Bias-only, epoch 1/2: train RMSE ") == true)
    #expect(output.contains("Updates/s"))
    // Over 10,000 training ratings and two epochs: each next shuffle is made on a second core
    // where there is one, and the paragraph says which.
    let shufflesAhead = ProcessInfo.processInfo.activeProcessorCount > 1
    let paragraph = output.replacingOccurrences(of: "\n", with: " ")
    #expect(paragraph.contains("while a second shuffles a copy of the ratings") == shufflesAhead)
    #expect(paragraph.contains("precision, one core; the shuffle timed apart") == !shufflesAhead)
    #expect(run.chartFiles.count == 4)

    // Every title recommended to a viewer is one that viewer has not rated.
    for viewer in 0..<3 {
      let rated = Set(data.ratings.filter { $0.user == viewer }.map { "Movie \($0.item + 1)" })
      let heading = "Recommendations for User \(viewer + 1):\n"
      let block = try #require(output.range(of: heading))
      let bullets = output[block.upperBound...].split(separator: "\n").prefix { $0.hasPrefix("• ") }
      #expect(!bullets.isEmpty)
      for bullet in bullets {
        let title = String(bullet.dropFirst(2).prefix { $0 != ":" })
        #expect(
          !rated.contains(title), "User \(viewer + 1) was recommended \(title), rated already")
      }
    }
  }

  @Test("file mode: bias extremes, weak neighbours warned, shared picks noted, Try next fits files")
  func fileModeReadings() async throws {
    // Nothing to learn beyond the biases, so neighbours are weakly similar.
    let path = Self.noiseFile
    let run = try ChapterRun.fresh(
      Self.command,
      ["--ratings", path, "--factors", "10", "--epochs", "5", "--quick", "--no-charts"])
    #expect(run.status == 0)
    #expect(run.standardError.isEmpty)
    let text = run.standardOutput.replacingOccurrences(of: "\n", with: " ")
    #expect(text.contains("Validation RMSE"))
    #expect(text.contains("Among the titles that may be suggested, the highest: Movie"))
    #expect(text.contains(". The lowest: Movie"))
    #expect(text.contains("Warning: these neighbours are only weakly similar"))
    #expect(text.contains("Across all 60 viewers with a title left to suggest, the top-3 lists"))
    let tryNext = OutputSections.section("Try next", of: run.standardOutput + "\n\n\n")
    #expect(!tryNext.contains("--ratings"))
    #expect(!tryNext.contains("catalogue"))
    #expect(tryNext.contains("--seed 7: another split of the same file"))
    #expect(!tryNext.contains("--factors 10 "))
  }

  @Test(
    "a bad --ratings file: one line naming the file and line, exit 65, no charts written",
    arguments: [
      ("1\t2\t5\t0\n1\t3\t4\t0\n2\t1\n", "u.data:3: expected 4 tab-separated fields"),
      ("1\t2\t5\t0\n1\t3\t7\t0\n", "u.data:2: rating 7 is outside the scale 1–5"),
      ("1\t2\tnan\t0\n", "u.data:1: rating \"nan\" is not a finite number"),
      ("", "u.data: file is empty"),
    ])
  func badRatings(contents: String, message: String) throws {
    let directory = ChapterRun.temporaryDirectory()
    let path = directory.appendingPathComponent("u.data").path
    _ = FileManager.default.createFile(atPath: path, contents: Data(contents.utf8))
    let run = try ChapterRun.fresh(Self.command, ["--ratings", path])
    #expect(run.status == 65)
    let lines = run.standardError.split(separator: "\n")
    #expect(lines.count == 1)
    #expect(lines.first?.contains(message) == true, "stderr: \(run.standardError)")
    #expect(run.standardOutput.isEmpty)
    #expect(!FileManager.default.fileExists(atPath: run.assetsDirectory.path))
  }

  @Test("a missing --ratings file or a titles file that matches nothing: exit 65, nothing written")
  func missingAndMismatched() throws {
    let missing = try ChapterRun.fresh(Self.command, ["--ratings", "no-such-file.data"])
    #expect(missing.status == 65)
    #expect(missing.standardError.contains("no-such-file.data: no such file"))
    #expect(!FileManager.default.fileExists(atPath: missing.assetsDirectory.path))

    let directory = ChapterRun.temporaryDirectory()
    let ratings = directory.appendingPathComponent("u.data").path
    let titles = directory.appendingPathComponent("u.item").path
    _ = FileManager.default.createFile(atPath: ratings, contents: Data("1\t2\t5\t0\n".utf8))
    _ = FileManager.default.createFile(atPath: titles, contents: Data("9|Other|||\n".utf8))
    let mismatched = try ChapterRun.fresh(Self.command, ["--ratings", ratings, "--titles", titles])
    #expect(mismatched.status == 65)
    #expect(mismatched.standardError.contains("u.item: its only title does not match"))
    #expect(!FileManager.default.fileExists(atPath: mismatched.assetsDirectory.path))
  }

  @Test("too few ratings to hold any out: exit 65 naming the count")
  func tooFewRatings() throws {
    let directory = ChapterRun.temporaryDirectory()
    let path = directory.appendingPathComponent("tiny.csv").path
    _ = FileManager.default.createFile(atPath: path, contents: Data("1,2,5\n".utf8))
    let run = try ChapterRun.fresh(Self.command, ["--ratings", path])
    #expect(run.status == 65)
    #expect(run.standardError.contains("has only 1 rating, too few"))
  }

  @Test("--workers without --order blocked is a usage error, exit 64, nothing printed")
  func workersWithoutBlocks() async throws {
    let run = try await ChapterRun.shared(Self.command, ["--workers", "2"])
    #expect(run.status == 64)
    #expect(
      run.standardError.hasPrefix(
        "\(Self.command): error: --workers 2 needs --order blocked: numpy's shuffled order"))
    #expect(run.standardOutput.isEmpty && run.chartFiles.isEmpty)
  }

  @Test("--titles or --format without --ratings is a usage error, exit 64")
  func titlesWithoutRatings() async throws {
    for arguments in [["--titles", "u.item"], ["--format", "csv"]] {
      let run = try await ChapterRun.shared(Self.command, arguments)
      #expect(run.status == 64)
      #expect(run.standardError.hasPrefix("\(Self.command): error: --titles and --format"))
    }
  }

  @Test("the charts: every model in the comparison, R, P, Qᵀ and the predictions in the panel")
  func charts() async throws {
    let run = try await ChapterRun.shared(Self.command, ["--quick"])
    let comparison = SVGCheck(run.chart("model_comparison.svg") ?? Data()).allText
    for name in [
      "Global mean", "Bias-only", "Basic MF", "MF with biases and λ", "Held-out ratings",
    ] {
      #expect(comparison.contains(name))
    }
    let panel = SVGCheck(run.chart("matrix_factorization_visualization.svg") ?? Data()).allText
    for caption in ["R, known ratings", "P, viewers", "Qᵀ, titles", "Predicted ratings", "Eve"] {
      #expect(panel.contains(caption))
    }
    let curves = SVGCheck(run.chart("learning_curve.svg") ?? Data()).allText
    #expect(curves.contains("Test RMSE (stars)"))
  }
}
