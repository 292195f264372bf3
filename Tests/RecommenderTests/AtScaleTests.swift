import Testing

@testable import Recommender

/// The at-scale pieces against their definitions and hand-worked values: parallel SGD against
/// the readable step, ALS against a solve by hand, the generator's shape, the hash ring.
@Suite("At scale: parallel training, generated data, sharding")
struct AtScaleTests {
  static let data = PrizeShapedRatings(scale: 0.0002, seed: 3, workers: 2)

  static func model(_ blocked: BlockedRatings, factors: Int = 8) -> MatrixFactorization {
    var random = NumpyRandom(seed: 1)
    return MatrixFactorization(
      users: blocked.users, items: blocked.items, factors: factors, initialisation: .normal,
      usesBiases: true, globalMean: blocked.meanStars, random: &random)
  }

  @Test("generated data: the Prize's shape, 8 bytes a rating, the same bytes for any workers")
  func generator() {
    let data = Self.data
    #expect(MemoryLayout<PackedRating>.stride == 8)
    #expect(data.users == 96 && data.items == 17_770)
    #expect(data.ratings.count == 20_096)
    #expect(data.ratings.allSatisfy { (1...5).contains($0.stars) && Int($0.user) < data.users })
    let single = PrizeShapedRatings(scale: 0.0002, seed: 3, workers: 1)
    #expect(single.ratings == data.ratings)
    let probe = data.ratings.filter(\.isProbe).count
    #expect(probe > 150 && probe < 420, "about 1.4% of 20,096 held out, got \(probe)")
  }

  @Test(
    "DSGD with 1 and with 3 workers, and with more blocks than workers, equals the readable step over the same visit order"
  )
  func dsgdMatchesDefinition() {
    let settings = SGDTrainer.Settings(
      learningRate: 0.01, biasLearningRate: 0.01, regularization: 0.05)
    for (p, workers, order) in [(1, 1, .shuffled), (3, 3, .shuffled), (5, 2, .viewerByViewer)]
      as [(Int, Int, BlockedRatings.VisitOrder)]
    {
      let blocked = BlockedRatings(
        Self.data.ratings, users: Self.data.users, items: Self.data.items, strata: p,
        order: order, seed: 9)
      var parallel = Self.model(blocked)
      var sequential = parallel
      for _ in 0..<2 {
        ParallelSGD.dsgdEpoch(&parallel, blocked, workers: workers, settings: settings)
        _ = sequential.sgdEpoch(blocked.visitOrder, settings: settings)
      }
      #expect(parallel.P == sequential.P && parallel.Q == sequential.Q, "p = \(p)")
      #expect(parallel.userBiases == sequential.userBiases)
      #expect(parallel.itemBiases == sequential.itemBiases)
    }
  }

  @Test(
    "DSGD's schedule: each block once, after the blocks before it in its row and column, never beside a block sharing either"
  )
  func dsgdScheduleKeepsRowsAndColumnsApart() {
    var random = NumpyRandom(seed: 4)
    for p in 1...6 {
      for _ in 0..<20 {
        // Workers played one step at a time: a random one of the running blocks finishes, or
        // another block is claimed, until every block is trained.
        let schedule = BlockSchedule(strata: p)
        var running: [(row: Int, subEpoch: Int)] = []
        var trained = Set<Int>()
        var claimed = Set<Int>()
        while trained.count < p * p {
          if running.isEmpty || random.nextInt(through: 1) == 0,
            let (a, s) = schedule.claimIfFree()
          {
            #expect(claimed.insert(s * p + a).inserted, "block (\(a), \(s)) handed out twice")
            if s > 0 {
              #expect(trained.contains((s - 1) * p + a), "row \(a) out of sub-epoch order")
              #expect(trained.contains((s - 1) * p + (a + 1) % p), "column out of order")
            }
            for other in running {
              #expect(other.row != a, "two blocks of row stratum \(a) at once")
              #expect((other.row + other.subEpoch) % p != (a + s) % p, "two blocks of a column")
            }
            running.append((a, s))
          } else {
            let done = running.remove(at: random.nextInt(through: running.count - 1))
            schedule.finish(row: done.row, subEpoch: done.subEpoch)
            trained.insert(done.subEpoch * p + done.row)
          }
        }
        #expect(schedule.claimIfFree() == nil)
      }
    }
  }

