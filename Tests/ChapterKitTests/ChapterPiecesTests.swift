import Recommender
import Testing

@testable import ChapterKit

@Suite("Tables and progress for long runs")
struct ChapterPiecesTests {
  @Test("the model table prints MAE and RMSE to three decimals, one row per model")
  func modelTable() {
    let metrics = ErrorMetrics(absoluteSum: 1, squareSum: 2, count: 2)
    let text = ModelScore.table([ModelScore(name: "Mean", train: metrics, test: metrics)])
      .rendered()
    let row = text.split(separator: "\n").last!.split(separator: " ").map(String.init)
    #expect(row == ["Mean", "0.500", "1.000", "0.500", "1.000"])
  }

  @Test("the progress bar fills in proportion and counts the units")
  func progressBar() {
    let bar = ProgressBar(total: 4, unit: "epochs", isVisible: false)
    #expect(
      bar.text(done: 1) == "[" + String(repeating: "█", count: 7)
        + String(repeating: "·", count: 23) + "] 1/4 epochs")
    #expect(bar.text(done: 4, label: "MF").hasSuffix("] 4/4 epochs  MF"))
  }
}

@Suite("Options whose default depends on the data")
struct OptionalOptionsTests {
  struct Settings: ChapterSettings, Equatable {
    var factors: Int?
    var lambda: Double?
    var format: RatingsFileFormat?
    static var options: [ChapterOption<Settings>] {
      [
        .integer("--factors", \.factors, atLeast: 1, help: "k", whenAbsent: "5; 100 with data"),
        .double("--lambda", \.lambda, .positive, help: "λ", whenAbsent: "0.1"),
        .choice("--format", \.format, help: "layout", whenAbsent: "detected"),
      ]
    }
  }

  static func parsed(_ arguments: [String]) -> Settings? {
    let result: Result<ParsedCommandLine<Settings>, ChapterError> = parse(
      arguments)
    guard case .success(.run(let settings)) = result else { return nil }
    return settings
  }

  @Test("absent flags leave nil; given ones set the value")
  func values() {
    #expect(Self.parsed([]) == Settings())
    #expect(
      Self.parsed(["--factors", "7", "--lambda", "0.5", "--format", "csv"])
        == Settings(factors: 7, lambda: 0.5, format: .csv))
  }

  @Test("out-of-range values are refused")
  func refused() {
    #expect(Self.parsed(["--factors", "0"]) == nil)
    #expect(Self.parsed(["--lambda", "-1"]) == nil)
    #expect(Self.parsed(["--format", "xml"]) == nil)
  }

  @Test("the help shows what happens without the flag")
  func help() {
    let usage = sampleInfo.usage(for: Settings.self)
    #expect(usage.contains("(default: 5; 100 with data)"))
    #expect(usage.contains("(default: detected)"))
  }
}
