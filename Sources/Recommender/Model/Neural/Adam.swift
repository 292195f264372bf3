import Foundation

/// Adam (Kingma & Ba, 2015), the optimizer He et al. trained NeuMF with. For each parameter θⱼ
/// with gradient gⱼ at step t:
///
///     mⱼ ← β₁ mⱼ + (1 − β₁) gⱼ          vⱼ ← β₂ vⱼ + (1 − β₂) gⱼ²
///     θⱼ ← θⱼ − η · (mⱼ / (1 − β₁ᵗ)) / (√(vⱼ / (1 − β₂ᵗ)) + ε)
///
/// Only the parameters a batch touched are stepped ("lazy" Adam, as sparse embeddings are
/// usually trained): an embedding row of a viewer absent from the batch keeps its moments.
public struct Adam: Sendable {
  /// η, the step size.
  public let learningRate: Double
  public let β1 = 0.9
  public let β2 = 0.999
  public let ε = 1e-8
  private var m: [Double]
  private var v: [Double]
  /// t, the number of steps begun.
  public private(set) var step = 0

  public init(parameterCount: Int, learningRate: Double) {
    self.learningRate = learningRate
    m = [Double](repeating: 0, count: parameterCount)
    v = [Double](repeating: 0, count: parameterCount)
  }

  /// Steps the parameters in `ranges` of θ along their gradient.
  public mutating func update(_ θ: inout [Double], gradient: [Double], ranges: [Range<Int>]) {
    precondition(θ.count == m.count && gradient.count == m.count)
    step += 1
    let correction1 = 1 - pow(β1, Double(step))
    let correction2 = 1 - pow(β2, Double(step))
    let (β1, β2, ε, η) = (β1, β2, ε, learningRate)
    // Unchecked buffers, the ranges checked once each: this loop runs over every parameter a
    // batch touched, as often as the gradient is computed.
    θ.withUnsafeMutableBufferPointer { θ in
      gradient.withUnsafeBufferPointer { gradient in
        m.withUnsafeMutableBufferPointer { m in
          v.withUnsafeMutableBufferPointer { v in
            for range in ranges {
              precondition(range.lowerBound >= 0 && range.upperBound <= θ.count)
              for j in range {
                let g = gradient[j]
                m[j] = β1 * m[j] + (1 - β1) * g
                v[j] = β2 * v[j] + (1 - β2) * g * g
                θ[j] -= η * (m[j] / correction1) / ((v[j] / correction2).squareRoot() + ε)
              }
            }
          }
        }
      }
    }
  }
}

/// A gradient over θ that remembers which ranges a batch touched, so a batch costs what it
/// touched and not the size of θ.
public struct SparseGradient: Sendable {
  public private(set) var values: [Double]
  public private(set) var ranges: [Range<Int>] = []
  private var marked: [Bool]

  public init(count: Int) {
    values = [Double](repeating: 0, count: count)
    marked = [Bool](repeating: false, count: count)
  }

  /// Records that `range` will receive gradient (once per batch, however often it is added).
  public mutating func touch(_ range: Range<Int>) {
    guard !range.isEmpty, !marked[range.lowerBound] else { return }
    // The ranges are later walked unchecked.
    precondition(range.upperBound <= values.count)
    marked[range.lowerBound] = true
    ranges.append(range)
  }

  /// Adds λθ to every touched entry: the gradient of (λ/2)‖θ‖² over what the batch used.
  ///
  /// - Parameter applies: which touched ranges are penalised (by default all).
  public mutating func addWeightDecay(
    _ λ: Double, _ θ: [Double], where applies: (Range<Int>) -> Bool = { _ in true }
  ) {
    guard λ > 0 else { return }
    precondition(θ.count == values.count)
    let ranges = ranges
    θ.withUnsafeBufferPointer { θ in
      values.withUnsafeMutableBufferPointer { values in
        for range in ranges where applies(range) { for j in range { values[j] += λ * θ[j] } }
      }
    }
  }

  /// Scales every touched entry, e.g. by 1 / batch size for a mean.
  public mutating func scale(by factor: Double) {
    let ranges = ranges
    values.withUnsafeMutableBufferPointer { values in
      for range in ranges { for j in range { values[j] *= factor } }
    }
  }

  /// Zeroes what was touched, ready for the next batch.
  public mutating func reset() {
    let ranges = ranges
    values.withUnsafeMutableBufferPointer { values in
      for range in ranges {
        marked[range.lowerBound] = false
        values.slice(range).update(repeating: 0)
      }
    }
    self.ranges.removeAll(keepingCapacity: true)
  }

  /// Direct access for a model's backward pass.
  public mutating func withValues<Result>(_ body: (inout [Double]) -> Result) -> Result {
    body(&values)
  }
}
