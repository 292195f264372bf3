@testable import ChapterKit

/// A chapter-like settings type exercising every kind of option.
enum SampleInitialisation: String, CaseIterable {
  case uniform
  case normal
  case zeros
}

struct SampleSettings: ChapterSettings, Equatable {
  var common = CommonOptions()
  var factors = 2
  var epochs = 50
  var learningRate = 0.01
  var testFraction = 0.2
  var initialisation = SampleInitialisation.uniform
  var quick = false
  var ratingsPath: String? = nil

  static var options: [ChapterOption<SampleSettings>] {
    [
      .integer("--factors", \.factors, atLeast: 1, help: "latent factors k per user and movie"),
      .integer("--epochs", \.epochs, atLeast: 0, help: "passes over the ratings"),
      .double("--learning-rate", \.learningRate, .positive, help: "SGD step size"),
      .double("--test-fraction", \.testFraction, .unitIntervalOpen, help: "share held out"),
      .choice("--init", \.initialisation, help: "how P and Q start"),
      .flag("--quick", \.quick, help: "fewer epochs, for a fast look"),
      .string("--ratings", \.ratingsPath, valueName: "FILE", help: "a ratings CSV to use"),
    ] + .common(\.common)
  }
}

let sampleInfo = ChapterInfo(
  command: "chapter-basic-mf",
  mirrors: "Blog sections 5, 6 and 8: hidden factors, matrix factorization, the training pipeline",
  summary: "Trains the blog's basic matrix factorization on its toy ratings.")

/// The settings, or `nil` when parsing failed or asked for help.
func parsedSettings(_ arguments: [String]) -> SampleSettings? {
  let result: Result<ParsedCommandLine<SampleSettings>, ChapterError> = parse(
    arguments)
  guard case .success(.run(let settings)) = result else { return nil }
  return settings
}

/// The error, or `nil` when parsing succeeded.
func parseError(_ arguments: [String]) -> ChapterError? {
  let result: Result<ParsedCommandLine<SampleSettings>, ChapterError> = parse(
    arguments)
  guard case .failure(let error) = result else { return nil }
  return error
}
