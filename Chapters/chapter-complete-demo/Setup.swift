import ChapterKit
import Recommender

/// The data the complete demo runs on: its built-in ``DemoCatalogue``, or ratings loaded from
/// a file, with the choices the demo makes about them (which viewers and titles to show, which
/// titles may be recommended).
struct DemoData: Sendable {
  /// The ratings, with titles for names where a titles file gave them.
  let dataset: RatingsDataset
  /// The catalogue when the data is the built-in one: its genres and hidden tastes.
  let catalogue: DemoCatalogue?
  /// What the ratings file held, e.g. "100,000 ratings by 943 users of 1,682 movies (…)".
  let fileSummary: String?
  /// How well the titles file matched, e.g. "1,682 of 1,682 rated movies have a title (…)".
  let titlesSummary: String?

  /// The built-in catalogue, generated from `seed`.
  init(catalogueSeed seed: UInt32) {
    let catalogue = DemoCatalogue(seed: seed)
    self.dataset = catalogue.dataset
    self.catalogue = catalogue
    self.fileSummary = nil
    self.titlesSummary = nil
  }

  /// Ratings read from `ratingsPath`, named by `titlesPath` when given.
  ///
  /// - Parameters:
  ///   - ratingsPath: a MovieLens `u.data` or `ratings.csv`, or a `user,item,rating` CSV.
  ///   - titlesPath: a MovieLens `u.item` or `movies.csv`, or nil.
  ///   - format: the ratings layout, or nil to detect it.
  /// - Throws: `DataFileError` for the first problem in either file.
  init(ratingsPath: String, titlesPath: String?, format: RatingsFileFormat?)
    throws(DataFileError)
  {
    let loaded = try RatingsLoader.load(path: ratingsPath, format: format)
    var dataset = loaded.dataset
    var titlesSummary: String?
    if let titlesPath {
      let titled = try TitlesLoader.apply(titlesPath: titlesPath, to: loaded)
      dataset = titled.ratings.dataset
      titlesSummary = titled.summary
    }
    self.dataset = dataset
    self.catalogue = nil
    self.fileSummary = loaded.summary
    self.titlesSummary = titlesSummary
  }

  /// The genre of a title, when the data has genres.
  func genre(ofItem item: Int) -> String? { catalogue?.genreName(ofItem: item) }

  /// A title's name, with its genre in brackets when known: "Cloud Whales (Animation)".
  func titleWithGenre(_ item: Int) -> String {
    dataset.itemNames[item] + (genre(ofItem: item).map { " (\($0))" } ?? "")
  }

  /// A few viewers and titles small enough to print and draw: on the catalogue, the blog's five
  /// viewers with its four movies and the first two animation titles (Eve's hidden favourite);
  /// on loaded data, the six most-rated titles and the five viewers who rated most of them.
  ///
  /// Ties go to the lower index.
  ///
  /// - Parameter statistics: the dataset's statistics, for the rating counts.
  /// - Complexity: O(ratings + items log items).
  func readableSlice(statistics: DatasetStatistics) -> (users: [Int], items: [Int]) {
    if let catalogue {
      let animation = DemoCatalogue.genres.firstIndex(of: "Animation")!
      let cartoons = catalogue.itemGenres.indices.filter { catalogue.itemGenres[$0] == animation }
      return (Array(0..<5), Array(0..<4) + cartoons.prefix(2))
    }
    let items = topN(
      count: 6, titleCount: dataset.itemCount
    ) { Double(statistics.itemRatingCounts[$0]) }
    var isShown = [Bool](repeating: false, count: dataset.itemCount)
    for item in items { isShown[item] = true }
    var shownRatings = [Int](repeating: 0, count: dataset.userCount)
    for rating in dataset.ratings where isShown[rating.item] { shownRatings[rating.user] += 1 }
    let users = topN(count: 5, titleCount: dataset.userCount) { Double(shownRatings[$0]) }
    return (users, items)
  }

  /// The fewest ratings a title needs to be recommended: 20, or the median title's count when
  /// that is lower, so a small file still has titles to suggest.
  func minimumRatings(_ statistics: DatasetStatistics) -> Int {
    let counts = statistics.itemRatingCounts.sorted()
    guard !counts.isEmpty else { return 0 }
    return min(20, counts[counts.count / 2])
  }

