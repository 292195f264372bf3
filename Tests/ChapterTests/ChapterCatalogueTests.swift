import Foundation
import Testing

@Suite("Every chapter runs as a reader runs it")
struct ChapterCatalogueTests {
  static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  @Test("every folder in Chapters/ has a row in the catalogue, and every row a folder")
  func catalogueIsComplete() throws {
    let folders = try FileManager.default.contentsOfDirectory(
      atPath: Self.packageRoot.appendingPathComponent("Chapters").path
    ).filter { !$0.hasPrefix(".") }.sorted()
    #expect(folders == ChapterCatalogue.entries.map(\.command).sorted())
  }

  @Test(
    "default run: exit 0, key lines, its charts written as well-formed SVG, output as stored",
    arguments: ChapterCatalogue.entries)
  func defaultRun(entry: ChapterEntry) async throws {
    let run = try await ChapterRun.shared(entry.command, entry.arguments)
    #expect(run.status == 0, "stderr: \(run.standardError)")
    #expect(run.standardError.isEmpty)
    for line in entry.keyLines {
      #expect(run.standardOutput.components(separatedBy: "\n").contains(line), "missing: \(line)")
    }
    #expect(run.chartFiles == entry.charts.sorted())
    for chart in entry.charts {
      let svg = SVGCheck(run.chart(chart) ?? Data())
      // chapter-visualizer's page is HTML written as well-formed XML, checked the same way.
      let root = chart.hasSuffix(".html") ? "html" : "svg"
      #expect(svg.isWellFormed && svg.rootElement == root, "\(chart) is not a well-formed \(root)")
    }
    if entry.isDeterministic {
      Snapshot.expectMatches(run.standardOutput, named: entry.command)
    }
  }

  @Test(
    "a second run gives the same bytes: text and every chart",
    arguments: ChapterCatalogue.entries.filter(\.isDeterministic))
  func deterministic(entry: ChapterEntry) async throws {
    let first = try await ChapterRun.shared(entry.command, entry.arguments)
    // The run the other tests share, and a process of this test's own.
    let second = try ChapterRun.fresh(entry.command, entry.arguments)
    #expect(first.standardOutput == second.standardOutput)
    for chart in entry.charts {
      #expect(first.chart(chart) == second.chart(chart), "\(chart) differs between runs")
    }
  }

  @Test(
    "--help exits 0 and names the blog section and every common flag",
    arguments: ChapterCatalogue.entries)
  func help(entry: ChapterEntry) async throws {
    let run = try await ChapterRun.shared(entry.command, ["--help"])
    #expect(run.status == 0)
    for flag in ["--seed", "--assets", "--no-charts", "Blog section"] {
      #expect(run.standardOutput.contains(flag), "help lacks \(flag)")
    }
    #expect(run.chartFiles.isEmpty)
  }

  @Test(
    "an unknown flag: one error line naming it, a pointer to --help, exit 64, nothing written",
    arguments: ChapterCatalogue.entries)
  func unknownFlag(entry: ChapterEntry) throws {
    let run = try ChapterRun.fresh(entry.command, ["--bogus"])
    #expect(run.status == 64)
    let firstLine = run.standardError.components(separatedBy: "\n").first ?? ""
    #expect(firstLine.hasPrefix("\(entry.command): error:") && firstLine.contains("--bogus"))
    let lines = run.standardError.split(separator: "\n")
    #expect(lines.count == 2)
    #expect(
      lines.last == "Run \(entry.command) --help for every flag, what it accepts and its default.")
    #expect(run.standardOutput.isEmpty)
    #expect(!FileManager.default.fileExists(atPath: run.assetsDirectory.path))
  }

  @Test(
    "an assets folder that cannot be created: one line, exit 73, no story printed",
    arguments: ChapterCatalogue.entries)
  func unwritableAssets(entry: ChapterEntry) throws {
    let blocker = ChapterRun.temporaryDirectory().appendingPathComponent("a-file")
    _ = FileManager.default.createFile(atPath: blocker.path, contents: Data("x".utf8))
    let target = blocker.appendingPathComponent("assets")
    let run = try ChapterRun.fresh(entry.command, entry.arguments + ["--assets", target.path])
    #expect(run.status == 73)
    #expect(run.standardError.components(separatedBy: "\n").filter { !$0.isEmpty }.count == 1)
    #expect(run.standardError.contains(target.path))
    #expect(run.standardOutput.isEmpty)
  }

  @Test("--no-charts writes nothing", arguments: ChapterCatalogue.entries)
  func noCharts(entry: ChapterEntry) async throws {
    let run = try await ChapterRun.shared(entry.command, entry.arguments + ["--no-charts"])
    #expect(run.status == 0)
    #expect(run.chartFiles.isEmpty)
  }
}
