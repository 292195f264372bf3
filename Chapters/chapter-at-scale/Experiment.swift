import ChapterKit
import Foundation
import LookupTiming
import Recommender

/// The generated data's shape, counted once, before the generated array is let go.
struct DataShape {
  let scale: Double
  let users: Int
  let items: Int
  let ratings: Int
  let probe: Int
  let packedBytes: Int
  let meanPerViewer: Double
  let medianPerViewer: Int
  let maxPerViewer: Int
  let unratedTitles: Int
  /// Share of the ratings held by the most-rated 1% of titles.
  let topTitlesShare: Double
  let topTitles: Int
  let meanStars: Double

  init(_ generated: PrizeShapedRatings) {
    scale = generated.scale
    users = generated.users
    items = generated.items
    ratings = generated.ratings.count
    packedBytes = generated.packedBytes
    var perViewer = [Int](repeating: 0, count: users)
    var perTitle = [Int](repeating: 0, count: items)
    var probe = 0
    var stars = 0
    for rating in generated.ratings {
      perViewer[Int(rating.user)] += 1
      perTitle[Int(rating.item)] += 1
      if rating.isProbe { probe += 1 }
      stars += Int(rating.stars)
    }
    self.probe = probe
    meanPerViewer = Double(ratings) / Double(users)
    let sortedViewers = perViewer.sorted()
    medianPerViewer = sortedViewers[users / 2]
    maxPerViewer = sortedViewers.last!
    unratedTitles = perTitle.filter { $0 == 0 }.count
    topTitles = max(1, items / 100)
    topTitlesShare =
      Double(perTitle.sorted(by: >).prefix(topTitles).reduce(0, +)) / Double(ratings)
    meanStars = Double(stars) / Double(ratings)
  }

  var density: Double { Double(ratings) / (Double(users) * Double(items)) }
}

/// Generates the data, counts its shape and sorts it for one worker; the generated array is
/// released on return, so only the sorted copy stays in memory.
func prepareData(scale: Double, seed: UInt32, workers: Int)
  -> (data: BlockedRatings, shape: DataShape, nanoseconds: Double)
{
  let (generated, nanoseconds) = timed {
    PrizeShapedRatings(scale: scale, seed: seed, workers: workers)
  }
  let data = BlockedRatings(
    generated.ratings, users: generated.users, items: generated.items, strata: 1, seed: seed)
  return (data, DataShape(generated), nanoseconds)
}

/// DSGD on M machines, priced from the measured rate of one worker on this machine.
///
/// Each machine keeps the viewer rows of its stratum of P; the title blocks of Q travel. One
/// epoch is M sub-epochs; in each, every machine trains one block of R/M² ratings, then sends its
/// block of Q (I/M rows of k doubles) to the next machine and waits for the others:
///
///     T(M) = R t / M  +  M L  +  8 I k / B
///
/// with t the measured seconds per rating, L the wait per sub-epoch and B the bandwidth. Adding
/// a machine saves about R t / M² of compute and costs L: the epoch is fastest at
/// M* = √(R t / L), and beyond that the network costs more than the machines save.
struct CostModel {
  let secondsPerRating: Double
  let factors: Int
  /// Assumed, not measured: a 10 Gbit/s link and 1 ms per sub-epoch for a barrier and a
  /// round trip in one data centre.
  static let bandwidthBytesPerSecond = 1.25e9
  static let waitSeconds = 1e-3
  static let ratingsPerMember =
    Double(PrizeShapedRatings.prizeRatings)
    / Double(PrizeShapedRatings.prizeUsers)

  struct Scenario {
    let name: String
    let members: Double
    let ratings: Double
  }

  var scenarios: [Scenario] {
    [
      Scenario(
        name: "Netflix Prize", members: Double(PrizeShapedRatings.prizeUsers),
        ratings: Double(PrizeShapedRatings.prizeRatings)),
      Scenario(name: "230 M members", members: 230e6, ratings: 230e6 * Self.ratingsPerMember),
    ]
  }

  func epochSeconds(_ scenario: Scenario, machines m: Double) -> Double {
    scenario.ratings * secondsPerRating / m + m * Self.waitSeconds
      + 8 * Double(PrizeShapedRatings.prizeMovies) * Double(factors) / Self.bandwidthBytesPerSecond
  }

