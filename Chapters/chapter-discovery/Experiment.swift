import ChapterKit
import Recommender

/// A re-ranker swept over its weight w: the MF model's best candidates re-ordered for each
/// weight and every list judged again.
struct RerankSweep {
  enum Kind: String {
    case diversity = "Maximal marginal relevance"
    case novelty = "Novelty bonus"
  }

  struct Point {
    let weight: Double
    let lists: [[Int]]
    let heldOutNDCG: Double
    let truthNDCG: Double?
    let variety: VarietyScores

    /// The NDCG@K the rule reads: against the truth where the data has it, else held-out.
    var judgedNDCG: Double { truthNDCG ?? heldOutNDCG }
  }

  let kind: Kind
  let points: [Point]
  /// How much of the plain list's NDCG@K a recommended weight may give up.
  static let tolerance = 0.1

  /// The weights swept: 0 to 1 in steps of 0.1 (0.2 with --quick), and the flag's weight.
  static func weights(quick: Bool, extra: Double?) -> [Double] {
    let grid = (0...(quick ? 5 : 10)).map { Double($0) / (quick ? 5 : 10) }
    return Array(Set(grid + (extra.map { [$0] } ?? []))).sorted()
  }

  /// How many candidates a re-ranker chooses from: 5K, and at least 30.
  static func poolSize(k: Int) -> Int { max(5 * k, 30) }

  /// The MF model's ``poolSize(k:)`` best candidates per viewer, best first, with their scores.
  static func pools(_ lineup: Lineup) -> [(items: [Int], scores: [Double])] {
    let size = poolSize(k: lineup.evaluation.k)
    let mf = lineup.factorization
    return lineup.evaluation.topLists(count: size) { mf.predict(user: $0, item: $1) }
      .enumerated().map { user, items in
        (items, items.map { mf.predict(user: user, item: $0) })
      }
  }

  init(
    _ kind: Kind, lineup: Lineup, pools: [(items: [Int], scores: [Double])], weights: [Double]
  ) {
    let evaluation = lineup.evaluation
    self.kind = kind
    points = weights.map { w in
      let lists = pools.map { pool in
        switch kind {
        case .diversity:
          Reranking.maximalMarginalRelevance(
            pool: pool.items, scores: pool.scores, k: evaluation.k, weight: w,
            similarity: evaluation.cosine)
        case .novelty:
          Reranking.noveltyBonus(
            pool: pool.items, scores: pool.scores, k: evaluation.k, weight: w,
            selfInformation: evaluation.selfInformation)
        }
      }
      return Point(
        weight: w, lists: lists,
        heldOutNDCG: evaluation.accuracy(lists, relevance: lineup.heldOutRelevance).ndcg,
        truthNDCG: lineup.truthRelevance.map { evaluation.accuracy(lists, relevance: $0).ndcg },
        variety: evaluation.variety(lists))
    }
  }

  /// The plain list: weight 0.
  var plain: Point { points[0] }

  /// The rule: the largest weight whose ``Point/judgedNDCG`` keeps at least 90% of the plain
  /// list's.
  var recommended: Point {
    points.last { $0.judgedNDCG >= (1 - Self.tolerance) * plain.judgedNDCG }!
  }

  /// The point at `weight`, which the sweep always holds.
  func point(at weight: Double) -> Point { points.first { $0.weight == weight }! }

  /// What the re-ranker is meant to raise: genre diversity on the catalogue, factor diversity
  /// on files, or novelty.
  func gain(_ point: Point) -> Double {
    switch kind {
    case .diversity: point.variety.genreDiversity ?? point.variety.factorDiversity
    case .novelty: point.variety.novelty
    }
  }
}

/// One model, two heads, swept over the task weight α and a few seeds: each seed draws its own
/// split, initial factors and unrated samples.
struct MultiTaskStudy {
  /// One trained model's scores.
  struct Cell {
    let rmse: Double
    /// NDCG@K of the lists ranked by the rating head and by the watched head.
    let ratingNDCG: Double
    let watchedNDCG: Double
  }

  let weights: [Double]
  let seeds: [UInt32]
  /// cells[weight][seed].
  let cells: [[Cell]]
  /// α of the joint model compared with the single-task ones.
  let taskWeight: Double

  static func weights(quick: Bool, taskWeight: Double) -> [Double] {
    Array(Set((quick ? [0, 0.5, 1] : [0, 0.25, 0.5, 0.75, 1]) + [taskWeight])).sorted()
  }

  init(
    data: RatingsDataset, recipe: Recipe, k: Int, relevant: Double, taskWeight: Double,
    seed: UInt32, quick: Bool, progress: ProgressBar
  ) {
    let weights = Self.weights(quick: quick, taskWeight: taskWeight)
    let seeds = (0..<UInt32(quick ? 2 : 3)).map { seed &+ $0 }
    var cells = weights.map { _ in [Cell]() }
    var done = 0
    for runSeed in seeds {
      let split = TrainTestSplit(data.ratings, testFraction: 0.2, seed: runSeed)
      let evaluation = ListEvaluation(
        training: split.train, userCount: recipe.userCount, itemCount: recipe.itemCount, k: k,
        itemFactors: Matrix(rows: recipe.itemCount, columns: 0), genres: nil)
      let relevance = Relevance.heldOut(
        split.test, threshold: relevant, userCount: recipe.userCount)
      let scale = recipe.scale
      for (index, α) in weights.enumerated() {
        let model = recipe.multiTask(split.train, taskWeight: α, seed: runSeed)
        let byRating = evaluation.topLists { model.predictRating(user: $0, item: $1) }
        let byWatched = evaluation.topLists { model.watchLogit(user: $0, item: $1) }
        cells[index].append(
          Cell(
            rmse: ErrorMetrics(ratings: split.test) {
              min(
                max(model.predictRating(user: $0.user, item: $0.item), scale.lowerBound),
                scale.upperBound)
            }.rmse,
            ratingNDCG: evaluation.accuracy(byRating, relevance: relevance).ndcg,
            watchedNDCG: evaluation.accuracy(byWatched, relevance: relevance).ndcg))
        done += 1
        progress.show(done: done)
      }
    }
    self.weights = weights
    self.seeds = seeds
    self.cells = cells
    self.taskWeight = taskWeight
    progress.clear()
  }

  /// One score of every seed at weight α, as a summary over seeds.
  func summary(_ α: Double, _ metric: KeyPath<Cell, Double>) -> FoldSummary {
    FoldSummary(cells[weights.firstIndex(of: α)!].map { $0[keyPath: metric] })
  }
}
