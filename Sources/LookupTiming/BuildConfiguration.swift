/// Whether this binary was compiled for debugging or with optimisations.
///
/// Timings from a debug build are not representative (no inlining, no specialisation, every
/// array access checked twice over), so chapters print the configuration next to their numbers.
public enum BuildConfiguration: String, Sendable, CustomStringConvertible {
  case debug
  case release

  /// The configuration of the running binary: `swift build` gives `.debug`,
  /// `swift build -c release` gives `.release`.
  public static var current: BuildConfiguration {
    #if DEBUG
      return .debug
    #else
      return .release
    #endif
  }

  /// "debug" or "release".
  public var description: String { rawValue }
}
