import Testing

@testable import Recommender

@Suite("Pieces of the complete demo")
struct DemoPiecesTests {
  @Test("a dataset slice keeps the chosen viewers and titles in the order given, and their ratings")
  func slice() {
    let slice = BlogSamples.sparseTable.slice(users: [3, 0], items: [2, 0, 1])
    #expect(slice.userNames == ["David", "Alice"])
    #expect(slice.itemNames == ["Movie C", "Movie A", "Movie B"])
    #expect(slice.grid == [[3, nil, 5], [4, 5, nil]])
  }

  @Test("a submatrix keeps the chosen rows and a range of columns")
  func submatrix() {
    let matrix = Matrix([[1, 2, 3], [4, 5, 6], [7, 8, 9]])
    #expect(matrix.submatrix(rows: [2, 0], columns: 1..<3) == Matrix([[8, 9], [2, 3]]))
  }

  @Test("predictions for a slice are the model's predictions cell by cell")
  func predictionsSlice() {
    let model = MatrixFactorization(P: Matrix([[1, 2], [3, 4]]), Q: Matrix([[1, 0], [0, 1]]))
    #expect(model.predictions(users: [1], items: [1, 0]) == Matrix([[4, 3]]))
  }

  @Test("the model table prints MAE and RMSE to three decimals, one row per model")
  func modelTable() {
    let metrics = ErrorMetrics(absoluteSum: 1, squareSum: 2, count: 2)
    let text = ModelScore.table([ModelScore(name: "Mean", train: metrics, test: metrics)])
      .rendered()
    let row = text.split(separator: "\n").last!.split(separator: " ").map(String.init)
    #expect(row == ["Mean", "0.500", "1.000", "0.500", "1.000"])
  }

  @Test("the progress bar fills in proportion and counts the units")
  func progressBar() {
    let bar = ProgressBar(total: 4, unit: "epochs", isVisible: false)
    #expect(
      bar.text(done: 1) == "[" + String(repeating: "█", count: 7)
        + String(repeating: "·", count: 23) + "] 1/4 epochs")
    #expect(bar.text(done: 4, label: "MF").hasSuffix("] 4/4 epochs  MF"))
  }

  @Test("the catalogue's slice is the blog's five viewers, its four movies and two cartoons")
  func catalogueSlice() {
    let data = DemoData(catalogueSeed: 42)
    let slice = data.readableSlice(statistics: DatasetStatistics(data.dataset))
    #expect(slice.users == [0, 1, 2, 3, 4])
    #expect(slice.items.prefix(4) == [0, 1, 2, 3])
    #expect(slice.items.dropFirst(4).allSatisfy { data.genre(ofItem: $0) == "Animation" })
  }

  @Test("a title needs 20 ratings to be suggested, or the median count when that is lower")
  func minimumRatings() {
    let data = DemoData(catalogueSeed: 42)
    #expect(data.minimumRatings(DatasetStatistics(data.dataset)) == 20)
    let sparse = DatasetStatistics(BlogSamples.sparseTable)  // counts 2, 3, 2, 2
    #expect(data.minimumRatings(sparse) == 2)
  }

  @Test("a viewer's favourite rated title is the highest rated, the first of equals")
  func favouriteRated() {
    let data = DemoData(catalogueSeed: 42)
    #expect(data.favouriteRated(by: 0, among: [0, 1, 2, 3])?.item == 0)  // Alice: 5, 3, 4, 1
    #expect(data.favouriteRated(by: 4, among: [0, 1, 2, 3])?.item == 0)  // Eve: 3, 1, 3, 2
  }
}

@Suite("Options whose default depends on the data")
struct OptionalOptionsTests {
  struct Settings: ChapterSettings, Equatable {
    var factors: Int?
    var lambda: Double?
    var format: RatingsFileFormat?
    static var options: [ChapterOption<Settings>] {
      [
        .integer("--factors", \.factors, atLeast: 1, help: "k", whenAbsent: "5; 100 with data"),
        .double("--lambda", \.lambda, .positive, help: "λ", whenAbsent: "0.1"),
        .choice("--format", \.format, help: "layout", whenAbsent: "detected"),
      ]
    }
  }

  static func parsed(_ arguments: [String]) -> Settings? {
    let result: Result<ParsedCommandLine<Settings>, ChapterError> = parse(
      arguments, info: sampleInfo)
    guard case .success(.run(let settings)) = result else { return nil }
    return settings
  }

  @Test("absent flags leave nil; given ones set the value")
  func values() {
    #expect(Self.parsed([]) == Settings())
    #expect(
      Self.parsed(["--factors", "7", "--lambda", "0.5", "--format", "csv"])
        == Settings(factors: 7, lambda: 0.5, format: .csv))
  }

  @Test("out-of-range values are refused")
  func refused() {
    #expect(Self.parsed(["--factors", "0"]) == nil)
    #expect(Self.parsed(["--lambda", "-1"]) == nil)
    #expect(Self.parsed(["--format", "xml"]) == nil)
  }

  @Test("the help shows what happens without the flag")
  func help() {
    let usage = sampleInfo.usage(for: Settings.self)
    #expect(usage.contains("(default: 5; 100 with data)"))
    #expect(usage.contains("(default: detected)"))
  }
}
