import Foundation
import Testing

@testable import Recommender

/// Makes a FIFO (named pipe) at `path` and writes `text` into it from another thread once a
/// reader opens it, as a shell does for `<(cat u.data)`.
///
/// The writer waits at most ten seconds for a reader, so a loader that never opens the pipe
/// fails the test instead of hanging it.
private func makeFIFO(at path: String, feeding text: String) throws {
  guard mkfifo(path, 0o600) == 0 else {
    throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
  }
  let bytes = Array(text.utf8)
  DispatchQueue.global().async {
    let deadline = Date().addingTimeInterval(10)
    var descriptor: Int32 = -1
    // Non-blocking, opening for writing fails (ENXIO) until a reader has the pipe open.
    while descriptor < 0, Date() < deadline {
      descriptor = open(path, O_WRONLY | O_NONBLOCK)
      if descriptor < 0 { usleep(1000) }
    }
    guard descriptor >= 0 else { return }
    _ = fcntl(descriptor, F_SETFL, 0)
    bytes.withUnsafeBytes { buffer in
      var offset = 0
      while offset < buffer.count {
        let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
        guard written > 0 else { break }
        offset += written
      }
    }
    close(descriptor)
  }
}

@Suite("Ratings and titles files: what kind of file the path names")
struct LoaderFileKindTests {
  @Test("/dev/null reads empty: file is empty")
  func devNull() {
    #expect(ratingsLoadError("/dev/null") == "/dev/null: file is empty")
  }

  @Test("/dev/null as a titles file: file is empty")
  func devNullTitles() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let loaded = try RatingsLoader.load(path: scratch.write("1\t2\t3\t0\n", to: "u.data"))
    #expect(titlesError("/dev/null", to: loaded) == "/dev/null: file is empty")
  }

  @Test("a named pipe is read once, to its end, like a file (larger than a pipe's buffer)")
  func fifo() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let lines = (0..<20_000).map { "\($0 % 943 + 1)\t\($0 % 1682 + 1)\t\($0 % 5 + 1)\t0\n" }
    let path = scratch.path(of: "ratings.fifo")
    try makeFIFO(at: path, feeding: lines.joined())
    let loaded = try RatingsLoader.load(path: path)
    #expect(loaded.format == .movieLens100k)
    #expect(loaded.dataset.ratings.count == 20_000)
    #expect(
      loaded.dataset.ratings.last == Rating(user: 19_999 % 943, item: 19_999 % 1682, value: 5))
  }

  @Test("a mapped file whose pages go back as soon as the parse passes them loads the same")
  func releasedPages() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let lines = (0..<20_000).map { "\($0 % 943 + 1),\($0 % 1682 + 1),\($0 % 5 + 1)\n" }
    let path = try scratch.write("user,item,rating\n" + lines.joined(), to: "ratings.csv")
    let (data, isMapped) = try DataFile.bytes(of: path)
    let released = try data.withUnsafeBytes { bytes in
      try RatingsLoader.parse(
        bytes, file: path, format: nil, scale: nil, isMapped: isMapped, releaseStep: 1)
    }
    let loaded = try RatingsLoader.load(path: path)
    #expect(isMapped && released == loaded)
  }

  @Test("a named pipe whose writer sends nothing: file is empty")
  func emptyFIFO() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let path = scratch.path(of: "ratings.fifo")
    try makeFIFO(at: path, feeding: "")
    #expect(ratingsLoadError(path) == "\(path): file is empty")
  }

  @Test("two symbolic links pointing at each other: a symbolic link loop, not a missing file")
  func symlinkLoop() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let first = scratch.path(of: "a.csv")
    let second = scratch.path(of: "b.csv")
    try FileManager.default.createSymbolicLink(atPath: first, withDestinationPath: second)
    try FileManager.default.createSymbolicLink(atPath: second, withDestinationPath: first)
    #expect(ratingsLoadError(first) == "\(first): is a symbolic link loop")
  }

  @Test("a symbolic link to a missing file: a broken link, naming where it points")
  func brokenSymlink() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let link = scratch.path(of: "ratings.csv")
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "gone.csv")
    #expect(ratingsLoadError(link) == "\(link): is a broken symbolic link to gone.csv")
  }

  @Test("a symbolic link to a good file loads the file")
  func goodSymlink() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let target = try scratch.write("1,2,3\n1,3,4\n", to: "real.csv")
    let link = scratch.path(of: "link.csv")
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
    #expect(try RatingsLoader.load(path: link).dataset.ratings.count == 2)
  }

  @Test("a path through a file as if it were a directory: no such file, and why")
  func fileAsDirectory() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let file = try scratch.write("1,2,3\n", to: "r.csv")
    #expect(
      ratingsLoadError(file + "/r.csv")
        == "\(file)/r.csv: no such file (part of its path is a file, not a directory)")
  }

  @Test("a device that never ends, like /dev/zero: not a text file, instead of filling memory")
  func devZero() {
    #expect(ratingsLoadError("/dev/zero") == "/dev/zero: is not a text file (it holds a NUL byte)")
  }

  @Test(
    "a file the user may not read: permission denied",
    .enabled(if: geteuid() != 0, "root may read any file"))
  func unreadable() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let path = try scratch.write("1,2,3\n", to: "r.csv")
    try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: path)
    #expect(ratingsLoadError(path) == "\(path): cannot be read (permission denied)")
  }
}
