/// The complete demo's default data: the blog's five viewers and four movies inside a larger,
/// mostly empty catalogue whose tastes are known.
///
/// The blog's sample has every cell rated, so there is nothing left to recommend. Here Alice,
/// Bob, Charlie, David and Eve keep their 20 ratings from the listing, and join more viewers
/// and a few dozen titles across five genres. Every other rating is generated from a hidden
/// taste: each viewer has a favourite genre, and a title's rating is
///
///     r = round(clamp(m + βᵤ + βᵢ + tasteᵤ[genre of i] + noise · ε, 1, 5)),   ε ~ N(0, 1)
///
/// with βᵤ a viewer's leniency and βᵢ a title's appeal. Only a share (`density`) of cells get a
/// rating. Because the favourite genres are known, a demo can check whether its
/// recommendations land in them more often than chance would.
public struct DemoCatalogue: Sendable {
  /// The genres, in the order their titles are listed after the blog's four movies.
  public static let genres = ["Action", "Romance", "Sci-Fi", "Drama", "Animation"]

  /// Every title with its genre: the blog's four movies first, then eight per genre in all.
  static let titles: [(name: String, genre: Int)] =
    [("The Action Hero", 0), ("Romantic Comedy", 1), ("Sci-Fi Epic", 2), ("Drama Thriller", 3)]
    + [
      "Steel Horizon", "Midnight Pursuit", "Iron Vanguard", "Red Line Run", "Thunder Protocol",
      "Last Stand at Dawn", "Crossfire Alley",
    ].map { ($0, 0) }
    + [
      "Letters in Spring", "Paris After Rain", "Second First Date", "Moonlight Café",
      "Love, Unscheduled", "The Summer We Met", "A Dance in Lisbon",
    ].map { ($0, 1) }
    + [
      "Orbit of Silence", "The Last Colony", "Quantum Drift", "Signal from Europa",
      "Andromeda Rising", "Echoes of Mars", "The Time Cartographer",
    ].map { ($0, 2) }
    + [
      "The Quiet Verdict", "Harbour Lights", "A Long Winter", "The Inheritance", "Glass Houses",
      "Tides of Memory", "The Understudy",
    ].map { ($0, 3) }
    + [
      "Paper Kingdom", "The Brave Little Robot", "Cloud Whales", "Fox and the Lantern",
      "Dragon Post Office", "Pixel Pals", "The Snow Owl", "Tiny Tin Knights",
    ].map { ($0, 4) }

  /// The blog's viewers' hidden tastes per genre and leniency, chosen to agree with their
  /// listing ratings (Alice loves action, Charlie drama); Eve's favourite is a genre the
  /// listing never shows her.
  static let blogViewers: [(name: String, tastes: [Double], leniency: Double)] = [
    ("Alice", [1.0, -0.5, 0.5, -1.2, 0.0], 0.1),
    ("Bob", [0.5, -0.8, 1.0, -0.8, 0.0], 0.0),
    ("Charlie", [-1.2, 0.5, -0.7, 1.0, 0.0], 0.0),
    ("David", [-0.8, 1.0, -1.2, 0.5, 0.0], 0.1),
    ("Eve", [0.3, -0.8, 0.3, -0.3, 1.0], -0.7),
  ]

  /// The knobs of the generator.
  public struct Recipe: Sendable {
    /// All viewers, the blog's five included.
    public var viewers = 200
    /// The share of cells outside the listing that receive a rating.
    public var density = 0.3
    /// m, the centre of the scale before leniency, appeal and taste.
    public var mean = 3.2
    /// How much more a viewer likes their favourite genre than an average one.
    public var favouriteBoost = 1.5
    /// Standard deviation of the tastes for the other genres.
    public var tasteSpread = 0.5
    /// Standard deviation of viewers' leniency and titles' appeal.
    public var biasSpread = 0.35
    /// Standard deviation of the rating noise ε.
    public var noise = 0.5

    public init(viewers: Int = 200, density: Double = 0.3) {
      precondition(viewers >= 5, "the catalogue keeps the blog's five viewers")
      self.viewers = viewers
      self.density = density
    }
  }

  public let recipe: Recipe
  /// The ratings: users in id order (Alice, Bob, Charlie, David, Eve first), each user's titles
  /// in id order (the blog's four movies are titles 0–3).
  public let dataset: RatingsDataset
  /// The genre of each title, as an index into ``genres``.
  public let itemGenres: [Int]
  /// Each viewer's hidden taste for each genre (users × genres).
  public let tastes: Matrix
  /// Each viewer's hidden favourite genre: the genre with the largest taste.
  public let favouriteGenres: [Int]
  /// Each viewer's hidden leniency: stars added to every rating they give.
  public let leniencies: [Double]
  /// Each title's hidden appeal: stars added to every rating it gets.
  public let appeals: [Double]

