/// The settings every chapter shares: the random seed, where charts go, and how to present.
public struct CommonOptions: Sendable, Equatable {
  /// Seeds the numpy-compatible generator, so a run is reproducible (the blog uses 42).
  public var seed: UInt32 = 42
  /// The directory charts are written to.
  public var assetsDirectory: String = "assets"
  /// Whether to write SVG charts; `--no-charts` turns them off.
  public var writesCharts: Bool = true
  /// Whether to stop between sections until Enter is pressed (only on a terminal).
  public var pauses: Bool = false

  public init() {}

  /// The shared flags, in the order `--help` lists them.
  public static var options: [ChapterOption<CommonOptions>] {
    [
      .integer("--seed", \.seed, help: "random seed, for reproducible runs"),
      .string("--assets", \.assetsDirectory, valueName: "DIR", help: "directory for SVG charts"),
      .flag("--no-charts", \.writesCharts, sets: false, help: "do not write SVG charts"),
      .flag("--pause", \.pauses, help: "wait for Enter between sections (terminal only)"),
    ]
  }
}
