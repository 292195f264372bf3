import Foundation
import Testing

@testable import Recommender

/// The page chapter-visualizer writes: self-contained, well-formed, small, and, in a real
/// browser, showing this library's predictions and passing its own check against the Swift run.
@Suite("chapter-visualizer")
struct VisualizerChapterTests {
  static let command = "chapter-visualizer"
  static let page = "matrix-factorization-visualizer.html"

  /// The default run's model, as the chapter trains it: the blog's sample, k = 3, seed 42,
  /// P then Q from np.random.rand, biases from zero, 100 epochs of the listing's step with
  /// γ = 0.01, γ_b = 0.005, λ = 0, ratings in the listing's order.
  static let model: MatrixFactorization = {
    let data = BlogSamples.listing
    var random = NumpyRandom(seed: 42)
    var model = MatrixFactorization(
      users: 5, items: 4, factors: 3, usesBiases: true,
      globalMean: DatasetStatistics(data).globalMean, random: &random)
    var trainer = SGDTrainer(settings: .init(), ratings: data.ratings)
    _ = try! trainer.train(&model, epochs: 100)
    return model
  }()

  @Test("the page is well-formed XHTML-compatible markup, self-contained, and fetches nothing")
  func wellFormedAndSelfContained() async throws {
    let run = try await ChapterRun.shared(Self.command)
    let bytes = try #require(run.chart(Self.page))
    let check = SVGCheck(bytes)
    #expect(check.isWellFormed && check.rootElement == "html")
    var text = String(decoding: bytes, as: UTF8.self)
    for namespace in ["http://www.w3.org/1999/xhtml", "http://www.w3.org/2000/svg"] {
      text = text.replacingOccurrences(of: namespace, with: "")
    }
    for remote in ["http:", "https:", "src=", "<link", "@import", "url("] {
      #expect(!text.contains(remote), "the page refers to something outside itself: \(remote)")
    }
    // The Swift run's trained numbers are embedded exactly, e.g. the first viewer's bias.
    #expect(text.contains("\"bu\":[\(Self.model.userBiases[0]),"))
  }

  @Test("the demo catalogue's page stays under 300 KB and is well-formed")
  func demoPageSize() async throws {
    let run = try await ChapterRun.shared(Self.command, ["--demo"])
    #expect(run.status == 0, "stderr: \(run.standardError)")
    let bytes = try #require(run.chart(Self.page))
    #expect(bytes.count < 300_000)
    #expect(SVGCheck(bytes).isWellFormed)
    #expect(run.standardOutput.contains("R is 200 × 40 with 5,512 of its 8,000 cells empty"))
  }

  @Test(
    "in headless Chromium: the fragment's state applied, predictions equal the model's, self-check passed, screenshot not blank; a tampered copy shows the mismatch banner",
    .enabled(
      if: Chromium.path != nil,
      "Chromium is not installed (apt-get install chromium; .ci/run installs it)"),
    .timeLimit(.minutes(1)))
  func inBrowser() async throws {
    // A process of its own rather than the shared run: the shared runs queue behind every other
    // chapter's, and the browser, started first, then overlaps them instead of running last.
    let run = try ChapterRun.fresh(Self.command)
    let file = run.assetsDirectory.appendingPathComponent(Self.page).path
    // The page opened with Bob's p moved by the sliders to (1, 0.5, −0.25), Sci-Fi Epic
    // selected; beside it a copy whose first expected Σ|e| is off (a digit put in front of it),
    // whose replay must disagree at epoch 1 and say so in the banner. Headless Chromium opens
    // one page per launch, so one launch opens a frame holding both: the page fills the window
    // (for the screenshot), the copy takes one pixel, and once both have checked themselves
    // the frame copies their DOMs into its own.
    let moved = [1, 0.5, -0.25]
    let address = URL(fileURLWithPath: file).absoluteString + "#u=1&amp;i=2&amp;p=1,0.5,-0.25"
    let folder = ChapterRun.temporaryDirectory()
    let shot = folder.appendingPathComponent("page.png")
    let page = try String(contentsOfFile: file, encoding: .utf8)
    try page.replacingOccurrences(of: "\"epochTotals\":[", with: "\"epochTotals\":[1")
      .write(to: folder.appendingPathComponent("tampered.html"), atomically: true, encoding: .utf8)
    let frame = folder.appendingPathComponent("frame.html")
    try Self.frame(page: address, copy: "tampered.html")
      .write(to: frame, atomically: true, encoding: .utf8)
    let dump = try await Chromium.run([
      "--allow-file-access-from-files", "--dump-dom", "--screenshot=\(shot.path)",
      "--window-size=1280,800", "--hide-scrollbars", frame.absoluteString,
    ])
    let doms = dump.components(separatedBy: "<!--end of page-->")
    let html = doms[0]
    #expect(
      doms.count == 3
        && doms[1].contains(
          "id=\"banner\" role=\"alert\">Mismatch with the Swift run: Self-check failed: epoch 1")
    )

