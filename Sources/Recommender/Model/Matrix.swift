/// A dense matrix of `Double`, stored row-major in one contiguous array.
///
/// The blog's P (users × factors) and Q (movies × factors) are `Matrix` values: row u of P is
/// the user vector pᵤ, row i of Q is the movie vector qᵢ. Contiguous storage keeps a row's
/// numbers side by side in memory, which is what makes the training loop fast.
public struct Matrix: Sendable, Equatable {
  public let rows: Int
  public let columns: Int
  /// All entries, row after row: entry (r, c) sits at `r * columns + c`.
  public var storage: [Double]

  /// A matrix filled with one value.
  public init(rows: Int, columns: Int, repeating value: Double = 0) {
    precondition(rows >= 0 && columns >= 0, "matrix dimensions must not be negative")
    self.rows = rows
    self.columns = columns
    self.storage = [Double](repeating: value, count: rows * columns)
  }

  /// A matrix from its rows; every row must have the same length.
  public init(_ rowArrays: [[Double]]) {
    let columns = rowArrays.first?.count ?? 0
    precondition(rowArrays.allSatisfy { $0.count == columns }, "rows differ in length")
    self.rows = rowArrays.count
    self.columns = columns
    self.storage = rowArrays.flatMap { $0 }
  }

  /// A matrix whose entries are drawn one by one, row after row, from `draw`.
  ///
  /// With `draw` = `random.nextDouble()` this is numpy's `np.random.rand(rows, columns)`.
  public init(rows: Int, columns: Int, drawing draw: () -> Double) {
    self.init(rows: rows, columns: columns)
    for index in storage.indices { storage[index] = draw() }
  }

  public subscript(row: Int, column: Int) -> Double {
    get { storage[row * columns + column] }
    set { storage[row * columns + column] = newValue }
  }

  /// One row as an array (a copy).
  public func row(_ index: Int) -> [Double] {
    Array(storage[(index * columns)..<((index + 1) * columns)])
  }

  /// The rows as arrays of arrays, for printing and charts.
  public var rowArrays: [[Double]] { (0..<rows).map(row) }

  /// The transpose, Qᵀ when applied to Q.
  public var transposed: Matrix {
    var result = Matrix(rows: columns, columns: rows)
    for r in 0..<rows {
      for c in 0..<columns { result[c, r] = self[r, c] }
    }
    return result
  }

  /// The product `self × other`.
  ///
  /// - Complexity: O(rows × columns × other.columns).
  public func multiplied(by other: Matrix) -> Matrix {
    precondition(columns == other.rows, "shapes \(shape) and \(other.shape) do not multiply")
    var result = Matrix(rows: rows, columns: other.columns)
    for r in 0..<rows {
      for c in 0..<other.columns {
        var sum = 0.0
        for k in 0..<columns { sum += self[r, k] * other[k, c] }
        result[r, c] = sum
      }
    }
    return result
  }

  /// The Frobenius norm ‖M‖ = √(Σ entries²): the "size" that L2 regularization keeps small.
  public var frobeniusNorm: Double {
    storage.reduce(0) { $0 + $1 * $1 }.squareRoot()
  }

  /// `(rows, columns)`, printed like numpy's `shape`.
  public var shape: String { "(\(rows), \(columns))" }

  /// True when every entry is a finite number.
  public var isFinite: Bool { storage.allSatisfy(\.isFinite) }
}
