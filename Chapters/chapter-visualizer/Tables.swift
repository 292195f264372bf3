import ChapterKit
import Recommender

/// The sentences and tables of chapter-visualizer, each read from this run's numbers.
enum Tables {
  /// "1 epoch", "3 epochs": the noun follows the number.
  static func count(_ n: Int, _ singular: String, _ plural: String) -> String {
    "\(grouped(n)) \(n == 1 ? singular : plural)"
  }

  static func dataLine(_ data: RatingsDataset) -> String {
    "\(count(data.userCount, "viewer", "viewers")), \(count(data.itemCount, "movie", "movies")), "
      + "\(count(data.ratings.count, "rating", "ratings"))."
  }

  static func trainingLine(_ training: PageTraining, epochs: Int) -> String {
    let s = training.settings
    return "P and Q start uniform in [0, 1) as the listing draws them, the biases at zero, μ = "
      + "\(fixed(training.trained.globalMean, 3)); SGD visits the ratings in the data's order, "
      + "\(count(epochs, "epoch", "epochs")), k = \(training.trained.factorCount), γ = "
      + "\(Figures.number(s.learningRate)), γ_b = \(Figures.number(s.biasLearningRate)), λ = "
      + "\(Figures.number(s.regularization))."
  }

  /// Whether Σ|e| fell over training, by at least 0.01 stars per rating.
  static func learning(_ history: TrainingHistory, ratingCount: Int) -> String {
    let first = history.records[0]
    let last = history.last!
    if history.records.count == 1 {
      return "Σ|e| over the ratings was \(fixed(first.totalAbsoluteError, 2)) in the one epoch; "
        + "the trained model's RMSE on them is \(fixed(last.train.rmse, 3)) (one epoch: nothing "
        + "to compare)."
    }
    let start =
      "Σ|e| over the ratings went from \(fixed(first.totalAbsoluteError, 2)) in the "
      + "first epoch to \(fixed(last.totalAbsoluteError, 2)) in the last; the trained model's "
      + "RMSE on them is \(fixed(last.train.rmse, 3))"
    let margin = 0.01 * Double(ratingCount)
    let fell = first.totalAbsoluteError - last.totalAbsoluteError
    if fell >= margin { return start + ": the model learned, and the page shows it." }
    if fell <= -margin {
      return start + ": the error rose, so the page shows a model that got worse; lower γ."
    }
    return start + ": a change under 0.01 stars a rating, too small to call learning."
  }

  static func matricesLine(_ data: RatingsDataset, factors k: Int) -> String {
    let cells = data.userCount * data.itemCount
    let gaps = cells - data.ratings.count
    let r =
      gaps == 0
      ? "R is \(data.userCount) × \(data.itemCount) with no gaps: every viewer rated every "
        + "movie, so each prediction on the page sits beside a real rating."
      : "R is \(grouped(data.userCount)) × \(grouped(data.itemCount)) with "
        + "\(grouped(gaps)) of its \(grouped(cells)) cells empty "
        + "(\(percent(Double(gaps) / Double(cells), decimals: 1))), hatched on the page."
    let rows = min(data.userCount, Figures.windowSize)
    let columns = min(data.itemCount, Figures.windowSize)
    let window =
      rows == data.userCount && columns == data.itemCount
      ? "All of it fits on the page at once."
      : "The page draws \(rows) viewers × \(columns) movies of each at a time and moves that "
        + "window with the selection: \(rows * columns) cells per matrix, whatever the data's size."
    return r + " Beside it P is \(grouped(data.userCount)) × \(k) and Qᵀ is \(k) × "
      + "\(grouped(data.itemCount)), coloured blue for positive and orange for negative values, "
      + "and the predictions fill every cell of R. " + window
  }

  static func cellIntroduction(_ cell: (user: Int, item: Int), data: RatingsDataset) -> String {
    let rated = data.ratings.first { $0.user == cell.user && $0.item == cell.item }
    let viewer = data.userNames[cell.user]
    let which =
      rated == nil
      ? "the highest of \(viewer)'s predictions among the movies not yet rated"
      : "\(viewer) has rated every movie, so it is the highest of all \(viewer)'s "
        + "predictions (the real rating is \(fixed(rated!.value, 0)))"
    return "The page opens on \(viewer) × \(data.itemNames[cell.item]): \(which). Its "
      + "prediction, term by term:"
  }

  static func terms(_ model: MatrixFactorization, cell: (user: Int, item: Int)) -> TextTable {
    let (u, i) = cell
    var rows: [[String]] = [
      ["μ", "", "", fixed(model.globalMean, 3)],
      ["bᵤ", "", "", fixed(model.userBiases[u], 3)],
      ["bᵢ", "", "", fixed(model.itemBiases[i], 3)],
    ]
    for f in 0..<model.factorCount {
      let (p, q) = (model.P[u, f], model.Q[i, f])
      rows.append(["p\(f + 1)·q\(f + 1)", fixed(p, 3), fixed(q, 3), fixed(p * q, 3)])
    }
    rows.append(["r̂", "", "", fixed(model.predict(user: u, item: i), 3)])
    return TextTable(
      columns: [.left("Term"), .right("pᵤ"), .right("qᵢ"), .right("Value")], rows: rows)
  }

  static func sliderLine(
    _ model: MatrixFactorization, cell: (user: Int, item: Int), data: RatingsDataset
  ) -> String {
    let q1 = model.Q[cell.item, 0]
    let viewer = data.userNames[cell.user]
    return "Each slider holds one factor of the selected viewer or movie, and r̂ moves by the "
      + "matching factor of the other side: nudging \(viewer)'s p1 by 0.1 moves the prediction "
      + "for \(data.itemNames[cell.item]) by 0.1 × q1 = \(fixed(0.1 * q1, 3)), and every "
      + "other movie's by 0.1 times its own q1. The page redraws \(viewer)'s predictions and "
      + "top picks as the slider moves; Reset returns to the trained values."
  }

