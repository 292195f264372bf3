import ChapterKit
import ChartKit
import Recommender

/// The charts of chapter-neural-cf.
enum Figures {
  /// Test RMSE after every epoch of each neural model, MF's final RMSE as a dashed line.
  static func ratingCurves(
    _ curves: [(name: String, rmse: [Double])], mf: Double, seed: UInt32
  ) -> String {
    let epochs = curves.map(\.rmse.count).max() ?? 1
    return LineChart(
      title: "Learning curves on ratings: the error on held-out ratings, epoch by epoch",
      subtitle: "Test RMSE after each epoch of Adam, seed \(seed); lower is better",
      description: "Line chart of held-out RMSE per epoch for each neural model, with matrix "
        + "factorization's final RMSE as a dashed line.",
      xAxisTitle: "Epoch", yAxisTitle: "Test RMSE (stars)",
      series: curves.map { curve in
        LineSeries(
          name: curve.name, x: curve.rmse.indices.map { Double($0 + 1) }, y: curve.rmse)
      } + [
        LineSeries(
          name: "MF with biases and λ", x: [1, Double(epochs)], y: [mf, mf], isDashed: true,
          color: "#777777")
      ],
      legendPlacement: .bottom
    ).svg()
  }

  /// HR@K after every epoch of each model trained on choices.
  static func choiceCurves(
    _ curves: [(name: String, hitRate: [Double])], popularity: Double, k: Int, seed: UInt32
  ) -> String {
    let epochs = curves.map(\.hitRate.count).max() ?? 1
    return LineChart(
      title: "Learning curves on choices: HR@\(k) of the held-out title, epoch by epoch",
      subtitle: "Share of viewers whose held-out title ranks in the top \(k), seed \(seed); "
        + "higher is better",
      description: "Line chart of hit rate at \(k) per epoch for each model trained on implicit "
        + "feedback, with the popularity ranking as a dashed line.",
      xAxisTitle: "Epoch", yAxisTitle: "HR@\(k)",
      series: curves.map { curve in
        LineSeries(
          name: curve.name, x: curve.hitRate.indices.map { Double($0 + 1) }, y: curve.hitRate)
      } + [
        LineSeries(
          name: "Popularity", x: [1, Double(epochs)], y: [popularity, popularity],
          isDashed: true, color: "#777777")
      ],
      legendPlacement: .bottom
    ).svg()
  }

  static func ratingBars(_ scores: [SeedScores], seeds: Int) -> String {
    BarChart(
      title: "Every model on held-out ratings",
      subtitle: "Test RMSE in stars, " + (seeds == 1 ? "one run" : "mean of \(seeds) seeds")
        + "; lower is better",
      description: "Horizontal bar chart of test RMSE for the baselines, matrix factorization, "
        + "the neural models and the autoencoder.",
      categoryAxisTitle: "", valueAxisTitle: "Test RMSE (stars)",
      categories: scores.map(\.name),
      groups: [BarGroup(name: "Test RMSE", values: scores.map(\.mean))],
      orientation: .horizontal, showsValueLabels: true, valueDecimals: 3,
      legendPlacement: .bottom
    ).svg()
  }

  static func choiceBars(_ hits: [SeedScores], _ ndcgs: [SeedScores], k: Int, seeds: Int)
    -> String
  {
    BarChart(
      title: "Ranking the held-out title among unchosen ones",
      subtitle: "HR@\(k) and NDCG@\(k), " + (seeds == 1 ? "one run" : "mean of \(seeds) seeds")
        + "; higher is better",
      description: "Grouped horizontal bar chart of hit rate and NDCG at \(k) for popularity, "
        + "matrix factorization and the neural models.",
      categoryAxisTitle: "", valueAxisTitle: "Score (0 to 1)",
      categories: hits.map(\.name),
      groups: [
        BarGroup(name: "HR@\(k)", values: hits.map(\.mean)),
        BarGroup(name: "NDCG@\(k)", values: ndcgs.map(\.mean)),
      ],
      orientation: .horizontal, showsValueLabels: true, valueDecimals: 3,
      legendPlacement: .bottom
    ).svg()
  }