  /// The titles that may be recommended: those with at least ``minimumRatings(_:)`` ratings.
  func candidates(statistics: DatasetStatistics) -> [Int] {
    let minimum = minimumRatings(statistics)
    return (0..<dataset.itemCount).filter { statistics.itemRatingCounts[$0] >= minimum }
  }

  /// The viewers the demo recommends to: the blog's five on the catalogue, else the first three.
  var viewersToRecommendFor: [Int] {
    Array(0..<min(catalogue == nil ? 3 : 5, dataset.userCount))
  }

  /// The viewer's highest-rated title among `candidates` (the first of equals), with the rating.
  ///
  /// - Complexity: O(ratings).
  func favouriteRated(by user: Int, among candidates: [Int]) -> Rating? {
    var allowed = [Bool](repeating: false, count: dataset.itemCount)
    for item in candidates { allowed[item] = true }
    var best: Rating?
    for rating in dataset.ratings where rating.user == user && allowed[rating.item] {
      if best == nil || rating.value > best!.value
        || (rating.value == best!.value && rating.item < best!.item)
      {
        best = rating
      }
    }
    return best
  }
}

/// λ chosen on a validation set carved from the training ratings, so the test ratings are scored
/// once, by a model no choice was fitted to.
struct ValidationChoice {
  /// Each λ tried, with MF with biases' RMSE on the validation ratings after the last epoch.
  let tried: [(λ: Double, rmse: Double)]

  /// Below this difference in validation RMSE two values of λ count as a tie.
  static let margin = 0.005

  /// The values tried: around the usual 0.1 on the catalogue, around libraries' 0.02 on files.
  static func lambdaGrid(onCatalogue: Bool) -> [Double] {
    onCatalogue ? [0.03, 0.1, 0.3] : [0.02, 0.05, 0.1]
  }

  /// The λ used when the training ratings are too few to split.
  static func fallbackLambda(onCatalogue: Bool) -> Double { onCatalogue ? 0.1 : 0.02 }

  /// 20% of the training ratings held out for validation, seeded; nil when either part would be
  /// empty.
  static func split(_ training: [Rating], seed: UInt32) -> TrainTestSplit? {
    let tuning = TrainTestSplit(training, testFraction: 0.2, seed: seed)
    return tuning.train.isEmpty || tuning.test.isEmpty ? nil : tuning
  }

  /// The lowest validation RMSE wins; the first (smallest λ) among equals.
  var chosen: Double { tried.min { $0.rmse < $1.rmse }!.λ }

  var table: TextTable {
    TextTable(
      columns: [.right("λ"), .right("Validation RMSE")],
      rows: tried.map { [String($0.λ), fixed($0.rmse, 3)] })
  }

  /// Why a validation set, in numbers of ratings.
  static func explanation(trainCount: Int, tuning: TrainTestSplit) -> String {
    "Picking λ by the score on the hidden ratings would let them choose the answer and then "
      + "grade it: the best of several tries on the same ratings looks better than the model "
      + "will do on ratings it meets later. So \(grouped(tuning.test.count)) of the "
      + "\(grouped(trainCount)) training ratings (20%) are set aside as a validation set; MF "
      + "with biases learns from the other \(grouped(tuning.train.count)) with each λ below, "
      + "and the λ with the lowest validation RMSE is used from here on, by Bias-only and by the "
      + "last model, both trained on all \(grouped(trainCount)). The hidden ratings are "
      + "scored once, in the next section."
  }

  /// Which λ won, and whether by enough to matter.
  var verdict: String {
    let best = tried.min { $0.rmse < $1.rmse }!
    let close = tried.filter { $0.λ != best.λ && $0.rmse - best.rmse < Self.margin }
    if close.isEmpty {
      return "λ = \(best.λ) did best on the validation ratings (RMSE \(fixed(best.rmse, 3))), "
        + "so it is used below."
    }
    let others = close.map { "λ = \($0.λ) (\(fixed($0.rmse, 3)))" }.joined(separator: " and ")
    return "λ = \(best.λ) had the lowest validation RMSE (\(fixed(best.rmse, 3))), but \(others) "
      + (close.count == 1 ? "is" : "are") + " within \(Self.margin): a difference too small "
      + "to call, so λ = \(best.λ) is used below as one of equals."
  }
}
