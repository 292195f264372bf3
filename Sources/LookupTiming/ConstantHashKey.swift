/// An integer key whose hash is the same for every value: the worst case of a hash table.
///
/// A `Set` or `Dictionary` finds a key by hashing it to a bucket and comparing with `==` only
/// what sits there. When every key hashes alike, every key lands in the same bucket's probe
/// chain, and a lookup compares against the keys one after another: a linear scan in disguise.
/// Lookups stay correct (equality still decides), they just stop being fast. Real hash
/// functions spread keys out, and Swift seeds its hasher per process so an attacker cannot
/// craft collisions in advance.
///
/// - Complexity: In a `Set<ConstantHashKey>` of n keys, a lookup is O(n) (about n / 2
///   comparisons for a present key, n for an absent one), and building the set is O(n²).
public struct ConstantHashKey: Hashable, Sendable {
  /// The integer this key stands for; equality compares it.
  public let value: Int

  /// Wraps an integer.
  ///
  /// - Parameters:
  ///   - value: The key's identity.
  public init(_ value: Int) {
    self.value = value
  }

  /// Feeds the same constant for every key, so all keys collide.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(0)
  }
}
