import Foundation

/// Reads a whole data file as bytes, turning every way it can fail into a `DataFileError`.
enum DataFile {
  /// The file's bytes, memory-mapped so a 650 MB ratings file is paged in by the kernel on demand
  /// instead of being copied into the heap.
  ///
  /// - Parameter path: The path as the user gave it (also used in error messages).
  /// - Throws: `DataFileError` when the path is missing, a directory, unreadable, or empty.
  static func contents(of path: String) throws(DataFileError) -> Data {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw DataFileError(file: path, problem: "no such file")
    }
    guard !isDirectory.boolValue else {
      throw DataFileError(file: path, problem: "is a directory, not a file")
    }
    guard FileManager.default.isReadableFile(atPath: path) else {
      throw DataFileError(file: path, problem: "cannot be read (permission denied)")
    }
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
    } catch {
      throw DataFileError(file: path, problem: "cannot be read (\(error.localizedDescription))")
    }
    guard !data.isEmpty else { throw DataFileError(file: path, problem: "file is empty") }
    return data
  }
}
