import Testing

import Recommender

@testable import chapter_regularization

/// The claims chapter-regularization makes, asserted on the numbers its default experiment
/// computes.
@Suite("Regularization on held-out ratings")
struct RegularizationExperimentTests {
  static let experiment = RegularizationExperiment()
  static let data = experiment.makeData()
  static let runs = try! experiment.run(on: data)

  @Test("the catalogue has a few hundred users and movies and ~10% of cells rated")
  func size() {
    let stats = DatasetStatistics(Self.data.catalogue.dataset)
    #expect(stats.userCount == 300 && stats.itemCount == 200)
    #expect(stats.density > 0.09 && stats.density < 0.11)
  }

  @Test("the best λ beats λ = 0 on held-out RMSE by more than 0.1 stars")
  func bestBeatsNone() {
    let best = RegularizationExperiment.best(Self.runs)
    let none = Self.runs.first { $0.λ == 0 }!
    #expect(best.λ > 0)
    #expect(none.final.test!.rmse - best.final.test!.rmse > 0.1)
  }

  @Test("without regularization the held-out error turns: it rises > 0.05 after its minimum")
  func overfittingTurns() {
    let none = Self.runs.first { $0.λ == 0 }!
    #expect(none.bestTestEpoch.epoch < Self.experiment.epochs / 2)
    #expect(none.testRise > 0.05)
    // …while its training error keeps falling to the end.
    let train = none.history.records.map(\.train.rmse)
    #expect(train.last! < train[none.bestTestEpoch.epoch - 1])
  }

  @Test("with the best λ the held-out error does not turn: it ends within 0.005 of its lowest")
  func bestDoesNotTurn() {
    #expect(RegularizationExperiment.best(Self.runs).testRise < 0.005)
  }

  @Test("a larger λ keeps the parameters smaller")
  func normShrinks() {
    let norms = Self.runs.map(\.model.parameterNorm)
    #expect(zip(norms, norms.dropFirst()).allSatisfy { $0 > $1 })
  }

  @Test("the regularized model beats the bias-only baseline on held-out ratings")
  func beatsBaseline() throws {
    let baseline = try Self.experiment.train(λ: 0.02, on: Self.data, factors: 0)
    #expect(
      RegularizationExperiment.best(Self.runs).final.test!.rmse < baseline.final.test!.rmse - 0.1)
  }
}
