import Foundation
import Testing

@testable import ChapterKit

@Suite("Narration: terminal styling")
struct NarratorStyleTests {
  let paragraphs: (Narrator) -> String = { narrator in
    narrator.bannerText(title: "T", mirrors: "M", command: "c") + narrator.headingText("H")
      + narrator.noteText("a note") + narrator.paragraphText("text")
  }

  @Test("plain style writes no escape bytes")
  func plainHasNoEscapes() {
    #expect(!paragraphs(Narrator(style: .plain)).utf8.contains(0x1B))
  }

  @Test("ANSI style makes headings bold and notes dim")
  func ansiStyles() {
    let narrator = Narrator(style: .ansi)
    #expect(narrator.headingText("H") == "\n\u{1B}[1mH\u{1B}[0m\n─\n")
    #expect(narrator.noteText("a note") == "\u{1B}[2ma note\u{1B}[0m\n\n")
  }

  @Test("a terminal without NO_COLOR gets ANSI")
  func detectTerminal() {
    #expect(TerminalStyle.detect(standardOutputIsTerminal: true, environment: [:]) == .ansi)
  }

  @Test("output that is not a terminal is plain")
  func detectPipe() {
    #expect(TerminalStyle.detect(standardOutputIsTerminal: false, environment: [:]) == .plain)
  }

  @Test("NO_COLOR turns styling off on a terminal")
  func detectNoColor() {
    #expect(
      TerminalStyle.detect(standardOutputIsTerminal: true, environment: ["NO_COLOR": "1"])
        == .plain)
  }

  @Test(
    "pausing returns at once when standard input is not a terminal",
    .enabled(if: isatty(STDIN_FILENO) != 1, "needs standard input redirected, as in CI"),
    .timeLimit(.minutes(1)))
  func pauseNeverBlocksWithoutTerminal() {
    // Run as `sleep 120 | swift test …`: a read would wait on the open pipe and hit the limit.
    Narrator(style: .plain).pauseIfRequested(true)
  }
}
