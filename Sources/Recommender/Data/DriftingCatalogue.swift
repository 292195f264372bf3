/// The demo catalogue given a history: every rating a time, and for some viewers a change of
/// taste part-way through, so a replay in time order has something to adapt to.
///
/// The catalogue has the demo's viewers, titles and hidden tastes (they are drawn before any
/// rating), but each viewer rates a larger share of the titles (`density`, 0.6 against the
/// demo's 0.3): a model can only miss a taste that changed if it learned the taste first, and
/// a dozen ratings per viewer, half of them after the change, teach it too little to tell.
///
/// Each viewer joins on a day drawn uniformly from the first `joinShare` of the period and
/// gives each of their ratings on a day drawn uniformly from the `activeDays` after joining. A
/// share `driftShare` of the viewers (never the blog's five, whose ratings are the listing's)
/// change their mind on a day between a quarter and three fifths of the way through their
/// active days: their favourite genre and their least favourite swap tastes, and every rating
/// they give from that day on is drawn again from the new tastes, with the catalogue's formula
///
///     r = round(clamp(m + βᵤ + βᵢ + tasteᵤ[genre of i] + noise · ε, 1, 5)),   ε ~ N(0, 1).
///
/// The times and drifts come from their own stream, seeded with `seed + 1`, so the catalogue
/// itself is what ``DemoCatalogue`` draws from `seed` at that density, rating for rating.
public struct DriftingCatalogue: Sendable {
  /// The knobs of the history.
  public struct Recipe: Sendable {
    /// The share of cells rated, as ``DemoCatalogue/Recipe/density``.
    public var density = 0.6
    /// The length of the history in days.
    public var days = 120
    /// Viewers join during this first share of the period.
    public var joinShare = 0.625
    /// A viewer rates during this many days after joining.
    public var activeDays = 45
    /// The share of viewers (outside the blog's five) whose favourite genre changes.
    public var driftShare = 0.3

    public init() {}
  }

  /// A change of favourite genre.
  public struct Drift: Sendable, Equatable {
    /// The second the new tastes take over.
    public let time: Int
    /// The favourite genre before and after (the least favourite before), as indices into
    /// ``DemoCatalogue/genres``.
    public let from: Int
    public let to: Int
  }

  public let catalogue: DemoCatalogue
  public let recipe: Recipe
  /// The ratings in time order, those given after a drift drawn from the new tastes.
  public let timeline: RatingTimeline
  /// Each viewer's change of taste, or nil for a viewer whose taste stays.
  public let drifts: [Drift?]
  /// The day each viewer joined, in seconds from the start.
  public let joinTimes: [Int]

  public static let secondsPerDay = 86_400

  /// Draws the catalogue from `seed` and builds its history.
  ///
  /// - Parameters:
  ///   - seed: the catalogue's seed; the history draws from `seed + 1` (wrapping).
  ///   - recipe: the density, the period, joining and drift.
  /// - Complexity: O(ratings log ratings).
  public init(seed: UInt32, recipe: Recipe = Recipe()) {
    let catalogue = DemoCatalogue(recipe: DemoCatalogue.Recipe(density: recipe.density), seed: seed)
    var random = NumpyRandom(seed: seed &+ 1)
    let period = Double(recipe.days * Self.secondsPerDay)
    let active = Double(recipe.activeDays * Self.secondsPerDay)
    let viewers = catalogue.dataset.userCount
    var joins: [Double] = []
    var drifts: [Drift?] = []
    for viewer in 0..<viewers {
      let join = random.nextDouble() * recipe.joinShare * period
      joins.append(join)
      let changesTaste =
        viewer >= DemoCatalogue.blogViewers.count
        && random.nextDouble() < recipe.driftShare
      guard changesTaste else {
        drifts.append(nil)
        continue
      }
      let change = join + (0.25 + 0.35 * random.nextDouble()) * active
      let from = catalogue.favouriteGenres[viewer]
      // The least liked genre, the first of equals.
      let taste = catalogue.tastes.row(viewer)
      let to = taste.indices.min { taste[$0] < taste[$1] }!
      drifts.append(Drift(time: Int(change), from: from, to: to))
    }
    var ratings: [Rating] = []
    var times: [Int] = []
    for rating in catalogue.dataset.ratings {
      let time = Int(joins[rating.user] + random.nextDouble() * active)
      var value = rating.value
      if let drift = drifts[rating.user], time >= drift.time {
        value = catalogue.drawRating(
          around: Self.expectedRating(rating.user, rating.item, in: catalogue, after: drift),
          random: &random)
      }
      ratings.append(Rating(user: rating.user, item: rating.item, value: value))
      times.append(time)
    }
    self.catalogue = catalogue
    self.recipe = recipe
    self.drifts = drifts
    self.joinTimes = joins.map { Int($0) }
    self.timeline = RatingTimeline(catalogue.dataset.with(ratings: ratings), times: times)
  }

  /// The catalogue's expected rating once `drift` has happened: the old and the new favourite
  /// genre swap tastes, so a title of one is rated with the taste the viewer had for the other.
  static func expectedRating(
    _ viewer: Int, _ item: Int, in catalogue: DemoCatalogue, after drift: Drift
  ) -> Double {
    let genre = catalogue.itemGenres[item]
    let swapped = genre == drift.from ? drift.to : genre == drift.to ? drift.from : genre
    return catalogue.expectedRating(viewer: viewer, item: item)
      - catalogue.tastes[viewer, genre] + catalogue.tastes[viewer, swapped]
  }

  /// The viewer's favourite genre at second `time`.
  public func favouriteGenre(of viewer: Int, at time: Int) -> Int {
    guard let drift = drifts[viewer], time >= drift.time else {
      return catalogue.favouriteGenres[viewer]
    }
    return drift.to
  }

  /// Whether the viewer's taste has changed by second `time`.
  public func hasDrifted(_ viewer: Int, by time: Int) -> Bool {
    guard let drift = drifts[viewer] else { return false }
    return time >= drift.time
  }
}
