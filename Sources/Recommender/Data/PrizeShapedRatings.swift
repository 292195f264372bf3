import Dispatch
import Foundation

/// One rating packed into 8 bytes: the viewer as a `UInt32` (the Prize has 480,189), the title
/// as a `UInt16` (it has 17,770), the stars as a byte, and whether the rating is held out.
///
/// A ``Rating`` takes 16 bytes; at 8 bytes the Prize's 100,480,507 ratings take 804 MB, which
/// fits in a laptop's memory with room for the model beside it.
public struct PackedRating: Sendable, Equatable {
  public var user: UInt32
  public var item: UInt16
  /// 1 to 5.
  public var stars: UInt8
  /// Held out for testing, like the Prize's probe set; never trained on.
  public var isProbe: Bool

  public init(user: UInt32, item: UInt16, stars: UInt8, isProbe: Bool) {
    self.user = user
    self.item = item
    self.stars = stars
    self.isProbe = isProbe
  }
}

/// Ratings with the Netflix Prize's shape, generated from a seed: its 17,770 titles, its
/// 480,189 viewers and 100,480,507 ratings scaled by `scale`, so every scale keeps the Prize's
/// density (1.18%) and its 209 ratings per viewer on average.
///
/// The shape, not the data: how many ratings each viewer gives is drawn from a log-normal law
/// (median about 100, a long tail, as in the Prize), titles are chosen by a skewed popularity
/// (a few titles take a large share of the ratings), and stars come from hidden tastes:
///
///     stars = clamp(round(μ + bᵤ + bᵢ + xᵤ · yᵢ + ε), 1, 5),   ε ~ N(0, σ²)
///
/// with μ = 3.6, a rank-5 taste xᵤ · yᵢ and noise σ = 0.9. About 1.4% of the ratings are held
/// out as the probe set (the Prize's probe share: 1,408,395 of 100,480,507).
///
/// Generation streams: the per-viewer counts are drawn first, so each viewer's ratings have a
/// known place, and then blocks of viewers are generated in parallel, each from its own seeded
/// stream, straight into one packed array. The bytes do not depend on the number of workers.
public struct PrizeShapedRatings: Sendable {
  /// The Netflix Prize training set: 100,480,507 ratings by 480,189 users of 17,770 movies.
  public static let prizeUsers = 480_189
  public static let prizeMovies = 17_770
  public static let prizeRatings = 100_480_507
  /// The Prize's probe set, 1,408,395 ratings: the share held out here.
  public static let probeShare = 1_408_395.0 / 100_480_507.0
  static let hiddenRank = 5
  static let meanStars = 3.6
  static let noise = 0.9
  static let usersPerBlock = 1_024

  public let scale: Double
  public let users: Int
  public let items: Int
  /// Every rating, viewer by viewer (each viewer's in the order drawn).
  public let ratings: [PackedRating]

