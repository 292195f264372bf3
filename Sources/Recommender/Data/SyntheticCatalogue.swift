/// A seeded catalogue of ratings generated from known hidden tastes, so experiments can be
/// checked against the truth.
///
/// Each user u gets a hidden taste vector xᵤ and a bias βᵤ, each movie i a hidden profile yᵢ and
/// a bias βᵢ (all normal around 0). A cell is rated with probability `density`, and its rating is
///
///     rᵤᵢ = round(clamp(m + βᵤ + βᵢ + xᵤ · yᵢ + noise · ε, 1, 5)),   ε ~ N(0, 1)
///
/// so a model with at least `hiddenFactors` factors can in principle recover everything except
/// the noise and the rounding.
public struct SyntheticCatalogue: Sendable {
  /// The knobs of the generator; the defaults make a few hundred users and movies.
  public struct Recipe: Sendable {
    public var users = 300
    public var items = 200
    /// The true number of taste dimensions.
    public var hiddenFactors = 3
    /// The share of cells that receive a rating.
    public var density = 0.05
    /// m, the centre of the rating scale before biases.
    public var mean = 3.5
    /// Standard deviation of each hidden taste coordinate.
    public var tasteSpread = 0.7
    /// Standard deviation of user and movie biases.
    public var biasSpread = 0.5
    /// Standard deviation of the rating noise ε.
    public var noise = 0.5

    public init(
      users: Int = 300, items: Int = 200, hiddenFactors: Int = 3, density: Double = 0.05,
      noise: Double = 0.5
    ) {
      self.users = users
      self.items = items
      self.hiddenFactors = hiddenFactors
      self.density = density
      self.noise = noise
    }
  }

  public let recipe: Recipe
  /// The generated ratings, users in id order, each user's movies in id order.
  public let dataset: RatingsDataset
  /// The hidden tastes xᵤ, one row per user.
  public let userTastes: Matrix
  /// The hidden profiles yᵢ, one row per movie.
  public let itemProfiles: Matrix

  /// Generates a catalogue; the same recipe and seed always give the same ratings.
  ///
  /// - Complexity: O(users × items): every cell decides whether it is rated.
  public init(recipe: Recipe = Recipe(), seed: UInt32) {
    var random = NumpyRandom(seed: seed)
    let tastes = Matrix(rows: recipe.users, columns: recipe.hiddenFactors) {
      recipe.tasteSpread * random.nextGaussian()
    }
    let profiles = Matrix(rows: recipe.items, columns: recipe.hiddenFactors) {
      recipe.tasteSpread * random.nextGaussian()
    }
    let userBiases = (0..<recipe.users).map { _ in recipe.biasSpread * random.nextGaussian() }
    let itemBiases = (0..<recipe.items).map { _ in recipe.biasSpread * random.nextGaussian() }
    var ratings: [Rating] = []
    for user in 0..<recipe.users {
      for item in 0..<recipe.items where random.nextDouble() < recipe.density {
        var affinity = 0.0
        for factor in 0..<recipe.hiddenFactors {
          affinity += tastes[user, factor] * profiles[item, factor]
        }
        let raw =
          recipe.mean + userBiases[user] + itemBiases[item] + affinity
          + recipe.noise * random.nextGaussian()
        ratings.append(Rating(user: user, item: item, value: min(max(raw, 1), 5).rounded()))
      }
    }
    self.recipe = recipe
    self.userTastes = tastes
    self.itemProfiles = profiles
    self.dataset = RatingsDataset(
      userNames: (0..<recipe.users).map { "User \($0 + 1)" },
      itemNames: (0..<recipe.items).map { "Movie \($0 + 1)" },
      ratings: ratings)
  }
}
