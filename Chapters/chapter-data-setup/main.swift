// chapter-data-setup: blog sections 4 and 7, the user–item matrix, its sparsity, and the
// listing's sample data with P and Q drawn as a blank slate.
//
//     swift run chapter-data-setup [--seed N] [--factors K] [--assets DIR] [--no-charts]

import ChapterKit
import Recommender

struct Settings: ChapterSettings {
  var common = CommonOptions()
  /// The listing's num_factors: how many hidden dimensions P and Q get.
  var factors = 2

  static var options: [ChapterOption<Settings>] {
    [
      .integer(
        "--factors", \.factors, atLeast: 1, atMost: 50,
        help: "hidden factors k, the columns of P and Q")
    ]
      + .common(\.common)
  }
}

let info = ChapterInfo(
  command: "chapter-data-setup",
  mirrors: "Blog sections 4 (the user–item matrix and sparsity) and 7 (data and initialization)",
  summary: "Shows the rating matrix, how empty it is, and the random P and Q training starts from.")
let settings: Settings = parseOrExit(info)
var charts = ChartOutput(settings.common, command: info.command)
let say = Narrator()
let sample = BlogSamples.listing
let table = BlogSamples.sparseTable

say.banner(
  title: "Data setup: the user–item matrix and a blank slate", mirrors: info.mirrors,
  command: "swift run \(info.command)")

// MARK: - The user–item matrix: your viewing fingerprint

say.heading("The user–item matrix")
say.paragraph(
  "A recommender starts from one table. Each row is a viewer, each column a movie, and a cell "
    + "holds the stars that viewer gave that movie. Section 4 of the blog draws it for four "
    + "viewers and four movies; a dot marks a movie the viewer has not rated.")
say.table(RatingTables.grid(table, missing: "·"))
let tableStats = DatasetStatistics(table)
say.paragraph(
  "\(tableStats.ratingCount) of the \(tableStats.cellCount) cells hold a rating, so the table is "
    + "\(percent(tableStats.density)) full and \(percent(tableStats.sparsity)) empty. The empty "
    + "cells are the interesting ones: they are the movies we would like to predict.")

// MARK: - The sparsity problem

say.pauseIfRequested(settings.common.pauses)
say.heading("The sparsity problem")
let prize = BlogSamples.netflixPrize
let prizeCells = Double(prize.users) * Double(prize.movies)
let prizeDensity = Double(prize.ratings) / prizeCells
say.paragraph(
  "Four viewers hide how empty a real catalogue is. The Netflix Prize data held "
    + "\(grouped(prize.ratings)) ratings from \(grouped(prize.users)) users on "
    + "\(grouped(prize.movies)) movies: \(grouped(Int(prizeCells))) cells, of which "
    + "\(percent(prizeDensity, decimals: 2)) are filled and \(percent(1 - prizeDensity, decimals: 2)) "
    + "are empty. The average user rated \(Int((Double(prize.ratings) / Double(prize.users)).rounded())) "
    + "of the \(grouped(prize.movies)) movies. Any method that needs a full row per user fails "
    + "here; matrix factorization is built to learn from the few cells that are filled.")

// MARK: - The listing's sample data

say.pauseIfRequested(settings.common.pauses)
say.heading("The listing's sample data")
say.paragraph(
  "Section 7 codes a smaller world: five viewers and four movies, stored as a dictionary of "
    + "each user's ratings. Here it is, printed the way the listing prints it.")
for (user, name) in sample.userNames.enumerated() {
  say.line("User \(name) (ID: \(user)):")
  for rating in sample.ratings where rating.user == user {
    say.line("  - \(sample.itemNames[rating.item]): \(Int(rating.value)) stars")
  }
}
say.blank()
say.paragraph("The same ratings as a user–item matrix:")
say.table(RatingTables.grid(sample, missing: "·"))
let sampleStats = DatasetStatistics(sample)
say.paragraph(
  "The listing calls this data sparse, but every one of its \(sampleStats.cellCount) cells is "
    + "filled (\(percent(sampleStats.density)) full). Nothing is left to predict, which is why "
    + "the later chapters hide ratings on purpose to test the model.")

