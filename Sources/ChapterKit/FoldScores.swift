import Recommender

/// Scores over the folds of a cross-validation, as tables and sentences: shared by every
/// chapter with a `--folds` flag.
public enum FoldScores {
  /// Model, RMSE and MAE as mean ± standard deviation over the folds, in stars.
  public static func table(names: [String], rmse: [FoldSummary], mae: [FoldSummary]) -> TextTable {
    TextTable(
      columns: [.left("Model"), .right("RMSE"), .right("MAE")],
      rows: names.indices.map { model in
        [
          names[model],
          "\(fixed(rmse[model].mean, 4)) ± \(fixed(rmse[model].standardDeviation, 4))",
          "\(fixed(mae[model].mean, 4)) ± \(fixed(mae[model].standardDeviation, 4))",
        ]
      })
  }

  /// "A beats B by 0.0123 stars of RMSE on average over the folds (standard error 0.0010)", or
  /// "A and B are too close to call (…)", by ``PairedDifference``.
  public static func comparison(names: [String], rmse: [FoldSummary], _ a: Int, _ b: Int)
    -> String
  {
    let difference = PairedDifference(rmse[a], rmse[b])
    let size = fixed(abs(difference.mean), 4)
    guard difference.isClear else {
      return "\(names[a]) and \(names[b]) are too close to call (\(size) stars of RMSE apart "
        + "on average, within twice the fold-to-fold uncertainty of "
        + "\(fixed(difference.standardError, 4)))"
    }
    let (better, worse) = difference.mean < 0 ? (a, b) : (b, a)
    return "\(names[better]) beats \(names[worse]) by \(size) stars of RMSE on average over the "
      + "folds (standard error \(fixed(difference.standardError, 4)))"
  }
}
