import Foundation
import Testing

@testable import Recommender

@Suite("A shuffle made ahead on another core is numpy's shuffle")
struct ShuffledAheadTests {
  /// Lengths from empty to several twists of the generator, each with its own seed.
  static let cases: [(count: Int, seed: UInt32)] = {
    var random = NumpyRandom(seed: 11)
    return (0..<30).map { index in
      (index < 4 ? index : random.nextInt(through: 3_000), UInt32(random.nextInt(through: 99_999)))
    }
  }()

  @Test("taken from the array and state it was made from: the same order, the same stream after")
  func madeAheadEqualsInTurn() {
    for (count, seed) in Self.cases {
      var inTurn = NumpyRandom(seed: seed)
      var expected = Array(0..<count)
      inTurn.shuffle(&expected)

      var generator = NumpyRandom(seed: seed)
      var values = Array(0..<count)
      ShuffledAhead(values, from: generator).shuffle(&values, with: &generator)
      #expect(values == expected, "count \(count), seed \(seed)")
      #expect(generator == inTurn, "the stream after the shuffle, count \(count)")
    }
  }

  @Test("made from another array or another state: ignored, and the shuffle made in turn")
  func staleCopiesAreIgnored() {
    func inTurn(_ values: [Int], _ generator: NumpyRandom) -> ([Int], NumpyRandom) {
      var (values, generator) = (values, generator)
      generator.shuffle(&values)
      return (values, generator)
    }
    let start = NumpyRandom(seed: 5)
    let original = Array(0..<500)

    // The array changed after the copy was started.
    var changed = original
    let madeFromOriginal = ShuffledAhead(changed, from: start)
    changed.swapAt(0, 499)
    let expectedChanged = inTurn(changed, start)
    var generator = start
    madeFromOriginal.shuffle(&changed, with: &generator)
    #expect((changed, generator) == expectedChanged)

    // Equal elements in other storage count as another array: shuffled in turn, same result.
    var equalCopy = Array(0..<500)
    generator = start
    ShuffledAhead(original, from: start).shuffle(&equalCopy, with: &generator)
    #expect((equalCopy, generator) == inTurn(original, start))

    // The generator moved on after the copy was started.
    var values = original
    var later = start
    _ = later.nextUInt32()
    let expectedLater = inTurn(original, later)
    ShuffledAhead(values, from: start).shuffle(&values, with: &later)
    #expect((values, later) == expectedLater)
  }

  @Test("a trainer shuffling ahead trains the same bits as one shuffling in turn")
  func trainerBitsDoNotDependOnShufflingAhead() throws {
    let ratings = Rating.random(count: 12_000, users: 60, items: 40, seed: 21)
    for precision in SGDTrainer.Precision.allCases {
      func trained(ahead: Bool, fit: Bool) throws -> MatrixFactorization {
        var random = NumpyRandom(seed: 4)
        var model = MatrixFactorization(
          users: 60, items: 40, factors: 12, usesBiases: true, globalMean: 3, random: &random)
        var trainer = SGDTrainer(
          settings: .init(
            regularization: 0.02, visitOrder: .shuffledEachEpoch(seed: 8), precision: precision,
            shufflesAhead: ahead),
          ratings: ratings)
        #expect(
          trainer.shufflesAhead == (ahead && ProcessInfo.processInfo.activeProcessorCount > 1))
        if fit {
          try trainer.fit(&model, epochs: 6)
        } else {
          _ = try trainer.train(&model, epochs: 6, measuresTrainingAfterPass: false)
        }
        return model
      }
      // Too few ratings to gain: in turn, whatever the settings say.
      #expect(
        !SGDTrainer(
          settings: .init(visitOrder: .shuffledEachEpoch(seed: 1), precision: precision),
          ratings: Array(ratings.prefix(SGDTrainer.shuffleAheadMinimumCount - 1))
        ).shufflesAhead)
      let inTurn = try trained(ahead: false, fit: true)
      for fit in [true, false] {
        let ahead = try trained(ahead: true, fit: fit)
        #expect(ahead.P == inTurn.P && ahead.Q == inTurn.Q, "\(precision), fit: \(fit)")
        #expect(ahead.userBiases == inTurn.userBiases && ahead.itemBiases == inTurn.itemBiases)
      }
    }
  }
}
