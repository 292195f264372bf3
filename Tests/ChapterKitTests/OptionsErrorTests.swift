import Testing

@testable import ChapterKit

@Suite("Options: mistakes are one-line usage errors")
struct OptionsErrorTests {
  @Test("an unknown flag close to a known one suggests it")
  func unknownWithSuggestion() {
    let error = parseError(["--fators", "3"])
    #expect(error == .usage("unknown option \"--fators\" (did you mean --factors?)"))
  }

  @Test("an unknown flag far from every known one points to --help")
  func unknownWithoutSuggestion() {
    let error = parseError(["--verbose"])
    #expect(error == .usage("unknown option \"--verbose\""))
  }

  @Test("a single-dash flag other than -h is unknown")
  func singleDash() {
    #expect(parseError(["-x"])?.message.hasPrefix("unknown option \"-x\"") == true)
  }

  @Test("a positional argument is refused")
  func positional() {
    let error = parseError(["ratings.csv"])
    #expect(
      error == .usage("unexpected argument \"ratings.csv\"; options start with --"))
  }

  @Test("a flag at the end without its value is missing a value")
  func missingValueAtEnd() {
    #expect(parseError(["--epochs"]) == .usage("--epochs needs a value: a whole number ≥ 0"))
  }

  @Test("a flag followed by another flag is missing a value")
  func missingValueBeforeFlag() {
    #expect(
      parseError(["--epochs", "--factors", "3"])
        == .usage("--epochs needs a value: a whole number ≥ 0"))
  }

  @Test("a non-integer for an integer option is refused")
  func malformedInteger() {
    #expect(
      parseError(["--factors", "2.5"])
        == .usage("--factors expects a whole number ≥ 1, got \"2.5\""))
  }

  @Test("zero factors is out of range")
  func zeroFactors() {
    #expect(
      parseError(["--factors", "0"]) == .usage("--factors expects a whole number ≥ 1, got \"0\""))
  }

  @Test("negative epochs are out of range")
  func negativeEpochs() {
    #expect(
      parseError(["--epochs", "-5"]) == .usage("--epochs expects a whole number ≥ 0, got \"-5\""))
  }

  @Test("a seed beyond 32 bits is refused with the full range")
  func seedTooLarge() {
    #expect(
      parseError(["--seed=4294967296"])
        == .usage("--seed expects a whole number from 0 to 4294967295, got \"4294967296\""))
  }

  @Test(
    "a learning rate that is not a finite positive number is refused",
    arguments: ["nan", "inf", "-inf", "0", "-0.01", "fast", ""])
  func badLearningRate(text: String) {
    #expect(
      parseError(["--learning-rate=\(text)"])
        == .usage("--learning-rate expects a finite number > 0, got \"\(text)\""))
  }

  @Test("a test fraction of 1 is outside (0, 1)")
  func fractionOne() {
    #expect(
      parseError(["--test-fraction", "1"])
        == .usage("--test-fraction expects a number strictly between 0 and 1, got \"1\""))
  }

  @Test("an unknown choice lists the choices")
  func badChoice() {
    #expect(
      parseError(["--init", "random"])
        == .usage("--init expects one of uniform, normal or zeros, got \"random\""))
  }

  @Test("a flag given twice is refused")
  func repeated() {
    #expect(
      parseError(["--epochs", "5", "--epochs=6"])
        == .usage("--epochs given more than once; give it once"))
  }

  @Test("a switch given a value is refused")
  func switchWithValue() {
    #expect(parseError(["--quick=yes"]) == .usage("--quick takes no value, got \"yes\""))
  }

  @Test("an empty path is refused")
  func emptyPath() {
    #expect(
      parseError(["--assets="]) == .usage("--assets expects a non-empty DIR, got \"\""))
  }

  @Test("every parsing mistake exits with status 64")
  func status() {
    let mistakes = [
      ["--fators"], ["x"], ["--epochs"], ["--factors", "0"], ["--quick", "--quick"],
    ]
    #expect(mistakes.allSatisfy { parseError($0)?.status == .usage })
    #expect(ExitStatus.usage.rawValue == 64)
  }
}
