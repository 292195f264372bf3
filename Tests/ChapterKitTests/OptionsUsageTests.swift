import Testing

@testable import ChapterKit

@Suite("Options: --help text")
struct OptionsUsageTests {
  let usage = sampleInfo.usage(for: SampleSettings.self)

  @Test("is the usage line, summary, mirrored sections and every option, exactly")
  func exactText() {
    #expect(
      usage == """
        Usage: chapter-basic-mf [options]

        Trains the blog's basic matrix factorization on its toy ratings.

        Mirrors: Blog sections 5, 6 and 8: hidden factors, matrix factorization, the
                 training pipeline

        Options:
          --factors N        latent factors k per user and movie (default: 2)
          --epochs N         passes over the ratings (default: 50)
          --learning-rate X  SGD step size (default: 0.01)
          --test-fraction X  share held out (default: 0.2)
          --init uniform|normal|zeros
                             how P and Q start (default: uniform)
          --quick            fewer epochs, for a fast look
          --ratings FILE     a ratings CSV to use (default: none)
          --seed N           random seed, for reproducible runs (default: 42)
          --assets DIR       directory for SVG charts (default: assets)
          --no-charts        do not write SVG charts
          --pause            wait for Enter between sections (terminal only)
          -h, --help         show this help and exit

        """)
  }

  @Test("shows each default from Settings(), so changing a default changes the help")
  func defaultsFollowSettings() {
    struct Tuned: ChapterSettings {
      var factors = 7
      static var options: [ChapterOption<Tuned>] {
        [.integer("--factors", \.factors, atLeast: 1, help: "latent factors")]
      }
    }
    let info = ChapterInfo(command: "c", mirrors: "Blog section 6", summary: "s")
    #expect(info.usage(for: Tuned.self).contains("  --factors N  latent factors (default: 7)\n"))
  }

  @Test("no line is wider than 80 characters")
  func width() {
    #expect(usage.split(separator: "\n").allSatisfy { $0.count <= 80 })
  }

  @Test("a usage error report is its one line, then a pointer to --help")
  func errorReportLayout() {
    let report = errorReport(
      .usage("--epochs needs a value: a whole number ≥ 0"), command: "chapter-basic-mf")
    #expect(
      report
        == "chapter-basic-mf: error: --epochs needs a value: a whole number ≥ 0\n"
        + "Run chapter-basic-mf --help for every flag, what it accepts and its default.\n")
  }

  @Test("a data error report is one line, line breaks folded, with no pointer to --help")
  func dataErrorReport() {
    let report = errorReport(
      .dataError("line 3:\nrating \"six\" is not a number"), command: "chapter-data")
    #expect(report == "chapter-data: error: line 3: rating \"six\" is not a number\n")
  }
}
