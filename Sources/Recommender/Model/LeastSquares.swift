/// Solves the ridge-regularised least-squares problem min_w ‖Xw − y‖² + Σ_j λ_j w_j² through
/// its normal equations (XᵀX + diag λ) w = Xᵀy, by Cholesky factorisation.
///
/// Small problems only (a blend of a few models, one new viewer's k factors): XᵀX is formed
/// explicitly, which squares the condition number; fine for a handful of columns.
///
/// - Parameters:
///   - rows: X, one row per observation, all of the same length d.
///   - targets: y, one per row.
///   - penalties: λ_j per column (0 leaves a column unpenalised, like an intercept).
/// - Returns: w, or nil when XᵀX + diag λ is not positive definite (e.g. two identical
///   unpenalised columns).
/// - Complexity: O(n d² + d³) for n rows.
public func ridgeLeastSquares(rows: [[Double]], targets: [Double], penalties: [Double])
  -> [Double]?
{
  precondition(rows.count == targets.count, "one target per row")
  let d = penalties.count
  precondition(rows.allSatisfy { $0.count == d }, "one penalty per column")
  var gram = [Double](repeating: 0, count: d * d)
  var moment = [Double](repeating: 0, count: d)
  for (row, target) in zip(rows, targets) {
    for a in 0..<d {
      moment[a] += row[a] * target
      for b in 0...a { gram[a * d + b] += row[a] * row[b] }
    }
  }
  for a in 0..<d { gram[a * d + a] += penalties[a] }
  return choleskySolve(lowerOf: gram, dimension: d, rightHandSide: moment)
}

/// The same ridge solution with one penalty λ on every column, from the n × n system of the
/// rows instead of the d × d one: w = Xᵀ (X Xᵀ + λI)⁻¹ y. Cheaper when there are fewer rows than
/// columns (a new viewer with 3 ratings and 100 factors).
///
/// - Complexity: O(n² d + n³) for n rows of d columns.
public func ridgeLeastSquaresDual(rows: [[Double]], targets: [Double], penalty λ: Double)
  -> [Double]?
{
  precondition(rows.count == targets.count, "one target per row")
  precondition(λ > 0, "the dual form needs a positive penalty")
  let n = rows.count
  guard let d = rows.first?.count else { return nil }
  var kernel = [Double](repeating: 0, count: n * n)
  for a in 0..<n {
    for b in 0...a {
      var dot = 0.0
      for column in 0..<d { dot += rows[a][column] * rows[b][column] }
      kernel[a * n + b] = dot
    }
    kernel[a * n + a] += λ
  }
  guard let α = choleskySolve(lowerOf: kernel, dimension: n, rightHandSide: targets) else {
    return nil
  }
  var w = [Double](repeating: 0, count: d)
  for (row, weight) in zip(rows, α) {
    for column in 0..<d { w[column] += row[column] * weight }
  }
  return w
}

/// Solves A x = b for symmetric positive definite A given by its lower triangle (row-major),
/// via A = L Lᵀ; nil when a pivot is not positive.
///
/// - Complexity: O(d³).
func choleskySolve(lowerOf matrix: [Double], dimension d: Int, rightHandSide b: [Double])
  -> [Double]?
{
  var L = [Double](repeating: 0, count: d * d)
  for i in 0..<d {
    for j in 0...i {
      var sum = matrix[i * d + j]
      for k in 0..<j { sum -= L[i * d + k] * L[j * d + k] }
      if i == j {
        // Relative to the diagonal's size, so a merely rounded-off zero pivot is caught.
        guard sum > 1e-12 * max(abs(matrix[i * d + i]), 1e-300) else { return nil }
        L[i * d + i] = sum.squareRoot()
      } else {
        L[i * d + j] = sum / L[j * d + j]
      }
    }
  }
  var z = b
  for i in 0..<d {
    for k in 0..<i { z[i] -= L[i * d + k] * z[k] }
    z[i] /= L[i * d + i]
  }
  for i in stride(from: d - 1, through: 0, by: -1) {
    for k in (i + 1)..<d { z[i] -= L[k * d + i] * z[k] }
    z[i] /= L[i * d + i]
  }
  return z
}
