@testable import Recommender

extension Rating {
  /// `count` ratings of whole stars 1–5 by random viewers of `users` and titles of `items`,
  /// drawn from numpy's generator with `seed`: the same list for the same arguments.
  static func random(count: Int, users: Int, items: Int, seed: UInt32) -> [Rating] {
    var random = NumpyRandom(seed: seed)
    return (0..<count).map { _ in
      Rating(
        user: random.nextInt(through: users - 1), item: random.nextInt(through: items - 1),
        value: Double(1 + random.nextInt(through: 4)))
    }
  }
}
