import ChapterKit
import ChartKit
import Recommender

/// The charts of chapter-data-setup: rating data itself, before any model.
enum Figures {
  /// R as a heatmap: stars in every rated cell, hatched where nobody rated.
  static func heatmap(_ data: RatingsDataset, title: String, subtitle: String? = nil)
    -> String
  {
    let stats = DatasetStatistics(data)
    return Heatmap(
      title: title,
      subtitle: subtitle
        ?? "\(stats.ratingCount) of \(stats.cellCount) cells rated (\(percent(stats.density, decimals: 0)) dense)",
      description: "Heatmap of the user–item rating matrix: \(data.userCount) users by "
        + "\(data.itemCount) movies, stars in each rated cell, empty cells hatched.",
      grid: HeatmapGrid(
        values: data.grid, rowLabels: data.userNames, columnLabels: data.itemNames, decimals: 0,
        valueRange: data.scale),
      rowAxisTitle: "Viewer", columnAxisTitle: "Movie", legendTitle: "Rating (stars)",
      missingLegendLabel: "not rated"
    ).svg()
  }

  /// How many ratings of each star value there are.
  static func histogram(_ stats: DatasetStatistics, title: String) -> String {
    BarChart(
      title: title,
      subtitle: "\(stats.ratingCount) ratings, mean μ = \(fixed(stats.globalMean, 2)) stars",
      description: "Bar chart of how many ratings have each star value.",
      categoryAxisTitle: "Rating (stars)", valueAxisTitle: "Number of ratings",
      categories: stats.histogram.map { fixed($0.value, $0.value.rounded() == $0.value ? 0 : 1) },
      groups: [BarGroup(name: "Ratings", values: stats.histogram.map { Double($0.count) })],
      showsValueLabels: true
    ).svg()
  }
}
