import Foundation

#if canImport(Glibc)
  import Glibc
  private let systemWrite = Glibc.write
#elseif canImport(Darwin)
  import Darwin
  private let systemWrite = Darwin.write
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
    try writeAll([(fileName, svg)], into: directory)[0]
  }

  /// Writes several charts as one set: every chart goes to its temporary file first, and only
  /// when all of them are on disk are they renamed over their final names.
  ///
  /// A failure while writing (a full disk, a folder that turned read-only) removes this call's
  /// temporary files and leaves every existing chart as it was, so the folder never holds
  /// charts from two runs because one of them stopped halfway. Renames within one folder
  /// practically never fail once the files are written; if one does, the error says which
  /// charts were already replaced.
  ///
  /// - Parameters:
  ///   - charts: (file name, SVG document) pairs; names are plain file names such as
  ///     "learning-curve.svg", each used once.
  ///   - directory: The folder to write into, created with its parents when missing.
  /// - Returns: The paths written, in the order given.
  /// - Throws: `ChartWriteError`, whose description names the path and the reason.
  @discardableResult
  public func writeAll(_ charts: [(name: String, svg: String)], into directory: String)
    throws(ChartWriteError) -> [String]
  {
    for (fileName, _) in charts {
      guard !fileName.isEmpty, fileName != ".", fileName != "..", !fileName.contains("/") else {
        throw .invalidFileName(fileName)
      }
    }
    try createDirectory(directory)
    // A final name taken by a folder would fail at its rename, after earlier charts were
    // replaced; found first, it fails the set before anything changes.
    for (fileName, _) in charts {
      let path = (directory as NSString).appendingPathComponent(fileName)
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
        isDirectory.boolValue
      {
        throw .cannotWriteFile(path: path, reason: "a folder of that name exists")
      }
    }
    var staged: [(temporary: String, final: String)] = []
    for (fileName, svg) in charts {
      let path = (directory as NSString).appendingPathComponent(fileName)
      let temporaryPath = Self.temporaryPath(for: fileName, in: directory)
      if let reason = Self.writeNewFile(Array(svg.utf8), at: temporaryPath) {
        unlink(temporaryPath)
        for file in staged { unlink(file.temporary) }
        throw .cannotWriteFile(path: path, reason: reason + "; no chart was replaced")
      }
      staged.append((temporaryPath, path))
    }
    for (index, file) in staged.enumerated() where rename(file.temporary, file.final) != 0 {
      let reason = String(cString: strerror(errno))
      for rest in staged[index...] { unlink(rest.temporary) }
      let replaced = staged[..<index].map { ($0.final as NSString).lastPathComponent }
      throw .cannotWriteFile(
        path: file.final,
        reason: reason
          + (replaced.isEmpty
            ? "" : "; already replaced: \(replaced.joined(separator: ", ")), the rest are stale"))
    }
    return staged.map(\.final)
  }

  /// Checks, before any work, that charts can be written into `directory`: creates it when
  /// missing, then creates and removes a probe file under this writer's temporary naming.
  ///
  /// An existing folder that cannot be written (a read-only mount, no write permission) is
  /// found here rather than at the first chart, after a whole run.
  ///
  /// - Throws: `ChartWriteError` naming the folder and the reason.
  public func checkWritable(_ directory: String) throws(ChartWriteError) {
    try createDirectory(directory)
    let probe = Self.temporaryPath(for: "probe", in: directory)
    let descriptor = open(probe, O_WRONLY | O_CREAT | O_EXCL, 0o644)
    guard descriptor >= 0 else {
      throw .cannotWriteFile(path: directory, reason: Self.errnoText())
    }
    close(descriptor)
    unlink(probe)
  }

  /// Removes temporary files this writer left in `directory` in an earlier run that was killed
  /// between writing a chart and renaming it: hidden files named
  /// `.NAME.PROCESS-ID.UUID.tmp` whose process no longer exists. Anything else, and the
  /// temporary files of a run still going, are left alone.
  ///
  /// - Returns: The names removed.
  @discardableResult
  public func removeStaleTemporaryFiles(in directory: String) -> [String] {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
      return []
    }
    var removed: [String] = []
    for name in names.sorted() {
      guard let processID = Self.processID(inTemporaryName: name), !Self.isRunning(processID)
      else { continue }
      if (try? FileManager.default.removeItem(
        atPath: (directory as NSString).appendingPathComponent(name))) != nil
      {
        removed.append(name)
      }
    }
    return removed
  }

  /// A name unique to this process and call, hidden, in the same directory (same file system,
  /// so rename can be atomic): `.NAME.PROCESS-ID.UUID.tmp`.
  static func temporaryPath(for fileName: String, in directory: String) -> String {
    (directory as NSString).appendingPathComponent(
      ".\(fileName).\(ProcessInfo.processInfo.processIdentifier).\(UUID().uuidString).tmp")
  }

  /// The process id inside a name made by ``temporaryPath(for:in:)``, or nil for any other name.
  static func processID(inTemporaryName name: String) -> Int32? {
    guard name.hasPrefix("."), name.hasSuffix(".tmp") else { return nil }
    let parts = name.dropFirst().dropLast(4).split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count >= 3, UUID(uuidString: String(parts[parts.count - 1])) != nil,
      let processID = Int32(parts[parts.count - 2]), processID > 0
    else { return nil }
    return processID
  }

  /// Whether a process with this id exists (signal 0 checks without sending anything).
  private static func isRunning(_ processID: Int32) -> Bool {
    kill(processID, 0) == 0 || errno == EPERM
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
    // One mkdir per missing folder, so the reason is the system's own (permission denied,
    // read-only file system, no space left on device) rather than a generic sentence.
    var missing: [String] = []
    var current = directory
    while !current.isEmpty, !FileManager.default.fileExists(atPath: current) {
      missing.append(current)
      let parent = (current as NSString).deletingLastPathComponent
      if parent == current { break }
      current = parent
    }
    for folder in missing.reversed() where mkdir(folder, 0o755) != 0 && errno != EEXIST {
      throw .cannotCreateDirectory(path: directory, reason: Self.errnoText())
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

  /// Creates `path` (which must not exist) holding `bytes`; nil on success, else the reason.
  private static func writeNewFile(_ bytes: [UInt8], at path: String) -> String? {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
    guard descriptor >= 0 else { return errnoText() }
    var written = 0
    while written < bytes.count {
      let count = bytes[written...].withUnsafeBytes {
        systemWrite(descriptor, $0.baseAddress, $0.count)
      }
      if count < 0 && errno == EINTR { continue }
      guard count > 0 else {
        let reason = errnoText()
        close(descriptor)
        return reason
      }
      written += count
    }
    // A full disk can surface only when the data is flushed, at close.
    guard close(descriptor) == 0 else { return errnoText() }
    return nil
  }

  /// The current `errno` as the system words it, lower-cased: "permission denied".
  private static func errnoText() -> String {
    String(cString: strerror(errno)).lowercased()
  }
}
