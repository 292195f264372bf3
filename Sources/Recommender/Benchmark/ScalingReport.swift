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
}
