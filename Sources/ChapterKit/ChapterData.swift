import Recommender

/// The ratings a chapter runs on: the built-in ``DemoCatalogue`` (whose hidden tastes are
/// known), or ratings loaded from the files of `--ratings` and `--titles`.
public struct ChapterData: Sendable {
  /// The ratings, with titles for names where a titles file gave them; without ratings between
  /// ``takeSplitOrExit(testFraction:seed:ratingsPath:command:)`` and
  /// ``restoreRatings(from:)``.
  public private(set) var dataset: RatingsDataset
  /// The catalogue when the data is the built-in one: its genres and hidden tastes.
  public let catalogue: DemoCatalogue?
  /// What the ratings file held, e.g. "100,000 ratings by 943 users of 1,682 movies (…)".
  public let fileSummary: String?
  /// How well the titles file matched, e.g. "1,682 of 1,682 rated movies have a title (…)".
  public let titlesSummary: String?
  /// When each rating of `dataset.ratings` was given, in seconds since 1970: only when asked
  /// for and the file has them (the MovieLens formats; see ``RatingsLoader``).
  public let timestamps: [Int]?

  /// The built-in catalogue, generated from `seed`.
  public init(catalogueSeed seed: UInt32) {
    let catalogue = DemoCatalogue(seed: seed)
    self.dataset = catalogue.dataset
    self.catalogue = catalogue
    self.fileSummary = nil
    self.titlesSummary = nil
    self.timestamps = nil
  }

  /// Ratings read from `ratingsPath`, named by `titlesPath` when given.
  ///
  /// - Parameters:
  ///   - ratingsPath: a MovieLens `u.data` or `ratings.csv`, or a `user,item,rating` CSV.
  ///   - titlesPath: a MovieLens `u.item` or `movies.csv`, or nil.
  ///   - format: the ratings layout, or nil to detect it.
  ///   - keepsTimestamps: also read each rating's time, for a chapter that replays them in order.
  /// - Throws: `DataFileError` for the first problem in either file.
  public init(
    ratingsPath: String, titlesPath: String?, format: RatingsFileFormat?,
    keepsTimestamps: Bool = false
  ) throws(DataFileError) {
    let loaded = try RatingsLoader.load(
      path: ratingsPath, format: format, keepsTimestamps: keepsTimestamps)
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
    self.timestamps = loaded.timestamps
  }

  /// The genre of a title, when the data has genres.
  public func genre(ofItem item: Int) -> String? { catalogue?.genreName(ofItem: item) }

  /// A title's name, with its genre in brackets when known: "Cloud Whales (Animation)".
  public func titleWithGenre(_ item: Int) -> String {
    dataset.itemNames[item] + (genre(ofItem: item).map { " (\($0))" } ?? "")
  }
}

extension ChapterData {
  /// The data a run asked for: the ratings file at `ratingsPath`, or the catalogue generated
  /// from `seed` when there is none. A file that cannot be read ends the run with its problem.
  ///
  /// - Parameters:
  ///   - ratingsPath: the `--ratings` file, or nil for the catalogue.
  ///   - titlesPath: the `--titles` file, or nil.
  ///   - format: the `--format` of the ratings file, or nil to detect it.
  ///   - seed: the catalogue's seed.
  ///   - command: the chapter's command, for the error message.
  ///   - keepsTimestamps: also read each rating's time from a file that has them.
  public static func loadOrExit(
    ratingsPath: String?, titlesPath: String?, format: RatingsFileFormat?, seed: UInt32,
    command: String, keepsTimestamps: Bool = false
  ) -> ChapterData {
    guard let ratingsPath else { return ChapterData(catalogueSeed: seed) }
    do {
      return try ChapterData(
        ratingsPath: ratingsPath, titlesPath: titlesPath, format: format,
        keepsTimestamps: keepsTimestamps)
    } catch {
      exitWithError(.dataError(error.description), command: command)
    }
  }

