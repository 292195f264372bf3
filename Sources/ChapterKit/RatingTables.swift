import Recommender

/// Text tables that show rating data; shared by the chapters that print R.
public enum RatingTables {
  /// R as a grid: one row per user, one column per item, `missing` where nobody rated.
  public static func grid(_ data: RatingsDataset, missing: String = "·") -> TextTable {
    var table = TextTable(
      columns: [.left("User / Movie")] + data.itemNames.map { TextTable.Column.right($0) })
    for (user, row) in data.grid.enumerated() {
      table.append([data.userNames[user]] + row.map { $0.map { fixed($0, 0) } ?? missing })
    }
    return table
  }

  /// Counts, density and sparsity of several datasets side by side.
  public static func summary(_ rows: [(name: String, statistics: DatasetStatistics)]) -> TextTable {
    var table = TextTable(columns: [
      .left("Data"), .right("Users"), .right("Movies"), .right("Cells"), .right("Ratings"),
      .right("Density"), .right("Sparsity"), .right("Mean μ"),
    ])
    for (name, stats) in rows {
      table.append([
        name, grouped(stats.userCount), grouped(stats.itemCount), grouped(stats.cellCount),
        grouped(stats.ratingCount), percent(stats.density), percent(stats.sparsity),
        fixed(stats.globalMean, 2),
      ])
    }
    return table
  }

  /// Each user's and each item's average rating and count.
  public static func means(_ data: RatingsDataset, _ stats: DatasetStatistics) -> TextTable {
    var table = TextTable(columns: [
      .left("Who"), .left("Name"), .right("Ratings"), .right("Average"),
    ])
    for (user, name) in data.userNames.enumerated() {
      table.append([
        "viewer", name, String(stats.userRatingCounts[user]),
        stats.userMeans[user].map { fixed($0, 2) } ?? "–",
      ])
    }
    for (item, name) in data.itemNames.enumerated() {
      table.append([
        "movie", name, String(stats.itemRatingCounts[item]),
        stats.itemMeans[item].map { fixed($0, 2) } ?? "–",
      ])
    }
    return table
  }

  /// How often each rating value occurs, with a bar of █ per rating.
  public static func histogram(_ stats: DatasetStatistics, barScale: Int = 1) -> TextTable {
    var table = TextTable(columns: [
      .right("Stars"), .right("Count"), .right("Share"), .left("Bar"),
    ])
    for (value, count) in stats.histogram {
      table.append([
        fixed(value, value.rounded() == value ? 0 : 1), grouped(count),
        percent(Double(count) / Double(max(stats.ratingCount, 1))),
        String(repeating: "█", count: max(count / max(barScale, 1), count > 0 ? 1 : 0)),
      ])
    }
    return table
  }

  /// Predicted stars in every cell, with the real rating in brackets where there is one.
  public static func predictions(_ predicted: Matrix, beside data: RatingsDataset) -> TextTable {
    let grid = data.grid
    var table = TextTable(
      columns: [.left("User / Movie")] + data.itemNames.map { TextTable.Column.right($0) })
    for user in 0..<data.userCount {
      table.append(
        [data.userNames[user]]
          + (0..<data.itemCount).map { item in
            fixed(predicted[user, item], 2)
              + (grid[user][item].map { " (\(fixed($0, 0)))" } ?? "    ")
          })
    }
    return table
  }
}
