extension Collection where Element: Equatable {
  /// The position of the first element equal to `target`, looking at elements front to back.
  ///
  /// This is Python's `target in a_list`: nothing about the elements is exploited, so a miss
  /// has to look at every one.
  ///
  /// - Parameters:
  ///   - target: The value to find.
  /// - Complexity: O(n). A present target at a uniformly random position costs (n + 1) / 2
  ///   comparisons on average; an absent one costs n.
  @inlinable
  public func linearSearchIndex(of target: Element) -> Index? {
    var elementsExamined = 0
    return linearSearchIndex(of: target, elementsExamined: &elementsExamined)
  }

  /// ``linearSearchIndex(of:)`` together with the number of elements it examined.
  ///
  /// - Parameters:
  ///   - target: The value to find.
  /// - Complexity: O(n).
  @inlinable
  public func linearSearch(for target: Element) -> SearchOutcome<Index> {
    var elementsExamined = 0
    let index = linearSearchIndex(of: target, elementsExamined: &elementsExamined)
    return SearchOutcome(index: index, elementsExamined: elementsExamined)
  }

  /// The one implementation behind both entry points; the optimiser drops the unused tally.
  @inlinable
  func linearSearchIndex(of target: Element, elementsExamined: inout Int) -> Index? {
    var position = startIndex
    while position != endIndex {
      elementsExamined += 1
      if self[position] == target { return position }
      formIndex(after: &position)
    }
    return nil
  }
}
