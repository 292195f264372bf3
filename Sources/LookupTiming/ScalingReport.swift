import Foundation

/// The rows of a scaling run, ordered by size then by ``LookupStructure`` case order.
public struct ScalingReport: Sendable, Equatable {
  /// Every measured row.
  public let rows: [ScalingResult]

  /// A report over the given rows.
  ///
  /// - Parameters:
  ///   - rows: Measured rows, at most one per (structure, size).
  public init(rows: [ScalingResult]) {
    self.rows = rows
  }

  /// The distinct sizes measured, ascending.
  public var sizes: [Int] { Array(Set(rows.map(\.size))).sorted() }

  /// The row for `structure` at `size`, if it was measured.
  ///
  /// - Parameters:
  ///   - structure: The structure.
  ///   - size: The number of stored keys.
  public func result(for structure: LookupStructure, size: Int) -> ScalingResult? {
    rows.first { $0.structure == structure && $0.size == size }
  }

  /// The row for `structure` at the largest size it was measured at.
  ///
  /// - Parameters:
  ///   - structure: The structure.
  public func largestResult(for structure: LookupStructure) -> ScalingResult? {
    rows.filter { $0.structure == structure }.max { $0.size < $1.size }
  }

  /// How many times faster `structure` is than the linear search at `size`:
  /// linear-search median ns / `structure` median ns, or `nil` if either was not measured.
  ///
  /// - Parameters:
  ///   - structure: The structure to compare.
  ///   - size: The number of stored keys.
  public func speedup(of structure: LookupStructure, size: Int) -> Double? {
    guard let row = result(for: structure, size: size),
      let linear = result(for: .linearSearch, size: size)
    else { return nil }
    return row.speedup(over: linear)
  }

  /// The slope of `structure`'s line on a log–log chart between two sizes:
  /// log(t₂ / t₁) / log(n₂ / n₁) with t the median ns per lookup.
  ///
  /// A cost growing like nᵃ has slope a: about 0 for a hash table (O(1)), about 1 for a linear
  /// search (O(n)), and near 0 but positive for a binary search (O(log n) grows slower than any
  /// power). `nil` if either size was not measured or the sizes are equal.
  ///
  /// - Parameters:
  ///   - structure: The structure.
  ///   - smallerSize: The first size, n₁.
  ///   - largerSize: The second size, n₂.
  public func growthExponent(
    of structure: LookupStructure, from smallerSize: Int, to largerSize: Int
  ) -> Double? {
    guard smallerSize != largerSize,
      let first = result(for: structure, size: smallerSize),
      let second = result(for: structure, size: largerSize)
    else { return nil }
    return log(second.medianNanoseconds / first.medianNanoseconds)
      / log(Double(largerSize) / Double(smallerSize))
  }
}
