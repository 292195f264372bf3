import Foundation
import Testing

/// The figures committed in docs/assets are the ones the chapters draw today: changing a chart's
/// code without regenerating them fails here, naming the command that fixes it. With
/// `RECORD_SNAPSHOTS=1` the figures that differ are written into docs/assets instead, and the
/// run fails naming each (see `Recording`).
@Suite("docs/assets holds the figures the chapters draw today")
struct DocsFiguresTests {
  static let assetsDirectory = ChapterCatalogueTests.packageRoot
    .appendingPathComponent("docs").appendingPathComponent("assets")

  /// The committed bytes of `docs/assets/NAME`, or nil when it is missing.
  static func committedFigure(_ name: String) -> Data? {
    Recording.stored("docs/assets/\(name)")
  }

  /// What to run to bring one chapter's figures up to date.
  static func fix(_ entry: ChapterEntry) -> String {
    "run docs/regenerate-figures.sh \(entry.command) and commit docs/assets"
  }

  /// The other way to bring the figures that are not timings up to date.
  static let orRecord =
    "(or re-record with \(Recording.variable)=1 swift test --filter DocsFigures)"

  @Test(
    "a chapter's default run draws every committed figure that is not a timing, byte for byte",
    arguments: ChapterCatalogue.entries.filter { !$0.deterministicCharts.isEmpty })
  func deterministicFiguresAreCurrent(entry: ChapterEntry) async throws {
    // Default flags, as the regeneration script runs it (not the catalogue's test arguments).
    let run = try await ChapterRun.shared(entry.command)
    try #require(run.status == 0, "\(entry.command) failed: \(run.standardError)")
    try #require(!run.chartFiles.isEmpty, "\(entry.command) wrote no figures")
    var current: [String] = []
    var written: [String] = []
    for name in run.chartFiles where !entry.timingCharts.contains(name) {
      let path = "docs/assets/\(name)"
      let drawn = try #require(run.chart(name))
      let committed = Self.committedFigure(name)
      if committed == drawn {
        current.append(path)
      } else if Recording.isOn {
        try Recording.record(drawn, at: path)
        written.append(path)
      } else if committed == nil {
        Issue.record("\(path) is missing; \(Self.fix(entry)) \(Self.orRecord)")
      } else {
        let problem = "\(path) differs from what \(entry.command) draws today"
        Issue.record("\(problem); \(Self.fix(entry)) \(Self.orRecord)")
      }
    }
    if Recording.isOn && written.isEmpty {
      Recording.recordNothingWritten(current)
    }
  }

  @Test(
    "a chapter's timing figures are committed and well-formed SVG",
    arguments: ChapterCatalogue.entries.filter { !$0.timingCharts.isEmpty })
  func timingFiguresArePresent(entry: ChapterEntry) throws {
    // Timings differ from run to run, so only their presence and shape can be checked.
    for name in entry.timingCharts {
      guard let committed = Self.committedFigure(name) else {
        Issue.record("docs/assets/\(name) is missing; \(Self.fix(entry))")
        continue
      }
      let svg = SVGCheck(committed)
      #expect(
        svg.isWellFormed && svg.rootElement == "svg",
        "docs/assets/\(name) is not a well-formed SVG; \(Self.fix(entry))")
    }
  }

  @Test("every file in docs/assets is a figure some chapter draws")
  func noStaleFigures() throws {
    let drawn = Set(ChapterCatalogue.entries.flatMap(\.charts))
    let committed = try FileManager.default.contentsOfDirectory(atPath: Self.assetsDirectory.path)
      .filter { !$0.hasPrefix(".") }.sorted()
    let stale = committed.filter { !drawn.contains($0) }
    let names = stale.joined(separator: ", ")
    #expect(
      stale.isEmpty,
      "no chapter draws \(names): delete it from docs/assets, or list it in its chapter's charts")
  }
}
