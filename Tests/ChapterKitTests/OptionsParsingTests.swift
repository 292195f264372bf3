import Testing

@testable import ChapterKit

@Suite("Options: reading values")
struct OptionsParsingTests {
  @Test("no arguments give the defaults of Settings()")
  func defaults() {
    #expect(parsedSettings([]) == SampleSettings())
  }

  @Test("the shared defaults are seed 42, assets directory \"assets\", charts on, no pausing")
  func commonDefaults() {
    let common = parsedSettings([])?.common
    #expect(common?.seed == 42)
    #expect(common?.assetsDirectory == "assets")
    #expect(common?.writesCharts == true)
    #expect(common?.pauses == false)
  }

  @Test("\"--flag value\" sets each kind of option")
  func separateValues() {
    let settings = parsedSettings([
      "--factors", "3", "--epochs", "0", "--learning-rate", "0.05", "--init", "normal",
      "--ratings", "data/ratings.csv", "--quick",
    ])
    #expect(settings?.factors == 3)
    #expect(settings?.epochs == 0)
    #expect(settings?.learningRate == 0.05)
    #expect(settings?.initialisation == .normal)
    #expect(settings?.ratingsPath == "data/ratings.csv")
    #expect(settings?.quick == true)
  }

  @Test("\"--flag=value\" works like \"--flag value\"")
  func equalsForm() {
    let settings = parsedSettings(["--factors=4", "--learning-rate=1e-3", "--init=zeros"])
    #expect(settings?.factors == 4)
    #expect(settings?.learningRate == 0.001)
    #expect(settings?.initialisation == .zeros)
  }

  @Test("the shared options reach CommonOptions")
  func commonOptions() {
    let common = parsedSettings([
      "--seed", "4294967295", "--assets", "out", "--no-charts", "--pause",
    ])?.common
    #expect(common?.seed == 4_294_967_295)
    #expect(common?.assetsDirectory == "out")
    #expect(common?.writesCharts == false)
    #expect(common?.pauses == true)
  }

  @Test("a fraction strictly between 0 and 1 is accepted")
  func fraction() {
    #expect(parsedSettings(["--test-fraction", "0.25"])?.testFraction == 0.25)
  }

  @Test("--help anywhere asks for help, even after a mistake")
  func help() {
    let long: Result<ParsedCommandLine<SampleSettings>, ChapterError> = parse(
      ["--factors", "0", "--help"])
    let short: Result<ParsedCommandLine<SampleSettings>, ChapterError> = parse(
      ["-h"])
    #expect(long == .success(.help))
    #expect(short == .success(.help))
  }

  @Test("the array form \"[…] + .common(\\.common)\" matches ChapterOption.commonOptions")
  func commonForms() {
    let viaArray: [ChapterOption<SampleSettings>] = .common(\.common)
    let viaOption = ChapterOption<SampleSettings>.commonOptions(\.common)
    #expect(viaArray.map(\.name) == ["--seed", "--assets", "--no-charts", "--pause"])
    #expect(viaOption.map(\.name) == viaArray.map(\.name))
  }
}
