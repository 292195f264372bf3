/// Every walkthrough chapter, in blog order, with what its process test checks. A folder in
/// Chapters/ without a row here fails `ChapterCatalogueTests`, so no chapter goes untested.
struct ChapterEntry: Sendable, CustomTestStringConvertible {
  /// Target = folder = command.
  let command: String
  /// What the tests check, in words (shown in test output).
  let checks: String
  /// Lines that must appear in standard output with default flags.
  let keyLines: [String]
  /// Charts a default run writes.
  let charts: [String]
  /// Flags for the test run (e.g. `--quick` for timing chapters).
  let arguments: [String]
  /// False for chapters whose output holds timings: no snapshot, no byte-for-byte rerun.
  let isDeterministic: Bool
  /// The charts among `charts` that plot timings, and so differ from run to run.
  var timingCharts: [String] = []

  /// The charts that come out byte for byte the same on every run.
  var deterministicCharts: [String] { charts.filter { !timingCharts.contains($0) } }

  var testDescription: String { command }
}

import Testing

enum ChapterCatalogue {
  static let entries: [ChapterEntry] = [
    ChapterEntry(
      command: "chapter-data-setup",
      checks: "the listing's ratings in its shape, both tables' statistics, P and Q from the seed",
      keyLines: [
        "User Alice (ID: 0):", "  - The Action Hero: 5 stars",
        "[[0.37454012 0.95071431]", "Movie-Feature Matrix (Q) shape: (4, 2)",
      ],
      charts: ["rating-distribution.svg", "ratings-matrix.svg", "sparse-matrix.svg"],
      arguments: [], isDeterministic: true),
    ChapterEntry(
      command: "chapter-neighbours",
      checks:
        "the Prize's numbers, the sample's similarities and one prediction worked by hand, "
        + "every model over 5 folds, because-you-watched lists, cold start, the blend",
      keyLines: [
        "BellKor's Pragmatic Chaos (2009)  0.8567                 10.06%",
        "Sci-Fi Epic                0.965            0.614        1.000           0.686",
        "Item kNN-baseline     0.8594 ± 0.0227  0.6782 ± 0.0168",
        "Steel Horizon (Action)            0.131         27",
      ],
      charts: [
        "neighbours-blend-weights.svg", "neighbours-cold-start.svg", "neighbours-rmse.svg",
        "neighbours-sample-similarity.svg",
      ],
      arguments: [], isDeterministic: true),
    ChapterEntry(
      command: "chapter-basic-mf",
      checks:
        "MAE and RMSE defined, the listing's five epoch errors, refined P, predictions, the "
        + "hidden-rating test",
      keyLines: [
        "mean absolute error (1/n)·Σ|r − r̂|, is the average miss in stars. RMSE, the root",
        "Epoch 10/50, Total Absolute Error: 28.0629",
        "Epoch 50/50, Total Absolute Error: 16.7049",
        "[[0.33338548 1.98204917]",
      ],
      charts: [
        "basic-mf-factorization.svg", "basic-mf-latent-space.svg", "basic-mf-learning-curve.svg",
      ],
      arguments: [], isDeterministic: true),
    ChapterEntry(
      command: "chapter-biases",
      checks:
        "the listing's five epoch errors with biases, its biases, the three-model comparison, "
        + "(a) trained until its biases settle",
      keyLines: [
        "Epoch 20/100, Total Absolute Error (with biases): 9.7336",
        "Epoch 100/100, Total Absolute Error (with biases): 8.9021",
        "[-0.33302976 -0.23010495 -0.25769595 -0.36953334 -0.3907081 ]",
      ],
      charts: ["biases-learning-curves.svg", "biases-user-movie.svg"],
      arguments: [], isDeterministic: true),
    ChapterEntry(
      command: "chapter-regularization",
      checks:
        "the listing's five epoch errors with λ, the λ sweep on validation ratings, the chosen λ "
        + "read once on test ratings, overfitting",
      keyLines: [
        "Epoch 20/100, Total Absolute Error (with biases & reg): 24.2524",
        "Epoch 100/100, Total Absolute Error (with biases & reg): 6.0586",
      ],
      charts: [
        "regularization-lambda-sweep.svg", "regularization-overfitting.svg",
        "regularization-weights.svg",
      ],
      arguments: [], isDeterministic: true),
    ChapterEntry(
      command: "chapter-hash-tables",
      checks: "the sidebar's searches of the seeded keys, every section, both timing charts",
      keyLines: [
        "Searching for 121958 in a list of 1000000 items:",
        "Looking up key 671155 in a dictionary of 1000000 items:",
        "Scaling: from 100 to 10,000 keys",
        "A bad hash turns a hash table into a list",
        "Netflix scale, projected from these measurements",
        "Where a recommender uses hash tables",
      ],
      charts: ["hash-table-performance.svg", "hash-table-speedup.svg"],
      arguments: ["--quick"], isDeterministic: false,
      timingCharts: ["hash-table-performance.svg", "hash-table-speedup.svg"]),
    ChapterEntry(
      command: "chapter-complete-demo",
      checks: "the whole story on the demo catalogue; its hash-table section holds timings, so "
        + "CompleteDemoChapterTests snapshots the text with that section masked",
      keyLines: [
        "Demo catalogue    200      40  8,000    2,488    31.1%     68.9%    3.43",
        "λ = 0.1 did best on the validation ratings (RMSE 0.869), so it is used below.",
        "Model                 Train MAE  Train RMSE  Test MAE  Test RMSE",
        "Recommendations for Alice (hidden favourite: Action):",
        "Because Bob watched Sci-Fi Epic (Sci-Fi), 5 stars:",
      ],
      charts: [
        "hash_table_performance.svg", "learning_curve.svg",
        "matrix_factorization_visualization.svg", "model_comparison.svg",
      ],
      arguments: [], isDeterministic: false, timingCharts: ["hash_table_performance.svg"]),
    ChapterEntry(
      command: "chapter-neural-cf",
      checks: "every layer's gradient checked, He et al.'s models and I-AutoRec against MF on "
        + "ratings and on leave-one-out choices, an MLP learning a dot product, the costs "
        + "(--quick)",
      keyLines: [
        "Every gradient agrees with its finite difference (the worst, Embeddings and",
        "Model                 Seed 42",
        "Rendle et al. (2020) found a dot product ahead of the learned MLP similarity.",
        "Dot product p·q           0       0.000      0.000                 0%",
      ],
      charts: [
        "neural-cf-choice-curves.svg", "neural-cf-dot-product.svg", "neural-cf-hit-rate.svg",
        "neural-cf-neumf.svg", "neural-cf-rating-curves.svg", "neural-cf-rmse.svg",
      ],
      arguments: ["--quick"], isDeterministic: true),
    ChapterEntry(
      command: "chapter-discovery",
      checks:
        "a list worked by hand, four models by ranking and beyond-accuracy measures against "
        + "held-out ratings and the truth, both re-rankers swept, the multi-task sweep",
      keyLines: [
        "2, 1) gives IDCG = 2.000 + 0.631 = 2.631; NDCG@5 = 0.431 / 2.631 = 0.164.",
        "MF with biases and λ  0.8114  0.090  0.272  0.370  0.116   0.169      0.735         0.761",
        "→ 0.2   0.161         0.697       0.702        0.858     1.97       92%",
        "0.5 (joint)       0.9211 ± 0.0127        0.165 ± 0.008         0.124 ± 0.014",
      ],
      charts: [
        "discovery-diversity-frontier.svg", "discovery-metrics.svg",
        "discovery-novelty-frontier.svg", "discovery-task-weight.svg",
      ],
      arguments: [], isDeterministic: true),
    ChapterEntry(
      command: "chapter-real-time",
      checks: "one event's step, fold-in, the prequential replay, the cache; its latency section "
        + "holds timings, so RealTimeChapterTests snapshots the text with that section masked",
      keyLines: [
        "Model update: one event, one step",
        "Ratings folded in  RMSE on later ratings  Top titles in favourite genre",
        "From     Events  Frozen  Online  Retrained",
        "Within milliseconds? Latency on one core",
      ],
      charts: ["real-time-cold-start.svg", "real-time-latency.svg", "real-time-prequential.svg"],
      arguments: [], isDeterministic: false, timingCharts: ["real-time-latency.svg"]),
    ChapterEntry(
      command: "chapter-at-scale",
      checks: "the Prize's shape, sequential SGD, DSGD and ALS per epoch, sharding by ring and "
        + "modulo; its speed and cost-model sections hold timings (and Hogwild!'s racing "
        + "numbers), so AtScaleChapterTests snapshots the text with those sections masked",
      keyLines: [
        "The Netflix Prize on one machine",
        "Training in parallel: the same model, several ways",
        "Speed on this machine",
        "What many machines add",
        "Serving from shards: consistent hashing against modulo",
      ],
      charts: ["at-scale-resharding.svg", "at-scale-rmse.svg", "at-scale-speedup.svg"],
      arguments: ["--quick"], isDeterministic: false,
      timingCharts: ["at-scale-rmse.svg", "at-scale-speedup.svg"]),
    ChapterEntry(
      command: "chapter-ab-testing",
      checks: "the design stated first, the hashed split and its checks, the analysis and its "
        + "decision, power by simulation, A/A tests, peeking and the sequential test (--quick)",
      keyLines: [
        "User segmentation: assignment by hashing",
        "Viewers per arm  Power, formula  Power, simulated  Tests",
        "What goes wrong (a): chance, in 200 A/A tests",
        "What goes wrong (b): peeking every day",
        "Sequential testing: looking every day, honestly",
        "Model                   Test RMSE  Enjoyed per viewer",
      ],
      charts: [
        "ab-testing-aa-pvalues.svg", "ab-testing-lift.svg", "ab-testing-peeking.svg",
        "ab-testing-power.svg",
      ],
      arguments: ["--quick"], isDeterministic: true),
    ChapterEntry(
      command: "chapter-visualizer",
      checks:
        "the model the page shows, one prediction term by term, the epoch totals the page "
        + "replays, the page written as well-formed HTML (VisualizerChapterTests opens it in "
        + "Chromium)",
      keyLines: [
        "r̂                      4.303",
        "    1  26.902609",
        "  100   4.855626",
        "• matrix-factorization-visualizer.html",
      ],
      charts: ["matrix-factorization-visualizer.html"],
      arguments: [], isDeterministic: true),
  ]
}
