import Foundation

/// Reads a chapter's command line into its settings, without printing or exiting.
///
/// Accepts `--name value` and `--name=value`. `--help` or `-h` anywhere asks for help. Every
/// mistake (unknown flag, positional argument, missing or unacceptable value, a flag given twice)
/// is a `ChapterError` with status `.usage` and a one-line message naming the flag.
/// - Parameters:
///   - arguments: The arguments after the executable's name.
/// - Complexity: O(arguments × options).
public func parse<Settings: ChapterSettings>(
  _ arguments: [String]
) -> Result<ParsedCommandLine<Settings>, ChapterError> {
  if arguments.contains(where: { $0 == "--help" || $0 == "-h" }) { return .success(.help) }
  let options = Settings.options
  var settings = Settings()
  var given: [String] = []
  var remaining = arguments[...]

  while let argument = remaining.popFirst() {
    guard argument.hasPrefix("-"), argument.count > 1 else {
      return .failure(
        .usage(
          "unexpected argument \(quoted(argument)); options start with --"))
    }
    let (name, inlineValue) = splitAtEquals(argument)
    guard let option = options.first(where: { $0.name == name }) else {
      return .failure(.usage(unknownOptionMessage(name, options: options)))
    }
    guard !given.contains(name) else {
      return .failure(.usage("\(name) given more than once; give it once"))
    }
    given.append(name)

    guard option.takesValue else {
      if let inlineValue {
        return .failure(.usage("\(name) takes no value, got \(quoted(inlineValue))"))
      }
      _ = option.assign(&settings, "")
      continue
    }
    // A following "--something" is the next option, not this one's value; "-5" is a value.
    let value: String?
    if let inlineValue {
      value = inlineValue
    } else if let next = remaining.first, !next.hasPrefix("--") {
      value = remaining.removeFirst()
    } else {
      value = nil
    }
    guard let value else {
      return .failure(.usage("\(name) needs a value: \(option.accepts)"))
    }
    guard option.assign(&settings, value) else {
      return .failure(.usage("\(name) expects \(option.accepts), got \(quoted(value))"))
    }
  }
  return .success(.run(settings))
}

/// Reads `CommandLine.arguments`; prints help and exits 0 for `--help`, or reports a mistake
/// (one line, a blank line, the usage) on standard error and exits 64.
///
/// - Parameters:
///   - info: The chapter's identity, for the usage text and the error prefix.
///   - arguments: The arguments after the executable's name.
public func parseOrExit<Settings: ChapterSettings>(
  _ info: ChapterInfo, arguments: [String] = Array(CommandLine.arguments.dropFirst())
) -> Settings {
  switch parse(arguments) as Result<ParsedCommandLine<Settings>, ChapterError> {
  case .success(.run(let settings)):
    return settings
  case .success(.help):
    print(info.usage(for: Settings.self), terminator: "")
    fflush(nil)
    exit(ExitStatus.success.rawValue)
  case .failure(let error):
    exitWithError(error, command: info.command)
  }
}

/// `--name=value` → ("--name", "value"); `--name` → ("--name", nil).
private func splitAtEquals(_ argument: String) -> (name: String, value: String?) {
  guard let equals = argument.firstIndex(of: "=") else { return (argument, nil) }
  return (String(argument[..<equals]), String(argument[argument.index(after: equals)...]))
}

private func unknownOptionMessage<Settings>(_ name: String, options: [ChapterOption<Settings>])
  -> String
{
  let names = options.map(\.name) + ["--help"]
  if let suggestion = closestMatch(to: name, among: names) {
    return "unknown option \(quoted(name)) (did you mean \(suggestion)?)"
  }
  return "unknown option \(quoted(name))"
}

/// Text in double quotes, so empty and space-only values stay visible in messages.
private func quoted(_ text: String) -> String { "\"\(text)\"" }
