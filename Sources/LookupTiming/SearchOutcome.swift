/// Where a search found its target, and how much of the collection it looked at to decide.
///
/// Counting examined elements makes the complexity classes checkable without a clock: a linear
/// search for a present key looks at about half the elements on average, a binary search at
/// most ⌊log₂ n⌋ + 1 of them.
public struct SearchOutcome<Index: Comparable> {
  /// The position of the first matching element, or `nil` when the target is absent.
  public let index: Index?
  /// The number of distinct elements compared with the target.
  public let elementsExamined: Int

  /// An outcome from its parts.
  ///
  /// - Parameters:
  ///   - index: The first match, or `nil`.
  ///   - elementsExamined: Elements compared with the target.
  public init(index: Index?, elementsExamined: Int) {
    self.index = index
    self.elementsExamined = elementsExamined
  }
}

extension SearchOutcome: Equatable {}
extension SearchOutcome: Sendable where Index: Sendable {}
