import Testing

@testable import Recommender

/// Reads every record of `text` as (line, field texts).
private func records(
  _ text: String, delimiter: UInt8 = ASCII.comma, dialect: CSVReader.Dialect = .rfc4180
) throws -> [(line: Int, fields: [String])] {
  try records(bytes: Array(text.utf8), delimiter: delimiter, dialect: dialect)
}

private func records(
  bytes: [UInt8], delimiter: UInt8 = ASCII.comma, dialect: CSVReader.Dialect = .rfc4180
) throws -> [(line: Int, fields: [String])] {
  try bytes.withUnsafeBytes { buffer in
    var reader = CSVReader(bytes: buffer, delimiter: delimiter, dialect: dialect, file: "t.csv")
    var fields: [CSVField] = []
    var result: [(line: Int, fields: [String])] = []
    while let line = try reader.nextRecord(into: &fields) {
      result.append(
        (line, fields.map { reader.withContent(of: $0) { String(decoding: $0, as: UTF8.self) } }))
    }
    return result
  }
}

/// The description of the error reading `text` throws, or nil.
private func readError(_ text: String) -> String? {
  do {
    _ = try records(text)
    return nil
  } catch let error as DataFileError {
    return error.description
  } catch {
    return "unexpected \(error)"
  }
}

@Suite("CSV reader")
struct CSVReaderTests {
  @Test("splits a record at each comma")
  func plainFields() throws {
    #expect(try records("1,2,3.5\n").map(\.fields) == [["1", "2", "3.5"]])
  }

  @Test("keeps commas inside a quoted field")
  func quotedComma() throws {
    let read = try records("11,\"American President, The (1995)\",Comedy\n")
    #expect(read.map(\.fields) == [["11", "American President, The (1995)", "Comedy"]])
  }

  @Test("turns doubled quotes inside quotes into one quote")
  func doubledQuotes() throws {
    let read = try records("1,\"Say \"\"Hi\"\", Bob\",x\n")
    #expect(read.map(\.fields) == [["1", "Say \"Hi\", Bob", "x"]])
  }

  @Test("does not leave the CR of a CRLF line end in the last field")
  func crlf() throws {
    let read = try records("a,b\r\n\"c\",\"d\"\r\ne,f\r\n")
    #expect(read.map(\.fields) == [["a", "b"], ["c", "d"], ["e", "f"]])
  }

  @Test("reads a last line that has no line break")
  func noTrailingNewline() throws {
    #expect(try records("a,b\nc,d").map(\.fields) == [["a", "b"], ["c", "d"]])
  }

  @Test("skips blank lines and numbers records by their physical line")
  func blankLines() throws {
    let read = try records("\n  \na,b\r\n\t\n\nc,d\n\n")
    #expect(read.map(\.line) == [3, 6])
    #expect(read.map(\.fields) == [["a", "b"], ["c", "d"]])
  }

  @Test("counts the line breaks inside a quoted field towards later line numbers")
  func multilineField() throws {
    let read = try records("1,\"two\nlines\"\n2,x\n")
    #expect(read.map(\.line) == [1, 3])
    #expect(read[0].fields == ["1", "two\nlines"])
  }

  @Test("reads an empty field after a trailing delimiter")
  func trailingEmptyField() throws {
    #expect(try records("a,b,\n").map(\.fields) == [["a", "b", ""]])
  }

  @Test("skips a UTF-8 byte-order mark at the start")
  func byteOrderMark() throws {
    let read = try records(bytes: [0xEF, 0xBB, 0xBF] + Array("a,b\n".utf8))
    #expect(read.map(\.fields) == [["a", "b"]])
  }

  @Test("in the plain dialect splits at every tab and keeps quotes as text")
  func plainTabs() throws {
    let read = try records("196\t\"242\"\t3\t881250949\n", delimiter: ASCII.tab, dialect: .plain)
    #expect(read.map(\.fields) == [["196", "\"242\"", "3", "881250949"]])
  }

  @Test("in the plain dialect splits at pipes, keeping commas")
  func plainPipes() throws {
    let read = try records(
      "11|American President, The (1995)|01-Jan-1995\n", delimiter: ASCII.pipe, dialect: .plain)
    #expect(read.map(\.fields) == [["11", "American President, The (1995)", "01-Jan-1995"]])
  }

  @Test("reports a quoted field that never closes at the line it opened on")
  func unclosedQuote() {
    #expect(
      readError("a,b\n\n1,\"open\nstill open\n")
        == "t.csv:3: a quoted field is not closed (missing \")")
  }

  @Test("reports text after a closing quote")
  func textAfterClosingQuote() {
    #expect(
      readError("a,b\n\"x\"y,z\n")
        == "t.csv:2: expected a delimiter or the end of the line after a closing quote")
  }
}
