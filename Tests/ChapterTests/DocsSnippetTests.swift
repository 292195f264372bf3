import Foundation
import Testing

/// Code quoted in the docs pages is the code that runs: every quoted region is compared, line
/// for line, with the region of the source file it names.
///
/// In a source file, a region is marked by two comment lines:
///
///     // snippet: sgd-step
///     …the lines to quote…
///     // end snippet
///
/// In a docs page, the quote is an HTML comment naming the file and region, right before a
/// fenced Swift block holding the region's lines, less their common indentation:
///
///     <!-- snippet: Sources/Recommender/Training/SGDStep.swift#sgd-step -->
///     ```swift
///     …the same lines…
///     ```
@Suite("docs pages quote the code as it is")
struct DocsSnippetTests {
  struct Quote: Sendable, CustomTestStringConvertible {
    let page: String
    let file: String
    let region: String
    let lines: [String]
    var testDescription: String { "\(page) quotes \(file)#\(region)" }
  }

  static let root = ChapterCatalogueTests.packageRoot

  /// Every quote in docs/*.md.
  static var quotes: [Quote] {
    let docs = root.appendingPathComponent("docs")
    let pages =
      ((try? FileManager.default.contentsOfDirectory(atPath: docs.path)) ?? [])
      .filter { $0.hasSuffix(".md") }.sorted()
    return pages.flatMap { page in
      quotes(
        in: (try? String(contentsOf: docs.appendingPathComponent(page), encoding: .utf8)) ?? "",
        page: page)
    }
  }

  static func quotes(in text: String, page: String) -> [Quote] {
    let lines = text.components(separatedBy: "\n")
    var found: [Quote] = []
    for (index, line) in lines.enumerated() {
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      guard trimmed.hasPrefix("<!-- snippet: "), trimmed.hasSuffix(" -->") else { continue }
      let reference = trimmed.dropFirst("<!-- snippet: ".count).dropLast(" -->".count)
      let parts = reference.split(separator: "#", maxSplits: 1).map(String.init)
      guard parts.count == 2, index + 1 < lines.count, lines[index + 1] == "```swift" else {
        found.append(Quote(page: page, file: String(reference), region: "?", lines: []))
        continue
      }
      let body = lines[(index + 2)...].prefix { $0 != "```" }
      found.append(Quote(page: page, file: parts[0], region: parts[1], lines: Array(body)))
    }
    return found
  }

  /// The lines between `// snippet: NAME` and `// end snippet`, less their common indentation;
  /// nil when the file or the region is missing.
  static func region(_ name: String, in file: String) -> [String]? {
    guard
      let text = try? String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
    else { return nil }
    let lines = text.components(separatedBy: "\n")
    guard
      let start = lines.firstIndex(where: {
        $0.trimmingCharacters(in: .whitespaces) == "// snippet: \(name)"
      }),
      let end = lines[(start + 1)...].firstIndex(where: {
        $0.trimmingCharacters(in: .whitespaces) == "// end snippet"
      })
    else { return nil }
    let body = Array(lines[(start + 1)..<end])
    let indent =
      body.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
      .map { $0.prefix { $0 == " " }.count }.min() ?? 0
    return body.map { $0.count >= indent ? String($0.dropFirst(indent)) : "" }
  }

  @Test("each quote is its source region, line for line", arguments: quotes)
  func quoteMatchesSource(quote: Quote) throws {
    let missing =
      "\(quote.page): no region \"\(quote.region)\" in \(quote.file) (mark it with "
      + "// snippet: \(quote.region) … // end snippet)"
    let source = try #require(Self.region(quote.region, in: quote.file), Comment(rawValue: missing))
    #expect(
      quote.lines == source,
      "\(quote.page) quotes \(quote.file)#\(quote.region) differently; copy the region again")
  }

  @Test("a page's quote markers are well-formed and a region is found by its markers")
  func markers() {
    let page = "<!-- snippet: a.swift#step -->\n```swift\nlet x = 1\n```\n"
    let quotes = Self.quotes(in: page, page: "p.md")
    #expect(quotes.count == 1)
    #expect(quotes.first?.region == "step")
    #expect(quotes.first?.lines == ["let x = 1"])
  }
}
