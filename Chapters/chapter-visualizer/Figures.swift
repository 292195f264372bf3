import ChartKit
import Recommender

/// The chapter's one figure: the interactive page, as one self-contained HTML file.
///
/// The markup is HTML that is also well-formed XML (void elements closed, the style sheet and
/// script in CDATA sections), so a browser opens it as HTML and an XML parser can check it.
/// Everything is inline: style, script and the model as data; the page fetches nothing.
enum Figures {
  /// The most viewers and movies the page draws at once: the window it moves with the selection.
  static let windowSize = 12

  /// What the page shows and replays.
  struct Page {
    let data: RatingsDataset
    let dataName: String
    let training: PageTraining
    let opening: (user: Int, item: Int)
    let seed: UInt32
  }

  static func page(_ page: Page) -> String {
    let model = page.training.trained
    let k = model.factorCount
    let data = page.data
    let summary =
      "\(data.userCount) viewers × \(data.itemCount) movies, \(data.ratings.count) ratings "
      + "(\(page.dataName)); k = \(k) \(k == 1 ? "factor" : "factors"); trained by "
      + "chapter-visualizer from seed \(page.seed) for "
      + "\(Tables.count(page.training.history.records.count, "epoch", "epochs"))."
    return """
      <!DOCTYPE html>
      <html lang="en" xmlns="http://www.w3.org/1999/xhtml">
      <head>
      <meta charset="utf-8"/>
      <meta name="viewport" content="width=device-width, initial-scale=1"/>
      <title>Matrix factorization, interactive</title>
      <style>/*<![CDATA[*/
      \(PageScript.css)
      /*]]>*/</style>
      </head>
      <body>
      <header>
      <h1>Matrix factorization, interactive: R ≈ P × Qᵀ</h1>
      <p class="muted">\(XMLText.escaped(summary))</p>
      <noscript><p>This page needs JavaScript for everything but this line.</p></noscript>
      </header>
      <div id="banner" role="alert" hidden="hidden"></div>
      <p id="selfcheck" data-status="pending" aria-live="polite">Self-check not run.</p>
      <main>
      <section aria-labelledby="h-mats">
      <h2 id="h-mats">The three matrices</h2>
      <p class="muted">P (viewers × factors) times Qᵀ (factors × movies) gives the predictions \
      where a viewer's row meets a movie's column; R, with its gaps hatched, is what they \
      approximate. Hover, click or focus a prediction; there the arrow keys move the selection \
      and Page Up/Down jump a screen.</p>
      <p id="window" class="muted"></p>
      <div class="mats">
      <figure class="mat" id="figQ"><figcaption>Qᵀ, movies (factors × movies)</figcaption>\
      <table class="grid" id="Qt"></table></figure>
      <figure class="mat" id="figP"><figcaption>P, viewers</figcaption>\
      <table class="grid" id="P"></table></figure>
      <figure class="mat" id="figRhat"><figcaption>r̂ = μ + bᵤ + bᵢ + row of P · column of \
      Qᵀ</figcaption><table class="grid" id="Rhat" aria-label="Predicted ratings; arrow keys \
      move"></table></figure>
      <figure class="mat" id="figR"><figcaption>R, the ratings (≈ r̂)</figcaption>\
      <table class="grid" id="R"></table></figure>
      </div>
      <p id="legend" class="muted"></p>
      </section>
      <div class="panels">
      <section aria-labelledby="h-cell">
      <h2 id="h-cell">One prediction, term by term: <span id="cellname"></span></h2>
      <p id="formula" aria-live="polite"></p>
      <canvas id="lines" width="320" height="100" role="img" aria-label="Each factor's product \
      as a line whose width is its size; blue solid adds, orange dashed subtracts"></canvas>
      <table class="log" id="terms"></table>
      </section>
      <section aria-labelledby="h-sliders">
      <h2 id="h-sliders">Sliders</h2>
      <div class="nav"><label for="viewer">Viewer</label><select id="viewer"></select>\
      <label for="movie">Movie</label><select id="movie"></select>\
      <button type="button" id="reset">Reset to the trained values</button></div>
      <p id="slidernames" class="muted"></p>
      <div class="sliders" id="sliders"></div>
      <h3 id="pickshead" style="font-size:.95rem;margin:.5rem 0 0"></h3>
      <ol id="picks" aria-live="polite"></ol>
      </section>
      <section aria-labelledby="h-train">
      <h2 id="h-train">Training in the page</h2>
      <p class="muted">SGD from the Swift run's own start: P and Q drawn from seed \
      \(page.seed), biases zero, the ratings in the same order, the same step (γ = \
      \(number(page.training.settings.learningRate)), γ_b = \
      \(number(page.training.settings.biasLearningRate)), λ = \
      \(number(page.training.settings.regularization))). Each finished epoch is compared with the \
      Swift run's Σ|e|.</p>
      <div class="nav"><button type="button" id="begin">Start from the initial P and Q</button>\
      <button type="button" id="steprating">Next rating</button>\
      <button type="button" id="stepepoch">Next epoch</button>\
      <button type="button" id="stepall">All epochs</button></div>
      <p id="trainstatus" aria-live="polite">Showing the trained model.</p>
      <table class="log" id="log"></table>
      </section>
      <section aria-labelledby="h-3d">
      <h2 id="h-3d">The 3D view</h2>
      <p class="muted">Viewers (orange circles) and movies (blue squares) by their first three \
      factors. Drag, or focus the view and use the arrow keys, to turn it.</p>
      <canvas id="space3d" width="400" height="400" tabindex="0" role="img" \
      aria-label="3D view of viewers and movies; arrow keys turn it" \
      aria-describedby="spacetext"></canvas>
      <p id="spacetext" aria-live="polite"></p>
      </section>
      </div>
      </main>
      <script>//<![CDATA[
      const D = \(dataObject(page));
      \(PageScript.javaScript)
      //]]></script>
      </body>
      </html>

      """
  }

