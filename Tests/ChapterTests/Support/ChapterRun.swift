import Foundation

/// One run of a chapter executable as a separate process, as a reader runs it.
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

  /// Runs `command` with `arguments` in a fresh temporary working directory, so the default
  /// `--assets assets` lands there and the output names no machine-specific path. Standard input
  /// is empty, so `--pause` never waits.
  static func run(
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
    try process.run()
    process.waitUntilExit()
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

  /// The names of the files the run wrote into its assets folder, sorted.
  var chartFiles: [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: assetsDirectory.path)) ?? []).sorted()
  }

  /// The bytes of one written chart.
  func chart(_ name: String) -> Data? {
    FileManager.default.contents(atPath: assetsDirectory.appendingPathComponent(name).path)
  }
}