// MARK: - Statistics of both tables

say.pauseIfRequested(settings.common.pauses)
say.heading("Statistics")
say.table(
  RatingTables.summary([("Section 4 table", tableStats), ("Section 7 sample", sampleStats)]))
say.table(RatingTables.means(sample, sampleStats))
let meanReading =
  "Already the averages differ: viewers range from "
  + extremes(sampleStats.userMeans.map { $0! }, names: sample.userNames)
  + ", movies from " + extremes(sampleStats.itemMeans.map { $0! }, names: sample.itemNames) + "."
say.paragraph(
  "The global mean μ = \(fixed(sampleStats.globalMean, 2)) stars returns in chapter-biases, "
    + "where each viewer and each movie gets a bias around it. "
    + meanReading)
say.table(RatingTables.histogram(sampleStats))

// MARK: - Initializing P and Q: the blank slate

say.pauseIfRequested(settings.common.pauses)
say.heading("Initializing P and Q")
say.paragraph(
  "Matrix factorization gives every viewer a row of \(settings.factors) hidden numbers (the matrix "
    + "P) and every movie a row of \(settings.factors) (the matrix Q). Training starts them at "
    + "random: uniform in [0, 1), P first and then Q, as np.random.rand draws them. Our generator "
    + "is numpy's own Mersenne Twister, so with --seed \(settings.common.seed) these are exactly "
    + "the numbers Python prints after np.random.seed(\(settings.common.seed)).")
var random = NumpyRandom(seed: settings.common.seed)
let model = MatrixFactorization(
  users: sample.userCount, items: sample.itemCount, factors: settings.factors, random: &random)
say.matrix(model.P, label: "User-Feature Matrix (P) shape: \(model.P.shape)")
say.matrix(model.Q, label: "Movie-Feature Matrix (Q) shape: \(model.Q.shape)")
say.paragraph(
  "These numbers mean nothing yet: P·Qᵀ predicts \(fixed(model.predict(user: 0, item: 0), 2)) "
    + "stars for Alice and The Action Hero, which she rated 5. Training, in chapter-basic-mf, "
    + "nudges them until the products match the known ratings.")

// MARK: - Charts

say.pauseIfRequested(settings.common.pauses)
charts.write(
  Figures.heatmap(sample, title: "The listing's sample: five viewers, four movies"),
  named: "ratings-matrix.svg")
charts.write(
  Figures.heatmap(table, title: "Section 4's user–item table: the gaps are what we predict"),
  named: "sparse-matrix.svg")
charts.write(
  Figures.histogram(sampleStats, title: "How the listing's 20 ratings are spread"),
  named: "rating-distribution.svg")
charts.writeAll(reportingTo: say)

// MARK: - What to try next

say.pauseIfRequested(settings.common.pauses)
say.heading("Try next")
say.bullets([
  "swift run \(info.command) --seed 7: other starting numbers, the same as the listing's "
    + "after np.random.seed(7)",
  "swift run \(info.command) --factors 3: P and Q grow a third column",
  "swift run chapter-neighbours: predict a rating from similar titles and viewers (sections 1 "
    + "and 2)",
  "swift run chapter-basic-mf: train P and Q on the ratings",
])

/// "2.25 stars (Eve) to 3.25 (Alice and Bob)": the lowest and highest value with every name
/// that shares it, so ties are not hidden.
func extremes(_ values: [Double], names: [String]) -> String {
  func holders(_ value: Double) -> String {
    let who = names.indices.filter { values[$0] == value }.map { names[$0] }
    return who.count == 1 ? who[0] : who.dropLast().joined(separator: ", ") + " and " + who.last!
  }
  let low = values.min()!
  let high = values.max()!
  return "\(fixed(low, 2)) stars (\(holders(low))) to \(fixed(high, 2)) (\(holders(high)))"
}
