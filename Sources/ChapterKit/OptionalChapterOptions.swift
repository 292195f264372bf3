/// Options whose default is decided later: the property stays `nil` unless the flag is given,
/// so a chapter can pick a default that suits the data it ends up with (the complete demo uses
/// 5 factors on its small catalogue and 100 on MovieLens).
extension ChapterOption {
  /// An optional whole-number option, e.g. `--factors 100`.
  ///
  /// - Parameters:
  ///   - name: The flag.
  ///   - keyPath: The property it sets; `nil` when the flag is absent.
  ///   - minimum: The smallest value accepted.
  ///   - maximum: The largest value accepted.
  ///   - valueName: The help placeholder.
  ///   - help: What the flag controls.
  ///   - absent: What happens without the flag, for the help's "(default: …)".
  public static func integer<Value: FixedWidthInteger>(
    _ name: String, _ keyPath: WritableKeyPath<Settings, Value?>,
    atLeast minimum: Value = .min, atMost maximum: Value = .max,
    valueName: String = "N", help: String, whenAbsent absent: String
  ) -> ChapterOption {
    parsing(
      name, valueName: valueName, help: help,
      accepts: wholeNumberPhrase(minimum: minimum, maximum: maximum),
      parse: wholeNumber(atLeast: minimum, atMost: maximum),
      set: { settings, value in settings[keyPath: keyPath] = value },
      describe: { settings in settings[keyPath: keyPath].map { String($0) } ?? absent })
  }

  /// An optional real-number option, e.g. `--lambda 0.02`.
  ///
  /// - Parameters:
  ///   - name: The flag.
  ///   - keyPath: The property it sets; `nil` when the flag is absent.
  ///   - constraint: Which finite numbers are accepted.
  ///   - valueName: The help placeholder.
  ///   - help: What the flag controls.
  ///   - absent: What happens without the flag, for the help's "(default: …)".
  public static func double(
    _ name: String, _ keyPath: WritableKeyPath<Settings, Double?>,
    _ constraint: NumberConstraint = .finite, valueName: String = "X", help: String,
    whenAbsent absent: String
  ) -> ChapterOption {
    parsing(
      name, valueName: valueName, help: help, accepts: constraint.accepts,
      parse: realNumber(constraint),
      set: { settings, value in settings[keyPath: keyPath] = value },
      describe: { settings in settings[keyPath: keyPath].map { String($0) } ?? absent })
  }

  /// An optional choice of a `String`-backed enum, e.g. `--format movielens-100k`.
  ///
  /// - Parameters:
  ///   - name: The flag.
  ///   - keyPath: The property it sets; `nil` when the flag is absent.
  ///   - valueName: The help placeholder; by default the choices joined by `|`.
  ///   - help: What the flag controls.
  ///   - absent: What happens without the flag, for the help's "(default: …)".
  public static func choice<Choice: RawRepresentable & CaseIterable>(
    _ name: String, _ keyPath: WritableKeyPath<Settings, Choice?>, valueName: String? = nil,
    help: String, whenAbsent absent: String
  ) -> ChapterOption where Choice.RawValue == String {
    let choices = Choice.allCases.map(\.rawValue)
    return parsing(
      name, valueName: valueName ?? choices.joined(separator: "|"), help: help,
      accepts: "one of " + listInEnglish(choices), parse: Choice.init(rawValue:),
      set: { settings, value in settings[keyPath: keyPath] = value },
      describe: { settings in settings[keyPath: keyPath]?.rawValue ?? absent })
  }
}
