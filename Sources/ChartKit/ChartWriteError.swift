/// Why a chart could not be written; its description is one line naming the path and reason.
public enum ChartWriteError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The file name was empty, ".", "..", or contained a "/".
  case invalidFileName(String)
  /// The output directory did not exist and could not be created.
  case cannotCreateDirectory(path: String, reason: String)
  /// The file (or its temporary twin) could not be written or moved into place.
  case cannotWriteFile(path: String, reason: String)

  /// Why it failed, without the path: "permission denied", "read-only file system".
  public var reason: String {
    switch self {
    case .invalidFileName: "invalid file name"
    case .cannotCreateDirectory(_, let reason), .cannotWriteFile(_, let reason): reason
    }
  }

  public var description: String {
    switch self {
    case .invalidFileName(let name):
      return "cannot write chart: invalid file name \"\(name)\" (it must be a plain file name)"
    case .cannotCreateDirectory(let path, let reason):
      return "cannot create chart directory \(path): \(reason)"
    case .cannotWriteFile(let path, let reason):
      return "cannot write chart \(path): \(reason)"
    }
  }
}
