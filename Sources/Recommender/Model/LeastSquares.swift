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