  /// Generates the ratings.
  ///
  /// - Parameters:
  ///   - scale: the share of the Prize's viewers and ratings, in (0, 1].
  ///   - seed: the hidden tastes, counts and stars all follow from it.
  ///   - workers: threads that generate blocks of viewers at once (the result is the same).
  /// - Complexity: O(ratings) time; 8 bytes a rating and O(viewers + titles) beside.
  public init(scale: Double, seed: UInt32, workers: Int = 1) {
    precondition(scale > 0 && scale <= 1, "scale must be in (0, 1]")
    self.scale = scale
    let users = max(1, Int((Double(Self.prizeUsers) * scale).rounded()))
    let items = Self.prizeMovies
    let target = max(users, Int((Double(Self.prizeRatings) * scale).rounded()))
    self.users = users
    self.items = items
    var random = NumpyRandom(seed: seed)
    // Titles first: popularity (log-normal, σ = 1.5), bias and hidden taste.
    let popularity = (0..<items).map { _ in exp(1.5 * random.nextGaussian()) }
    let titleBias = (0..<items).map { _ in 0.5 * random.nextGaussian() }
    let tasteScale = 0.518  // so xᵤ · yᵢ has a standard deviation of about 0.6
    let titleTaste = (0..<(items * Self.hiddenRank)).map { _ in tasteScale * random.nextGaussian() }
    let sampler = AliasTable(weights: popularity)
    // Then how many ratings each viewer gives: log-normal with median e^4.62 ≈ 100 and mean
    // 209, scaled to the target total, at least 1, at most a quarter of the titles.
    let cap = items / 4
    let raw = (0..<users).map { _ in exp(4.62 + 1.2 * random.nextGaussian()) }
    let factor = Double(target) / raw.reduce(0, +)
    var counts = raw.map { min(cap, max(1, Int($0 * factor))) }
    var missing = target - counts.reduce(0, +)
    var user = 0
    while missing > 0 {
      if counts[user] < cap {
        counts[user] += 1
        missing -= 1
      }
      user = (user + 1) % users
    }
    var offsets = [0]
    offsets.reserveCapacity(users + 1)
    for count in counts { offsets.append(offsets.last! + count) }
    let starts = offsets
    var ratings = [PackedRating](
      repeating: PackedRating(user: 0, item: 0, stars: 0, isProbe: false), count: starts.last!)
    let blocks = (users + Self.usersPerBlock - 1) / Self.usersPerBlock
    let workers = max(1, min(workers, blocks))
    ratings.withUnsafeMutableBufferPointer { buffer in
      // Shared safely: each block of viewers writes only its own viewers' slots.
      let output = SharedBuffer(buffer.baseAddress!)
      DispatchQueue.concurrentPerform(iterations: workers) { worker in
        var seen = [Int32](repeating: -1, count: items)
        for block in stride(from: worker, to: blocks, by: workers) {
          var stream = NumpyRandom(seed: seed ^ UInt32(truncatingIfNeeded: (block + 1) &* 40_503))
          let first = block * Self.usersPerBlock
          for u in first..<min(users, first + Self.usersPerBlock) {
            let bias = 0.4 * stream.nextGaussian()
            let taste = (0..<Self.hiddenRank).map { _ in tasteScale * stream.nextGaussian() }
            for slot in starts[u]..<starts[u + 1] {
              var i = sampler.draw(&stream)
              while seen[i] == Int32(u) { i = sampler.draw(&stream) }
              seen[i] = Int32(u)
              var affinity = 0.0
              for f in 0..<Self.hiddenRank {
                affinity += taste[f] * titleTaste[i * Self.hiddenRank + f]
              }
              let value =
                Self.meanStars + bias + titleBias[i] + affinity
                + Self.noise * stream.nextGaussian()
              let stars = UInt8(min(5, max(1, value.rounded())))
              let isProbe = stream.nextDouble() < Self.probeShare
              output.pointer[slot] = PackedRating(
                user: UInt32(u), item: UInt16(i), stars: stars, isProbe: isProbe)
            }
          }
        }
      }
    }
    self.ratings = ratings
  }

  /// Bytes the packed ratings take.
  public var packedBytes: Int { ratings.count * MemoryLayout<PackedRating>.stride }
}

/// Walker's alias method: draws an index with probability proportional to its weight in O(1).
struct AliasTable: Sendable {
  let probability: [Double]
  let alias: [Int]

  init(weights: [Double]) {
    let n = weights.count
    let total = weights.reduce(0, +)
    var scaled = weights.map { $0 * Double(n) / total }
    var probability = [Double](repeating: 1, count: n)
    var alias = Array(0..<n)
    var small = scaled.indices.filter { scaled[$0] < 1 }
    var large = scaled.indices.filter { scaled[$0] >= 1 }
    while let s = small.popLast(), let l = large.last {
      probability[s] = scaled[s]
      alias[s] = l
      scaled[l] -= 1 - scaled[s]
      if scaled[l] < 1 {
        large.removeLast()
        small.append(l)
      }
    }
    self.probability = probability
    self.alias = alias
  }

  func draw(_ random: inout NumpyRandom) -> Int {
    let u = random.nextDouble() * Double(probability.count)
    let column = min(Int(u), probability.count - 1)
    return u - Double(column) < probability[column] ? column : alias[column]
  }
}
