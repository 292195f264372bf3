// swift-tools-version: 6.0
// The Swift companion to the blog post "Netflix Recommendations Mastery": a recommender library
// that follows the blog, two small kits beside it, and one walkthrough executable per blog
// section. No package dependencies: Foundation, Dispatch and the toolchain's test libraries.
//
//   Recommender   data → model → training → evaluation → recommendation (what the blog teaches)
//   ChartKit      SVG line, bar, scatter and heatmap charts and box diagrams; knows nothing of
//                 recommenders
//   LookupTiming  the hash-table sidebar's benchmark harness: workloads, samples, scaling
//   ChapterKit    flags, usage, narration, tables, exit statuses, charts into assets/
//   chapter-*     one executable per blog section, over all four
import Foundation
import PackageDescription

/// Target name = folder name = command, in blog order.
let chapters = [
  "chapter-data-setup",
  "chapter-neighbours",
  "chapter-basic-mf",
  "chapter-biases",
  "chapter-regularization",
  "chapter-hash-tables",
  "chapter-complete-demo",
  "chapter-neural-cf",
  "chapter-discovery",
  "chapter-real-time",
  "chapter-at-scale",
  "chapter-ab-testing",
  "chapter-visualizer",
]

/// Debug builds carry no debug information: on two cores it is a fifth of a clean build's
/// time, and the test suite's budget is two minutes from a clean clone. The frontend flag,
/// because SwiftPM's own `-g` comes after any `-gnone` given to the driver. To step through
/// the code in a debugger, build with `DEBUG_INFO=1 swift build`.
let withoutDebugInfo: [String] =
  ProcessInfo.processInfo.environment["DEBUG_INFO"] == "1" ? [] : ["-Xfrontend", "-gnone"]
let debugBuild: [SwiftSetting] = [.unsafeFlags(withoutDebugInfo, .when(configuration: .debug))]

let package = Package(
  name: "NetflixRecommendations",
  platforms: [.macOS(.v13)],
  targets: [
    // The recommender: what the blog teaches. Optimised in debug builds too: every chapter, test
    // and workshop run spends its time in its loops, which unoptimised run several times slower,
    // and over a hundred times at k ≥ 16 (generic code is not specialised at -Onone). -O changes
    // no result: Swift neither reorders nor fuses floating-point arithmetic, and the tests pin
    // the listings' digits. Whole-module: one optimiser pass instead of one per batch of files
    // (41 s of CPU instead of 54 s on two cores), leaving the other core to the targets beside it;
    // and the module file written by that pass rather than by a second job beside it, which
    // nothing waits for (12 s of CPU less in a clean build).
    .target(
      name: "Recommender",
      swiftSettings: [
        .unsafeFlags(
          [
            "-O", "-wmo", "-num-threads", "2", "-disable-batch-mode",
            "-no-emit-module-separately-wmo",
          ]
            + withoutDebugInfo,
          .when(configuration: .debug))
      ]),
    // Beside it: charts, the lookup-timing harness, and what every chapter executable shares
    .target(name: "ChartKit", swiftSettings: debugBuild),
    .target(name: "LookupTiming", dependencies: ["Recommender"], swiftSettings: debugBuild),
    .target(
      name: "ChapterKit", dependencies: ["Recommender", "ChartKit"], swiftSettings: debugBuild),
  ]
    // Chapters, in blog order
    + chapters.map { name in
      .executableTarget(
        name: name, dependencies: ["Recommender", "ChartKit", "LookupTiming", "ChapterKit"],
        path: "Chapters/\(name)", swiftSettings: debugBuild)
    }
    // Tests, one target per library, and the chapters run as processes
    + [
      .testTarget(
        name: "RecommenderTests", dependencies: ["Recommender"], swiftSettings: debugBuild),
      .testTarget(name: "ChartKitTests", dependencies: ["ChartKit"], swiftSettings: debugBuild),
      .testTarget(
        name: "LookupTimingTests", dependencies: ["LookupTiming"], swiftSettings: debugBuild),
      .testTarget(name: "ChapterKitTests", dependencies: ["ChapterKit"], swiftSettings: debugBuild),
      // Runs each chapter as a process, so it depends on every chapter being built.
      .testTarget(
        name: "ChapterTests",
        dependencies: chapters.map { .target(name: $0) } + [
          "LookupTiming", "Recommender", "ChapterKit",
        ],
        exclude: ["Snapshots"], swiftSettings: debugBuild),
    ],
  swiftLanguageModes: [.v6]
)
