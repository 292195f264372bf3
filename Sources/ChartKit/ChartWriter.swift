import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes finished SVG documents into an assets folder, all or nothing.
///
/// The bytes go to a temporary file in the destination directory first and are then renamed
/// over the final name. A rename within one directory is atomic, so a reader (or a later run)
/// sees either the old chart or the new one, never half a file; and a failed write leaves
/// nothing behind.
public struct ChartWriter: Sendable {
  public init() {}

  /// Writes `svg` to `directory/fileName`, creating `directory` and its parents if needed, and
  /// replacing any existing file of that name.
  ///
  /// - Parameters:
  ///   - svg: The document, written as UTF-8.
  ///   - fileName: A plain file name such as "learning-curve.svg" (no "/").
  ///   - directory: The folder to write into, absolute or relative to the working directory.
  /// - Returns: The path written.
  /// - Throws: `ChartWriteError`, whose description names the path and the reason.
  @discardableResult
  public func write(_ svg: String, named fileName: String, into directory: String)
    throws(ChartWriteError) -> String
  {
    guard !fileName.isEmpty, fileName != ".", fileName != "..", !fileName.contains("/") else {
      throw .invalidFileName(fileName)
    }
    try createDirectory(directory)
    let path = (directory as NSString).appendingPathComponent(fileName)
    // A name unique to this process and call, hidden, in the same directory (same file system,
    // so rename can be atomic).
    let temporaryPath = (directory as NSString).appendingPathComponent(
      ".\(fileName).\(ProcessInfo.processInfo.processIdentifier).\(UUID().uuidString).tmp")
    do {
      try Data(svg.utf8).write(to: URL(fileURLWithPath: temporaryPath))
    } catch {
      try? FileManager.default.removeItem(atPath: temporaryPath)
      throw .cannotWriteFile(path: path, reason: Self.oneLine(error))
    }
    guard rename(temporaryPath, path) == 0 else {
      let reason = String(cString: strerror(errno))
      try? FileManager.default.removeItem(atPath: temporaryPath)
      throw .cannotWriteFile(path: path, reason: reason)
    }
    return path
  }

  private func createDirectory(_ directory: String) throws(ChartWriteError) {
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) {
      guard isDirectory.boolValue else {
        throw .cannotCreateDirectory(path: directory, reason: "a file of that name exists")
      }
      return
    }
    if let blocker = Self.firstNonDirectoryAncestor(of: directory) {
      throw .cannotCreateDirectory(
        path: directory, reason: "\(blocker) exists and is not a directory")
    }
    do {
      try FileManager.default.createDirectory(
        atPath: directory, withIntermediateDirectories: true)
    } catch {
      throw .cannotCreateDirectory(path: directory, reason: Self.oneLine(error))
    }
  }

  /// The nearest existing ancestor of `path` when it is a file rather than a directory: the
  /// usual reason a directory cannot be created, named plainly instead of via an errno text.
  private static func firstNonDirectoryAncestor(of path: String) -> String? {
    var current = (path as NSString).deletingLastPathComponent
    while !current.isEmpty && current != "/" {
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: current, isDirectory: &isDirectory) {
        return isDirectory.boolValue ? nil : current
      }
      current = (current as NSString).deletingLastPathComponent
    }
    return nil
  }

  /// An error's message on one line.
  private static func oneLine(_ error: any Error) -> String {
    let text = (error as NSError).localizedDescription
    return text.split(whereSeparator: \.isNewline).joined(separator: " ")
  }
}
