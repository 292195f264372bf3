import Foundation

/// One run of a chapter executable as a separate process, as a reader runs it.
///
/// Tests ask for runs in one of two ways:
///
/// - `ChapterRun.shared(command, arguments)`: the run every test asking for the same command,
///   arguments and environment shares. Its process starts once per `swift test`, whichever test
///   asks first; the others wait for it and read the same output and assets folder. Use it
///   whenever a test only reads what the run printed and wrote.
/// - `ChapterRun.fresh(command, arguments)`: a process of the test's own, for a test that needs
///   one on purpose: one that compares two runs, points the run at files or folders of its own,
///   or checks what a failing run left on disk.
///
/// A shared run is read-only: no test writes into, or deletes, its assets folder.
struct ChapterRun {
  let status: Int32
  let standardOutput: String
  let standardError: String
  /// The assets folder the run was pointed at (a fresh temporary folder unless told otherwise).
  let assetsDirectory: URL

  /// The folder SwiftPM builds executables into, beside the test bundle.
  static var productsDirectory: URL {
    #if os(macOS)
      for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
        return bundle.bundleURL.deletingLastPathComponent()
      }
      fatalError("cannot find the products directory")
    #else
      return Bundle.main.bundleURL
    #endif
  }

  /// A new empty temporary folder.
  static func temporaryDirectory() -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("chapter-tests-\(UUID().uuidString)")
    try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// The run of `command` with `arguments` (and `environment` on top of the test's own) that
  /// every test asking for the same shares: the first request starts the process, later and
  /// concurrent ones get the same run. See `fresh` for what the run is like.
  static func shared(
    _ command: String, _ arguments: [String] = [], environment: [String: String] = [:]
  ) async throws -> ChapterRun {
    try await SharedChapterRuns.all.run(
      SharedChapterRuns.Key(command: command, arguments: arguments, environment: environment))
  }

  /// Runs `command` with `arguments` as a new process, in a fresh temporary working directory, so
  /// the default `--assets assets` lands there and the output names no machine-specific path.
  /// Standard input is empty, so `--pause` never waits.
  static func fresh(
    _ command: String, _ arguments: [String] = [], environment: [String: String] = [:]
  ) throws -> ChapterRun {
    let workingDirectory = temporaryDirectory()
    let assetsDirectory = workingDirectory.appendingPathComponent("assets")
    let process = Process()
    process.executableURL = productsDirectory.appendingPathComponent(command)
    process.arguments = arguments
    process.currentDirectoryURL = workingDirectory
    var processEnvironment = ProcessInfo.processInfo.environment
    processEnvironment["NO_COLOR"] = "1"
    processEnvironment.merge(environment) { $1 }
    process.environment = processEnvironment
    // Files rather than pipes: nothing can fill up and stall the chapter.
    let scratch = temporaryDirectory()
    let outputURL = scratch.appendingPathComponent("stdout")
    let errorURL = scratch.appendingPathComponent("stderr")
    _ = FileManager.default.createFile(atPath: outputURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errorURL.path, contents: nil)
    let output = try FileHandle(forWritingTo: outputURL)
    let errors = try FileHandle(forWritingTo: errorURL)
    process.standardOutput = output
    process.standardError = errors
    process.standardInput = FileHandle.nullDevice
    let start = Date()
    try process.run()
    process.waitUntilExit()
    Self.logDuration(since: start, command: command, arguments: arguments)
    try output.close()
    try errors.close()
    let outputBytes = try Data(contentsOf: outputURL)
    let errorBytes = try Data(contentsOf: errorURL)
    try? FileManager.default.removeItem(at: scratch)
    return ChapterRun(
      status: process.terminationStatus,
      standardOutput: String(decoding: outputBytes, as: UTF8.self),
      standardError: String(decoding: errorBytes, as: UTF8.self),
      assetsDirectory: assetsDirectory)
  }

  /// With `CHAPTER_RUN_TIMES=FILE` in the environment, every chapter process the tests start
  /// appends "seconds command arguments" to FILE: the way to see which runs the test time goes
  /// to (`sort -rn FILE | head`). Wall time, so runs started side by side slow each other.
  private static func logDuration(since start: Date, command: String, arguments: [String]) {
    guard let path = ProcessInfo.processInfo.environment["CHAPTER_RUN_TIMES"] else { return }
    let line =
      String(format: "%.2f", Date().timeIntervalSince(start)) + " "
      + ([command] + arguments).joined(separator: " ") + "\n"
    guard let handle = FileHandle(forWritingAtPath: path) else {
      _ = FileManager.default.createFile(atPath: path, contents: Data(line.utf8))
      return
    }
    handle.seekToEndOfFile()
    handle.write(Data(line.utf8))
    try? handle.close()
  }

  /// The names of the files the run wrote into its assets folder, sorted.
  var chartFiles: [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: assetsDirectory.path)) ?? []).sorted()
  }

  /// The bytes of one written chart.
  func chart(_ name: String) -> Data? {
    FileManager.default.contents(atPath: assetsDirectory.appendingPathComponent(name).path)
  }
}

/// The runs `ChapterRun.shared` hands out, one per command, arguments and environment, kept for
/// the whole test run. An actor, so concurrent tests asking for the same run start one process.
private actor SharedChapterRuns {
  static let all = SharedChapterRuns()

  struct Key: Hashable, Sendable {
    let command: String
    let arguments: [String]
    let environment: [String: String]
  }

  /// Each run as a task: finished, or still running while other tests wait for it.
  private var runs: [Key: Task<ChapterRun, any Error>] = [:]

  func run(_ key: Key) async throws -> ChapterRun {
    if let run = runs[key] { return try await run.value }
    // Detached, so the process runs off the actor and runs for other keys start meanwhile.
    let run = Task.detached {
      try ChapterRun.fresh(key.command, key.arguments, environment: key.environment)
    }
    runs[key] = run
    return try await run.value
  }
}
