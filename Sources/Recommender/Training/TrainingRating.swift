/// One training rating as the trainer stores it: 16 bytes, the indices as `Int32`, as in
/// ``Rating``.
///
/// One entry sits within one cache line, so an SGD step reads one line for its rating.
struct TrainingRating: Sendable, Equatable {
  var user: Int32
  var item: Int32
  var value: Double

  /// Packs `rating`, whose indices must fit in 32 bits (every public data set's do).
  init(_ rating: Rating) {
    precondition(
      rating.user <= Int(Int32.max) && rating.item <= Int(Int32.max),
      "user and item indices must fit in 32 bits")
    user = Int32(truncatingIfNeeded: rating.user)
    item = Int32(truncatingIfNeeded: rating.item)
    value = rating.value
  }
}

extension TrainingRating {
  /// User, item and rating, the indices as `Int`.
  var parts: (user: Int, item: Int, value: Double) { (Int(user), Int(item), value) }
}
