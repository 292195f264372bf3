/// Font family and sizes shared by every chart, so all figures in the post look alike.
enum ChartTypography {
  /// Helvetica where present (macOS), Arial (same metrics) elsewhere, else any sans-serif.
  static let fontFamily = "Helvetica, Arial, sans-serif"
  static let titleSize = 18.0
  static let subtitleSize = 13.0
  static let axisTitleSize = 13.0
  static let tickLabelSize = 12.0
  static let legendSize = 12.0
  static let valueLabelSize = 12.0
  static let cellValueSize = 13.0
  static let pointLabelSize = 12.0
  /// Distance between baselines of consecutive lines, as a multiple of the font size.
  static let lineHeight = 1.25
}
