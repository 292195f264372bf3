import Foundation
import Testing

/// Timings differ from run to run, so these tests check the chapter's structure, never a time.
@Suite("chapter-hash-tables")
struct HashTablesChapterTests {
  static let structureNames = [
    "Array linear search", "Sorted array binary search", "Set", "Dictionary",
    "Set with constant hash",
  ]

  /// The lines of a run's standard output.
  private func lines(_ run: ChapterRun) -> [String] {
    run.standardOutput.components(separatedBy: "\n")
  }

  /// The output with every run of whitespace as one space, so wrapped prose can be searched.
  private func prose(_ run: ChapterRun) -> String {
    run.standardOutput.split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  /// Whether some table row starts (after padding) with `size`, then `structure`.
  private func hasRow(_ lines: [String], size: String, structure: String) -> Bool {
    lines.contains {
      let cells = $0.trimmingCharacters(in: .whitespaces)
      return cells.hasPrefix(size + "  ")
        && cells.dropFirst(size.count).trimmingCharacters(in: .whitespaces).hasPrefix(structure)
    }
  }

  @Test("--quick: exit 0, the scaling table's headers and a row per size and structure")
  func scalingTable() async throws {
    let run = try await ChapterRun.shared("chapter-hash-tables", ["--quick"])
    #expect(run.status == 0, "stderr: \(run.standardError)")
    let output = lines(run)
    let header = output.first { $0.contains("Structure") && $0.contains("Median ns") }
    #expect(header?.contains("Min–max ns") == true && header?.contains("Speedup") == true)
    for size in ["100", "1,000", "10,000"] {
      #expect(hasRow(output, size: size, structure: "Array linear search"), "no row for \(size)")
    }
    for name in Self.structureNames {
      #expect(run.standardOutput.contains(name), "missing: \(name)")
    }
  }

  @Test("--quick: the constant-hash table, the projection beside the README, the serving table")
  func laterSections() async throws {
    let run = try await ChapterRun.shared("chapter-hash-tables", ["--quick"])
    let output = lines(run)
    let collisionHeader = output.first { $0.contains("Set with constant hash") }
    #expect(collisionHeader?.contains("Slower by") == true)
    #expect(prose(run).contains("Every lookup still gave the right answer"))
    for label in [
      "Hash-table lookup", "Linear search, 15,000 titles", "Speedup, 15,000 titles",
      "Linear search, 230,000,000 profiles", "Speedup, 230,000,000 profiles",
    ] {
      #expect(output.contains { $0.hasPrefix(label) }, "projection lacks \(label)")
    }
    #expect(output.contains { $0.contains("Measured here (debug)") || $0.contains("(release)") })
    #expect(output.contains { $0.hasPrefix("profile lookup + score every title") })
    #expect(output.contains { $0.hasPrefix("profile lookup + cached list") })
    #expect(prose(run).contains("the cache returned exactly the titles scoring would"))
  }

  @Test("the charts are well-formed and name every structure in their legends")
  func charts() async throws {
    let run = try await ChapterRun.shared("chapter-hash-tables", ["--quick"])
    let performance = SVGCheck(run.chart("hash-table-performance.svg") ?? Data())
    #expect(performance.isWellFormed)
    for name in Self.structureNames {
      #expect(performance.texts.contains(name), "performance chart lacks \(name)")
    }
    let speedup = SVGCheck(run.chart("hash-table-speedup.svg") ?? Data())
    #expect(speedup.isWellFormed)
    for name in ["Array linear search (1×, the baseline)"] + Self.structureNames.dropFirst() {
      #expect(speedup.texts.contains(name), "speedup chart lacks \(name)")
    }
    #expect(prose(run).contains("the files differ from run to run"))
  }

  @Test("--max-size bounds the scaling run")
  func maxSize() async throws {
    let run = try await ChapterRun.shared(
      "chapter-hash-tables", ["--quick", "--max-size", "1000", "--no-charts"])
    #expect(run.status == 0)
    let output = lines(run)
    #expect(output.contains("Scaling: from 100 to 1,000 keys"))
    #expect(hasRow(output, size: "1,000", structure: "Array linear search"))
    #expect(!hasRow(output, size: "10,000", structure: "Array linear search"))
  }

  @Test("the sidebar's keys come from the seed")
  func seededKeys() async throws {
    let run = try await ChapterRun.shared(
      "chapter-hash-tables", ["--quick", "--seed", "7", "--no-charts"])
    let output = lines(run)
    #expect(output.contains("Searching for 585903 in a list of 1000000 items:"))
    #expect(output.contains("Looking up key 189636 in a dictionary of 1000000 items:"))
  }

  @Test(
    "out-of-range sizes are refused with exit 64",
    arguments: [["--max-size", "99"], ["--max-size", "10000001"], ["--max-size", "1e6"]])
  func badSizes(arguments: [String]) async throws {
    let run = try await ChapterRun.shared("chapter-hash-tables", arguments)
    #expect(run.status == 64)
    #expect(run.standardError.hasPrefix("chapter-hash-tables: error: --max-size"))
    #expect(run.standardOutput.isEmpty)
  }

  /// Quick runs a reader is invited to try: the default, "Try next"'s --seed 7, and a smaller
  /// --max-size (a larger one is capped at 10,000 keys by --quick, the default's run again).
  /// All three are shared with the tests above.
  static let sweepGrid: [[String]] = [
    ["--quick"],
    ["--quick", "--seed", "7", "--no-charts"],
    ["--quick", "--max-size", "1000", "--no-charts"],
  ]

  /// Invariants for any run: no NaN or infinity; the Set's growth is explained only when it grew,
  /// and blamed on the caches only when its keys outgrow a plausible cache; "faster" is said only
  /// of a ratio above 1; no "Try next" repeats a flag of this run.
  @Test("flag sweep: every verdict agrees with the printed numbers", arguments: sweepGrid)
  func flagSweep(arguments: [String]) async throws {
    let run = try await ChapterRun.shared("chapter-hash-tables", arguments)
    #expect(run.status == 0 && run.standardError.isEmpty, "stderr: \(run.standardError)")
    let text = prose(run)
    #expect(run.standardOutput.firstMatch(of: /(?i)\b(nan|inf|infinity)\b/) == nil)

    let growth = try #require(text.firstMatch(of: /the Set's ([\d.,]+)×/))
    let setGrowth = Double(growth.1.replacingOccurrences(of: ",", with: ""))!
    #expect(text.contains("The Set did not stay flat") == (setGrowth > 1.5))
    for match in text.matches(of: /its table \(([\d.]+) MB of keys alone\) is larger/) {
      #expect(Double(match.1)! > 32, "\(match.0)")
    }
    for match in text.matches(of: /Fetching was ([\d.,]+)× (faster|slower)/) {
      #expect(Double(match.1.replacingOccurrences(of: ",", with: ""))! >= 1.1)
    }

    for suggestion in lines(run).filter({ $0.hasPrefix("• --") }) {
      let words = suggestion.dropFirst(2).split(separator: " ")
      let flag = String(words[0])
      let value = String(words[1]).trimmingCharacters(in: CharacterSet(charactersIn: ":"))
      #expect(arguments.value(after: flag) != value, "Try next repeats \(flag) \(value)")
    }
    if arguments.contains("--quick") {
      #expect(
        !text.contains("• --max-size"), "--quick caps the sizes, so --max-size would not show")
    }
  }
}

fileprivate extension [String] {
  /// The argument after `flag`, if the flag is present.
  func value(after flag: String) -> String? {
    guard let index = firstIndex(of: flag), index + 1 < count else { return nil }
    return self[index + 1]
  }
}
