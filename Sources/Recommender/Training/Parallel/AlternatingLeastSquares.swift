import Dispatch

/// Alternating least squares: hold Q fixed and solve every viewer's row exactly, then hold P
/// fixed and solve every title's row; each half-step lowers
///
///     Σ₍ᵤ,ᵢ₎ (rᵤᵢ − μ − bᵤ − bᵢ − pᵤ · qᵢ)² + λ Σᵤ nᵤ (‖pᵤ‖² + bᵤ²) + λ Σᵢ nᵢ (‖qᵢ‖² + bᵢ²)
///
/// where nᵤ and nᵢ count the ratings of viewer u and title i (the weighting of Zhou et al.
/// 2008, which Spark MLlib's ALS uses). With Q fixed, viewer u's row xᵤ = (pᵤ, bᵤ) solves the
/// (k + 1) × (k + 1) ridge system
///
///     (Σᵢ zᵢ zᵢᵀ + λ nᵤ I) xᵤ = Σᵢ (rᵤᵢ − μ − bᵢ) zᵢ,     zᵢ = (qᵢ, 1)
///
/// by Cholesky (``choleskySolve(lowerOf:dimension:rightHandSide:)``), the same solve as
/// ``ridgeLeastSquares(rows:targets:penalties:)``. Without biases, xᵤ = pᵤ and zᵢ = qᵢ.
///
/// Every viewer's solve reads only Q and writes only its own row, so the viewers split over
/// workers (or machines) with nothing shared but Q; then the titles, sharing P. That is why it
/// is what Spark ships: two embarrassingly parallel passes per epoch, no learning rate to tune.
public struct AlternatingLeastSquares: Sendable {
  /// Each viewer's ratings: titles and stars, viewer by viewer.
  let byUser: ALSRatingLists
  /// Each title's ratings: viewers and stars, title by title.
  let byItem: ALSRatingLists
  public let lambda: Double

  /// Indexes the training ratings both ways.
  ///
  /// - Complexity: O(ratings + users + items).
  public init(_ data: BlockedRatings, lambda: Double) {
    byUser = ALSRatingLists(
      data.ratings.map { (Int($0.user), Int($0.item), Double($0.stars)) }, count: data.users)
    byItem = ALSRatingLists(
      data.ratings.map { (Int($0.item), Int($0.user), Double($0.stars)) }, count: data.items)
    self.lambda = lambda
  }

  /// One epoch: every viewer's row, then every title's, each pass over `workers` threads.
  ///
  /// - Complexity: O(ratings × k² + (users + items) × k³), over `workers` threads.
  public func epoch(_ model: inout MatrixFactorization, workers: Int) {
    let (mean, biases, k) = (model.globalMean, model.usesBiases, model.factorCount)
    let λ = lambda
    model.withParallelPointers { parameters in
      Self.solveRows(
        byUser, rows: parameters.P, rowBiases: parameters.userBiases, fixed: parameters.Q,
        fixedBiases: parameters.itemBiases, k: k, mean: mean, biases: biases, λ: λ,
        workers: workers)
      Self.solveRows(
        byItem, rows: parameters.Q, rowBiases: parameters.itemBiases, fixed: parameters.P,
        fixedBiases: parameters.userBiases, k: k, mean: mean, biases: biases, λ: λ,
        workers: workers)
    }
  }

  /// Solves every row of `rows` (and its bias) with the other side fixed. A row with no ratings
  /// keeps its values.
  static func solveRows(
    _ lists: ALSRatingLists, rows: UnsafeMutablePointer<Double>,
    rowBiases: UnsafeMutablePointer<Double>, fixed: UnsafeMutablePointer<Double>,
    fixedBiases: UnsafeMutablePointer<Double>, k: Int, mean: Double, biases: Bool, λ: Double,
    workers: Int
  ) {
    // Shared safely: each row is solved by exactly one worker and written only by it; the
    // fixed side is only read during the pass.
    let shared = SharedSolve(
      rows: rows, rowBiases: rowBiases, fixed: fixed, fixedBiases: fixedBiases)
    let d = biases ? k + 1 : k
    DispatchQueue.concurrentPerform(iterations: workers) { w in
      var gram = [Double](repeating: 0, count: d * d)
      var moment = [Double](repeating: 0, count: d)
      for row in stride(from: w, to: lists.count, by: workers) {
        let range = lists.starts[row]..<lists.starts[row + 1]
        guard !range.isEmpty else { continue }
        // Σ zᵢ zᵢᵀ (lower triangle) and Σ target · zᵢ, zᵢ = (qᵢ, 1), through pointers: this
        // loop is ALS's O(ratings × k²) and runs several times faster without bounds checks.
        gram.withUnsafeMutableBufferPointer { g in
          moment.withUnsafeMutableBufferPointer { m in
            g.update(repeating: 0)
            m.update(repeating: 0)
            for entry in range {
              let other = lists.others[entry]
              let z = shared.fixed + other * k
              let target = lists.values[entry] - (biases ? mean + shared.fixedBiases[other] : 0)
              for a in 0..<k {
                let za = z[a]
                m[a] += za * target
                let line = g.baseAddress! + a * d
                for b in 0...a { line[b] += za * z[b] }
              }
              if biases {
                m[k] += target
                let line = g.baseAddress! + k * d
                for b in 0..<k { line[b] += z[b] }
                line[k] += 1
              }
            }
          }
        }
        let penalty = λ * Double(range.count)
        for a in 0..<d { gram[a * d + a] += penalty }
        guard let x = choleskySolve(lowerOf: gram, dimension: d, rightHandSide: moment) else {
          continue
        }
        for f in 0..<k { shared.rows[row * k + f] = x[f] }
        if biases { shared.rowBiases[row] = x[k] }
      }
    }
  }
}

/// The two sides of one ALS pass, for its workers (see ``AlternatingLeastSquares`` for why the
/// sharing is safe).
private struct SharedSolve: @unchecked Sendable {
  let rows: UnsafeMutablePointer<Double>
  let rowBiases: UnsafeMutablePointer<Double>
  let fixed: UnsafeMutablePointer<Double>
  let fixedBiases: UnsafeMutablePointer<Double>
}

/// Ratings grouped by one side (compressed sparse rows): row r's entries are
/// `starts[r]..<starts[r + 1]` of `others` (the other side's index) and `values`.
struct ALSRatingLists: Sendable {
  let starts: [Int]
  let others: [Int]
  let values: [Double]

  init(_ triples: [(row: Int, other: Int, value: Double)], count: Int) {
    var counts = [Int](repeating: 0, count: count)
    for triple in triples { counts[triple.row] += 1 }
    var starts = [0]
    for c in counts { starts.append(starts.last! + c) }
    var next = Array(starts.dropLast())
    var others = [Int](repeating: 0, count: triples.count)
    var values = [Double](repeating: 0, count: triples.count)
    for triple in triples {
      others[next[triple.row]] = triple.other
      values[next[triple.row]] = triple.value
      next[triple.row] += 1
    }
    self.starts = starts
    self.others = others
    self.values = values
  }

  var count: Int { starts.count - 1 }
}