  func bestMachines(_ scenario: Scenario) -> Int {
    let m = (scenario.ratings * secondsPerRating / Self.waitSeconds).squareRoot()
    // The best whole number of machines next to the real optimum.
    let (low, high) = (max(1, Int(m)), max(1, Int(m)) + 1)
    return epochSeconds(scenario, machines: Double(low))
      <= epochSeconds(scenario, machines: Double(high)) ? low : high
  }

  func narration(build: BuildConfiguration) -> [String] {
    [
      "DSGD's blocks are what a cluster would run: machine a keeps the viewers of stratum a "
        + "(their rows of P stay put) and in each sub-epoch trains one block, then passes its "
        + "block of Q to the next machine. With R ratings, I titles, t seconds per rating, a wait "
        + "of L per sub-epoch and bandwidth B, an epoch on M machines takes about "
        + "R·t/M + M·L + 8·I·k/B: compute shrinks with M, waiting grows with it, and shipping "
        + "all of Q once per epoch does not depend on M. It is fastest at M* = √(R·t/L).",
      "t = \(significant(secondsPerRating * 1e9)) ns per rating is this run's measured "
        + "single-worker rate at k = \(factors) (\(build) build). L = 1 ms and B = 10 Gbit/s are "
        + "assumptions for one data centre, not measurements. The 230 M row assumes each member "
        + "rates as many titles as a Prize viewer did (\(fixed(Self.ratingsPerMember, 0))) and "
        + "keeps the Prize's \(grouped(PrizeShapedRatings.prizeMovies)) titles.",
    ]
  }

  var table: TextTable {
    TextTable(
      columns: [
        .init("Data"), .init("Ratings", .right), .init("1 machine", .right),
        .init("Best M", .right), .init("At best M", .right), .init("Size of P", .right),
      ],
      rows: scenarios.map { scenario in
        let best = bestMachines(scenario)
        return [
          scenario.name, grouped(Int(scenario.ratings)),
          readableDuration(nanoseconds: epochSeconds(scenario, machines: 1) * 1e9),
          grouped(best),
          readableDuration(nanoseconds: epochSeconds(scenario, machines: Double(best)) * 1e9),
          bytesText(scenario.members * Double(factors) * 8),
        ]
      })
  }

  var reading: String {
    let (prize, netflix) = (scenarios[0], scenarios[1])
    let memory = Double(ProcessInfo.processInfo.physicalMemory)
    let pBytes = netflix.members * Double(factors) * 8
    let prizeBest = bestMachines(prize)
    return "So for the Prize, machines beyond about \(grouped(prizeBest)) cost more in waiting "
      + "than they save in compute"
      + (prizeBest <= 1
        ? ", which means one machine is the right size for it. "
        : ": one machine trains an epoch in "
          + readableDuration(nanoseconds: epochSeconds(prize, machines: 1) * 1e9)
          + " and \(grouped(prizeBest)) would take "
          + readableDuration(nanoseconds: epochSeconds(prize, machines: Double(prizeBest)) * 1e9)
          + ". ")
      + "At 230 M members the break-even is about \(grouped(bestMachines(netflix))) machines, "
      + "and the users' factors alone take \(bytesText(pBytes)), "
      + (pBytes > memory
        ? "\(timesText(pBytes / memory)) this machine's \(bytesText(memory)) of memory: there "
          + "P must be split across machines, which is where Spark MLlib's ALS comes in (see "
          + "the docs page)."
        : "within this machine's \(bytesText(memory)) of memory.")
  }
}

/// The hash-table chapter's profile store and top-N cache split over simulated nodes: where
/// keys go, and what moves when a node leaves or joins.
struct ShardingExperiment {
  static let viewers = 50_000
  static let virtualNodes = 100
  let nodes: Int
  let placements: [(name: String, rows: Outcome)]

  struct Outcome {
    let movedOnLeave: Int
    let movedOnJoin: Int
    let leftNodeKeys: Int
    let missesAfterLeave: Int
    let requests: Int
    let busiestShare: Double
  }

