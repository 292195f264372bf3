import Foundation
import Testing

@Suite("chapter-at-scale")
struct AtScaleChapterTests {
  static let command = "chapter-at-scale"

  /// The speed section and the cost model print timings (and Hogwild!'s racing RMSE), which
  /// differ from run to run: from each heading to the next, the text is replaced by one
  /// placeholder line; everything else must match byte for byte.
  static func maskingTimings(_ text: String) -> String {
    let speed = OutputSections.masking(
      text, from: "Speed on this machine\n", to: "\n\n\n",
      placeholder: "<speed on this machine, not compared>")
    return OutputSections.masking(
      speed, from: "What many machines add\n", to: "\n\n\n",
      placeholder: "<cost model from measured rates, not compared>")
  }

  @Test("the default run tells the story as stored, timings masked; --no-charts prints the same")
  func snapshot() async throws {
    let run = try await ChapterRun.shared(Self.command)
    #expect(run.status == 0)
    Snapshot.expectMatches(Self.maskingTimings(run.standardOutput), named: Self.command)
    // The catalogue's two --quick runs, with and without charts: the same text outside the
    // timings.
    let first = try await ChapterRun.shared(Self.command, ["--quick"])
    let second = try await ChapterRun.shared(Self.command, ["--quick", "--no-charts"])
    // Everything before the charts' list, which names the files or says none were written.
    let story = { (text: String) in
      Self.maskingTimings(text).components(separatedBy: "\nCharts")[0]
        .trimmingCharacters(in: .whitespacesAndNewlines)
    }
    #expect(story(first.standardOutput) == story(second.standardOutput))
    let speedup = SVGCheck(run.chart("at-scale-speedup.svg") ?? Data()).allText
    #expect(speedup.contains("differs from run to run"))
  }

  /// The default; FlagLimitTests' minimum and maximum runs (shared); one worker and three nodes
  /// with ALS alone, as "Try next" suggests.
  static let sweep: [[String]] = [
    [],
    [
      "--scale", "0.0001", "--workers", "1", "--blocks", "1", "--factors", "1", "--epochs", "1",
      "--nodes", "2", "--seed", "0",
    ],
    [
      "--scale", "1", "--workers", "32", "--blocks", "1024", "--factors", "100", "--epochs", "1",
      "--nodes", "1000", "--method", "dsgd", "--quick", "--seed", "4294967295",
    ],
    ["--quick", "--no-charts", "--nodes", "3", "--method", "als", "--workers", "1"],
  ]

  static func numbers(_ line: String) -> [Double] {
    line.matches(of: #/\d+\.\d+/#).map { Double($0.output)! }
  }

  @Test("any flags: verdicts follow the printed numbers", arguments: sweep)
  func flagSweep(flags: [String]) async throws {
    let run = try await ChapterRun.shared(Self.command, flags)
    #expect(run.status == 0, "\(run.standardError)")
    let text = run.standardOutput
    #expect(!text.contains("nan") && !text.contains("inf "))
    let prose = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    // "a difference of X stars, too small to matter" only when X < 0.005.
    for match in prose.matches(of: #/difference of (\d\.\d+) stars, too small/#) {
      #expect(Double(match.output.1)! < 0.005)
    }
    // The sharding table: the ring with virtual nodes moves no more than modulo hashing when it
    // says modulo moved more, and the busiest node is at least the mean.
    let lines = text.components(separatedBy: "\n")
    let modulo = lines.first { $0.hasPrefix("Modulo N ") }.map(Self.numbers) ?? []
    let ring = lines.first { $0.hasPrefix("Ring, 100 points ") }.map(Self.numbers) ?? []
    #expect(modulo.count == 4 && ring.count == 4)
    if prose.contains("modulo hashing moved") && prose.contains("× as many") {
      #expect(modulo[0] > ring[0])
    }
    #expect(modulo.last! >= 1 && ring.last! >= 1)
    // Every epoch row has one RMSE per method trained, each below 5 stars.
    if let header = lines.firstIndex(where: { $0.hasPrefix("Epoch ") }) {
      let row = Self.numbers(lines[header + 2])
      #expect(!row.isEmpty && row.allSatisfy { $0 > 0 && $0 < 5 })
    }
    if prose.contains("Every method ended below the untrained model's") {
      let baseline = prose.firstMatch(of: #/everyone: RMSE (\d\.\d+)/#).map { Double($0.output.1)! }
      let last = lines.last { $0.firstMatch(of: #/^\s+\d+\s+\d\.\d{4}/#) != nil }.map(Self.numbers)
      #expect(baseline != nil && last?.allSatisfy { $0 < baseline! } == true)
    }
    // DSGD's dealing: runs of 64 where each of the p strata gets eight of them, else 8, else
    // one by one, for the viewers and titles of the shape table; "too few" said when a side
    // has no runs.
    let scaled = lines.first { $0.hasPrefix("Scale ") }.map {
      $0.split(separator: " ").dropFirst(2).prefix(2).map { Int($0.replacing(",", with: ""))! }
    }
    if let grid = prose.firstMatch(
      of: #/DSGD: the ratings cut into (\d+) × \d+ blocks, (.+?)\. Each/#),
      let counts = scaled
    {
      let p = Int(grid.output.1)!
      let dealing = String(grid.output.2)
      func run(_ count: Int) -> Int { [64, 8].first { count >= 8 * $0 * p } ?? 1 }
      func said(_ run: Int) -> String {
        run == 1 ? "one by one" : "in runs of \(run) neighbouring ids"
      }
      let (viewers, titles) = (run(counts[0]), run(counts[1]))
      #expect(
        viewers == titles
          ? dealing.contains(
            "viewers and titles dealt to the \(p) strata of each side \(said(viewers))")
          : dealing.contains(
            "row strata \(said(viewers)) and titles to the \(p) column strata \(said(titles))"),
        "\(counts) on \(p) strata: \(dealing)")
      #expect(dealing.contains("too few") == (min(viewers, titles) == 1), "\(dealing)")
    }
    #expect(prose.contains("Next: chapter-ab-testing"))
  }

  @Test("--quick caps the scale and says so; a bad --method is refused with exit 64")
  func quickAndBadMethod() async throws {
    let run = try await ChapterRun.shared(
      Self.command,
      [
        "--scale", "1", "--workers", "32", "--blocks", "1024", "--factors", "100", "--epochs", "1",
        "--nodes", "1000", "--method", "dsgd", "--quick", "--seed", "4294967295",
      ])
    #expect(run.standardOutput.contains("--quick generates at scale 0.0002 instead of the 1.0"))
    let bad = try await ChapterRun.shared(Self.command, ["--method", "spark"])
    #expect(bad.status == 64)
    #expect(bad.standardError.hasPrefix("chapter-at-scale: error: --method"))
    #expect(bad.standardOutput.isEmpty)
  }
}