  /// The page's data as a JavaScript object literal: every double written so that it reads back
  /// as the same double (Swift's shortest round-trip form, which JavaScript parses exactly).
  static func dataObject(_ page: Page) -> String {
    let trained = page.training.trained
    let start = page.training.start
    let settings = page.training.settings
    func numbers(_ values: [Double]) -> String {
      "[" + values.map(number).joined(separator: ",") + "]"
    }
    func names(_ values: [String]) -> String {
      "[" + values.map(jsonString).joined(separator: ",") + "]"
    }
    let ratings = page.data.ratings.map { "\($0.user),\($0.item),\(number($0.value))" }
    return "{\"users\":\(names(page.data.userNames)),\"items\":\(names(page.data.itemNames)),"
      + "\"k\":\(trained.factorCount),\"mu\":\(number(trained.globalMean)),"
      + "\"scale\":[\(number(page.data.scale.lowerBound)),\(number(page.data.scale.upperBound))],"
      + "\"window\":\(windowSize),\"viewer\":\(page.opening.user),\"movie\":\(page.opening.item),"
      + "\"settings\":{\"gamma\":\(number(settings.learningRate)),"
      + "\"gammaB\":\(number(settings.biasLearningRate)),"
      + "\"lambda\":\(number(settings.regularization))},\n"
      + "\"ratings\":[\(ratings.joined(separator: ","))],\n"
      + "\"start\":{\"P\":\(numbers(start.P.storage)),\"Q\":\(numbers(start.Q.storage))},\n"
      + "\"trained\":{\"P\":\(numbers(trained.P.storage)),\"Q\":\(numbers(trained.Q.storage)),"
      + "\"bu\":\(numbers(trained.userBiases)),\"bi\":\(numbers(trained.itemBiases))},\n"
      + "\"epochTotals\":\(numbers(page.training.history.records.map(\.totalAbsoluteError)))}"
  }

  /// A double in the shortest form that reads back as itself; whole numbers without ".0".
  static func number(_ x: Double) -> String {
    let text = "\(x)"
    return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
  }

  /// A JSON string literal that is also safe inside a script in XML: `<`, `>` and `&` escaped.
  static func jsonString(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "<", ">", "&", "\u{2028}", "\u{2029}":
        out += "\\u" + hex4(scalar.value)
      case _ where scalar.value < 0x20: out += "\\u" + hex4(scalar.value)
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }

  private static func hex4(_ value: UInt32) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }
}
