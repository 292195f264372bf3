import Foundation
import Testing

@testable import LookupTiming

@Suite("Binary and linear search")
struct BenchmarkSearchTests {
  let sorted = [1, 3, 5, 7, 9]

  /// The bound a binary search over n elements must respect: ⌈log₂ n⌉ + 1.
  private func binaryBound(_ n: Int) -> Int {
    n == 0 ? 0 : Int(log2(Double(n)).rounded(.up)) + 1
  }

  @Test("binary search finds the first, a middle and the last element")
  func binaryPresent() {
    #expect(sorted.binarySearchIndex(of: 1) == 0)
    #expect(sorted.binarySearchIndex(of: 5) == 2)
    #expect(sorted.binarySearchIndex(of: 9) == 4)
  }

  @Test("binary search reports keys below, between and above the elements as absent")
  func binaryAbsent() {
    #expect(sorted.binarySearchIndex(of: 0) == nil)
    #expect(sorted.binarySearchIndex(of: 4) == nil)
    #expect(sorted.binarySearchIndex(of: 10) == nil)
  }

  @Test("binary search of an empty array finds nothing and examines nothing")
  func binaryEmpty() {
    let empty: [Int] = []
    #expect(empty.binarySearch(for: 3) == SearchOutcome(index: nil, elementsExamined: 0))
  }

  @Test("binary search returns the first of duplicates")
  func binaryDuplicates() {
    #expect([1, 2, 2, 2, 3].binarySearchIndex(of: 2) == 1)
    #expect([4, 4, 4, 4].binarySearchIndex(of: 4) == 0)
  }

  @Test("binary search on a slice returns the base collection's index")
  func binarySlice() {
    let slice = sorted[2...]
    #expect(slice.binarySearchIndex(of: 7) == 3)
    #expect(slice.binarySearchIndex(of: 1) == nil)
  }

  @Test("binary search works for any Comparable element")
  func binaryStrings() {
    #expect(["ant", "bee", "cat", "dog"].binarySearchIndex(of: "cat") == 2)
  }

  @Test("binary search finds every element and examines at most ⌈log₂ n⌉ + 1 of them")
  func binaryBoundHolds() {
    for n in [1, 2, 3, 7, 8, 9, 64, 100, 1_000] {
      let elements = (0..<n).map { 2 * $0 }
      for key in -1...(2 * n) {
        let outcome = elements.binarySearch(for: key)
        #expect(outcome.index == (key >= 0 && key % 2 == 0 && key < 2 * n ? key / 2 : nil))
        #expect(outcome.elementsExamined <= binaryBound(n))
      }
    }
  }

  @Test("linear search examines position + 1 elements for a hit and all n for a miss")
  func linearCounts() {
    let elements = [8, 6, 7, 5, 3, 0, 9]
    #expect(elements.linearSearch(for: 8) == SearchOutcome(index: 0, elementsExamined: 1))
    #expect(elements.linearSearch(for: 3) == SearchOutcome(index: 4, elementsExamined: 5))
    #expect(elements.linearSearch(for: 9) == SearchOutcome(index: 6, elementsExamined: 7))
    #expect(elements.linearSearch(for: 4) == SearchOutcome(index: nil, elementsExamined: 7))
  }

  @Test("linear search returns the first of duplicates")
  func linearDuplicates() {
    #expect([5, 1, 5, 1].linearSearchIndex(of: 1) == 1)
  }

  @Test("looking up every key of 1,000 examines (n + 1) / 2 = 500.5 elements on average")
  func linearAverageExhaustive() {
    let elements = Array(0..<1_000)
    let total = elements.map { elements.linearSearch(for: $0).elementsExamined }.reduce(0, +)
    #expect(Double(total) / 1_000 == 500.5)
  }

  @Test("on the seeded workload, linear work grows tenfold per decade and binary work by log")
  func knownWorkloadScaling() {
    var linearMeans: [Double] = []
    for size in [100, 1_000, 10_000] {
      let workload = LookupWorkload(size: size, keyCount: 400, absentFraction: 0.25, seed: 7)
      let elements = Array(workload.storedKeys)
      let linear = workload.keys.map { elements.linearSearch(for: $0).elementsExamined }
      let binary = workload.keys.map { elements.binarySearch(for: $0).elementsExamined }
      let linearMean = Double(linear.reduce(0, +)) / Double(linear.count)
      let expected = NetflixProjection.expectedElementsScanned(size: size, absentFraction: 0.25)
      // 400 random positions: the mean lies within 10 % of (1 − f)(n + 1)/2 + f·n.
      #expect(abs(linearMean - expected) < 0.1 * expected)
      #expect(binary.allSatisfy { $0 <= binaryBound(size) })
      // And never fewer than ⌊log₂ n⌋: a binary search always descends the whole depth.
      #expect(binary.allSatisfy { $0 >= Int(log2(Double(size))) })
      linearMeans.append(linearMean)
    }
    #expect((9...11).contains(linearMeans[1] / linearMeans[0]))
    #expect((9...11).contains(linearMeans[2] / linearMeans[1]))
  }
}
