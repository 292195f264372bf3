/// A ratings or titles file that cannot be used: which file, where, and what was expected.
///
/// `description` is one line in the compiler style `file:line: problem` (or `file: problem` when
/// the whole file is at fault), ready for standard error, e.g.
/// `ratings.csv:17: rating "abc" is not a number`.
public struct DataFileError: Error, CustomStringConvertible, Equatable, Sendable {
  /// The path as the caller gave it, so the message points where the user looked.
  public let file: String
  /// The 1-based physical line where the offending record starts; `nil` for whole-file problems.
  public let line: Int?
  /// What is wrong and what was expected, e.g. `rating 7 is outside the scale 1–5`.
  public let problem: String

  /// - Parameters:
  ///   - file: The path as the caller gave it.
  ///   - line: The 1-based line where the bad record starts, or `nil` for the whole file.
  ///   - problem: One line saying what is wrong.
  public init(file: String, line: Int? = nil, problem: String) {
    self.file = file
    self.line = line
    self.problem = problem
  }

  public var description: String {
    guard let line else { return "\(file): \(problem)" }
    return "\(file):\(line): \(problem)"
  }
}
