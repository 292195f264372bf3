// swift-tools-version: 6.0
// The Swift companion to the blog post "Netflix Recommendations Mastery": one small library
// (Sources/Recommender) and one walkthrough executable per blog section (Chapters/chapter-*).
// No package dependencies: Foundation, Dispatch and the toolchain's test libraries only.
import PackageDescription

/// Target name = folder name = command, in blog order.
let chapters = [
  "chapter-data-setup",
  "chapter-basic-mf",
  "chapter-biases",
  "chapter-regularization",
  "chapter-hash-tables",
  "chapter-complete-demo",
]

let package = Package(
  name: "NetflixRecommendations",
  platforms: [.macOS(.v13)],
  targets: [
    // Library
    .target(name: "Recommender", path: "Sources/Recommender")
  ]
    // Chapters, in blog order
    + chapters.map { name in
      .executableTarget(name: name, dependencies: ["Recommender"], path: "Chapters/\(name)")
    }
    // Tests
    + [
      .testTarget(name: "RecommenderTests", dependencies: ["Recommender"]),
      // Runs each chapter as a process, so it depends on every chapter being built.
      .testTarget(
        name: "ChapterTests",
        dependencies: chapters.map { .target(name: $0) },
        exclude: ["Snapshots"]),
    ],
  swiftLanguageModes: [.v6]
)
