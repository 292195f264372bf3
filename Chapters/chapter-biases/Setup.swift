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
