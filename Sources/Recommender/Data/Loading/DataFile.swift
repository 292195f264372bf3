import Foundation

/// Reads a whole data file as bytes, turning every way it can fail into a `DataFileError` that
/// names the true cause.
///
/// Works with the system calls themselves (`stat`, `open`, `read`, `mmap`) rather than
/// `FileManager`, whose answers lose the reason: it called `/dev/null` and pipes unreadable and a
/// symbolic-link loop missing.
enum DataFile {
  /// The file's bytes.
  ///
  /// A regular file is memory-mapped, so a 650 MB ratings file is paged in by the kernel on
  /// demand instead of being copied into the heap. Anything else that reads as a stream (a named
  /// pipe, `<(zcat ratings.csv.gz)`, `/dev/stdin`, `/dev/null`) is read once, to its end; opening
  /// a named pipe waits for its writer, as `cat` does.
  ///
  /// - Parameter path: The path as the user gave it (also used in error messages).
  /// - Throws: `DataFileError` when the path is missing, a broken symbolic link or a loop of
  ///   them, a directory, a socket or disk, unreadable, empty, or a stream that is not text.
  static func contents(of path: String) throws(DataFileError) -> Data {
    try bytes(of: path).data
  }

  /// The file's bytes, as ``contents(of:)`` reads them, and whether they are the file mapped
  /// into memory: only then can a reader hand back the pages it has passed (``ReadPages``).
  ///
  /// - Parameter path: The path as the user gave it (also used in error messages).
  /// - Throws: `DataFileError`, as ``contents(of:)`` does.
  static func bytes(of path: String) throws(DataFileError) -> (data: Data, isMapped: Bool) {
    func failure(_ problem: String) -> DataFileError { DataFileError(file: path, problem: problem) }
    var status = stat()
    guard stat(path, &status) == 0 else { throw failure(unreachable(path, error: errno)) }
    switch status.st_mode & S_IFMT {
    case S_IFDIR: throw failure("is a directory, not a file")
    case S_IFSOCK: throw failure("is a socket, not a file")
    case S_IFBLK: throw failure("is a block device (a disk), not a file")
    default: break
    }
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else {
      let error = errno
      throw failure(
        error == EACCES || error == EPERM
          ? "cannot be read (permission denied)" : "cannot be read (\(describe(error)))")
    }
    defer { close(descriptor) }
    // What was opened, which is what counts if the path changed since `stat`.
    guard fstat(descriptor, &status) == 0 else {
      throw failure("cannot be read (\(describe(errno)))")
    }
    let data: Data
    let isMapped: Bool
    // Files in /proc are regular but claim size 0: read them as streams too.
    if status.st_mode & S_IFMT == S_IFREG, status.st_size > 0,
      let mapped = mapped(descriptor, size: Int(status.st_size))
    {
      (data, isMapped) = (mapped, true)
    } else {
      (data, isMapped) = (try streamed(descriptor, path: path), false)
    }
    guard !data.isEmpty else { throw failure("file is empty") }
    return (data, isMapped)
  }

  /// The first `size` bytes of the open regular file, memory-mapped and unmapped when the `Data`
  /// goes; nil when the file system cannot map it.
  private static func mapped(_ descriptor: Int32, size: Int) -> Data? {
    guard let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0),
      address != MAP_FAILED
    else { return nil }
    return Data(bytesNoCopy: address, count: size, deallocator: .custom { munmap($0, $1) })
  }

  /// Everything the descriptor yields until its end.
  ///
  /// Stops at the first NUL byte, which no text file holds: `/dev/zero` and `/dev/urandom` never
  /// end and would otherwise fill the memory.
  private static func streamed(_ descriptor: Int32, path: String) throws(DataFileError) -> Data {
    var data = Data()
    var chunk = [UInt8](repeating: 0, count: 1 << 20)
    while true {
      let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count == 0 { return data }
      guard count > 0 else {
        let error = errno
        if error == EINTR { continue }
        throw DataFileError(file: path, problem: "cannot be read (\(describe(error)))")
      }
      let holdsNUL = chunk.withUnsafeBytes { memchr($0.baseAddress!, 0, count) != nil }
      guard !holdsNUL else {
        throw DataFileError(file: path, problem: "is not a text file (it holds a NUL byte)")
      }
      data.append(contentsOf: chunk[..<count])
    }
  }

  /// Why `stat` could not reach `path`.
  ///
  /// - Parameters:
  ///   - path: The path `stat` failed on.
  ///   - error: Its `errno`.
  private static func unreachable(_ path: String, error: Int32) -> String {
    var linkStatus = stat()
    let isSymbolicLink = lstat(path, &linkStatus) == 0 && linkStatus.st_mode & S_IFMT == S_IFLNK
    switch error {
    case ENOENT:
      let fileManager = FileManager.default
      guard isSymbolicLink, let target = try? fileManager.destinationOfSymbolicLink(atPath: path)
      else { return "no such file" }
      return "is a broken symbolic link to \(fieldExcerpt(target, limit: 200))"
    case ELOOP:
      return isSymbolicLink ? "is a symbolic link loop" : "has a symbolic link loop in its path"
    case ENOTDIR:
      return "no such file (part of its path is a file, not a directory)"
    case EACCES:
      return "cannot be reached (permission denied on a directory in its path)"
    case ENAMETOOLONG:
      return "cannot be reached (the path is too long)"
    default:
      return "cannot be reached (\(describe(error)))"
    }
  }

  /// The system's words for `errno` value `error`, starting lower-case like the messages they
  /// end up in: "input/output error".
  private static func describe(_ error: Int32) -> String {
    let text = String(cString: strerror(error))
    return text.prefix(1).lowercased() + text.dropFirst()
  }
}

/// Hands the pages of a memory-mapped file back to the kernel once a reader going from the
/// start to the end is past them.
///
/// The pages of a mapped file count in the process's memory from the moment they are read until
/// the file is unmapped, so parsing MovieLens 25M's 600 MB in one go would hold all of them
/// beside the ratings made from them. Released pages are still mapped: a later read of them
/// loads them from the file again, so releasing changes how much memory the reading holds,
/// never what it reads. Bytes read from a pipe into the heap are not released (the heap has no
/// file behind it to read them from again).
struct ReadPages {
  private let start: UnsafeRawPointer?
  private var releasedCount = 0
  private let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))
  private let step: Int

  /// Pages go back in runs of this many bytes: few system calls, a bounded number of pages held.
  static let releaseStep = 8 << 20

  /// - Parameters:
  ///   - bytes: The whole file's bytes.
  ///   - isMapped: Whether `bytes` is the file mapped into memory; when not, nothing is released.
  ///   - step: How many bytes to release at a time (tests release every page).
  init(of bytes: UnsafeRawBufferPointer, isMapped: Bool, step: Int = releaseStep) {
    start = isMapped ? bytes.baseAddress : nil
    self.step = step
  }

  /// Releases the whole pages before byte `offset` once there are `step` bytes of them.
  ///
  /// - Parameter offset: How far the reader has got; it reads nothing before it again.
  mutating func readerPassed(_ offset: Int) {
    guard let start, offset - releasedCount >= step else { return }
    let end = offset - offset % pageSize
    // A mapping starts on a page boundary, so `start + releasedCount` does too.
    _ = madvise(
      UnsafeMutableRawPointer(mutating: start + releasedCount), end - releasedCount,
      Int32(MADV_DONTNEED))
    releasedCount = end
  }
}
