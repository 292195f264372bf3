import ChapterKit
import LookupTiming
import Recommender

/// The chapter's tables and readings that need more than a library call.
enum Tables {
  /// Seconds of SGD and rating updates per second for each model.
  static func speed(_ models: [(name: String, history: TrainingHistory)], ratingCount: Int)
    -> TextTable
  {
    TextTable(
      columns: [.left("Model"), .right("Epochs"), .right("SGD seconds"), .right("Updates/s")],
      rows: models.map { model in
        let nanoseconds = model.history.records.reduce(0) { $0 + $1.sweepNanoseconds }
        let updates = Double(ratingCount * model.history.records.count)
        let seconds = Double(nanoseconds) / 1e9
        return [
          model.name, String(model.history.records.count), fixed(seconds, 2),
          seconds > 0 ? fixed(updates / seconds / 1e6, 2) + " million" : "–",
        ]
      })
  }

  /// Test RMSE after epochs 1, ¼, ½, ¾ and all of the way, per model.
  static func curves(_ models: [(name: String, history: TrainingHistory)], epochs: Int)
    -> TextTable
  {
    var shown = [1, epochs / 4, epochs / 2, 3 * epochs / 4, epochs].filter { $0 >= 1 }
    shown = shown.enumerated().filter { $0.offset == 0 || $0.element != shown[$0.offset - 1] }
      .map(\.element)
    return TextTable(
      columns: [.left("Model")] + shown.map { .right("Epoch \($0)") },
      rows: models.map { model in
        [model.name] + shown.map { fixed(model.history.record(epoch: $0).test!.rmse, 3) }
      })
  }

  /// Median nanoseconds per lookup, one row per size, one column per structure.
  static func lookups(_ report: ScalingReport) -> TextTable {
    let structures = LookupStructure.allCases.filter { structure in
      report.rows.contains { $0.structure == structure }
    }
    return TextTable(
      title: "Median nanoseconds per lookup:",
      columns: [.right("Keys n")] + structures.map { .right(shortName($0)) },
      rows: report.sizes.map { size in
        [grouped(size)]
          + structures.map { structure in
            report.result(for: structure, size: size).map { nanoseconds($0.medianNanoseconds) }
              ?? "–"
          }
      })
  }

  /// One sentence on the largest size: how many times faster the dictionary was.
  static func lookupVerdict(_ report: ScalingReport) -> String {
    guard let size = report.sizes.last,
      let dictionary = report.result(for: .dictionary, size: size),
      let linear = report.result(for: .linearSearch, size: size)
    else { return "" }
    let speedup = dictionary.speedup(over: linear)
    return "With \(grouped(size)) keys the dictionary answered in "
      + duration(dictionary.medianNanoseconds) + " and the list scan in "
      + duration(linear.medianNanoseconds) + ", "
      + (speedup >= 1
        ? "\(grouped(Int(speedup.rounded()))) times faster. "
        : "so the list was not slower at this size. ")
      + "A list scan takes longer the more keys there are; a hash lookup does not. Timings "
      + "differ from run to run and between debug and release builds."
  }

  /// A column header short enough for an 80-column table.
  private static func shortName(_ structure: LookupStructure) -> String {
    switch structure {
    case .linearSearch: "List scan"
    case .binarySearch: "Binary search"
    case .set: "Set"
    case .dictionary: "Dictionary"
    case .constantHashSet: "Colliding set"
    }
  }

  /// "89.4" below 100 ns, else whole nanoseconds with separators: "2,897,313".
  private static func nanoseconds(_ value: Double) -> String {
    value < 100 ? fixed(value, 1) : grouped(Int(value.rounded()))
  }

  /// A duration in the unit that reads best: "111 ns", "48.1 µs", "2.9 ms".
  private static func duration(_ nanoseconds: Double) -> String {
    if nanoseconds < 1_000 { return fixed(nanoseconds, 0) + " ns" }
    if nanoseconds < 1_000_000 { return fixed(nanoseconds / 1_000, 1) + " µs" }
    return fixed(nanoseconds / 1_000_000, 1) + " ms"
  }
}
