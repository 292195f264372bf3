import Testing

@testable import Recommender

@Suite("Matrix")
struct MatrixTests {
  @Test("stores entries row-major and reads them back by (row, column)")
  func rowMajor() {
    let m = Matrix([[1, 2, 3], [4, 5, 6]])
    #expect(m.storage == [1, 2, 3, 4, 5, 6])
    #expect(m[1, 0] == 4)
    #expect(m.row(1) == [4, 5, 6])
    #expect(m.shape == "(2, 3)")
  }

  @Test("draws entries row after row, like np.random.rand(rows, columns)")
  func drawing() {
    var random = NumpyRandom(seed: 42)
    let m = Matrix(rows: 2, columns: 2) { random.nextDouble() }
    #expect(m[0, 1] == 0.9507143064099162)
    #expect(m[1, 0] == 0.7319939418114051)
  }

  @Test("multiplies by a transpose as worked by hand")
  func product() {
    let p = Matrix([[1, 2], [3, 4]])
    let q = Matrix([[5, 6], [7, 8], [9, 10]])
    let r = p.multiplied(by: q.transposed)
    #expect(r.rowArrays == [[17, 23, 29], [39, 53, 67]])
  }

  @Test("the Frobenius norm of [[3, 4]] is 5")
  func norm() {
    #expect(Matrix([[3, 4]]).frobeniusNorm == 5)
  }
}
