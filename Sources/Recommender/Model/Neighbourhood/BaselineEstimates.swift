/// The baseline b_ui = μ + b_u + b_i: what a rating is expected to be from the viewer's
/// leniency and the title's appeal alone, before anyone's taste is looked at.
///
/// Fitted by alternating least squares with separate penalties for users and items, as in
/// Koren (2010) and Surprise's `baseline_als`: each pass solves every item's bias with the user
/// biases held fixed, then every user's with the item biases held fixed,
///
///     b_i = Σ_{u ∈ R(i)} (r_ui − μ − b_u) / (λ_i + |R(i)|)
///     b_u = Σ_{i ∈ R(u)} (r_ui − μ − b_i) / (λ_u + |R(u)|)
///
/// where R(i) are the users who rated i and R(u) the items u rated. A title with few ratings
/// keeps a bias near zero: λ_i acts like λ_i extra ratings at exactly μ + b_u.
public struct BaselineEstimates: Sendable {
  /// μ, the mean of the training ratings.
  public let globalMean: Double
  public let userBiases: [Double]
  public let itemBiases: [Double]
  /// λ_u, the penalty on user biases (used again when a new viewer is folded in).
  public let userRegularization: Double

  /// Surprise's defaults: 10 passes, λ_u = 15, λ_i = 10.
  public static let defaultEpochs = 10
  public static let defaultUserRegularization = 15.0
  public static let defaultItemRegularization = 10.0

  /// Fits the biases to `ratings`; users and items with no rating keep a bias of 0.
  ///
  /// - Complexity: O(epochs × ratings).
  public init(
    _ ratings: [Rating], userCount: Int, itemCount: Int, epochs: Int = Self.defaultEpochs,
    userRegularization: Double = Self.defaultUserRegularization,
    itemRegularization: Double = Self.defaultItemRegularization
  ) {
    let μ = ratings.isEmpty ? 0 : ratings.reduce(0) { $0 + $1.value } / Double(ratings.count)
    let byUser = RatingLists(ratings, by: .users, count: userCount)
    let byItem = RatingLists(ratings, by: .items, count: itemCount)
    var bu = [Double](repeating: 0, count: userCount)
    var bi = [Double](repeating: 0, count: itemCount)
    for _ in 0..<epochs {
      for item in 0..<itemCount where byItem.length(of: item) > 0 {
        var deviation = 0.0
        for entry in byItem.range(of: item) {
          deviation += byItem.values[entry] - μ - bu[byItem.others[entry]]
        }
        bi[item] = deviation / (itemRegularization + Double(byItem.length(of: item)))
      }
      for user in 0..<userCount where byUser.length(of: user) > 0 {
        var deviation = 0.0
        for entry in byUser.range(of: user) {
          deviation += byUser.values[entry] - μ - bi[byUser.others[entry]]
        }
        bu[user] = deviation / (userRegularization + Double(byUser.length(of: user)))
      }
    }
    self.globalMean = μ
    self.userBiases = bu
    self.itemBiases = bi
    self.userRegularization = userRegularization
  }

  /// b_ui = μ + b_u + b_i.
  public func estimate(user: Int, item: Int) -> Double {
    globalMean + userBiases[user] + itemBiases[item]
  }

  /// The bias of a viewer the model has never seen, from their first ratings with every item
  /// bias held fixed: b_u = Σ (r_ui − μ − b_i) / (λ_u + n). With no rating it is 0.
  public func userBias(forNew ratings: [(item: Int, value: Double)]) -> Double {
    guard !ratings.isEmpty else { return 0 }
    let deviation = ratings.reduce(0) { $0 + $1.value - globalMean - itemBiases[$1.item] }
    return deviation / (userRegularization + Double(ratings.count))
  }
}
