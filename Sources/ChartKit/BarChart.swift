/// A bar chart of categories, one bar per group in each: rating histograms, and diverging bars
/// of user and movie biases around a drawn zero line.
public struct BarChart: Sendable {
  public var title: String
  public var subtitle: String?
  /// The SVG `<desc>`: what the chart shows, for readers who cannot see it.
  public var description: String
  /// The title of the axis that lists categories ("Rating (stars)"); may be empty.
  public var categoryAxisTitle: String
  /// The title of the axis that measures values, with units ("Number of ratings").
  public var valueAxisTitle: String
  public var categories: [String]
  public var groups: [BarGroup]
  public var orientation: BarOrientation
  /// Print each bar's value at its end. When any value is negative, positive labels get a "+".
  public var showsValueLabels: Bool
  /// Digits after the decimal point in value labels.
  public var valueDecimals: Int
  /// A colour for bars with negative values (all groups), so direction reads twice; nil keeps
  /// each group's colour.
  public var negativeColor: String?
  public var legendPlacement: LegendPlacement
  public var width: Double
  public var height: Double

  /// - Parameters:
  ///   - categories: Category names, in display order (top to bottom when horizontal).
  ///   - groups: Bars per category; each group's `values` must have one entry per category.
  public init(
    title: String, subtitle: String? = nil, description: String, categoryAxisTitle: String,
    valueAxisTitle: String, categories: [String], groups: [BarGroup],
    orientation: BarOrientation = .vertical, showsValueLabels: Bool = false,
    valueDecimals: Int = 0, negativeColor: String? = nil,
    legendPlacement: LegendPlacement = .automatic, width: Double = 720, height: Double = 440
  ) {
    precondition(
      groups.allSatisfy { $0.values.count == categories.count },
      "every bar group needs one value per category")
    self.title = title
    self.subtitle = subtitle
    self.description = description
    self.categoryAxisTitle = categoryAxisTitle
    self.valueAxisTitle = valueAxisTitle
    self.categories = categories
    self.groups = groups
    self.orientation = orientation
    self.showsValueLabels = showsValueLabels
    self.valueDecimals = valueDecimals
    self.negativeColor = negativeColor
    self.legendPlacement = legendPlacement
    self.width = width
    self.height = height
  }

  /// The chart as a complete SVG document.
  ///
  /// - Complexity: O(categories × groups).
  public func svg() -> String {
    let values = groups.flatMap { group in
      group.values.indices.flatMap { index -> [Double] in
        guard let value = group.values[index], value.isFinite else { return [] }
        // The scale covers each error bar's ends too.
        guard let error = group.error(at: index) else { return [value] }
        return [value, value - error, value + error]
      }
    }
    // First pass: a frame for the bare data. With value labels, stretch the value range by
    // each label's size (in value units) so no label runs past the plot, then lay out again.
    var valueScale = AxisScale(kind: .linear, covering: values, includesZero: true)
    var frame = makeFrame(valueScale: valueScale)
    if showsValueLabels {
      let (length, span) = valueAxisLength(frame: frame, scale: valueScale)
      let labelEnds = groups.flatMap { group in
        group.values.indices.compactMap { index -> Double? in
          guard let value = group.values[index], value.isFinite else { return nil }
          let sign: Double = value < 0 ? -1 : 1
          let end = value + sign * (group.error(at: index) ?? 0)
          return end + sign * labelExtent(for: value) / length * span
        }
      }
      valueScale = AxisScale(kind: .linear, covering: values + labelEnds, includesZero: true)
      frame = makeFrame(valueScale: valueScale)
    }

    var canvas = SVGCanvas(width: width, height: height)
    frame.drawGrid(into: &canvas, drawsBaseline: false)
    drawBars(into: &canvas, frame: frame, scale: valueScale)
    drawZeroLine(into: &canvas, frame: frame, scale: valueScale)
    frame.drawAnnotations(into: &canvas)
    return canvas.document(title: title, description: description)
  }

  // MARK: Layout

  private func makeFrame(valueScale: AxisScale) -> CartesianFrame {
    let showsLegend =
      legendPlacement != .hidden && (groups.count > 1 || legendPlacement != .automatic)
    let legend = ChartLegend(
      entries: groups.enumerated().map { index, group in
        LegendEntry(name: group.name, symbol: .box(color: color(ofGroup: index)))
      })
    let isVertical = orientation == .vertical
    return CartesianFrame(
      width: width, height: height, title: title, subtitle: subtitle,
      xAxisTitle: isVertical ? categoryAxisTitle : valueAxisTitle,
      yAxisTitle: isVertical ? valueAxisTitle : categoryAxisTitle,
      x: isVertical ? .categories(categories) : .numeric(valueScale),
      y: isVertical ? .numeric(valueScale) : .categories(categories),
      legend: showsLegend ? legend : nil, legendPlacement: legendPlacement)
  }

