/// One command-line flag of a chapter: its name, what it accepts, and which property of the
/// settings it writes.
///
/// Build options with the static factories (`.integer`, `.double`, `.choice`, `.flag`,
/// `.string`) rather than the memberwise parts; each factory writes the "accepts" phrase used in
/// error messages, so every chapter reports mistakes the same way.
public struct ChapterOption<Settings> {
  /// The flag, including its dashes, e.g. `--factors`.
  public let name: String
  /// The placeholder shown in the help, e.g. `N`; `nil` for a switch that takes no value.
  public let valueName: String?
  /// One phrase on what the flag controls.
  public let help: String
  /// What a value must look like, e.g. "a whole number ≥ 1".
  public let accepts: String
  /// Stores a value in the settings; `false` when the text is not acceptable.
  let assign: (inout Settings, String) -> Bool
  /// The current value as help text shows it; `nil` for switches (absent means off).
  let describe: (Settings) -> String?

  /// Whether the flag takes a value (`--epochs 10`) or is a switch (`--pause`).
  public var takesValue: Bool { valueName != nil }

  /// The default (the value in `Settings()`), as shown by `--help`; `nil` for switches.
  public func defaultDescription() -> String? where Settings: ChapterSettings {
    describe(Settings())
  }

  /// The same option, writing into a part of a larger settings value.
  ///
  /// - Parameter keyPath: Where this option's settings live inside `Outer`.
  public func lifted<Outer>(through keyPath: WritableKeyPath<Outer, Settings>)
    -> ChapterOption<Outer>
  {
    let assign = self.assign
    let describe = self.describe
    return ChapterOption<Outer>(
      name: name, valueName: valueName, help: help, accepts: accepts,
      assign: { outer, text in assign(&outer[keyPath: keyPath], text) },
      describe: { outer in describe(outer[keyPath: keyPath]) })
  }
}

// MARK: - Factories

extension ChapterOption {
  /// A whole-number option, e.g. `--epochs 50`, optionally bounded.
  ///
  /// - Parameters:
  ///   - name: The flag, e.g. `--epochs`.
  ///   - keyPath: The property it sets.
  ///   - minimum: The smallest value accepted (default: the type's smallest).
  ///   - maximum: The largest value accepted (default: the type's largest).
  ///   - valueName: The help placeholder.
  ///   - help: What the flag controls.
  public static func integer<Value: FixedWidthInteger>(
    _ name: String, _ keyPath: WritableKeyPath<Settings, Value>,
    atLeast minimum: Value = .min, atMost maximum: Value = .max,
    valueName: String = "N", help: String
  ) -> ChapterOption {
    parsing(
      name, valueName: valueName, help: help,
      accepts: wholeNumberPhrase(minimum: minimum, maximum: maximum),
      parse: wholeNumber(atLeast: minimum, atMost: maximum),
      set: { settings, value in settings[keyPath: keyPath] = value },
      describe: { settings in String(settings[keyPath: keyPath]) })
  }

  /// A real-number option such as `--learning-rate 0.01` or `--learning-rate=1e-3`.
  ///
  /// - Parameters:
  ///   - name: The flag.
  ///   - keyPath: The property it sets.
  ///   - constraint: Which finite numbers are accepted.
  ///   - valueName: The help placeholder.
  ///   - help: What the flag controls.
  public static func double(
    _ name: String, _ keyPath: WritableKeyPath<Settings, Double>,
    _ constraint: NumberConstraint = .finite, valueName: String = "X", help: String
  ) -> ChapterOption {
    parsing(
      name, valueName: valueName, help: help, accepts: constraint.accepts,
      parse: realNumber(constraint),
      set: { settings, value in settings[keyPath: keyPath] = value },
      describe: { settings in String(settings[keyPath: keyPath]) })
  }

  /// An option choosing one case of a `String`-backed enum, e.g. `--init normal`.
  ///
  /// - Parameters:
  ///   - name: The flag.
  ///   - keyPath: The property it sets.
  ///   - valueName: The help placeholder; by default the choices joined by `|`.
  ///   - help: What the flag controls.
  public static func choice<Choice: RawRepresentable & CaseIterable>(
    _ name: String, _ keyPath: WritableKeyPath<Settings, Choice>,
    valueName: String? = nil, help: String
  ) -> ChapterOption where Choice.RawValue == String {
    let choices = Choice.allCases.map(\.rawValue)
    return parsing(
      name, valueName: valueName ?? choices.joined(separator: "|"), help: help,
      accepts: "one of " + listInEnglish(choices), parse: Choice.init(rawValue:),
      set: { settings, value in settings[keyPath: keyPath] = value },
      describe: { settings in settings[keyPath: keyPath].rawValue })
  }

  /// What every option that takes a value does: `parse` turns the text into a value or refuses
  /// it (nil), and `set` stores the value wherever the property is, plain or optional.
  static func parsing<Value>(
    _ name: String, valueName: String, help: String, accepts: String,
    parse: @escaping (String) -> Value?, set: @escaping (inout Settings, Value) -> Void,
    describe: @escaping (Settings) -> String
  ) -> ChapterOption {
    ChapterOption(
      name: name, valueName: valueName, help: help, accepts: accepts,
      assign: { settings, text in
        guard let value = parse(text) else { return false }
        set(&settings, value)
        return true
      },
      describe: describe)
  }

