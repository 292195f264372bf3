// chapter-visualizer: blog section 15, "Interactive Visualizations": the visualizer the blog
// only imagines, as one self-contained HTML page. The chapter trains the model with biases, then
// writes the page with the trained P, Q, biases, the ratings and the training's start embedded;
// the page draws the matrices, explains any prediction term by term, lets sliders move the
// factors, replays SGD (checking itself against this run) and turns the factors in 3D.
//
//     swift run chapter-visualizer [--demo] [--factors K] [--epochs N] [--seed N]
//     swift run -c release chapter-visualizer --ratings ml-100k/u.data --titles ml-100k/u.item

import ChapterKit
import Recommender

let info = ChapterInfo(
  command: "chapter-visualizer",
  mirrors: "Blog section 15 (interactive visualizations: the 3D matrix-factorization visualizer)",
  summary: "Writes an interactive page: the matrices, each prediction term by term, factor "
    + "sliders, SGD replayed in the browser, a 3D view.")
let settings: Settings = parseOrExit(info)
let source = PageData.loadOrExit(settings, command: info.command)
let data = source.dataset
let k = settings.factors
let epochs = settings.epochs ?? source.defaultEpochs
let λ = settings.lambda ?? (source.isBlogSample ? 0 : 0.02)
let pageName = "matrix-factorization-visualizer.html"
var charts = ChartOutput(settings.common, command: info.command)
let say = Narrator()

say.banner(
  title: "The matrix-factorization visualizer, in your browser", mirrors: info.mirrors,
  command: "swift run \(info.command)")

// MARK: - The model behind the page

say.heading("The model behind the page")
let training = PageTraining.runOrExit(
  data, factors: k, epochs: epochs,
  settings: .init(
    learningRate: settings.learningRate, biasLearningRate: settings.biasLearningRate,
    regularization: λ),
  seed: settings.common.seed, command: info.command)
let model = training.trained
let history = training.history
say.paragraph(
  "The blog imagines a visualizer: the sparse rating matrix beside the dense viewer and movie "
    + "factor matrices, sliders that move the factors, lines that show how they combine. This "
    + "chapter builds it as one HTML page that opens from disk with no network. First the model "
    + "it shows, r̂ = μ + bᵤ + bᵢ + pᵤ·qᵢ, trained on \(source.name): "
    + Tables.dataLine(data) + " "
    + Tables.trainingLine(training, epochs: epochs))
say.paragraph(Tables.learning(history, ratingCount: data.ratings.count))

// MARK: - The three matrices

say.pauseIfRequested(settings.common.pauses)
say.heading("The three matrices")
say.paragraph(Tables.matricesLine(data, factors: k))

// MARK: - One prediction, term by term

say.pauseIfRequested(settings.common.pauses)
say.heading("One prediction, term by term")
let cell = openingCell(model, data: data)
say.paragraph(Tables.cellIntroduction(cell, data: data))
say.table(Tables.terms(model, cell: cell))
say.paragraph(
  "The page opens on this cell and draws each product as a line between pᵤ and qᵢ, as wide as "
    + "the product is large: blue and solid when it adds, orange and dashed when it subtracts "
    + "(the blog's glowing lines). Any other prediction shows the same way when hovered, "
    + "clicked or reached with the arrow keys.")

// MARK: - Sliders

say.pauseIfRequested(settings.common.pauses)
say.heading("Sliders")
say.paragraph(Tables.sliderLine(model, cell: cell, data: data))
say.paragraph(Tables.picksIntroduction(model, user: cell.user, data: data))
say.table(Tables.picks(model, user: cell.user, data: data))

// MARK: - Training in the page

say.pauseIfRequested(settings.common.pauses)
say.heading("Training in the page")
say.paragraph(
  "The page embeds the starting P and Q this run drew and the ratings in the order it "
    + "visited them, and steps through SGD one rating or one epoch at a time with the same "
    + "arithmetic. Doubles are doubles in JavaScript too, so the page must land on this run's "
    + "numbers exactly. Σ|e| per epoch, as this run computed it:")
say.table(Tables.epochTotals(history))
say.paragraph(
  "When it opens, the page replays all \(Tables.count(epochs, "epoch", "epochs")) "
    + "(\(grouped(epochs * data.ratings.count)) steps) and compares every Σ|e| and every trained "
    + "parameter with these, bit for bit; it says \"Self-check passed\" or shows a mismatch "
    + "banner. Stepping by hand compares each finished epoch the same way.")

// MARK: - The 3D view

say.pauseIfRequested(settings.common.pauses)
say.heading("The 3D view")
say.paragraph(Tables.spaceLine(model, cell: cell, data: data))

// MARK: - Opening the page

let page = Figures.page(
  .init(
    data: data, dataName: source.name, training: training, opening: cell,
    seed: settings.common.seed))
charts.write(page, named: pageName)
charts.writeAll(reportingTo: say)
say.heading("Opening the page")
say.paragraph(
  Tables.openingLine(
    page: page, path: "\(charts.directory)/\(pageName)", written: charts.isEnabled, cell: cell))

// MARK: - What to try next

say.heading("Try next")
say.bullets(Tables.tryNext(settings, source: source))