  @Test("the trainer's blocked order is DSGD's, viewer by viewer, for the same grid and seed")
  func trainerBlockedOrder() {
    let training = Self.data.ratings.filter { !$0.isProbe }.map {
      Rating(user: Int($0.user), item: Int($0.item), value: Double($0.stars))
    }
    let blocked = BlockedRatings(
      Self.data.ratings, users: Self.data.users, items: Self.data.items, strata: 5,
      order: .viewerByViewer, seed: 9)
    for factors in [8, 16] {
      var settings = SGDTrainer.Settings(
        learningRate: 0.01, biasLearningRate: 0.01, regularization: 0.05)
      var viaDSGD = Self.model(blocked, factors: factors)
      var viaTrainer = viaDSGD
      settings.visitOrder = .blocked(strata: 5, seed: 9)
      var trainer = SGDTrainer(settings: settings, ratings: training)
      for _ in 0..<2 {
        ParallelSGD.dsgdEpoch(&viaDSGD, blocked, workers: 1, settings: settings)
        _ = trainer.runEpoch(&viaTrainer)
      }
      #expect(viaTrainer.P == viaDSGD.P && viaTrainer.Q == viaDSGD.Q, "k = \(factors)")
      #expect(viaTrainer.userBiases == viaDSGD.userBiases)
    }
  }

