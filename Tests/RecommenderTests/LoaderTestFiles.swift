import Foundation

@testable import Recommender

/// A fresh directory under the system's temporary directory for one test's files.
struct ScratchDirectory {
  let url: URL

  init() throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "loader-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  /// Writes UTF-8 text to `name` and returns the file's path.
  func write(_ text: String, to name: String) throws -> String {
    try write(bytes: Array(text.utf8), to: name)
  }

  /// Writes raw bytes to `name` and returns the file's path.
  func write(bytes: [UInt8], to name: String) throws -> String {
    let file = url.appendingPathComponent(name)
    try Data(bytes).write(to: file)
    return file.path
  }

  /// A path in the directory that does not exist.
  func path(of name: String) -> String { url.appendingPathComponent(name).path }

  func remove() { try? FileManager.default.removeItem(at: url) }
}

/// The one-line description of the error loading `path` throws, or nil if it loads.
func ratingsLoadError(
  _ path: String, format: RatingsFileFormat? = nil, scale: ClosedRange<Double>? = nil
) -> String? {
  do {
    _ = try RatingsLoader.load(path: path, format: format, scale: scale)
    return nil
  } catch {
    return error.description
  }
}

/// The one-line description of the error applying the titles in `path` throws, or nil.
func titlesError(_ path: String, to loaded: LoadedRatings) -> String? {
  do {
    _ = try TitlesLoader.apply(titlesPath: path, to: loaded)
    return nil
  } catch {
    return error.description
  }
}
