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

@Suite("Chart writer: a run's charts as one set")
struct ChartSetWriterTests {
  @Test("a set that cannot be written replaces none of the previous run's charts")
  func failedSetReplacesNothing() throws {
    let directory = try ChartWriterTests.scratchDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let writer = ChartWriter()
    try writer.writeAll([("a.svg", "old a"), ("b.svg", "old b")], into: directory)
    try FileManager.default.createDirectory(
      atPath: directory + "/c.svg", withIntermediateDirectories: false)
    #expect(throws: ChartWriteError.self) {
      try writer.writeAll(
        [("a.svg", "new a"), ("b.svg", "new b"), ("c.svg", "new c")], into: directory)
    }
    #expect(try String(contentsOfFile: directory + "/a.svg", encoding: .utf8) == "old a")
    #expect(try String(contentsOfFile: directory + "/b.svg", encoding: .utf8) == "old b")
    #expect(try ChartWriterTests.contents(of: directory) == ["a.svg", "b.svg", "c.svg"])
  }

  @Test("a whole set is written, in order, leaving no temporary file")
  func wholeSet() throws {
    let directory = try ChartWriterTests.scratchDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let paths = try ChartWriter().writeAll([("b.svg", "b"), ("a.svg", "a")], into: directory)
    #expect(paths == [directory + "/b.svg", directory + "/a.svg"])
    #expect(try ChartWriterTests.contents(of: directory) == ["a.svg", "b.svg"])
  }

  @Test("temporary names carry the process id, and only such names are read as temporary")
  func temporaryNames() {
    let path = ChartWriter.temporaryPath(for: "curve.v2.svg", in: "/tmp/assets")
    let name = (path as NSString).lastPathComponent
    #expect(ChartWriter.processID(inTemporaryName: name) == getpid())
    #expect(ChartWriter.processID(inTemporaryName: ".keep.tmp") == nil)
    #expect(ChartWriter.processID(inTemporaryName: "curve.svg") == nil)
    #expect(ChartWriter.processID(inTemporaryName: ".curve.svg.12.not-a-uuid.tmp") == nil)
  }

  @Test("a killed run's temporary files are removed; a live run's and other files are kept")
  func staleTemporaryFiles() throws {
    let directory = try ChartWriterTests.scratchDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    // Process ids above the kernel's maximum (2²² on Linux) never belong to a live process.
    let stale = ".curve.svg.99999999.\(UUID().uuidString).tmp"
    let live = (ChartWriter.temporaryPath(for: "curve.svg", in: directory) as NSString)
      .lastPathComponent
    for name in [stale, live, ".keep.tmp", "curve.svg"] {
      try Data("x".utf8).write(to: URL(fileURLWithPath: directory + "/" + name))
    }
    #expect(ChartWriter().removeStaleTemporaryFiles(in: directory) == [stale])
    #expect(
      try ChartWriterTests.contents(of: directory) == [".keep.tmp", live, "curve.svg"].sorted())
  }

  @Test("checking a folder creates it when missing and leaves no probe behind")
  func checkCreates() throws {
    let root = try ChartWriterTests.scratchDirectory()
    defer { try? FileManager.default.removeItem(atPath: root) }
    try ChartWriter().checkWritable(root + "/assets")
    #expect(try ChartWriterTests.contents(of: root + "/assets") == [])
  }

  #if os(Linux)
    @Test("an existing folder nobody may write into is refused at the check, with the reason")
    func checkRefusesUnwritable() {
      // sysfs refuses new files even to root, so this holds for any user.
      #expect(throws: ChartWriteError.cannotWriteFile(path: "/sys", reason: "permission denied")) {
        try ChartWriter().checkWritable("/sys")
      }
    }
  #endif
}
