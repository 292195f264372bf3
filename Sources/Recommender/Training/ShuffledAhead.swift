import Dispatch

/// The next epoch's shuffle made on another core while this epoch's pass runs.
///
/// The pass only reads the training ratings, and numpy's shuffle takes its swaps from the random
/// stream alone, so epoch e + 1's order is known the moment epoch e's is: a second thread copies
/// the ratings in this epoch's order and shuffles the copy while the first thread trains on
/// them. The next epoch then waits for it, if the pass was quicker, and takes the copy in
/// place of its ratings, where shuffling them in turn would have taken about 15 ns a rating
/// (MovieLens 100k's 80,000 training ratings: 1.2 to 1.9 ms an epoch, a quarter of a k = 100
/// pass and most of a k = 10 one).
///
/// The copy is used only if the ratings are still the very array it was made from and the
/// generator is in the state it shuffled from, so the order is numpy's whatever happens. The
/// copy doubles the ratings' memory during a pass, so ``SGDTrainer`` shuffles ahead only within
/// ``SGDTrainer/shuffleAheadMemoryLimit`` (and from ``SGDTrainer/shuffleAheadMinimumCount``).
final class ShuffledAhead<Element: Sendable>: @unchecked Sendable {
  // `@unchecked Sendable`: `shuffled` and `generatorAfter` are written once, by the shuffling
  // thread, before it leaves `finished`, and read only after waiting on `finished`.

  private let source: [Element]
  private let start: NumpyRandom
  private let finished = DispatchGroup()
  private var shuffled: [Element] = []
  private var generatorAfter: NumpyRandom

  /// Starts shuffling, on another thread, a copy of `elements` with `generator`'s stream.
  init(_ elements: [Element], from generator: NumpyRandom) {
    // Holding `elements` keeps its storage alive and shared: if the caller changes its array,
    // the array is copied first, and no longer has this storage's address.
    source = elements
    start = generator
    generatorAfter = generator
    finished.enter()
    DispatchQueue.global().async { [self] in
      var copy = source
      var generator = start
      generator.shuffle(&copy)
      shuffled = copy
      generatorAfter = generator
      finished.leave()
    }
  }

  /// Shuffles `elements` with `generator` as ``NumpyRandom/shuffle(_:)`` would: by taking the
  /// copy shuffled ahead if it was made from this very array in `generator`'s state (waiting
  /// for it if it is not finished), else in turn.
  func shuffle(_ elements: inout [Element], with generator: inout NumpyRandom) {
    guard Self.sameStorage(elements, source), generator == start else {
      generator.shuffle(&elements)
      return
    }
    finished.wait()
    elements = shuffled
    generator = generatorAfter
  }

  /// Whether two arrays are one storage: the same count at the same address.
  private static func sameStorage(_ a: [Element], _ b: [Element]) -> Bool {
    a.count == b.count
      && a.withUnsafeBufferPointer { a in
        b.withUnsafeBufferPointer { a.baseAddress == $0.baseAddress }
      }
  }
}
