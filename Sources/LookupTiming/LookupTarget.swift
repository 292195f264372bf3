/// A built structure that answers membership for the benchmark's integer keys.
///
/// The harness is generic over this protocol, so in an optimised build each structure's lookup
/// loop is specialised and calls `containsKey` directly, with no dynamic dispatch per lookup.
protocol LookupTarget {
  /// Whether `key` is stored.
  func containsKey(_ key: Int) -> Bool
}

/// The stored keys in an array, searched front to back.
///
/// - Complexity: O(n) per lookup.
struct LinearSearchTarget: LookupTarget {
  let elements: [Int]

  init(keys: some Sequence<Int>) { elements = Array(keys) }

  func containsKey(_ key: Int) -> Bool { elements.linearSearchIndex(of: key) != nil }
}

/// The stored keys in an ascending array, searched by halving.
///
/// - Complexity: O(log n) per lookup.
struct BinarySearchTarget: LookupTarget {
  let sortedElements: [Int]

  init(keys: some Sequence<Int>) { sortedElements = Array(keys).sorted() }

  func containsKey(_ key: Int) -> Bool { sortedElements.binarySearchIndex(of: key) != nil }
}

/// The stored keys in a `Set<Int>`.
///
/// - Complexity: O(1) average per lookup.
struct SetTarget: LookupTarget {
  let members: Set<Int>

  init(keys: some Sequence<Int>) {
    var members = Set<Int>(minimumCapacity: keys.underestimatedCount)
    for key in keys { members.insert(key) }
    self.members = members
  }

  func containsKey(_ key: Int) -> Bool { members.contains(key) }
}

/// The stored keys in a `Dictionary<Int, Int>`, each mapped to its position.
///
/// - Complexity: O(1) average per lookup.
struct DictionaryTarget: LookupTarget {
  let positions: [Int: Int]

  init(keys: some Sequence<Int>) {
    var positions = [Int: Int](minimumCapacity: keys.underestimatedCount)
    for (position, key) in keys.enumerated() { positions[key] = position }
    self.positions = positions
  }

  func containsKey(_ key: Int) -> Bool { positions[key] != nil }
}

/// The stored keys in a `Set<ConstantHashKey>`, where every key collides.
///
/// - Complexity: O(n) per lookup; O(n²) to build.
struct ConstantHashSetTarget: LookupTarget {
  let members: Set<ConstantHashKey>

  init(keys: some Sequence<Int>) {
    var members = Set<ConstantHashKey>(minimumCapacity: keys.underestimatedCount)
    for key in keys { members.insert(ConstantHashKey(key)) }
    self.members = members
  }

  func containsKey(_ key: Int) -> Bool { members.contains(ConstantHashKey(key)) }
}