    #expect(html.contains("id=\"selfcheck\" data-status=\"pass\""))
    #expect(html.contains("id=\"banner\" role=\"alert\" hidden=\"hidden\""))
    var bob = Self.model
    for f in 0..<3 { bob.P[1, f] = moved[f] }
    let cells = html.matches(of: #/<td data-u="(\d+)" data-i="(\d+)" data-value="([^"]+)"/#)
    #expect(cells.count == 20)
    for cell in cells {
      let (u, i) = (Int(cell.1)!, Int(cell.2)!)
      #expect(Double(cell.3) == bob.predict(user: u, item: i), "cell \(u), \(i)")
    }
    let shown = try #require(
      html.firstMatch(of: #/id="prediction" data-u="1" data-i="2" data-value="([^"]+)"/#))
    #expect(Double(shown.1) == bob.predict(user: 1, item: 2))

    // A blank 1280 × 800 page compresses to a few kilobytes; the drawn page to far more.
    let png = try Data(contentsOf: shot)
    #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
    #expect(png.count > 40_000, "screenshot of \(png.count) bytes looks blank")
  }
}

extension VisualizerChapterTests {
  /// A page framing `page` (filling the window) and `copy` (one pixel), which waits until both
  /// have finished their self-checks and then copies their bodies into its own, each followed by
  /// `<!--end of page-->`, for `--dump-dom` to show. The addresses are escaped for an attribute.
  static func frame(page: String, copy: String) -> String {
    """
    <!DOCTYPE html>
    <html><body style="margin:0">
    <iframe src="\(page)" style="display:block;border:0;width:100vw;height:100vh"></iframe>
    <iframe src="\(copy)" style="position:fixed;right:0;bottom:0;border:0;width:1px;height:1px">
    </iframe>
    <script>
    function copy() {
      const docs = Array.from(document.querySelectorAll("iframe"), (f) => f.contentDocument);
      const done = (d) => d && d.getElementById("selfcheck")
        && d.getElementById("selfcheck").dataset.status !== "pending";
      if (!docs.every(done)) return setTimeout(copy, 20);
      for (const d of docs) {
        document.body.insertAdjacentHTML("beforeend", d.body.innerHTML);
        document.body.append(document.createComment("end of page"));
      }
    }
    window.addEventListener("load", copy);
    </script>
    </body></html>
    """
  }
}

/// Debian's headless Chromium, when installed.
enum Chromium {
  static let path: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first {
    FileManager.default.isExecutableFile(atPath: $0)
  }

  /// Runs Chromium headless on `arguments` and returns its standard output. As root it needs
  /// --no-sandbox; the virtual-time budget lets the page's script finish before the dump.
  static func run(_ arguments: [String]) async throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path!)
    process.arguments =
      [
        "--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=5000",
      ] + arguments
    let output = ChapterRun.temporaryDirectory().appendingPathComponent("stdout")
    _ = FileManager.default.createFile(atPath: output.path, contents: nil)
    let handle = try FileHandle(forWritingTo: output)
    process.standardOutput = handle
    process.standardError = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    try process.run()
    // A browser that hangs is stopped, so the test fails instead of waiting forever.
    DispatchQueue.global().asyncAfter(deadline: .now() + 50) {
      if process.isRunning { process.terminate() }
    }
    await withCheckedContinuation { continuation in
      DispatchQueue.global().async {
        process.waitUntilExit()
        continuation.resume()
      }
    }
    try handle.close()
    return String(decoding: try Data(contentsOf: output), as: UTF8.self)
  }
}
