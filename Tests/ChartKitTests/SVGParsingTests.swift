import Foundation
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// One element of a parsed SVG document, with what the chart tests ask about.
struct ParsedElement {
  let name: String
  let attributes: [String: String]
  /// All character data inside, nested `<tspan>` lines joined by a space.
  var text: String
  /// The `class` of every enclosing `<g>`, outermost first.
  let groupClasses: [String]

  func number(_ attribute: String) -> Double? {
    attributes[attribute].flatMap(Double.init)
  }

  func isInside(_ groupClass: String) -> Bool { groupClasses.contains(groupClass) }
}

/// An SVG document parsed with (Foundation)XMLParser: proof that it is well-formed XML, and a
/// flat list of its elements in document order.
struct ParsedSVG {
  let elements: [ParsedElement]

  struct ParseError: Error, CustomStringConvertible {
    let description: String
  }

  init(_ svg: String) throws {
    let parser = XMLParser(data: Data(svg.utf8))
    let collector = ElementCollector()
    parser.delegate = collector
    guard parser.parse() else {
      throw ParseError(
        description: "not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "unknown")")
    }
    elements = collector.elements
  }

  var root: ParsedElement? { elements.first }

  func elements(named name: String) -> [ParsedElement] {
    elements.filter { $0.name == name }
  }

  /// Text of every `<text>` element, in document order.
  var texts: [String] { elements(named: "text").map(\.text) }

  /// Text of the `<text>` elements inside `<g class="groupClass">`.
  func texts(inGroup groupClass: String) -> [String] {
    elements(named: "text").filter { $0.isInside(groupClass) }.map(\.text)
  }

  /// The first `<title>`'s text.
  var title: String? { elements(named: "title").first?.text }
  /// The first `<desc>`'s text.
  var description: String? { elements(named: "desc").first?.text }
}

/// Collects elements as XMLParser reports them.
private final class ElementCollector: NSObject, XMLParserDelegate {
  var elements: [ParsedElement] = []
  /// Indices (into `elements`) of the elements currently open.
  private var openElements: [Int] = []
  private var groupClasses: [String] = []

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
    qualifiedName: String?, attributes: [String: String] = [:]
  ) {
    if elementName == "tspan" {
      for index in openElements where !elements[index].text.isEmpty {
        elements[index].text += " "
      }
    }
    elements.append(
      ParsedElement(
        name: elementName, attributes: attributes, text: "", groupClasses: groupClasses))
    openElements.append(elements.count - 1)
    if elementName == "g" { groupClasses.append(attributes["class"] ?? "") }
  }

  func parser(
    _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
    qualifiedName: String?
  ) {
    openElements.removeLast()
    if elementName == "g" { groupClasses.removeLast() }
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    for index in openElements { elements[index].text += string }
  }
}

@Suite("SVG parsing test helper")
struct SVGParsingTests {
  @Test("collects element names, attributes, group classes and text")
  func collects() throws {
    let document = try ParsedSVG(
      "<svg a=\"1\"><g class=\"legend\"><text x=\"2\">A &amp; B</text></g></svg>")
    #expect(document.elements.map(\.name) == ["svg", "g", "text"])
    #expect(document.root?.attributes["a"] == "1")
    #expect(document.texts(inGroup: "legend") == ["A & B"])
    #expect(document.elements(named: "text").first?.number("x") == 2)
  }

  @Test("joins the lines of a multi-line text with a space")
  func joinsLines() throws {
    let document = try ParsedSVG("<text><tspan>Romantic</tspan><tspan>Comedy</tspan></text>")
    #expect(document.texts == ["Romantic Comedy"])
  }

  @Test("rejects a document that is not well-formed")
  func rejectsMalformed() {
    #expect(throws: ParsedSVG.ParseError.self) { try ParsedSVG("<svg><text>a < b</text></svg>") }
  }
}