  /// The ratings split into training and test ratings, seeded; ends the run when either part
  /// would be empty.
  ///
  /// - Parameters:
  ///   - testFraction: the share of ratings held out for testing.
  ///   - seed: picks the held-out ratings.
  ///   - ratingsPath: the `--ratings` file, or nil for the catalogue, for the error message.
  ///   - command: the chapter's command, for the error message.
  public func splitOrExit(testFraction: Double, seed: UInt32, ratingsPath: String?, command: String)
    -> TrainTestSplit
  {
    let split = TrainTestSplit(dataset.ratings, testFraction: testFraction, seed: seed)
    if split.train.isEmpty || split.test.isEmpty {
      let count = dataset.ratings.count
      exitWithError(
        .dataError(
          "\(ratingsPath ?? "the data") has only \(grouped(count)) "
            + (count == 1 ? "rating" : "ratings") + ", too few to hold "
            + "\(percent(testFraction, decimals: 0)) out for testing and learn from the rest"),
        command: command)
    }
    return split
  }

  /// The split of ``splitOrExit(testFraction:seed:ratingsPath:command:)``, the dataset letting
  /// go of its own ratings while the split holds them, until ``restoreRatings(from:)``.
  ///
  /// At MovieLens 25M's size the dataset's copy of the ratings is 400 MB that training does not
  /// read: it learns from the split's parts.
  public mutating func takeSplitOrExit(
    testFraction: Double, seed: UInt32, ratingsPath: String?, command: String
  ) -> TrainTestSplit {
    let split = splitOrExit(
      testFraction: testFraction, seed: seed, ratingsPath: ratingsPath, command: command)
    dataset.ratings = []
    return split
  }

  /// Puts back the ratings ``takeSplitOrExit(testFraction:seed:ratingsPath:command:)`` took, in
  /// their order.
  ///
  /// - Parameter split: The split it returned.
  public mutating func restoreRatings(from split: TrainTestSplit) {
    precondition(dataset.ratings.isEmpty, "the ratings were not taken")
    guard let ratings = split.ratingsInOriginalOrder else {
      preconditionFailure("a split made from the dataset's ratings")
    }
    dataset.ratings = ratings
  }
}

/// The flags that choose a chapter's data: `--ratings FILE`, `--titles FILE`, `--format`.
/// Without `--ratings` the chapter runs on the demo catalogue.
public struct DataFileOptions: Sendable, Equatable {
  public var ratingsPath: String?
  public var titlesPath: String?
  public var format: RatingsFileFormat?

  public init() {}

  /// The flags, in the order `--help` lists them.
  public static var options: [ChapterOption<DataFileOptions>] {
    [
      .string(
        "--ratings", \.ratingsPath, valueName: "FILE",
        help: "MovieLens u.data or ratings.csv, or a user,item,rating CSV, instead of the demo "
          + "catalogue"),
      .string(
        "--titles", \.titlesPath, valueName: "FILE",
        help: "u.item or movies.csv naming the movies of --ratings"),
      .choice("--format", \.format, help: "the layout of --ratings", whenAbsent: "detected"),
    ]
  }

  /// Ends the run with a usage error when `--titles` or `--format` come without `--ratings`.
  public func checkOrExit(command: String) {
    if ratingsPath == nil, titlesPath != nil || format != nil {
      exitWithError(
        .usage("--titles and --format describe a --ratings file; give --ratings FILE too"),
        command: command)
    }
  }

  /// The data these flags ask for (see
  /// ``ChapterData/loadOrExit(ratingsPath:titlesPath:format:seed:command:keepsTimestamps:)``).
  public func loadOrExit(seed: UInt32, command: String, keepsTimestamps: Bool = false)
    -> ChapterData
  {
    ChapterData.loadOrExit(
      ratingsPath: ratingsPath, titlesPath: titlesPath, format: format, seed: seed,
      command: command, keepsTimestamps: keepsTimestamps)
  }
}

extension Array {
  /// The data flags, so a settings type can write `[…] + .dataFiles(\.data)`.
  public static func dataFiles<Settings>(_ keyPath: WritableKeyPath<Settings, DataFileOptions>)
    -> [ChapterOption<Settings>] where Element == ChapterOption<Settings>
  {
    DataFileOptions.options.map { $0.lifted(through: keyPath) }
  }
}
