import Foundation
import Testing

@testable import Recommender

/// The ranking measures against a list worked by hand.
///
/// The list is titles 10, 11, 12, 13, 14, best first; the viewer's relevant titles are 11 and 13
/// (gain 2 each: a tie) and 20 (gain 1), which the list missed. With K = 5:
///
///     hits at places 2 and 4            precision = 2/5, recall = 2/3, hit rate = 1
///     AP  = (1/min(5, 3)) · (1/2 + 2/4) = 1/3
///     DCG = 2/log₂3 + 2/log₂5           = 1.2618595 + 0.8613531 = 2.1232126
///     IDCG: gains in ideal order 2, 2, 1 → 2/log₂2 + 2/log₂3 + 1/log₂4 = 3.7618595
///     NDCG = 2.1232126 / 3.7618595     = 0.5644051
@Suite("Ranking metrics: precision, recall, hit rate, AP and NDCG at K")
struct RankingMetricsTests {
  let list = [10, 11, 12, 13, 14]
  let gains: [Int: Double] = [11: 2, 13: 2, 20: 1]

  @Test("the hand-worked list")
  func handWorked() {
    let judged = ListJudgement(list, gains: gains, k: 5)
    #expect(judged.precision == 0.4)
    #expect(abs(judged.recall - 2.0 / 3) < 1e-15)
    #expect(judged.hitRate == 1)
    #expect(abs(judged.averagePrecision - 1.0 / 3) < 1e-15)
    #expect(abs(judged.ndcg - 0.564405081917122) < 1e-12)
  }

  @Test("NDCG is the textbook DCG / IDCG, whichever way tied gains are ordered")
  func textbookNDCG() {
    // The same sums from the definition, with the two gain-2 titles swapped in the list.
    let swapped = ListJudgement([10, 13, 12, 11, 14], gains: gains, k: 5)
    let dcg = 2 / log2(3.0) + 2 / log2(5.0)
    let idcg = 2 / log2(2.0) + 2 / log2(3.0) + 1 / log2(4.0)
    #expect(abs(swapped.ndcg - dcg / idcg) < 1e-15)
    #expect(swapped.ndcg == ListJudgement(list, gains: gains, k: 5).ndcg)
    // The ideal list itself scores 1; with tied gains either order of the tie is ideal.
    #expect(ListJudgement([11, 13, 20], gains: gains, k: 3).ndcg == 1)
    #expect(ListJudgement([13, 11, 20], gains: gains, k: 3).ndcg == 1)
  }

  @Test("K cuts the list, and the ideal list is cut at K too")
  func cutAtK() {
    // K = 2: only 10 and 11 count; one hit of min(2, 3) = 2 possible.
    let judged = ListJudgement(list, gains: gains, k: 2)
    #expect(judged.precision == 0.5)
    #expect(abs(judged.recall - 1.0 / 3) < 1e-15)
    #expect(judged.averagePrecision == 0.25)
    let idcg = 2 / log2(2.0) + 2 / log2(3.0)
    #expect(abs(judged.ndcg - (2 / log2(3.0)) / idcg) < 1e-15)
  }

  @Test("a list shorter than K counts its missing places as misses")
  func shortList() {
    let judged = ListJudgement([11], gains: gains, k: 4)
    #expect(judged.precision == 0.25)
    #expect(judged.averagePrecision == 1.0 / 3)
  }

  @Test("a list with no relevant title scores 0 everywhere")
  func noHit() {
    let judged = ListJudgement([1, 2, 3], gains: gains, k: 3)
    #expect(judged == ListJudgement([4, 5, 6], gains: gains, k: 3))
    #expect([judged.precision, judged.recall, judged.hitRate, judged.ndcg] == [0, 0, 0, 0])
  }

  @Test("held-out relevance: ratings at or above the threshold, graded r − t + 1")
  func heldOutRelevance() {
    let test = [
      Rating(user: 0, item: 1, value: 5), Rating(user: 0, item: 2, value: 3),
      Rating(user: 1, item: 0, value: 4),
    ]
    let gains = Relevance.heldOut(test, threshold: 4, userCount: 3)
    #expect(gains == [[1: 2], [0: 1], [:]])
  }

  @Test(
    "lists leave out what the viewer rated in training; viewers with nothing relevant are skipped")
  func evaluation() {
    let train = [Rating(user: 0, item: 0, value: 5), Rating(user: 1, item: 2, value: 1)]
    let evaluation = ListEvaluation(
      training: train, userCount: 2, itemCount: 4, k: 2,
      itemFactors: Matrix(rows: 4, columns: 0), genres: nil)
    // Every viewer prefers higher indices; each loses the title they rated.
    let lists = evaluation.topLists { _, item in Double(item) }
    #expect(lists == [[3, 2], [3, 1]])
    let accuracy = evaluation.accuracy(lists, relevance: [[2: 1], [:]])
    #expect(accuracy.viewers == [0])
    #expect(accuracy.precision == 0.5)
  }
}
