import ChapterKit
import ChartKit
import Recommender

/// The four charts of chapter-discovery.
enum Figures {
  /// Every model's list measures that lie between 0 and 1, grouped by measure.
  static func metricBars(_ models: [RankedModel], k: Int) -> String {
    var measures: [(String, (RankedModel) -> Double)] = [
      ("P@\(k)", { $0.heldOut.precision }), ("R@\(k)", { $0.heldOut.recall }),
      ("HR@\(k)", { $0.heldOut.hitRate }), ("MAP@\(k)", { $0.heldOut.meanAveragePrecision }),
      ("NDCG@\(k)", { $0.heldOut.ndcg }),
    ]
    if models.first?.truth != nil {
      measures.append(("NDCG@\(k) truth", { $0.truth!.ndcg }))
    }
    measures += [("Coverage", { $0.variety.coverage })]
    if models.first?.variety.genreDiversity != nil {
      measures.append(("Diversity (genre)", { $0.variety.genreDiversity! }))
    }
    measures.append(("Personalisation", { $0.variety.personalisation }))
    return BarChart(
      title: "Four models judged by their top-\(k) lists",
      subtitle: "Held-out ratings" + (models.first?.truth != nil ? " and the hidden truth" : "")
        + "; every measure from 0 to 1, higher is better; novelty (in bits) is in the table",
      description: "Grouped bar chart of precision, recall, hit rate, MAP and NDCG at \(k), "
        + "coverage, diversity and personalisation for popularity, bias-only, MF with biases "
        + "and λ, and item kNN-baseline.",
      categoryAxisTitle: "", valueAxisTitle: "Score (0 to 1)",
      categories: measures.map(\.0),
      groups: models.map { model in
        BarGroup(name: model.name, values: measures.map { $0.1(model) })
      },
      orientation: .horizontal, legendPlacement: .bottom, width: 760, height: 620
    ).svg()
  }

  /// NDCG@K against what the re-ranker raises, one labelled point per weight, the
  /// recommended weight marked.
  static func frontier(_ sweep: RerankSweep, k: Int) -> String {
    let what =
      sweep.kind == .novelty
      ? "Novelty (mean self-information, bits)"
      : (sweep.plain.variety.genreDiversity == nil
        ? "Intra-list diversity (mean 1 − cosine of factors)"
        : "Intra-list diversity (share of pairs in different genres)")
    let recommended = sweep.recommended
    let judge = sweep.plain.truthNDCG == nil ? "on held-out ratings" : "against the truth"
    let others = sweep.points.filter { $0.weight != recommended.weight }
    func point(_ p: RerankSweep.Point) -> LabelledPoint {
      LabelledPoint(x: sweep.gain(p), y: p.judgedNDCG, label: "w = \(plainNumber(p.weight))")
    }
    return ScatterChart(
      title: sweep.kind == .novelty
        ? "Novelty bonus: accuracy against novelty"
        : "Maximal marginal relevance: accuracy "
          + "against diversity",
      subtitle: "One point per weight w; recommended: the largest w keeping "
        + "\(percent(1 - RerankSweep.tolerance, decimals: 0)) of the plain list's NDCG@\(k)",
      description: "Scatter chart of NDCG at \(k) against "
        + (sweep.kind == .novelty ? "novelty" : "diversity")
        + " for re-ranking weights from 0 to 1, with the recommended weight highlighted.",
      xAxisTitle: what, yAxisTitle: "NDCG@\(k) (\(judge))",
      groups: [
        ScatterGroup(name: "Weight w", points: others.map(point), marker: .circle),
        ScatterGroup(
          name: "Recommended weight", points: [point(recommended)], color: "#D55E00",
          marker: .diamond),
      ],
      showsZeroLines: false, legendPlacement: .bottom
    ).svg()
  }

  /// NDCG@K of both heads at every task weight, mean and one standard deviation over seeds.
  static func taskWeightSweep(_ study: MultiTaskStudy, k: Int) -> String {
    BarChart(
      title: "One model, two tasks: ranking quality as the task weight moves",
      subtitle: "NDCG@\(k) on held-out ratings, mean ± one standard deviation over "
        + "\(study.seeds.count) seeds",
      description: "Grouped bar chart with error bars of NDCG at \(k) for the lists ranked by "
        + "the rating head and by the watched head, at each task weight α.",
      categoryAxisTitle: "Task weight α (share of the watched task in the loss)",
      valueAxisTitle: "NDCG@\(k)",
      categories: study.weights.map { Tables.weightLabel($0, taskWeight: study.taskWeight) },
      groups: [
        BarGroup(
          name: "Ranked by the rating head",
          values: study.weights.map { study.summary($0, \.ratingNDCG).mean },
          errors: study.weights.map { study.summary($0, \.ratingNDCG).standardDeviation }),
        BarGroup(
          name: "Ranked by the watched head",
          values: study.weights.map { study.summary($0, \.watchedNDCG).mean },
          errors: study.weights.map { study.summary($0, \.watchedNDCG).standardDeviation }),
      ],
      showsValueLabels: true, valueDecimals: 3, legendPlacement: .bottom
    ).svg()
  }
}
