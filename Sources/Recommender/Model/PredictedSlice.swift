extension MatrixFactorization {
  /// r̂ for some viewers (rows) and titles (columns): the predicted part of R to show.
  ///
  /// - Parameters:
  ///   - users: the viewers, in row order.
  ///   - items: the titles, in column order.
  /// - Complexity: O(users × items × k).
  public func predictions(users: [Int], items: [Int]) -> Matrix {
    var result = Matrix(rows: users.count, columns: items.count)
    for (row, user) in users.enumerated() {
      for (column, item) in items.enumerated() {
        result[row, column] = predict(user: user, item: item)
      }
    }
    return result
  }
}
