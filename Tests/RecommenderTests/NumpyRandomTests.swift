import Testing

@testable import Recommender

@Suite("NumpyRandom reproduces numpy's legacy generator")
struct NumpyRandomTests {
  @Test("seed 42 gives np.random.rand()'s first four values")
  func seed42Vector() {
    var random = NumpyRandom(seed: 42)
    let values = (0..<4).map { _ in random.nextDouble() }
    #expect(
      values == [0.3745401188473625, 0.9507143064099162, 0.7319939418114051, 0.5986584841970366])
  }

  @Test("seed 7 continues past one twist of the state (700 draws)")
  func seed7AfterTwist() {
    // python3 -c "import numpy as np; np.random.seed(7); print(repr(np.random.rand(700)[-1]))"
    var random = NumpyRandom(seed: 7)
    var last = 0.0
    for _ in 0..<700 { last = random.nextDouble() }
    #expect(last == 0.33871568992326884)
  }

  @Test("standard normal draws match np.random.standard_normal for seed 3")
  func gaussianSeed3() {
    // python3 -c "import numpy as np; np.random.seed(3); print(np.random.standard_normal(3).tolist())"
    var random = NumpyRandom(seed: 3)
    let values = (0..<3).map { _ in random.nextGaussian() }
    #expect(values == [1.7886284734303186, 0.43650985051198943, 0.09649746807200862])
  }

  @Test("shuffle matches np.random.shuffle for seed 5")
  func shuffleSeed5() {
    // python3 -c "import numpy as np; np.random.seed(5); a=list(range(10)); np.random.shuffle(a); print(a)"
    var random = NumpyRandom(seed: 5)
    var values = Array(0..<10)
    random.shuffle(&values)
    #expect(values == [9, 5, 2, 4, 7, 1, 0, 8, 6, 3])
  }

  @Test("a shuffle of 2,000 elements, several twists long, matches np.random.shuffle for seed 7")
  func longShuffleSeed7() {
    // python3 -c "import numpy as np; np.random.seed(7); a=list(range(2000));
    //   np.random.shuffle(a); print(a[:5], a[-5:])"
    var random = NumpyRandom(seed: 7)
    var values = Array(0..<2_000)
    random.shuffle(&values)
    #expect(Array(values.prefix(5)) == [1072, 1048, 204, 694, 1758])
    #expect(Array(values.suffix(5)) == [1603, 502, 537, 1220, 175])
  }
}
