/// Colours for charts: the Okabe–Ito palette, distinguishable with the common forms of colour
/// blindness, plus the neutral greys used for text, axes and gridlines.
public enum ChartPalette {
  public static let blue = "#0072B2"
  public static let orange = "#E69F00"
  public static let bluishGreen = "#009E73"
  public static let vermillion = "#D55E00"
  public static let reddishPurple = "#CC79A7"
  public static let skyBlue = "#56B4E9"
  public static let yellow = "#F0E442"
  public static let black = "#000000"

  /// The Okabe–Ito colours in the order series use them: strong, well-separated hues first,
  /// yellow (low contrast on white) late.
  public static let okabeIto: [String] = [
    blue, orange, bluishGreen, vermillion, reddishPurple, skyBlue, yellow, black,
  ]

  /// The colour for the series or group at `index`, cycling through `okabeIto`.
  public static func color(at index: Int) -> String {
    okabeIto[((index % okabeIto.count) + okabeIto.count) % okabeIto.count]
  }

  /// Titles and the strongest text.
  static let text = "#1a1a1a"
  /// Tick labels, subtitles, legend text: still 7:1 contrast on white.
  static let secondaryText = "#4d4d4d"
  /// Axis lines and the zero line.
  static let axis = "#333333"
  /// Major gridlines: visible, but quieter than any data.
  static let grid = "#e3e3e3"
  /// Minor gridlines of log axes.
  static let minorGrid = "#f1f1f1"
  /// Fill of an empty (missing) heatmap cell.
  static let missingFill = "#f4f4f4"
  /// The hatch strokes over a missing cell.
  static let missingHatch = "#c8c8c8"
}
