import Foundation

/// A Mersenne Twister (MT19937) that reproduces numpy's legacy global generator.
///
/// `NumpyRandom(seed: s)` is in the same state as Python after `np.random.seed(s)`, and
/// ``nextDouble()`` returns what `np.random.rand()` returns next. So a chapter run with
/// `--seed s` starts from the very matrices the blog's listing draws.
///
/// The generator is a value type: copying it forks the stream, which keeps chapters free of
/// global mutable state.
public struct NumpyRandom: Sendable, Equatable {
  private static let stateSize = 624
  private static let shift = 397
  private var state: [UInt32]
  private var position: Int
  /// The second value of the last polar Box–Muller pair, as numpy's legacy `gauss` keeps it.
  private var cachedGaussian: Double?

  /// Seeds the stream as numpy's `np.random.seed(seed)` does for an integer seed.
  public init(seed: UInt32) {
    var state = [UInt32](repeating: 0, count: Self.stateSize)
    state[0] = seed
    for index in 1..<Self.stateSize {
      let previous = state[index - 1]
      state[index] = 1_812_433_253 &* (previous ^ (previous >> 30)) &+ UInt32(index)
    }
    self.state = state
    self.position = Self.stateSize
    self.cachedGaussian = nil
  }

  /// The next raw 32-bit output of MT19937.
  public mutating func nextUInt32() -> UInt32 {
    if position >= Self.stateSize { twist() }
    var y = state[position]
    position += 1
    y ^= y >> 11
    y ^= (y << 7) & 0x9d2c_5680
    y ^= (y << 15) & 0xefc6_0000
    y ^= y >> 18
    return y
  }

  /// A double uniform in [0, 1) with 53 random bits, as `np.random.rand()` draws it.
  public mutating func nextDouble() -> Double {
    let high = Double(nextUInt32() >> 5)
    let low = Double(nextUInt32() >> 6)
    return (high * 67_108_864.0 + low) / 9_007_199_254_740_992.0
  }

  /// A standard normal draw, by numpy's legacy polar method (`np.random.standard_normal`).
  public mutating func nextGaussian() -> Double {
    if let cached = cachedGaussian {
      cachedGaussian = nil
      return cached
    }
    while true {
      let x1 = 2.0 * nextDouble() - 1.0
      let x2 = 2.0 * nextDouble() - 1.0
      let radiusSquared = x1 * x1 + x2 * x2
      if radiusSquared >= 1.0 || radiusSquared == 0.0 { continue }
      let factor = (-2.0 * log(radiusSquared) / radiusSquared).squareRoot()
      cachedGaussian = factor * x1
      return factor * x2
    }
  }

  /// An integer uniform in `0...upperBound`, by numpy's legacy masked rejection sampling.
  public mutating func nextInt(through upperBound: Int) -> Int {
    precondition(upperBound >= 0 && upperBound <= Int(UInt32.max), "bound out of range")
    if upperBound == 0 { return 0 }
    var mask = UInt32(upperBound)
    mask |= mask >> 1
    mask |= mask >> 2
    mask |= mask >> 4
    mask |= mask >> 8
    mask |= mask >> 16
    while true {
      let value = nextUInt32() & mask
      if value <= UInt32(upperBound) { return Int(value) }
    }
  }

  /// Shuffles in place as numpy's legacy `np.random.shuffle` does for a 1-D array.
  ///
  /// - Complexity: O(n): fewer than two draws per element on average.
  public mutating func shuffle<Element>(_ elements: inout [Element]) {
    // Through a buffer pointer: the trainer shuffles every epoch, and the array's uniqueness
    // check on each swap would cost as much as the draw.
    elements.withUnsafeMutableBufferPointer { shuffle($0) }
  }

  /// Shuffles a slice in place, in the order ``shuffle(_:)`` gives an array of its length.
  mutating func shuffle<Element>(_ elements: inout ArraySlice<Element>) {
    elements.withUnsafeMutableBufferPointer { shuffle($0) }
  }

  private mutating func shuffle<Element>(_ buffer: UnsafeMutableBufferPointer<Element>) {
    guard buffer.count > 1 else { return }
    // numpy's order: position n − 1 swaps with a draw from 0...n − 1, then n − 2, and so on.
    // The draws depend on the stream alone, not on the elements, so a block of them is drawn
    // first and then the block's swaps run back to back: on a large array each swap misses the
    // cache, and with nothing else between them the processor has many misses in flight at
    // once instead of one at a time between draws.
    // On the stack, not the heap: DSGD's blocks shuffle millions of short runs, one per viewer.
    let blockSize = min(256, buffer.count - 1)
    withUnsafeTemporaryAllocation(of: Int.self, capacity: blockSize) { targets in
      var index = buffer.count - 1
      while index > 0 {
        let count = min(blockSize, index)
        drawSwapTargets(into: targets, from: index, count: count)
        for offset in 0..<count { buffer.swapAt(index - offset, targets[offset]) }
        index -= count
      }
    }
  }

  /// `targets[j] = nextInt(through: top − j)` for j in 0..<count: the same draws, with the
  /// state and position held in locals for the whole block rather than read and written back
  /// through `self` for every draw, which doubles the speed of a shuffle.
  private mutating func drawSwapTargets(
    into targets: UnsafeMutableBufferPointer<Int>, from top: Int, count: Int
  ) {
    var position = self.position
    state.withUnsafeMutableBufferPointer { words in
      for offset in 0..<count {
        let bound = UInt32(top - offset)
        var mask = bound
        mask |= mask >> 1
        mask |= mask >> 2
        mask |= mask >> 4
        mask |= mask >> 8
        mask |= mask >> 16
        var value: UInt32 = 0
        while bound > 0 {
          if position >= Self.stateSize {
            Self.twist(words)
            position = 0
          }
          var y = words[position]
          position += 1
          y ^= y >> 11
          y ^= (y << 7) & 0x9d2c_5680
          y ^= (y << 15) & 0xefc6_0000
          y ^= y >> 18
          value = y & mask
          if value <= bound { break }
        }
        targets[offset] = Int(value)
      }
    }
    self.position = position
  }

  /// Regenerates all 624 words.
  private mutating func twist() {
    state.withUnsafeMutableBufferPointer { Self.twist($0) }
    position = 0
  }

  /// Regenerates all 624 words: word i mixes the top bit of word i, the low bits of word i + 1
  /// and word i + 397, indices wrapping around, each loop reading words already regenerated
  /// exactly where the reference implementation does.
  private static func twist(_ state: UnsafeMutableBufferPointer<UInt32>) {
    let n = Self.stateSize
    let m = Self.shift
    do {
      func mixed(_ word: UInt32, _ nextWord: UInt32, _ distantWord: UInt32) -> UInt32 {
        let y = (word & 0x8000_0000) | (nextWord & 0x7fff_ffff)
        return distantWord ^ (y >> 1) ^ (y & 1 == 0 ? 0 : 0x9908_b0df)
      }
      for index in 0..<(n - m) {
        state[index] = mixed(state[index], state[index + 1], state[index + m])
      }
      for index in (n - m)..<(n - 1) {
        state[index] = mixed(state[index], state[index + 1], state[index + m - n])
      }
      state[n - 1] = mixed(state[n - 1], state[0], state[m - 1])
    }
  }
}
