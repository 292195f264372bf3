import Recommender
import Testing

@testable import LookupTiming

@Suite("LookupWorkload")
struct LookupWorkloadTests {
  @Test("exactly round(f × keys) lookup keys are absent")
  func absentFraction() {
    let workload = LookupWorkload(size: 1_000, keyCount: 200, absentFraction: 0.3, seed: 1)
    #expect(workload.absentKeyCount == 60)
    #expect(workload.keys.count == 200)
    #expect(workload.keys.filter { !workload.isStored($0) }.count == 60)
  }

  @Test("fractions 0 and 1 give all-present and all-absent keys")
  func extremeFractions() {
    let present = LookupWorkload(size: 50, keyCount: 40, absentFraction: 0, seed: 2)
    let absent = LookupWorkload(size: 50, keyCount: 40, absentFraction: 1, seed: 2)
    #expect(present.keys.allSatisfy(present.isStored))
    #expect(absent.keys.allSatisfy { !absent.isStored($0) })
  }

  @Test("absent keys are odd numbers between the stored keys")
  func absentKeysInterleave() {
    let workload = LookupWorkload(size: 100, keyCount: 300, absentFraction: 0.5, seed: 3)
    let absent = workload.keys.filter { !workload.isStored($0) }
    #expect(absent.allSatisfy { $0 % 2 == 1 && $0 > 0 && $0 < 200 })
  }

  @Test("stored keys are the even numbers 0, 2, …, 2(n − 1)")
  func storedKeys() {
    let workload = LookupWorkload(size: 4, keyCount: 1, absentFraction: 0, seed: 0)
    #expect(Array(workload.storedKeys) == [0, 2, 4, 6])
    #expect(workload.isStored(6))
    #expect(!workload.isStored(8))
    #expect(!workload.isStored(-2))
  }

  @Test("the same seed chooses the same keys in the same order")
  func deterministic() {
    let first = LookupWorkload(size: 10_000, keyCount: 100, absentFraction: 0.2, seed: 42)
    let second = LookupWorkload(size: 10_000, keyCount: 100, absentFraction: 0.2, seed: 42)
    #expect(first == second)
  }

  @Test("a different seed chooses different keys")
  func seedMatters() {
    let first = LookupWorkload(size: 10_000, keyCount: 100, absentFraction: 0.2, seed: 42)
    let second = LookupWorkload(size: 10_000, keyCount: 100, absentFraction: 0.2, seed: 43)
    #expect(first.keys != second.keys)
  }

  @Test("the first present key is numpy's first randint position, doubled")
  func firstDrawMatchesGenerator() {
    // Present keys are drawn first, then shuffled; unshuffled, draw 1 is 2 × randint.
    var random = NumpyRandom(seed: 9)
    let position = random.nextInt(through: 99)
    let workload = LookupWorkload(size: 100, keyCount: 1, absentFraction: 0, seed: 9)
    #expect(workload.keys == [2 * position])
  }

  @Test("expected hits count present keys while cycling through the pool")
  func expectedHits() {
    let workload = LookupWorkload(size: 10, keyCount: 8, absentFraction: 0.25, seed: 5)
    let cycled = (0..<21).map { workload.keys[$0 % 8] }
    #expect(workload.expectedHits(forLookups: 21) == cycled.filter(workload.isStored).count)
    #expect(workload.expectedHits(forLookups: 16) == 12)
  }
}

@Suite("LookupStructure")
struct LookupStructureTests {
  @Test("display names read as the chapter's table rows")
  func displayNames() {
    #expect(
      LookupStructure.allCases.map(\.displayName) == [
        "Array linear search", "Sorted array binary search", "Set", "Dictionary",
        "Set with constant hash",
      ])
  }

  @Test("only the constant-hash set is capped, at 10,000 keys")
  func suggestedSizes() {
    #expect(LookupStructure.constantHashSet.suggestedMaximumSize == 10_000)
    #expect(LookupStructure.constantHashSet.isSuggested(forSize: 10_000))
    #expect(!LookupStructure.constantHashSet.isSuggested(forSize: 10_001))
    #expect(LookupStructure.linearSearch.isSuggested(forSize: 10_000_000))
  }

  @Test("every constant-hash key hashes alike")
  func constantHash() {
    let hashes = Set((0..<100).map { ConstantHashKey($0).hashValue })
    #expect(hashes.count == 1)
  }

  @Test("a set of constant-hash keys still finds every key and no other")
  func constantHashSetCorrect() {
    let workload = LookupWorkload(size: 500, keyCount: 1, absentFraction: 0, seed: 0)
    let target = ConstantHashSetTarget(keys: workload.storedKeys)
    #expect(target.members.count == 500)
    #expect(workload.storedKeys.allSatisfy(target.containsKey))
    #expect(![-2, -1, 1, 3, 999, 1_000, 1_001].contains(where: target.containsKey))
  }

  @Test("all five structures agree with the workload on which keys are stored")
  func structuresAgree() {
    let workload = LookupWorkload(size: 300, keyCount: 200, absentFraction: 0.4, seed: 11)
    let keys = workload.storedKeys
    let expected = workload.keys.map(workload.isStored)
    #expect(workload.keys.map(LinearSearchTarget(keys: keys).containsKey) == expected)
    #expect(workload.keys.map(BinarySearchTarget(keys: keys).containsKey) == expected)
    #expect(workload.keys.map(SetTarget(keys: keys).containsKey) == expected)
    #expect(workload.keys.map(DictionaryTarget(keys: keys).containsKey) == expected)
    #expect(workload.keys.map(ConstantHashSetTarget(keys: keys).containsKey) == expected)
  }
}
