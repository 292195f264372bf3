/// pᵤ · qᵢ = Σₖ pᵤₖ qᵢₖ over `count` contiguous doubles.
///
/// Short vectors (the blog's k = 2) are summed left to right, exactly as numpy sums them, so the
/// chapters reproduce the listing to the last bit. Long vectors are summed in eight independent
/// lanes, which lets the processor overlap the additions instead of waiting for each one; that
/// is most of the trainer's speed at k = 100.
///
/// - Complexity: O(count).
@inline(__always)
public func dotProduct(
  _ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, count: Int
) -> Double {
  guard count >= 16 else {
    var sum = 0.0
    for index in 0..<count { sum += a[index] * b[index] }
    return sum
  }
  var lanesLow = SIMD4<Double>()
  var lanesHigh = SIMD4<Double>()
  let rawA = UnsafeRawPointer(a)
  let rawB = UnsafeRawPointer(b)
  let stride = MemoryLayout<Double>.stride
  var index = 0
  while index + 8 <= count {
    let offset = index * stride
    lanesLow +=
      rawA.loadUnaligned(fromByteOffset: offset, as: SIMD4<Double>.self)
      * rawB.loadUnaligned(fromByteOffset: offset, as: SIMD4<Double>.self)
    lanesHigh +=
      rawA.loadUnaligned(fromByteOffset: offset + 4 * stride, as: SIMD4<Double>.self)
      * rawB.loadUnaligned(fromByteOffset: offset + 4 * stride, as: SIMD4<Double>.self)
    index += 8
  }
  var sum = (lanesLow + lanesHigh).sum()
  while index < count {
    sum += a[index] * b[index]
    index += 1
  }
  return sum
}
