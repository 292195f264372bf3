/// The ratings of a pass in visit order, gathered from memory a block at a time.
///
/// The trainer shuffles the positions of its ratings, not the ratings (see ``SGDTrainer``), so
/// consecutive steps read ratings from anywhere in the array. Read one at a time in the middle
/// of a step, each is a wait for memory that holds up the whole step (a third of a pass's time
/// at MovieLens 100k, k = 100, where the ratings no longer fit in the processor's nearest cache
/// beside P and Q). Gathered by a loop that does nothing else, the reads of a block are
/// independent of one another, the processor has dozens in flight at once, and the steps then
/// read the block front to back.
struct ReadAhead<Element> {
  /// Ratings per block: 12 or 16 KB, well inside the nearest cache.
  static var blockSize: Int { 1024 }

  private let ratings: UnsafeBufferPointer<Element>
  private let order: UnsafeBufferPointer<UInt32>
  private let block: UnsafeMutableBufferPointer<Element>
  /// The index of the pass's rating in `block[0]`.
  private var start = 0

  /// The number of ratings in the pass.
  var count: Int { order.count }

  /// The rating the pass visits at `index`: the one just advanced past or the one after it.
  @inline(__always)
  func rating(at index: Int) -> Element { block[index - start] }

  /// Done with the rating at `index`; when it ends a block, the next block is gathered (it
  /// starts with the rating at `index + 1`, which the step may still read).
  @inline(__always)
  mutating func advance(past index: Int) {
    if index + 1 == start + Self.blockSize { gather(from: index + 1) }
  }

  /// Reads the ratings from `first` to the end of the next block, plus one: the next step
  /// always finds the rating after its own.
  private mutating func gather(from first: Int) {
    start = first
    let end = min(first + Self.blockSize + 1, order.count)
    for index in first..<end { block[index - first] = ratings[Int(order[index])] }
  }

  /// Calls `body` with the ratings `ratings[order[0]]`, `ratings[order[1]]`, … ready to read.
  static func over<Result>(
    _ ratings: UnsafeBufferPointer<Element>, in order: UnsafeBufferPointer<UInt32>,
    _ body: (inout ReadAhead) -> Result
  ) -> Result {
    guard let first = order.first else {
      preconditionFailure("a pass visits at least one rating")
    }
    // Every slot holds a copy of a rating from the start, so the gathers only reassign.
    var storage = [Element](repeating: ratings[Int(first)], count: blockSize + 1)
    return storage.withUnsafeMutableBufferPointer { block in
      var ahead = ReadAhead(ratings: ratings, order: order, block: block)
      ahead.gather(from: 0)
      return body(&ahead)
    }
  }
}
