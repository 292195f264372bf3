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

  @Test("the validation and test ratings are disjoint and come out of the training split")
  func threeParts() {
    let data = Self.data
    #expect(data.fit.count + data.validation.count == data.split.train.count)
    #expect(Set(data.validation).isDisjoint(with: Set(data.test)))
    #expect(Set(data.fit).isDisjoint(with: Set(data.validation)))
  }

  @Test("the best λ beats λ = 0 on validation RMSE by more than 0.1 stars")
  func bestBeatsNone() {
    let best = RegularizationExperiment.best(Self.runs)
    let none = Self.runs.first { $0.λ == 0 }!
    #expect(best.λ > 0)
    #expect(none.validationRMSE - best.validationRMSE > 0.1)
  }

  @Test("without regularization the validation error turns: it rises > 0.05 after its minimum")
  func overfittingTurns() {
    let none = Self.runs.first { $0.λ == 0 }!
    #expect(none.bestValidationEpoch.epoch < Self.experiment.epochs / 2)
    #expect(none.validationRise > 0.05)
    // …while its training error keeps falling to the end.
    let train = none.history.records.map(\.train.rmse)
    #expect(train.last! < train[none.bestValidationEpoch.epoch - 1])
  }

  @Test("with the best λ the validation error does not turn: it ends within 0.005 of its lowest")
  func bestDoesNotTurn() {
    #expect(RegularizationExperiment.best(Self.runs).validationRise < 0.005)
  }

  @Test("a larger λ keeps the parameters smaller")
  func normShrinks() {
    let norms = Self.runs.map(\.model.parameterNorm)
    #expect(zip(norms, norms.dropFirst()).allSatisfy { $0 > $1 })
  }

  @Test("the regularized model beats the bias-only baseline on validation ratings")
  func beatsBaseline() throws {
    let baseline = try Self.experiment.train(λ: 0.02, on: Self.data, factors: 0)
    #expect(
      RegularizationExperiment.best(Self.runs).validationRMSE < baseline.validationRMSE - 0.1)
  }
}
