import Testing

@testable import Recommender

@Suite("Slices of R, P and Q small enough to print")
struct SliceTests {
  @Test("a dataset slice keeps the chosen viewers and titles in the order given, and their ratings")
  func slice() {
    let slice = BlogSamples.sparseTable.slice(users: [3, 0], items: [2, 0, 1])
    #expect(slice.userNames == ["David", "Alice"])
    #expect(slice.itemNames == ["Movie C", "Movie A", "Movie B"])
    #expect(slice.grid == [[3, nil, 5], [4, 5, nil]])
  }

  @Test("a submatrix keeps the chosen rows and a range of columns")
  func submatrix() {
    let matrix = Matrix([[1, 2, 3], [4, 5, 6], [7, 8, 9]])
    #expect(matrix.submatrix(rows: [2, 0], columns: 1..<3) == Matrix([[8, 9], [2, 3]]))
  }

  @Test("predictions for a slice are the model's predictions cell by cell")
  func predictionsSlice() {
    let model = MatrixFactorization(P: Matrix([[1, 2], [3, 4]]), Q: Matrix([[1, 0], [0, 1]]))
    #expect(model.predictions(users: [1], items: [1, 0]) == Matrix([[4, 3]]))
  }

}
