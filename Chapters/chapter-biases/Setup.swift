import Recommender

/// One of the three models of the fair comparison, trained.
struct Contender {
  let name: String
  let model: MatrixFactorization
  let history: TrainingHistory
}

extension Contender {
  /// Trains (a) μ + bᵤ + bᵢ, (b) p·q and (c) μ + bᵤ + bᵢ + p·q from one fresh start.
  static func trainAll(
    from start: MatrixFactorization, μ: Double, data: RatingsDataset,
    settings: SGDTrainer.Settings, epochs: Int
  ) throws(TrainingError) -> [Contender] {
    let noFactors = Matrix(rows: data.userCount, columns: 0)
    let candidates = [
      (
        "(a) biases only",
        MatrixFactorization(
          P: noFactors, Q: Matrix(rows: data.itemCount, columns: 0),
          usesBiases: true, globalMean: μ)
      ),
      ("(b) basic p·q", MatrixFactorization(P: start.P, Q: start.Q)),
      (
        "(c) biases + p·q",
        MatrixFactorization(P: start.P, Q: start.Q, usesBiases: true, globalMean: μ)
      ),
    ]
    var contenders: [Contender] = []
    for (name, initial) in candidates {
      var model = initial
      var trainer = SGDTrainer(settings: settings, ratings: data.ratings)
      let history = try trainer.train(&model, epochs: epochs)
      contenders.append(Contender(name: name, model: model, history: history))
    }
    return contenders
  }
}

/// Model (a) trained on from where the comparison stopped until its biases stop moving, so the
/// chapter reads settled biases rather than assuming 100 epochs were enough.
struct Settling {
  /// The bias-only model after the last check.
  let model: MatrixFactorization
  /// Epochs after the comparison's last one before a check found no bias still moving.
  let extraEpochs: Int
  /// False when the cap ran out (or training diverged) while biases were still moving.
  let settled: Bool
  /// A check trains this many epochs; a bias that moves less over them counts as settled.
  static let window = 100
  static let tolerance = 0.001

  init(
    _ start: MatrixFactorization, data: RatingsDataset, settings: SGDTrainer.Settings,
    cap: Int = 20_000
  ) {
    var model = start
    var trained = 0
    var settled = false
    while trained < cap {
      let before = model.userBiases + model.itemBiases
      var trainer = SGDTrainer(settings: settings, ratings: data.ratings)
      var next = model
      do { _ = try trainer.train(&next, epochs: Settling.window) } catch { break }
      let after = next.userBiases + next.itemBiases
      let move = zip(before, after).map { abs($0 - $1) }.max() ?? 0
      if move < Settling.tolerance {
        settled = true
        break
      }
      model = next
      trained += Settling.window
    }
    (self.model, self.extraEpochs, self.settled) = (model, trained, settled)
  }
}