  /// The viewer's unrated movies by prediction, or all movies when none is unrated.
  static func ranked(_ model: MatrixFactorization, user: Int, data: RatingsDataset) -> [Int] {
    let rated = Set(data.ratings.filter { $0.user == user }.map(\.item))
    let unrated = (0..<data.itemCount).filter { !rated.contains($0) }
    let pool = unrated.isEmpty ? Array(0..<data.itemCount) : unrated
    let scored = pool.map { ($0, model.predict(user: user, item: $0)) }
    return scored.sorted { $0.1 > $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }.prefix(5).map(\.0)
  }

  static func picksIntroduction(_ model: MatrixFactorization, user: Int, data: RatingsDataset)
    -> String
  {
    let rated = Set(data.ratings.filter { $0.user == user }.map(\.item)).count
    let viewer = data.userNames[user]
    return rated == data.itemCount
      ? "\(viewer) has rated every movie, so the page ranks them all by prediction:"
      : "\(viewer)'s top picks as the page opens, among the \(data.itemCount - rated) movies "
        + "not yet rated:"
  }

  static func picks(_ model: MatrixFactorization, user: Int, data: RatingsDataset) -> TextTable {
    let stars = Dictionary(
      data.ratings.filter { $0.user == user }.map { ($0.item, $0.value) },
      uniquingKeysWith: { a, _ in a })
    let rows = ranked(model, user: user, data: data).enumerated().map { rank, item in
      [
        "\(rank + 1)", data.itemNames[item], fixed(model.predict(user: user, item: item), 2),
        stars[item].map { fixed($0, 0) } ?? "–",
      ]
    }
    return TextTable(
      columns: [.right("#"), .left("Movie"), .right("r̂"), .right("Rated")], rows: rows)
  }

  /// The first three epochs and the last, or every epoch when there are at most five.
  static func epochTotals(_ history: TrainingHistory) -> TextTable {
    let records = history.records
    let shown = records.count <= 5 ? records : Array(records.prefix(3)) + [records.last!]
    var rows: [[String]] = []
    for record in shown {
      if record.epoch == records.count && records.count > 5 { rows.append(["…", ""]) }
      rows.append(["\(record.epoch)", fixed(record.totalAbsoluteError, 6)])
    }
    return TextTable(columns: [.right("Epoch"), .right("Σ|e|")], rows: rows)
  }

  static func spaceLine(
    _ model: MatrixFactorization, cell: (user: Int, item: Int), data: RatingsDataset
  ) -> String {
    let k = model.factorCount
    let axes = min(3, k)
    var pq = 0.0
    var pp = 0.0
    for f in 0..<axes {
      pq += model.P[cell.user, f] * model.Q[cell.item, f]
      pp += model.P[cell.user, f] * model.P[cell.user, f]
    }
    let norm = pp.squareRoot()
    let shadow = norm > 0 ? pq / norm : 0
    let view =
      k == 3
      ? "With k = 3 the view shows every factor."
      : k > 3
        ? "With k = \(k) the view shows the first three factors."
        : "With k = \(k) the view has \(3 - k) flat \(3 - k == 1 ? "axis" : "axes"), at zero."
    let rest =
      model.predict(user: cell.user, item: cell.item) - model.globalMean
      - model.userBiases[cell.user] - model.itemBiases[cell.item] - pq
    let others =
      k > 3 ? " The other \(k - 3) factors add \(fixed(rest, 3)) to p·q." : ""
    return view + " Viewers are orange circles and movies blue squares; drag the view or turn "
      + "it with the arrow keys. A viewer's prediction of a movie is, apart from μ and the "
      + "biases, the length of the viewer's arrow times the movie's shadow along it: for "
      + "\(data.userNames[cell.user]) and \(data.itemNames[cell.item]) that is "
      + "\(fixed(norm, 3)) × \(fixed(shadow, 3)) = \(fixed(pq, 3)) in the factors drawn."
      + others
  }

  static func openingLine(
    page: String, path: String, written: Bool, cell: (user: Int, item: Int)
  ) -> String {
    let bytes = Double(page.utf8.count)
    let size = bytes < 1e6 ? "\(fixed(bytes / 1e3, 1)) kB" : "\(fixed(bytes / 1e6, 1)) MB"
    guard written else {
      return "The page (\(size)) was not written: --no-charts."
    }
    return "The page is one file of \(size) with its style, script and data inline; it fetches "
      + "nothing. Open \(path) in any current browser, from the file system. The part after # "
      + "holds the state: \(path.split(separator: "/").last!)#u=\(cell.user)&i=\(cell.item) "
      + "opens on this cell, and moving a slider adds the moved p or q (p=…, q=…), so a view can "
      + "be shared by its address."
  }

  static func tryNext(_ settings: Settings, source: PageData) -> [String] {
    var lines = [
      "docs/README.md: the map of every chapter; revisit chapter-basic-mf and chapter-biases "
        + "with this page open beside them."
    ]
    if source.isBlogSample {
      lines.append(
        "--demo: the 200 × 40 demo catalogue, with gaps in R and top picks among the titles "
          + "a viewer has not rated.")
    }
    if settings.factors != 2 {
      lines.append("--factors 2: the listing's k; the 3D view's third axis goes flat.")
    }
    if settings.data.ratingsPath == nil {
      lines.append(
        "--ratings ml-100k/u.data --titles ml-100k/u.item (a release build): MovieLens' "
          + "943 × 1,682, drawn a window at a time.")
    }
    return lines
  }
}