  static func dotProduct(_ experiment: DotProductLearning) -> String {
    let x = experiment.fits.map { Double($0.parameters) }
    return LineChart(
      title: "Can an MLP learn a dot product?",
      subtitle: "Test RMSE on \(grouped(experiment.testPairs)) unseen pairs, d = "
        + "\(experiment.dimension); the dot product itself is exact (0)",
      description: "Line chart of the MLP's test RMSE against its number of parameters, with "
        + "the mean guess and the dot product as dashed lines.",
      xAxisTitle: "MLP parameters", yAxisTitle: "Test RMSE",
      series: [
        LineSeries(
          name: "MLP", x: x, y: experiment.fits.map(\.testRMSE), showsMarkers: true),
        LineSeries(
          name: "Mean guess", x: [x.first!, x.last!],
          y: [experiment.meanRMSE, experiment.meanRMSE], isDashed: true, color: "#777777"),
        LineSeries(
          name: "Dot product", x: [x.first!, x.last!], y: [0, 0], isDashed: true,
          color: "#2a9d55"),
      ],
      xScale: .log10, legendPlacement: .bottom
    ).svg()
  }

  /// NeuMF as boxes and arrows, with the run's sizes.
  static func neuMF(factors: Int, tower: [Int]) -> String {
    let half = tower[0] / 2
    let layers = tower.dropFirst().map(String.init).joined(separator: "→")
    return BlockDiagram(
      title: "NeuMF: a GMF part and an MLP part, joined at the output",
      subtitle: "He et al. (2017); sizes of this run: k = \(factors), tower "
        + tower.map(String.init).joined(separator: "→"),
      description: "Box-and-arrow diagram: a viewer and a title each look up a GMF embedding "
        + "and an MLP embedding; the GMF embeddings are multiplied element by element, the MLP "
        + "embeddings are concatenated and passed through ReLU layers; both results are "
        + "concatenated and weighted into one score.",
      blocks: [
        .init(id: "user", lines: ["Viewer u"], column: 0, row: 1),
        .init(id: "item", lines: ["Title i"], column: 0, row: 2),
        .init(id: "gu", lines: ["GMF pᵤ", "\(factors) numbers"], column: 1, row: 0, colorIndex: 0),
        .init(id: "gi", lines: ["GMF qᵢ", "\(factors) numbers"], column: 1, row: 1, colorIndex: 0),
        .init(id: "mu", lines: ["MLP pᵤ′", "\(half) numbers"], column: 1, row: 2, colorIndex: 1),
        .init(id: "mi", lines: ["MLP qᵢ′", "\(half) numbers"], column: 1, row: 3, colorIndex: 1),
        .init(
          id: "product", lines: ["pᵤ ⊙ qᵢ", "element-wise"], column: 2, row: 0.5, colorIndex: 0),
        .init(
          id: "concat", lines: ["[pᵤ′; qᵢ′]", "\(tower[0]) numbers"], column: 2, row: 2.5,
          colorIndex: 1),
        .init(
          id: "tower", lines: ["ReLU layers", layers.isEmpty ? "none" : layers], column: 3,
          row: 2.5,
          colorIndex: 1),
        .init(id: "head", lines: ["hᵀ[·; ·] + b", "one score s"], column: 4, row: 1.5),
        .init(id: "output", lines: ["ŷ = σ(s)", "or μ + s"], column: 5, row: 1.5),
      ],
      arrows: [
        .init(from: "user", to: "gu"), .init(from: "item", to: "gi"),
        .init(from: "user", to: "mu"), .init(from: "item", to: "mi"),
        .init(from: "gu", to: "product"), .init(from: "gi", to: "product"),
        .init(from: "mu", to: "concat"), .init(from: "mi", to: "concat"),
        .init(from: "concat", to: "tower"), .init(from: "product", to: "head"),
        .init(from: "tower", to: "head"), .init(from: "head", to: "output"),
      ], width: 860
    ).svg()
  }
}
