import Testing

@testable import Recommender

private func indices(_ ids: [String]) -> (indices: [Int], identifiers: [String]) {
  var dense = DenseIdentifiers()
  let indices = ids.map { id in Array(id.utf8).withUnsafeBytes { dense.index(for: $0) } }
  return (indices, dense.identifiers)
}

@Suite("Loader: dense ids")
struct LoaderIdentifierTests {
  @Test("numbers ids 0, 1, 2 in order of first appearance and reuses them")
  func firstAppearance() {
    let result = indices(["196", "22", "196", "alice", "22"])
    #expect(result.indices == [0, 1, 0, 2, 1])
    #expect(result.identifiers == ["196", "22", "alice"])
  }

  @Test("tells apart ids that share a prefix or differ only past the eighth byte")
  func similarIDs() {
    let result = indices(["1", "10", "100000000", "100000001", "1000000000000000"])
    #expect(result.indices == [0, 1, 2, 3, 4])
  }

  @Test("keeps numbers written with leading zeros apart from the same number without")
  func leadingZeros() {
    let result = indices(["7", "007", "0", "00", "7"])
    #expect(result.indices == [0, 1, 2, 3, 0])
    #expect(result.identifiers == ["7", "007", "0", "00"])
  }

  @Test("numbers large and small numeric ids alike, in order of first appearance")
  func largeNumbers() {
    let result = indices(["209171", "99999999", "4194304", "1", "99999999", "209171"])
    #expect(result.indices == [0, 1, 2, 3, 1, 0])
  }

  @Test("handles ids longer than sixteen bytes")
  func longIDs() {
    let long = "a-very-long-identifier-"
    let result = indices([long + "1", long + "2", long + "1"])
    #expect(result.indices == [0, 1, 0])
    #expect(result.identifiers == [long + "1", long + "2"])
  }
}
