import Recommender
import Testing

@testable import ChapterKit

/// Expected strings are numpy 2.4's own output, pasted from the command in each comment.
@Suite("Format: numpy-style arrays")
struct FormatNumpyTests {
  @Test("np.random.seed(42); np.random.rand(2, 2) prints to 8 decimals")
  func seed42() {
    // python3 -c "import numpy as np; np.random.seed(42); print(np.random.rand(2,2))"
    let m = Matrix([
      [0.3745401188473625, 0.9507143064099162], [0.7319939418114051, 0.5986584841970366],
    ])
    #expect(NumberFormat.numpyStyle(m) == "[[0.37454012 0.95071431]\n [0.73199394 0.59865848]]")
  }

  @Test("negatives widen the column and shorter fractions pad on the right")
  func negatives() {
    // python3 -c "import numpy as np; print(np.array([[0.5, -0.25], [-1.0, 2.0]]))"
    let m = Matrix([[0.5, -0.25], [-1.0, 2.0]])
    #expect(NumberFormat.numpyStyle(m) == "[[ 0.5  -0.25]\n [-1.    2.  ]]")
  }

  @Test("values of 10 and more align on the decimal point")
  func large() {
    // python3 -c "import numpy as np; print(np.array([[12.5, 3.0], [0.75, 100.0]]))"
    let m = Matrix([[12.5, 3.0], [0.75, 100.0]])
    #expect(NumberFormat.numpyStyle(m) == "[[ 12.5    3.  ]\n [  0.75 100.  ]]")
  }

  @Test("whole-number floats print with a bare point, like 5.")
  func wholeNumbers() {
    // python3 -c "import numpy as np; print(np.array([[5.0, 4.0], [3.0, 1.0]]))"
    #expect(NumberFormat.numpyStyle(Matrix([[5, 4], [3, 1]])) == "[[5. 4.]\n [3. 1.]]")
  }

  @Test("a value below 1e-4 switches the whole array to scientific notation")
  func scientific() {
    // python3 -c "import numpy as np; print(np.array([[1e-5, 1.0], [0.5, 2.0]]))"
    let m = Matrix([[1e-5, 1.0], [0.5, 2.0]])
    #expect(NumberFormat.numpyStyle(m) == "[[1.e-05 1.e+00]\n [5.e-01 2.e+00]]")
  }

  @Test("a row wider than 75 columns wraps with a two-space indent")
  func wrapping() {
    // python3 -c "import numpy as np; print(np.arange(1, 13, dtype=float).reshape(1, 12) / 7)"
    let m = Matrix([(1...12).map { Double($0) / 7 }])
    #expect(
      NumberFormat.numpyStyle(m) == """
        [[0.14285714 0.28571429 0.42857143 0.57142857 0.71428571 0.85714286
          1.         1.14285714 1.28571429 1.42857143 1.57142857 1.71428571]]
        """)
  }

  @Test("nan takes the width of the other numbers")
  func notANumber() {
    // python3 -c "import numpy as np; print(np.array([[float('nan'), 1.5]]))"
    #expect(NumberFormat.numpyStyle(Matrix([[.nan, 1.5]])) == "[[nan 1.5]]")
  }

  @Test("more than 1000 entries show the first and last three rows")
  func summarized() {
    // python3 -c "import numpy as np; print((np.arange(1200, dtype=float).reshape(400, 3) + 8) / 8)"
    // Spelled-out closure types: inferred, this one line took the compiler 12 s to type-check.
    let m = Matrix(
      (0..<400).map { (row: Int) -> [Double] in
        (0..<3).map { (column: Int) -> Double in Double(row * 3 + column + 8) / 8 }
      })
    #expect(
      NumberFormat.numpyStyle(m) == """
        [[  1.      1.125   1.25 ]
         [  1.375   1.5     1.625]
         [  1.75    1.875   2.   ]
         ...
         [149.875 150.    150.125]
         [150.25  150.375 150.5  ]
         [150.625 150.75  150.875]]
        """)
  }

  @Test("a 1-D array prints on one bracketed line")
  func vector() {
    // python3 -c "import numpy as np; print(np.array([0.21, -0.37, 0.0]))"
    #expect(NumberFormat.numpyStyle([0.21, -0.37, 0.0]) == "[ 0.21 -0.37  0.  ]")
  }

  @Test("an empty array prints as []")
  func empty() {
    // python3 -c "import numpy as np; print(np.zeros((0, 2)))"
    #expect(NumberFormat.numpyStyle(Matrix(rows: 0, columns: 2)) == "[]")
  }
}
