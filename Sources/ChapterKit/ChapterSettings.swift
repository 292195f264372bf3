/// A chapter's settings: a value type whose `init()` holds the defaults and whose `options` say
/// which command-line flag sets which property.
///
/// ```swift
/// struct Settings: ChapterSettings {
///   var common = CommonOptions()
///   var factors = 2
///   static var options: [ChapterOption<Settings>] {
///     [.integer("--factors", \.factors, atLeast: 1, help: "latent factors k")]
///       + .common(\.common)
///   }
/// }
/// ```
public protocol ChapterSettings {
  /// The settings used when no flag is given; `--help` shows these as the defaults.
  init()
  /// The flags, in the order `--help` lists them. A computed property, so the key paths inside
  /// need no `Sendable` static storage.
  static var options: [ChapterOption<Self>] { get }
}

/// What the command line asked for: run with these settings, or show the help text.
public enum ParsedCommandLine<Settings> {
  case run(Settings)
  case help
}

extension ParsedCommandLine: Equatable where Settings: Equatable {}