  /// Reads a whole number within bounds. `Value(_:)` rejects "1.5", "1e3" and numbers the type
  /// cannot hold.
  static func wholeNumber<Value: FixedWidthInteger>(atLeast minimum: Value, atMost maximum: Value)
    -> (String) -> Value?
  {
    { text in Value(text).flatMap { minimum <= $0 && $0 <= maximum ? $0 : nil } }
  }

  /// Reads any text but the empty one (`--ratings ""` is a mistake, not a file).
  static func nonEmptyText(_ text: String) -> String? { text.isEmpty ? nil : text }

  /// Reads a real number the constraint admits. `Double(_:)` parses "nan" and "inf" too;
  /// `admits` turns those away.
  static func realNumber(_ constraint: NumberConstraint) -> (String) -> Double? {
    { text in Double(text).flatMap { constraint.admits($0) ? $0 : nil } }
  }

  /// A switch that takes no value, e.g. `--pause`; giving it stores `value`.
  ///
  /// - Parameters:
  ///   - name: The flag.
  ///   - keyPath: The property it sets.
  ///   - value: What the property becomes when the flag is given (`false` suits `--no-…`).
  ///   - help: What the flag does.
  public static func flag(
    _ name: String, _ keyPath: WritableKeyPath<Settings, Bool>, sets value: Bool = true,
    help: String
  ) -> ChapterOption {
    ChapterOption(
      name: name, valueName: nil, help: help, accepts: "no value",
      assign: { settings, _ in
        settings[keyPath: keyPath] = value
        return true
      },
      describe: { _ in nil })
  }

  /// A text option such as a directory, e.g. `--assets DIR`. Empty text is refused.
  ///
  /// - Parameters:
  ///   - name: The flag.
  ///   - keyPath: The property it sets.
  ///   - valueName: The help placeholder.
  ///   - help: What the flag controls.
  public static func string(
    _ name: String, _ keyPath: WritableKeyPath<Settings, String>, valueName: String = "TEXT",
    help: String
  ) -> ChapterOption {
    parsing(
      name, valueName: valueName, help: help, accepts: "a non-empty \(valueName)",
      parse: nonEmptyText, set: { settings, text in settings[keyPath: keyPath] = text },
      describe: { settings in helpText(forString: settings[keyPath: keyPath]) })
  }

  /// An optional text option, e.g. `--ratings FILE`; absent means `nil` (shown as "none").
  ///
  /// - Parameters:
  ///   - name: The flag.
  ///   - keyPath: The property it sets.
  ///   - valueName: The help placeholder.
  ///   - help: What the flag controls.
  public static func string(
    _ name: String, _ keyPath: WritableKeyPath<Settings, String?>, valueName: String = "TEXT",
    help: String, whenAbsent absent: String = "none"
  ) -> ChapterOption {
    parsing(
      name, valueName: valueName, help: help, accepts: "a non-empty \(valueName)",
      parse: nonEmptyText, set: { settings, text in settings[keyPath: keyPath] = text },
      describe: { settings in settings[keyPath: keyPath].map(helpText(forString:)) ?? absent })
  }

  /// The options every chapter shares (`--seed`, `--assets`, `--no-charts`, `--pause`), writing
  /// into the settings' `CommonOptions`.
  ///
  /// - Parameter keyPath: Where the settings keep their `CommonOptions`.
  public static func commonOptions(_ keyPath: WritableKeyPath<Settings, CommonOptions>)
    -> [ChapterOption]
  {
    CommonOptions.options.map { $0.lifted(through: keyPath) }
  }
}

extension Array {
  /// The shared options, so a settings type can write `[…] + .common(\.common)`.
  ///
  /// - Parameter keyPath: Where the settings keep their `CommonOptions`.
  public static func common<Settings>(_ keyPath: WritableKeyPath<Settings, CommonOptions>)
    -> [ChapterOption<Settings>] where Element == ChapterOption<Settings>
  {
    ChapterOption.commonOptions(keyPath)
  }
}

// MARK: - Phrases

/// "a whole number", "a whole number ≥ 1" or "a whole number from 0 to 4294967295".
func wholeNumberPhrase<Value: FixedWidthInteger>(minimum: Value, maximum: Value) -> String {
  // A bound is worth naming when it is not the natural limit of a plain `Int`.
  let namesMinimum = Int(exactly: minimum) != Int.min
  let namesMaximum = Int(exactly: maximum) != Int.max
  switch (namesMinimum, namesMaximum) {
  case (true, true): return "a whole number from \(minimum) to \(maximum)"
  case (true, false): return "a whole number ≥ \(minimum)"
  case (false, true): return "a whole number ≤ \(maximum)"
  case (false, false): return "a whole number"
  }
}

/// "a", "a or b", "a, b or c".
func listInEnglish(_ words: [String]) -> String {
  guard let last = words.last else { return "" }
  let rest = words.dropLast()
  return rest.isEmpty ? last : rest.joined(separator: ", ") + " or " + last
}

/// A string default as help shows it: bare when it reads unambiguously, quoted otherwise.
func helpText(forString value: String) -> String {
  value.isEmpty || value.contains(" ") ? "\"\(value)\"" : value
}
