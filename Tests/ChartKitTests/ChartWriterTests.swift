import Foundation
import Testing

@testable import ChartKit

@Suite("Chart writer")
struct ChartWriterTests {
  /// A fresh, empty scratch directory for one test.
  static func scratchDirectory() throws -> String {
    let path = (NSTemporaryDirectory() as NSString).appendingPathComponent(
      "chart-writer-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  static func contents(of directory: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
  }

  @Test("creates missing nested directories and writes the file")
  func nestedDirectory() throws {
    let root = try Self.scratchDirectory()
    defer { try? FileManager.default.removeItem(atPath: root) }
    let directory = root + "/assets/chapter-08"
    let path = try ChartWriter().write("<svg/>\n", named: "curve.svg", into: directory)
    #expect(path == directory + "/curve.svg")
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "<svg/>\n")
  }

  @Test("overwrites an existing file and leaves no temporary file behind")
  func overwrites() throws {
    let directory = try Self.scratchDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let writer = ChartWriter()
    try writer.write("old", named: "chart.svg", into: directory)
    let path = try writer.write("new", named: "chart.svg", into: directory)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "new")
    #expect(try Self.contents(of: directory) == ["chart.svg"])
  }

  @Test("fails with a one-line error when a parent of the directory is a file, creating nothing")
  func parentIsFile() throws {
    let root = try Self.scratchDirectory()
    defer { try? FileManager.default.removeItem(atPath: root) }
    let blocker = root + "/assets"
    try Data("not a directory".utf8).write(to: URL(fileURLWithPath: blocker))
    let directory = blocker + "/chapter-08"
    #expect(
      throws: ChartWriteError.cannotCreateDirectory(
        path: directory, reason: "\(blocker) exists and is not a directory")
    ) {
      try ChartWriter().write("<svg/>", named: "curve.svg", into: directory)
    }
    #expect(try Self.contents(of: root) == ["assets"])
    #expect(try String(contentsOfFile: blocker, encoding: .utf8) == "not a directory")
  }

  @Test("fails when the directory itself is a regular file")
  func directoryIsFile() throws {
    let root = try Self.scratchDirectory()
    defer { try? FileManager.default.removeItem(atPath: root) }
    let file = root + "/assets"
    try Data().write(to: URL(fileURLWithPath: file))
    do {
      try ChartWriter().write("<svg/>", named: "curve.svg", into: file)
      Issue.record("expected an error")
    } catch {
      #expect(error.description.contains(file))
      #expect(!error.description.contains("\n"))
    }
  }

  @Test("fails when the destination name is taken by a directory, leaving no temporary file")
  func destinationIsDirectory() throws {
    let directory = try Self.scratchDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    try FileManager.default.createDirectory(
      atPath: directory + "/chart.svg/inner", withIntermediateDirectories: true)
    #expect(throws: ChartWriteError.self) {
      try ChartWriter().write("<svg/>", named: "chart.svg", into: directory)
    }
    #expect(try Self.contents(of: directory) == ["chart.svg"])
  }

  @Test("rejects file names that are not plain names")
  func invalidNames() {
    for name in ["", "..", "sub/chart.svg"] {
      #expect(throws: ChartWriteError.invalidFileName(name)) {
        try ChartWriter().write("<svg/>", named: name, into: "/tmp")
      }
    }
  }

  @Test("error descriptions name the path and the reason on one line")
  func descriptions() {
    let error = ChartWriteError.cannotWriteFile(path: "/a/b.svg", reason: "No space left on device")
    #expect(error.description == "cannot write chart /a/b.svg: No space left on device")
  }
}