  /// The value axis length in pixels and the value span it covers.
  private func valueAxisLength(frame: CartesianFrame, scale: AxisScale) -> (Double, Double) {
    let ticks = scale.ticks.map(\.value)
    let span = (ticks.last ?? 1) - (ticks.first ?? 0)
    let length = orientation == .vertical ? frame.plot.height : frame.plot.width
    return (length, span == 0 ? 1 : span)
  }

  /// Pixels a value label adds beyond the end of its bar, along the value axis.
  private func labelExtent(for value: Double) -> Double {
    let size = ChartTypography.valueLabelSize
    let textWidth = TextMetrics.width(of: valueLabel(value), fontSize: size)
    switch orientation {
    case .horizontal: return textWidth + 8
    case .vertical: return labelsRunUpward ? textWidth + 8 : size + 6
    }
  }

  /// Whether value labels on vertical bars are turned to read upwards: when the widest label
  /// (with a little room to spare) is wider than a bar's slot, side-by-side labels would run
  /// into each other.
  private var labelsRunUpward: Bool {
    guard orientation == .vertical, showsValueLabels, !categories.isEmpty else { return false }
    let values = groups.flatMap { $0.values.compactMap { $0 } }
    let widest = TextMetrics.maximumWidth(
      of: values.map(valueLabel), fontSize: ChartTypography.valueLabelSize)
    let frame = makeFrame(
      valueScale: AxisScale(kind: .linear, covering: values, includesZero: true))
    let slot = frame.xBandWidth * bandFill / Double(barsPerBand)
    return widest > slot - 6
  }

  private var hasNegativeValues: Bool {
    groups.contains { $0.values.contains { ($0 ?? 0) < 0 } }
  }

  private func valueLabel(_ value: Double) -> String {
    let text = SVGNumber.label(value, decimals: valueDecimals)
    let roundsToZero = text == SVGNumber.label(0, decimals: valueDecimals)
    return hasNegativeValues && value > 0 && !roundsToZero ? "+" + text : text
  }

  /// The most bars any one category shows: groups with no value in a category take no slot,
  /// so user-only and movie-only categories each get one full-width bar.
  private var barsPerBand: Int {
    let counts = categories.indices.map { index in
      groups.filter { $0.values[index]?.isFinite ?? false }.count
    }
    return max(1, counts.max() ?? 1)
  }

  /// The share of a band its bars fill: 70% for single bars, 80% for grouped ones, so
  /// categories stay visibly apart.
  private var bandFill: Double { barsPerBand > 1 ? 0.8 : 0.7 }

  private func color(ofGroup index: Int) -> String {
    groups[index].color ?? ChartPalette.color(at: index)
  }

  // MARK: Drawing

