extension RandomAccessCollection where Element: Comparable {
  /// The position of the first element equal to `target` in a collection sorted ascending.
  ///
  /// Each comparison halves the range that can still hold the target. The search finds the
  /// lower bound (the first position whose element is not less than `target`), so with
  /// duplicates it returns the first of them.
  ///
  /// - Parameters:
  ///   - target: The value to find. The collection must be sorted ascending; otherwise the
  ///     answer is unspecified.
  /// - Complexity: O(log n): at most ⌊log₂ n⌋ + 1 elements examined, present or absent.
  @inlinable
  public func binarySearchIndex(of target: Element) -> Index? {
    var elementsExamined = 0
    return binarySearchIndex(of: target, elementsExamined: &elementsExamined)
  }

  /// ``binarySearchIndex(of:)`` together with the number of elements it examined.
  ///
  /// - Parameters:
  ///   - target: The value to find, in a collection sorted ascending.
  /// - Complexity: O(log n).
  @inlinable
  public func binarySearch(for target: Element) -> SearchOutcome<Index> {
    var elementsExamined = 0
    let index = binarySearchIndex(of: target, elementsExamined: &elementsExamined)
    return SearchOutcome(index: index, elementsExamined: elementsExamined)
  }

  /// The one implementation behind both entry points; the optimiser drops the unused tally.
  @inlinable
  func binarySearchIndex(of target: Element, elementsExamined: inout Int) -> Index? {
    // Invariant: everything before `low` is less than the target; everything from
    // `low + remaining` on is not less (or is the end).
    var low = startIndex
    var remaining = count
    while remaining > 0 {
      let half = remaining / 2
      let middle = index(low, offsetBy: half)
      elementsExamined += 1
      if self[middle] < target {
        low = index(after: middle)
        remaining -= half + 1
      } else {
        remaining = half
      }
    }
    // `low` is the lower bound: the end, or an element the loop already examined.
    guard low != endIndex, self[low] == target else { return nil }
    return low
  }
}
