import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// What an SVG file holds, read with Foundation's XMLParser: proof that it is well-formed XML,
/// plus its text, for checking titles, legends and labels.
struct SVGCheck {
  let isWellFormed: Bool
  let rootElement: String?
  let texts: [String]

  init(_ data: Data) {
    let collector = Collector()
    let parser = XMLParser(data: data)
    parser.delegate = collector
    isWellFormed = parser.parse()
    rootElement = collector.root
    texts = collector.texts
  }

  /// All text content joined, for `contains` checks.
  var allText: String { texts.joined(separator: " ") }

  private final class Collector: NSObject, XMLParserDelegate {
    var root: String?
    var texts: [String] = []
    private var current = ""

    func parser(
      _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
      qualifiedName: String?, attributes: [String: String] = [:]
    ) {
      if root == nil { root = elementName }
      current = ""
    }
    func parser(_ parser: XMLParser, foundCharacters string: String) { current += string }
    func parser(
      _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
      qualifiedName: String?
    ) {
      let text = current.trimmingCharacters(in: .whitespacesAndNewlines)
      if !text.isEmpty { texts.append(text) }
      current = ""
    }
  }
}
