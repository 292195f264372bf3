import Recommender

/// The keys a lookup benchmark stores, and the seeded sequence of keys it looks up.
///
/// A structure of size n stores the even numbers 0, 2, 4, …, 2(n − 1): key 2p sits at
/// position p. Present lookups pick a position uniformly at random; absent lookups pick an odd
/// number 2p + 1 in the same range, so a miss falls between stored keys (a binary search must
/// descend all the way, a hash table must probe) rather than off either end.
public struct LookupWorkload: Sendable, Equatable {
  /// The number of stored keys, n.
  public let size: Int
  /// The keys to look up, in order; benchmarks cycle through them.
  public let keys: [Int]
  /// How many of ``keys`` are absent: exactly `round(absentFraction × keys.count)`.
  public let absentKeyCount: Int

  /// Draws `keyCount` lookup keys for a structure of `size` keys.
  ///
  /// Draws the present positions, then the absent ones, with `nextInt(through: size − 1)`,
  /// then shuffles them together, all from one `NumpyRandom(seed:)`: the same arguments give
  /// the same keys in the same order.
  ///
  /// - Parameters:
  ///   - size: The number of stored keys, at least 1.
  ///   - keyCount: The number of lookup keys, at least 1.
  ///   - absentFraction: The share of lookup keys that are not stored, in 0...1.
  ///   - seed: The seed of the generator that chooses the keys.
  public init(size: Int, keyCount: Int, absentFraction: Double, seed: UInt32) {
    precondition(size >= 1, "a workload needs at least one stored key")
    precondition(keyCount >= 1, "a workload needs at least one lookup key")
    precondition((0...1).contains(absentFraction), "the absent fraction must lie in 0...1")
    let absentKeyCount = Int((absentFraction * Double(keyCount)).rounded())
    var random = NumpyRandom(seed: seed)
    var keys: [Int] = []
    keys.reserveCapacity(keyCount)
    for _ in 0..<(keyCount - absentKeyCount) {
      keys.append(Self.storedKey(atPosition: random.nextInt(through: size - 1)))
    }
    for _ in 0..<absentKeyCount {
      keys.append(Self.storedKey(atPosition: random.nextInt(through: size - 1)) + 1)
    }
    random.shuffle(&keys)
    self.size = size
    self.keys = keys
    self.absentKeyCount = absentKeyCount
  }

  /// The key stored at `position`: 2 × position.
  ///
  /// - Parameters:
  ///   - position: A position in 0..<size.
  public static func storedKey(atPosition position: Int) -> Int { 2 * position }

  /// The stored keys in ascending order, generated on demand.
  public var storedKeys: some Sequence<Int> {
    (0..<size).lazy.map(Self.storedKey(atPosition:))
  }

  /// Whether `key` is one of the stored keys.
  ///
  /// - Parameters:
  ///   - key: Any integer.
  public func isStored(_ key: Int) -> Bool {
    key >= 0 && key % 2 == 0 && key / 2 < size
  }

  /// How many hits `lookups` consecutive lookups, cycling through ``keys`` from the first,
  /// should report.
  ///
  /// - Parameters:
  ///   - lookups: The number of lookups performed.
  public func expectedHits(forLookups lookups: Int) -> Int {
    let presentPerCycle = keys.count - absentKeyCount
    let remainder = keys.prefix(lookups % keys.count).filter(isStored).count
    return (lookups / keys.count) * presentPerCycle + remainder
  }
}