  init(nodes: Int, seed: UInt32) {
    self.nodes = nodes
    let keys = (0..<Self.viewers).map(UInt64.init)
    var random = NumpyRandom(seed: seed)
    let requests = (0..<Self.viewers).map { _ in
      UInt64(random.nextInt(through: Self.viewers - 1))
    }
    let all = Array(0..<nodes)
    let leaving = nodes / 2
    let fewer = all.filter { $0 != leaving }
    let more = all + [nodes]
    func outcome(_ make: ([Int]) -> any ShardPlacement) -> Outcome {
      let before = make(all)
      let leave = Resharding(keys: keys, requests: requests, before: before, after: make(fewer))
      let join = Resharding(keys: keys, requests: [], before: before, after: make(more))
      let loads = shardLoads(keys, before, nodes: all)
      return Outcome(
        movedOnLeave: leave.moved, movedOnJoin: join.moved, leftNodeKeys: loads[leaving],
        missesAfterLeave: leave.cacheMisses, requests: leave.requests,
        busiestShare: Double(loads.max()!) / (Double(keys.count) / Double(nodes)))
    }
    placements = [
      ("Modulo N", outcome { ModuloPlacement(nodes: $0) }),
      ("Ring, 1 point", outcome { ConsistentHashRing(nodes: $0, virtualNodes: 1) }),
      (
        "Ring, \(Self.virtualNodes) points",
        outcome { ConsistentHashRing(nodes: $0, virtualNodes: Self.virtualNodes) }
      ),
    ]
  }

  var introduction: String {
    "The hash-table chapter kept every viewer's profile (their pᵤ and bᵤ) and their cached top-N "
      + "list in dictionaries on one server. Here the same store is split over \(nodes) nodes, "
      + "simulated in this one process (each node is a dictionary; there is no network): "
      + "\(grouped(Self.viewers)) viewers, every list cached, then node \(nodes / 2) leaves, "
      + "or a node joins, and \(grouped(Self.viewers)) requests for random viewers follow. A "
      + "viewer whose owner changed must have their profile copied to the new owner, and their "
      + "next request misses the cache there. Three placements: hash(viewer) mod N, and a "
      + "consistent-hash ring with 1 or \(Self.virtualNodes) points (virtual nodes) per node. "
      + "The table gives the share of viewers moved when a node leaves and when one joins, the "
      + "share of the later requests that missed the cache, and the busiest node's load against "
      + "the mean."
  }

  var table: TextTable {
    let n = Double(Self.viewers)
    return TextTable(
      columns: [
        .init("Placement"), .init("Moved: leave", .right), .init("Moved: join", .right),
        .init("Misses after", .right), .init("Busiest/mean", .right),
      ],
      rows: placements.map { name, o in
        [
          name, percent(Double(o.movedOnLeave) / n), percent(Double(o.movedOnJoin) / n),
          percent(Double(o.missesAfterLeave) / Double(o.requests)), fixed(o.busiestShare, 2),
        ]
      })
  }

  var reading: [String] {
    let n = Double(Self.viewers)
    let modulo = placements[0].rows
    let ring = placements[2].rows
    let single = placements[1].rows
    let ringOnlyLeft = ring.movedOnLeave == ring.leftNodeKeys
    let comparison: String
    if ring.movedOnLeave < modulo.movedOnLeave {
      comparison =
        "modulo hashing moved \(timesText(Double(modulo.movedOnLeave) / Double(max(1, ring.movedOnLeave)))) as many."
    } else {
      comparison = "modulo hashing moved no more than the ring here."
    }
    return [
      "When node \(nodes / 2) left (failed, say), the ring with \(Self.virtualNodes) points a node moved "
        + "\(percent(Double(ring.movedOnLeave) / n)) of the viewers"
        + (ringOnlyLeft
          ? ", exactly those the departed node held (1/N would be \(percent(1 / Double(nodes))))"
          : "")
        + "; " + comparison
        + " Modulo hashing picks every viewer's node by hash mod N, so changing N picks "
        + "again for every viewer, not only for the departed node's. Each moved viewer is a profile to copy and a "
        + "cold cache: after the change, \(percent(Double(modulo.missesAfterLeave) / Double(modulo.requests))) "
        + "of requests missed under modulo hashing and "
        + "\(percent(Double(ring.missesAfterLeave) / Double(ring.requests))) on the ring.",
      "Balance is what the virtual nodes buy: with one point a node the busiest node held "
        + "\(fixed(single.busiestShare, 2))× the mean share, with \(Self.virtualNodes) points "
        + "\(fixed(ring.busiestShare, 2))×"
        + (ring.busiestShare < single.busiestShare
          ? ", because many short arcs average out where a few long ones do not."
          : ", no better here.")
        + " Under modulo hashing the busiest node holds \(fixed(modulo.busiestShare, 2))× the "
        + "mean, but only until the number of nodes changes.",
    ]
  }
}