  private func drawBars(into canvas: inout SVGCanvas, frame: CartesianFrame, scale: AxisScale) {
    let isVertical = orientation == .vertical
    let band = isVertical ? frame.xBandWidth : frame.yBandHeight
    let slot = band * bandFill / Double(barsPerBand)
    let thickness = barsPerBand > 1 ? max(1, slot - 2) : slot
    let zero = scale.fraction(of: 0)
    let upwardLabels = labelsRunUpward
    canvas.beginGroup(label: "bars")
    for (categoryIndex, _) in categories.enumerated() {
      // Only groups with a value here take a slot, centred in the band: a user's bias bar
      // sits mid-band even though the movie group has no value for a user.
      let present = groups.indices.filter { groups[$0].values[categoryIndex]?.isFinite ?? false }
      let bandStart = (isVertical ? frame.plot.x : frame.plot.y) + Double(categoryIndex) * band
      let firstSlot = bandStart + (band - slot * Double(present.count)) / 2
      for (position, groupIndex) in present.enumerated() {
        let value = groups[groupIndex].values[categoryIndex]!
        let across = firstSlot + Double(position) * slot + (slot - thickness) / 2
        let fill =
          value < 0 ? (negativeColor ?? color(ofGroup: groupIndex)) : color(ofGroup: groupIndex)
        let end = scale.fraction(of: value)
        if isVertical {
          let top = frame.y(atFraction: max(zero, end))
          let bottom = frame.y(atFraction: min(zero, end))
          canvas.rect(x: across, y: top, width: thickness, height: bottom - top, fill: fill)
          if let error = groups[groupIndex].error(at: categoryIndex) {
            drawWhisker(
              into: &canvas, at: across + thickness / 2,
              from: frame.y(atFraction: scale.fraction(of: value - error)),
              to: frame.y(atFraction: scale.fraction(of: value + error)), cap: thickness / 4,
              isVertical: true)
          }
          if showsValueLabels {
            let size = ChartTypography.valueLabelSize
            let centerX = across + thickness / 2
            // Past the error bar's end, when there is one, so the whisker stays clear.
            let reach =
              groups[groupIndex].error(at: categoryIndex).map { value < 0 ? -$0 : $0 } ?? 0
            let top = frame.y(atFraction: max(zero, scale.fraction(of: value + reach)))
            let bottom = frame.y(atFraction: min(zero, scale.fraction(of: value + reach)))
            if upwardLabels {
              // Reading upwards: a positive label starts just above the bar, a negative one
              // ends just below it.
              canvas.text(
                valueLabel(value), x: centerX + size * 0.35, y: value < 0 ? bottom + 4 : top - 4,
                size: size, fill: ChartPalette.text, anchor: value < 0 ? .end : .start,
                rotation: -90)
            } else {
              canvas.text(
                valueLabel(value), x: centerX, y: value < 0 ? bottom + 4 + size * 0.8 : top - 4,
                size: size, fill: ChartPalette.text, anchor: .middle)
            }
          }
        } else {
          let left = frame.x(atFraction: min(zero, end))
          let right = frame.x(atFraction: max(zero, end))
          canvas.rect(x: left, y: across, width: right - left, height: thickness, fill: fill)
          if let error = groups[groupIndex].error(at: categoryIndex) {
            drawWhisker(
              into: &canvas, at: across + thickness / 2,
              from: frame.x(atFraction: scale.fraction(of: value - error)),
              to: frame.x(atFraction: scale.fraction(of: value + error)), cap: thickness / 4,
              isVertical: false)
          }
          if showsValueLabels {
            let size = ChartTypography.valueLabelSize
            let reach =
              groups[groupIndex].error(at: categoryIndex).map { value < 0 ? -$0 : $0 } ?? 0
            let left = frame.x(atFraction: min(zero, scale.fraction(of: value + reach)))
            let right = frame.x(atFraction: max(zero, scale.fraction(of: value + reach)))
            canvas.text(
              valueLabel(value), x: value < 0 ? left - 4 : right + 4,
              y: across + thickness / 2 + size * 0.35, size: size, fill: ChartPalette.text,
              anchor: value < 0 ? .end : .start)
          }
        }
      }
    }
    canvas.endGroup()
  }

  /// An error bar: a dark line from one end to the other with a short cap at each, across the
  /// bar at `position` (x for vertical bars, y for horizontal ones).
  private func drawWhisker(
    into canvas: inout SVGCanvas, at position: Double, from start: Double, to end: Double,
    cap: Double, isVertical: Bool
  ) {
    func point(along: Double, across: Double) -> CanvasPoint {
      isVertical ? CanvasPoint(x: across, y: along) : CanvasPoint(x: along, y: across)
    }
    canvas.line(
      from: point(along: start, across: position), to: point(along: end, across: position),
      stroke: ChartPalette.text, strokeWidth: 1.5)
    for along in [start, end] {
      canvas.line(
        from: point(along: along, across: position - cap),
        to: point(along: along, across: position + cap), stroke: ChartPalette.text,
        strokeWidth: 1.5)
    }
  }

  /// The zero line every bar starts from, drawn over the bars' ends so it stays crisp.
  private func drawZeroLine(into canvas: inout SVGCanvas, frame: CartesianFrame, scale: AxisScale) {
    let zero = scale.fraction(of: 0)
    canvas.beginGroup(label: "zero-line")
    if orientation == .vertical {
      let y = frame.y(atFraction: zero)
      canvas.line(
        from: CanvasPoint(x: frame.plot.x, y: y), to: CanvasPoint(x: frame.plot.maxX, y: y),
        stroke: ChartPalette.axis, strokeWidth: 1.25)
    } else {
      let x = frame.x(atFraction: zero)
      canvas.line(
        from: CanvasPoint(x: x, y: frame.plot.y), to: CanvasPoint(x: x, y: frame.plot.maxY),
        stroke: ChartPalette.axis, strokeWidth: 1.25)
    }
    canvas.endGroup()
  }
}
