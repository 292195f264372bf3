/// The ways a benchmark can answer "is this key stored?", from slowest to fastest growth.
///
/// Each structure holds the same n keys (see ``LookupWorkload``) and answers the same lookups,
/// so their timings differ only by how the lookup works.
public enum LookupStructure: String, CaseIterable, Sendable {
  /// Python's `key in a_list`: compare with each element in turn.
  ///
  /// - Complexity: O(n) per lookup (≈ n / 2 comparisons for a present key, n for an absent
  ///   one); O(n) to build.
  case linearSearch
  /// Halve a sorted array's range at each step.
  ///
  /// - Complexity: O(log n) per lookup (at most ⌊log₂ n⌋ + 1 comparisons); O(n log n) to sort,
  ///   O(n) here because the keys are generated in order.
  case binarySearch
  /// Swift's `Set<Int>`, a hash table of keys.
  ///
  /// - Complexity: O(1) average per lookup (hash, then compare with the few keys in the
  ///   probed buckets); O(n) average to build.
  case set
  /// Swift's `Dictionary<Int, Int>`, a hash table mapping each key to a value; the lookup
  /// fetches the value, like the sidebar's `large_dict`.
  ///
  /// - Complexity: O(1) average per lookup; O(n) average to build.
  case dictionary
  /// A `Set<ConstantHashKey>`: a hash table whose keys all collide.
  ///
  /// - Complexity: O(n) per lookup and O(n²) to build, which is why
  ///   ``suggestedMaximumSize`` caps it.
  case constantHashSet

  /// The name to print in tables and charts.
  public var displayName: String {
    switch self {
    case .linearSearch: "Array linear search"
    case .binarySearch: "Sorted array binary search"
    case .set: "Set"
    case .dictionary: "Dictionary"
    case .constantHashSet: "Set with constant hash"
    }
  }

  /// The largest n worth measuring, or `nil` when any size is fine.
  ///
  /// The constant-hash set takes O(n²) to build: 10⁴ keys is already 5 × 10⁷ comparisons.
  public var suggestedMaximumSize: Int? {
    switch self {
    case .constantHashSet: 10_000
    case .linearSearch, .binarySearch, .set, .dictionary: nil
    }
  }

  /// Whether a scaling run should measure this structure at `size`.
  ///
  /// - Parameters:
  ///   - size: The number of stored keys.
  public func isSuggested(forSize size: Int) -> Bool {
    suggestedMaximumSize.map { size <= $0 } ?? true
  }
}
