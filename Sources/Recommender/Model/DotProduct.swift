/// The length from which ``dotProduct(_:_:count:)`` sums in lanes rather than left to right.
let dotProductLaneThreshold = 16

/// pᵤ · qᵢ = Σₖ pᵤₖ qᵢₖ over `count` contiguous doubles.
///
/// Short vectors (the blog's k = 2) are summed left to right, exactly as numpy sums them, so the
/// chapters reproduce the listing to the last bit. Long vectors are summed in four independent
/// lanes (see ``DotProductLanes``), which lets the processor work on four products at once
/// instead of waiting for each addition.
///
/// - Complexity: O(count).
@inline(__always)
public func dotProduct(
  _ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, count: Int
) -> Double {
  guard count >= dotProductLaneThreshold else {
    var sum = 0.0
    for index in 0..<count { sum += a[index] * b[index] }
    return sum
  }
  var lanes = DotProductLanes()
  var index = 0
  while index + 4 <= count {
    lanes.accumulate(a + index, b + index)
    index += 4
  }
  return lanes.total(a, b, from: index, count: count)
}

/// The running sums of a long dot product: lane j adds up the products at positions j, j + 4,
/// j + 8, …; the total adds the four lanes, then any last products left to right.
///
/// The trainer uses it to compute a dot product piece by piece inside another loop, and gets
/// exactly the bits ``dotProduct(_:_:count:)`` gives.
struct DotProductLanes {
  private var sums = SIMD4<Double>()

  /// Adds the products of the four doubles at `a` and `b`.
  @inline(__always)
  mutating func accumulate(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>) {
    sums +=
      UnsafeRawPointer(a).loadUnaligned(as: SIMD4<Double>.self)
      * UnsafeRawPointer(b).loadUnaligned(as: SIMD4<Double>.self)
  }

  /// The lanes' sum plus the products at positions `start..<count`.
  @inline(__always)
  func total(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, from start: Int, count: Int)
    -> Double
  {
    var sum = sums.sum()
    for index in start..<count { sum += a[index] * b[index] }
    return sum
  }
}
