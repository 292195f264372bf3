import Testing

@testable import Recommender

@Suite("Simulated viewers: one draw from the table is the title-by-title answer")
struct SimulatedViewersTests {
  @Test("the Poisson binomial table by hand: q = ½, ½ gives ¼, ½, ¼")
  func tableByHand() {
    let table = OutcomeTable(enjoyProbabilities: [[0.5, 0.5], [1, 0]])
    #expect([0, 1, 2].map { table.probability(viewer: 0, value: $0) } == [0.25, 0.5, 0.25])
    #expect([0, 1, 2].map { table.probability(viewer: 1, value: $0) } == [0, 1, 0])
    #expect(table.value(viewer: 0, uniform: 0.2) == 0 && table.value(viewer: 0, uniform: 0.7) == 1)
    let moments = table.populationMoments
    // Mean (1 + 1)/2 = 1; variance E[Var] + Var(E) = (0.5 + 0)/2 + 0 = 0.25.
    #expect(abs(moments.mean - 1) < 1e-12 && abs(moments.standardDeviation - 0.5) < 1e-12)
  }

  @Test("answering title by title gives the table's distribution (20,000 answers)")
  func respondMatchesTable() {
    let catalogue = DemoCatalogue(seed: 42)
    let responses = ViewerResponses(catalogue: catalogue)
    let row = [5, 12, 33]
    let table = OutcomeTable(
      enjoyProbabilities: [row.map { responses.enjoyProbability(viewer: 7, item: $0) }])
    var random = NumpyRandom(seed: 1)
    var counts = [0, 0, 0, 0]
    let draws = 20_000
    for _ in 0..<draws { counts[responses.respond(viewer: 7, row: row, random: &random)] += 1 }
    for k in 0...3 {
      let p = table.probability(viewer: 0, value: k)
      let observed = Double(counts[k]) / Double(draws)
      // Four standard errors of a share of 20,000.
      #expect(abs(observed - p) <= 4 * (p * (1 - p) / Double(draws)).squareRoot() + 1e-9)
    }
  }

  @Test("the catalogue's hidden mean is the recipe's sum, without noise")
  func hiddenMean() {
    let catalogue = DemoCatalogue(seed: 42)
    let expected =
      catalogue.recipe.mean + catalogue.leniencies[0] + catalogue.appeals[0]
      + catalogue.tastes[0, 0]
    #expect(catalogue.expectedRating(viewer: 0, item: 0) == expected)
  }
}
