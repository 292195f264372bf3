extension Matrix {
  /// Some rows and a range of columns of the matrix, as a new matrix: for showing a few
  /// viewers' first factors when there are thousands of viewers and a hundred factors.
  ///
  /// - Parameters:
  ///   - rowIndices: the rows to keep, in the order wanted.
  ///   - columnRange: the columns to keep.
  public func submatrix(rows rowIndices: [Int], columns columnRange: Range<Int>) -> Matrix {
    precondition(columnRange.lowerBound >= 0 && columnRange.upperBound <= columns)
    var result = Matrix(rows: rowIndices.count, columns: columnRange.count)
    for (newRow, row) in rowIndices.enumerated() {
      for (newColumn, column) in columnRange.enumerated() {
        result[newRow, newColumn] = self[row, column]
      }
    }
    return result
  }
}
