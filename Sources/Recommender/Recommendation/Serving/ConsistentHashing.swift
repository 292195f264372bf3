/// Where a key (a viewer) lives when the profile store and the top-N cache are split over
/// several nodes.
public protocol ShardPlacement: Sendable {
  /// The node that owns `key`.
  func node(for key: UInt64) -> Int
}

/// A 64-bit hash that is the same in every process (Swift's `Hasher` is seeded per process):
/// the SplitMix64 finaliser.
public func stableHash(_ value: UInt64) -> UInt64 {
  var z = value &+ 0x9E37_79B9_7F4A_7C15
  z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
  z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
  return z ^ (z >> 31)
}

/// The naive split: key k goes to node hash(k) mod N. Balanced, but when N changes almost every
/// key changes node: a key stays only if hash(k) mod N = hash(k) mod N′, about 1 in
/// max(N, N′) keys.
public struct ModuloPlacement: ShardPlacement {
  public let nodes: [Int]
  public init(nodes: [Int]) {
    precondition(!nodes.isEmpty, "at least one node")
    self.nodes = nodes
  }
  public func node(for key: UInt64) -> Int {
    nodes[Int(stableHash(key) % UInt64(nodes.count))]
  }
}

/// Consistent hashing (Karger et al. 1997): every node is placed at `virtualNodes` points on a
/// ring of 2⁶⁴ hash values, and a key belongs to the first point at or after its own hash.
/// When a node leaves, only the keys on its arcs move (to the next points); when one joins, it
/// takes keys only from the arcs it splits: about 1/N of the keys either way. Many virtual
/// nodes per node even out the arcs' lengths, so the load stays balanced.
public struct ConsistentHashRing: ShardPlacement {
  public let nodes: [Int]
  public let virtualNodes: Int
  /// The ring's points, sorted by hash.
  let points: [(hash: UInt64, node: Int)]

  /// - Complexity: O(N V log(N V)) for N nodes of V virtual nodes each.
  public init(nodes: [Int], virtualNodes: Int) {
    precondition(!nodes.isEmpty && virtualNodes >= 1, "at least one node and one point each")
    self.nodes = nodes
    self.virtualNodes = virtualNodes
    points = nodes.flatMap { node in
      (0..<virtualNodes).map { v in
        (stableHash(UInt64(node) << 32 | UInt64(v) ^ 0xA5A5_0000_0000_0000), node)
      }
    }.sorted { $0.hash < $1.hash }
  }

  /// The owner of `key`: the first point clockwise from its hash, by binary search.
  ///
  /// - Complexity: O(log(N V)).
  public func node(for key: UInt64) -> Int {
    let h = stableHash(key)
    var (low, high) = (0, points.count)
    while low < high {
      let middle = (low + high) / 2
      if points[middle].hash < h { low = middle + 1 } else { high = middle }
    }
    return points[low == points.count ? 0 : low].node
  }
}

/// What a change of nodes does to a sharded store and cache, counted key by key.
public struct Resharding: Sendable, Equatable {
  /// Keys whose owner changed: their profiles must be copied to the new owner.
  public let moved: Int
  /// Requests, after the change, that found no cached list on the owner (the list was cached
  /// on the old owner, or never).
  public let cacheMisses: Int
  public let requests: Int

  /// Moves `keys` from `before` to `after`, every key's list cached on its old owner, then
  /// serves `requests` (keys in request order) from per-node caches.
  ///
  /// - Complexity: O((keys + requests) × placement cost).
  public init(
    keys: [UInt64], requests: [UInt64], before: some ShardPlacement, after: some ShardPlacement
  ) {
    var cached: [Int: Set<UInt64>] = [:]
    var moved = 0
    for key in keys {
      let (old, new) = (before.node(for: key), after.node(for: key))
      if old != new { moved += 1 }
      cached[old, default: []].insert(key)
    }
    var misses = 0
    for key in requests {
      let owner = after.node(for: key)
      if cached[owner, default: []].insert(key).inserted { misses += 1 }
    }
    self.moved = moved
    self.cacheMisses = misses
    self.requests = requests.count
  }
}

/// Keys per node under a placement: how even the split is.
public func shardLoads(_ keys: [UInt64], _ placement: some ShardPlacement, nodes: [Int]) -> [Int] {
  var load = [Int: Int]()
  for key in keys { load[placement.node(for: key), default: 0] += 1 }
  return nodes.map { load[$0, default: 0] }
}
