/// How the factor matrices P and Q are filled before training starts.
public enum FactorInitialisation: String, CaseIterable, Sendable {
  /// Uniform in [0, 1), as the blog's listing draws them with `np.random.rand`.
  case uniform
  /// Normal around 0 with a small standard deviation (0.1 by default), as libraries such as
  /// Surprise do: every prediction starts near the biases, and no factor starts out large.
  case normal

  /// Draws a `rows × columns` matrix, entry after entry, from `random`.
  public func matrix(
    rows: Int, columns: Int, random: inout NumpyRandom, standardDeviation: Double = 0.1
  ) -> Matrix {
    switch self {
    case .uniform:
      return Matrix(rows: rows, columns: columns) { random.nextDouble() }
    case .normal:
      return Matrix(rows: rows, columns: columns) { standardDeviation * random.nextGaussian() }
    }
  }
}
