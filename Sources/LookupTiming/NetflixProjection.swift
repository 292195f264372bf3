/// Extrapolates measured lookup costs to Netflix's scale: a linear scan over 230 million
/// profiles or 15,000 titles, against one hash-table lookup.
///
/// The projection assumes scanning cost grows linearly with the elements examined (true while
/// memory streams sequentially) and that a hash lookup stays O(1). It divides a measured
/// linear-search time by the elements that search is expected to examine, giving a cost per
/// element, then multiplies back up to the target size.
public struct NetflixProjection: Sendable, Equatable {
  /// The user profiles the blog cites: 230 million.
  public static let profileCount = 230_000_000
  /// The titles in the catalogue the blog cites: 15,000.
  public static let titleCount = 15_000

  /// Measured cost of examining one element in a linear scan, in nanoseconds.
  public let nanosecondsPerElementScanned: Double
  /// Measured cost of one hash-table lookup, in nanoseconds.
  public let hashLookupNanoseconds: Double

  /// A projection from per-element and per-lookup costs.
  ///
  /// - Parameters:
  ///   - nanosecondsPerElementScanned: Nanoseconds to examine one element in a linear scan.
  ///   - hashLookupNanoseconds: Nanoseconds per hash-table lookup.
  public init(nanosecondsPerElementScanned: Double, hashLookupNanoseconds: Double) {
    precondition(nanosecondsPerElementScanned > 0, "the scan cost must be positive")
    precondition(hashLookupNanoseconds > 0, "the lookup cost must be positive")
    self.nanosecondsPerElementScanned = nanosecondsPerElementScanned
    self.hashLookupNanoseconds = hashLookupNanoseconds
  }

  /// A projection from measured rows: the cost per element is the linear search's median ns
  /// per lookup divided by ``expectedElementsScanned(size:absentFraction:)`` at its size and
  /// observed absent fraction (1 − hits / lookups).
  ///
  /// - Parameters:
  ///   - linearSearch: A ``LookupStructure/linearSearch`` row, best the largest measured.
  ///   - hashLookup: A `Set` or `Dictionary` row; its median ns is the hash lookup cost.
  public init(linearSearch: ScalingResult, hashLookup: ScalingResult) {
    precondition(linearSearch.structure == .linearSearch, "needs a linear-search row")
    let elements = Self.expectedElementsScanned(
      size: linearSearch.size, absentFraction: linearSearch.observedAbsentFraction)
    self.init(
      nanosecondsPerElementScanned: linearSearch.medianNanoseconds / elements,
      hashLookupNanoseconds: hashLookup.medianNanoseconds)
  }

  /// The average number of elements a front-to-back search of `size` elements examines.
  ///
  /// A present key at a uniformly random position p (0-based) costs p + 1 comparisons, so
  /// (size + 1) / 2 on average; an absent key costs all `size`. With a share f of absent keys:
  /// E = (1 − f) · (size + 1) / 2 + f · size.
  ///
  /// - Parameters:
  ///   - size: The number of elements.
  ///   - absentFraction: The share f of lookups whose key is absent, in 0...1.
  public static func expectedElementsScanned(size: Int, absentFraction: Double) -> Double {
    let count = Double(size)
    return (1 - absentFraction) * (count + 1) / 2 + absentFraction * count
  }

  /// Projected seconds for one linear search over `elementCount` elements.
  ///
  /// - Parameters:
  ///   - elementCount: The number of elements scanned over.
  ///   - absentFraction: The share of lookups whose key is absent; 0 (a user looking up their
  ///     own profile, which exists) by default.
  public func linearScanSeconds(elementCount: Int, absentFraction: Double = 0) -> Double {
    let elements = Self.expectedElementsScanned(size: elementCount, absentFraction: absentFraction)
    return elements * nanosecondsPerElementScanned / 1e9
  }

  /// Seconds per hash-table lookup, at any size.
  public var hashLookupSeconds: Double { hashLookupNanoseconds / 1e9 }

  /// How many times faster a hash lookup is than a linear search over `elementCount` elements.
  ///
  /// - Parameters:
  ///   - elementCount: The number of elements scanned over.
  ///   - absentFraction: The share of lookups whose key is absent.
  public func speedup(elementCount: Int, absentFraction: Double = 0) -> Double {
    linearScanSeconds(elementCount: elementCount, absentFraction: absentFraction)
      / hashLookupSeconds
  }

  /// Projected seconds to find a profile among 230 million by linear search.
  public var profileScanSeconds: Double { linearScanSeconds(elementCount: Self.profileCount) }
  /// Projected seconds to find a title among 15,000 by linear search.
  public var titleScanSeconds: Double { linearScanSeconds(elementCount: Self.titleCount) }
  /// Hash lookup speedup over a linear search among 230 million profiles.
  public var profileSpeedup: Double { speedup(elementCount: Self.profileCount) }
  /// Hash lookup speedup over a linear search among 15,000 titles.
  public var titleSpeedup: Double { speedup(elementCount: Self.titleCount) }
}
