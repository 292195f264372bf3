/// A chart's title and optional subtitle, left-aligned at the top and wrapped to the width.
struct ChartHeader {
  static let padding = 20.0

  let titleLines: [String]
  let subtitleLines: [String]

  init(title: String, subtitle: String?, width: Double) {
    let available = width - 2 * Self.padding
    titleLines = LabelWrapping.lines(
      title, maximumWidth: available, fontSize: ChartTypography.titleSize, bold: true)
    subtitleLines =
      subtitle.map {
        LabelWrapping.lines($0, maximumWidth: available, fontSize: ChartTypography.subtitleSize)
      } ?? []
  }

  private var titleBaseline: Double { Self.padding + ChartTypography.titleSize * 0.8 }

  private var subtitleBaseline: Double {
    titleBaseline + Double(titleLines.count - 1) * ChartTypography.titleSize
      * ChartTypography.lineHeight + ChartTypography.subtitleSize + 8
  }

  /// Distance from the top of the chart to the bottom of the last header line.
  var height: Double {
    if subtitleLines.isEmpty {
      return titleBaseline + Double(titleLines.count - 1) * ChartTypography.titleSize
        * ChartTypography.lineHeight + 5
    }
    return subtitleBaseline + Double(subtitleLines.count - 1) * ChartTypography.subtitleSize
      * ChartTypography.lineHeight + 4
  }

  func draw(into canvas: inout SVGCanvas) {
    canvas.text(
      lines: titleLines, x: Self.padding, y: titleBaseline, size: ChartTypography.titleSize,
      fill: ChartPalette.text, bold: true)
    if !subtitleLines.isEmpty {
      canvas.text(
        lines: subtitleLines, x: Self.padding, y: subtitleBaseline,
        size: ChartTypography.subtitleSize, fill: ChartPalette.secondaryText)
    }
  }
}
