import ChapterKit
import ChartKit
import LookupTiming
import Recommender

/// The chapter's three charts.
enum Figures {
  /// Prequential RMSE per tenth of the stream, one line per strategy.
  static func prequential(_ windows: ErrorWindows, source: StreamSource) -> String {
    LineChart(
      title: "Replaying the stream: error on each rating before learning from it",
      subtitle: "RMSE per tenth of the stream; lower is better",
      description: "Line chart of the prequential RMSE over time for a frozen batch model, the "
        + "same model updated online after every rating, and periodic retraining from scratch.",
      xAxisTitle: source.hasTimestamps
        ? "Day of the history (middle of each tenth)" : "Rating number",
      yAxisTitle: "RMSE (stars)",
      series: [
        LineSeries(name: "Frozen", x: windows.middles, y: windows.frozen, showsMarkers: true),
        LineSeries(name: "Online", x: windows.middles, y: windows.online, showsMarkers: true),
        LineSeries(
          name: "Retrained", x: windows.middles, y: windows.retrained, showsMarkers: true,
          isDashed: true),
      ],
      legendPlacement: .bottom
    ).svg()
  }

  /// RMSE on later ratings against the number of ratings folded in.
  static func coldStart(_ cold: ColdStart, onCatalogue: Bool) -> String {
    LineChart(
      title: "A new viewer, folded in: error against ratings known",
      subtitle: "\(cold.viewers.count) viewers unseen by the batch model; RMSE on their ratings "
        + "after the tenth",
      description: "Line chart of the RMSE on later ratings after folding in 0, 1, 3, 5 and 10 "
        + "of a new viewer's first ratings with the titles' factors held fixed.",
      xAxisTitle: "Ratings folded in", yAxisTitle: "RMSE on later ratings (stars)",
      series: [
        LineSeries(
          name: "Fold-in", x: ColdStart.steps.map(Double.init), y: cold.rmse, showsMarkers: true)
      ],
      legendPlacement: .bottom
    ).svg()
  }

  /// How many events took how long: step alone, and step plus re-ranking, in doubling bins.
  static func latency(_ latency: Latency, build: BuildConfiguration, titles: Int) -> String {
    let updates = latency.update.sortedSamples
    let totals = latency.total.sortedSamples
    let smallest = max(updates.first ?? 1, 1)
    let largest = max(totals.last ?? 1, smallest)
    // Bins that double, from a power of two at or below the fastest event.
    var edges = [pow2Floor(smallest)]
    while edges.last! <= largest { edges.append(edges.last! * 2) }
    func counts(_ samples: [Double]) -> [Double?] {
      (0..<(edges.count - 1)).map { (bin: Int) -> Double? in
        let (low, high) = (edges[bin], edges[bin + 1])
        return Double(
          samples.filter { (sample: Double) -> Bool in sample >= low && sample < high }.count)
      }
    }
    // Only the bins from the first to the last that holds an event.
    let stepCounts = counts(updates)
    let totalCounts = counts(totals)
    let used = stepCounts.indices.filter { stepCounts[$0]! > 0 || totalCounts[$0]! > 0 }
    let bins = used.first!...used.last!
    let labels = bins.map { readableDuration(nanoseconds: edges[$0]) }
    return BarChart(
      title: "Time per event: the online step, and step plus re-ranking",
      subtitle: "A timing (\(build) build, one core): it changes from run to run. Each bar "
        + "counts events from its label to the next, twice as long",
      description: "Bar chart of how many stream events took each range of time for the online "
        + "SGD step alone and for the step plus re-ranking all \(titles) titles.",
      categoryAxisTitle: "Time per event (from)", valueAxisTitle: "Events",
      categories: labels,
      groups: [
        BarGroup(name: "Online step", values: Array(stepCounts[bins])),
        BarGroup(name: "Step + re-ranking", values: Array(totalCounts[bins])),
      ],
      legendPlacement: .bottom
    ).svg()
  }

  static func pow2Floor(_ x: Double) -> Double {
    var edge = 1.0
    while edge * 2 <= x { edge *= 2 }
    return edge
  }
}