  @Test(
    "strata: ids dealt in runs, wrapping round after p runs; the runs as long as eight a stratum allow"
  )
  func strataInRuns() {
    #expect((0..<8).allSatisfy { BlockedRatings.stratum($0, strata: 3, run: 8) == 0 })
    #expect((8..<16).allSatisfy { BlockedRatings.stratum($0, strata: 3, run: 8) == 1 })
    #expect((16..<24).allSatisfy { BlockedRatings.stratum($0, strata: 3, run: 8) == 2 })
    #expect(BlockedRatings.stratum(24, strata: 3, run: 8) == 0)
    #expect((0..<7).map { BlockedRatings.stratum($0, strata: 3, run: 1) } == [0, 1, 2, 0, 1, 2, 0])
    #expect((0..<100).allSatisfy { BlockedRatings.stratum($0, strata: 1, run: 64) == 0 })
    // The run: 64 from 8 × 64 ids a stratum, 8 from 8 × 8, else 1.
    #expect(BlockedRatings.runLength(count: 17_770, strata: 8) == 64)
    #expect(BlockedRatings.runLength(count: 4_096, strata: 8) == 64)
    #expect(BlockedRatings.runLength(count: 4_095, strata: 8) == 8)
    #expect(BlockedRatings.runLength(count: 960, strata: 2) == 8)
    #expect(BlockedRatings.runLength(count: 192, strata: 3) == 8)
    #expect(BlockedRatings.runLength(count: 191, strata: 3) == 1)
    #expect(BlockedRatings.runLength(count: 96, strata: 5) == 1)
    // The largest stratum, against counting every id; every stratum has at least 7/8 of it.
    for count in [0, 1, 7, 8, 9, 23, 24, 25, 100, 1_000, 17_770] {
      for p in [1, 2, 3, 8, 12] {
        for run in [1, 8, 64] {
          var sizes = [Int](repeating: 0, count: p)
          for id in 0..<count { sizes[BlockedRatings.stratum(id, strata: p, run: run)] += 1 }
          #expect(
            BlockedRatings.largestStratum(count: count, strata: p, run: run) == sizes.max()!,
            "\(count) ids, \(p) strata, runs of \(run)")
        }
        let run = BlockedRatings.runLength(count: count, strata: p)
        var sizes = [Int](repeating: 0, count: p)
        for id in 0..<count { sizes[BlockedRatings.stratum(id, strata: p, run: run)] += 1 }
        #expect(
          count < 8 * p || 8 * sizes.min()! >= 7 * sizes.max()!,
          "\(count) ids in runs of \(run) over \(p) strata: \(sizes)")
      }
    }
    // Every rating sits in the block of its viewer's and its title's strata: here viewers one
    // by one (96 on 3 strata) and titles in runs of 64.
    let blocked = BlockedRatings(
      Self.data.ratings, users: Self.data.users, items: Self.data.items, strata: 3, seed: 1)
    #expect(blocked.userRun == 1 && blocked.itemRun == 64)
    for a in 0..<3 {
      for b in 0..<3 {
        blocked.withBlock(row: a, column: b) { block in
          #expect(
            block.allSatisfy {
              BlockedRatings.stratum(Int($0.user), strata: 3, run: 1) == a
                && BlockedRatings.stratum(Int($0.item), strata: 3, run: 64) == b
            })
        }
      }
    }
  }

  @Test("the default grid: blocks whose rows of Q fit in 2 MB, a multiple of workers")
  func defaultStrata() {
    // The Prize at k = 100: 17,770 rows of 800 bytes over 2 MB is 7.1 blocks, 8; in Float
    // (400 bytes a row) 3.6, 4. MovieLens 25M's 59,047 titles in Float: 11.8, 12.
    #expect(
      BlockedRatings.strata(items: 17_770, factors: 100, workers: 2) == 8
        && BlockedRatings.strata(items: 17_770, factors: 100, bytesPerFactor: 4, workers: 2) == 4
        && BlockedRatings.strata(items: 59_047, factors: 100, bytesPerFactor: 4, workers: 1) == 12
        && BlockedRatings.strata(items: 17_770, factors: 8, workers: 2) == 2
        && BlockedRatings.strata(items: 10, factors: 2, workers: 3) == 3
        && BlockedRatings.strata(items: 100_000_000, factors: 100, workers: 3) == 1023)
  }

  @Test("Hogwild! with one worker is the sequential trainer; with two it still learns")
  func hogwild() {
    let settings = SGDTrainer.Settings(
      learningRate: 0.01, biasLearningRate: 0.01, regularization: 0.05)
    let blocked = BlockedRatings(
      Self.data.ratings, users: Self.data.users, items: Self.data.items, strata: 1, seed: 9)
    var hogwild = Self.model(blocked)
    var dsgd = hogwild
    ParallelSGD.hogwildEpoch(&hogwild, blocked, workers: 1, settings: settings)
    ParallelSGD.dsgdEpoch(&dsgd, blocked, settings: settings)
    #expect(hogwild.P == dsgd.P && hogwild.Q == dsgd.Q)
    var racing = Self.model(blocked)
    let before = ParallelSGD.rmse(racing, on: blocked.probe)
    for _ in 0..<3 {
      ParallelSGD.hogwildEpoch(&racing, blocked, workers: 2, settings: settings)
    }
    #expect(ParallelSGD.rmse(racing, on: blocked.probe) < before)
  }

  /// One viewer rated title 0 two stars and title 1 four, k = 1, no biases, λ = ½, Q = (1, 2).
  /// The viewer's half-step: p = (1·2 + 2·4) / (1² + 2² + ½·2) = 10/6 = 5/3. Then each title's
  /// with p fixed: qᵢ = p rᵢ / (p² + ½·1), so q₀ = (10/3)/(59/18) = 60/59 and q₁ = 120/59.
  @Test("ALS: one epoch by hand, and the exact fit of a rank-1 matrix with λ → 0")
  func alternatingLeastSquares() {
    let rated = [
      PackedRating(user: 0, item: 0, stars: 2, isProbe: false),
      PackedRating(user: 0, item: 1, stars: 4, isProbe: false),
    ]
    let one = BlockedRatings(rated, users: 1, items: 2, strata: 1, seed: 0)
    var model = MatrixFactorization(P: Matrix([[0.3]]), Q: Matrix([[1], [2]]))
    AlternatingLeastSquares(one, lambda: 0.5).epoch(&model, workers: 1)
    #expect(abs(model.P[0, 0] - 5.0 / 3) < 1e-12)
    #expect(abs(model.Q[0, 0] - 60.0 / 59) < 1e-12 && abs(model.Q[1, 0] - 120.0 / 59) < 1e-12)

    // R = (1, 2)ᵀ (1, 2): a rank-1 matrix ALS must reproduce when λ is negligible.
    let full = [(0, 0, 1), (0, 1, 2), (1, 0, 2), (1, 1, 4)].map {
      PackedRating(user: UInt32($0.0), item: UInt16($0.1), stars: UInt8($0.2), isProbe: false)
    }
    let square = BlockedRatings(full, users: 2, items: 2, strata: 1, seed: 0)
    var fit = MatrixFactorization(P: Matrix([[0.5], [-0.2]]), Q: Matrix([[0.7], [0.1]]))
    let als = AlternatingLeastSquares(square, lambda: 1e-12)
    for _ in 0..<20 { als.epoch(&fit, workers: 2) }
    for rating in full {
      let predicted = fit.predict(user: Int(rating.user), item: Int(rating.item))
      #expect(abs(predicted - Double(rating.stars)) < 1e-6)
    }
  }

  @Test("the ring: a leaving node's keys move and no others; modulo moves most keys")
  func consistentHashing() {
    let keys = (0..<20_000).map(UInt64.init)
    let ring = ConsistentHashRing(nodes: Array(0..<8), virtualNodes: 50)
    let smaller = ConsistentHashRing(nodes: [0, 1, 2, 4, 5, 6, 7], virtualNodes: 50)
    let owned = keys.filter { ring.node(for: $0) == 3 }
    let moved = keys.filter { ring.node(for: $0) != smaller.node(for: $0) }
    #expect(moved == owned && !owned.isEmpty)
    let modulo = Resharding(
      keys: keys, requests: keys, before: ModuloPlacement(nodes: Array(0..<8)),
      after: ModuloPlacement(nodes: [0, 1, 2, 4, 5, 6, 7]))
    #expect(modulo.moved > keys.count / 2)
    #expect(modulo.cacheMisses == modulo.moved)
    #expect(shardLoads(keys, ring, nodes: Array(0..<8)).reduce(0, +) == keys.count)
  }
}