  /// Generates the catalogue; the same recipe and seed always give the same ratings.
  ///
  /// - Parameters:
  ///   - recipe: sizes and spreads.
  ///   - seed: seeds the tastes, the appeal of each title and which cells are rated.
  /// - Complexity: O(viewers × titles).
  public init(recipe: Recipe = Recipe(), seed: UInt32) {
    var random = NumpyRandom(seed: seed)
    let genreCount = Self.genres.count
    let titles = Self.titles
    let appeal = titles.map { _ in recipe.biasSpread * random.nextGaussian() }
    var names: [String] = []
    var tastes = Matrix(rows: recipe.viewers, columns: genreCount)
    var leniency: [Double] = []
    for viewer in 0..<recipe.viewers {
      if viewer < Self.blogViewers.count {
        let known = Self.blogViewers[viewer]
        names.append(known.name)
        for genre in 0..<genreCount { tastes[viewer, genre] = known.tastes[genre] }
        leniency.append(known.leniency)
        continue
      }
      names.append("Viewer \(viewer + 1)")
      let favourite = random.nextInt(through: genreCount - 1)
      for genre in 0..<genreCount {
        let spread = recipe.tasteSpread * random.nextGaussian()
        // The favourite stands out; the others scatter around zero, always below it.
        tastes[viewer, genre] =
          genre == favourite ? recipe.favouriteBoost : min(spread, recipe.favouriteBoost - 0.3)
      }
      leniency.append(recipe.biasSpread * random.nextGaussian())
    }

    let listing = BlogSamples.listing.grid
    var ratings: [Rating] = []
    for viewer in 0..<recipe.viewers {
      for (item, title) in titles.enumerated() {
        if viewer < listing.count, item < listing[viewer].count, let stars = listing[viewer][item] {
          ratings.append(Rating(user: viewer, item: item, value: stars))
          continue
        }
        guard random.nextDouble() < recipe.density else { continue }
        let raw =
          recipe.mean + leniency[viewer] + appeal[item] + tastes[viewer, title.genre]
          + recipe.noise * random.nextGaussian()
        ratings.append(Rating(user: viewer, item: item, value: min(max(raw, 1), 5).rounded()))
      }
    }

    self.recipe = recipe
    self.tastes = tastes
    self.leniencies = leniency
    self.appeals = appeal
    self.itemGenres = titles.map(\.genre)
    self.favouriteGenres = (0..<recipe.viewers).map { viewer in
      // The first of equal tastes wins.
      var favourite = 0
      for genre in 1..<genreCount where tastes[viewer, genre] > tastes[viewer, favourite] {
        favourite = genre
      }
      return favourite
    }
    self.dataset = RatingsDataset(
      userNames: names, itemNames: titles.map(\.name), ratings: ratings, scale: 1...5)
  }

  /// The rating `viewer` would give `item` on average, before noise and rounding: the
  /// catalogue's mean, the viewer's leniency, the title's appeal and the viewer's taste for its
  /// genre. The truth a recommendation can be judged against.
  public func expectedRating(viewer: Int, item: Int) -> Double {
    recipe.mean + leniencies[viewer] + appeals[item] + tastes[viewer, itemGenres[item]]
  }

  /// A rating `viewer` gives `item` when asked now: ``expectedRating(viewer:item:)`` plus the
  /// catalogue's noise, rounded to whole stars on the 1–5 scale, as the catalogue's own ratings
  /// were drawn.
  public func drawRating(viewer: Int, item: Int, random: inout NumpyRandom) -> Double {
    drawRating(around: expectedRating(viewer: viewer, item: item), random: &random)
  }

  /// A rating drawn around `expected` stars: plus the catalogue's noise, rounded to whole stars
  /// on the 1–5 scale. For a viewer whose expected rating is not the catalogue's, such as one
  /// whose taste has changed (``DriftingCatalogue``).
  public func drawRating(around expected: Double, random: inout NumpyRandom) -> Double {
    let raw = expected + recipe.noise * random.nextGaussian()
    return min(max(raw, 1), 5).rounded()
  }

  /// The name of a title's genre.
  public func genreName(ofItem item: Int) -> String { Self.genres[itemGenres[item]] }
}
