import Foundation

/// A colour in sRGB with components in 0…1.
struct RGBColor: Equatable {
  var red: Double
  var green: Double
  var blue: Double

  /// From "#RRGGBB".
  init(hex: String) {
    let digits = Array(hex.dropFirst())
    func component(_ offset: Int) -> Double {
      Double(Int(String(digits[offset..<(offset + 2)]), radix: 16) ?? 0) / 255
    }
    self.init(red: component(0), green: component(2), blue: component(4))
  }

  init(red: Double, green: Double, blue: Double) {
    self.red = red
    self.green = green
    self.blue = blue
  }

  /// "#RRGGBB", each component rounded to the nearest of 256 levels.
  var hex: String {
    let components = [red, green, blue].map { Int((min(1, max(0, $0)) * 255).rounded()) }
    return "#"
      + components.map { component in
        let text = String(component, radix: 16, uppercase: false)
        return text.count == 1 ? "0" + text : text
      }.joined()
  }

  /// The point `fraction` of the way from `self` to `other`.
  func interpolated(to other: RGBColor, fraction: Double) -> RGBColor {
    RGBColor(
      red: red + (other.red - red) * fraction, green: green + (other.green - green) * fraction,
      blue: blue + (other.blue - blue) * fraction)
  }

  /// WCAG relative luminance: 0 for black, 1 for white.
  var relativeLuminance: Double {
    func linear(_ channel: Double) -> Double {
      channel <= 0.03928 ? channel / 12.92 : pow((channel + 0.055) / 1.055, 2.4)
    }
    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
  }

  /// WCAG contrast ratio between two colours, from 1 (none) to 21 (black on white).
  func contrastRatio(with other: RGBColor) -> Double {
    let (lighter, darker) = (
      max(relativeLuminance, other.relativeLuminance),
      min(relativeLuminance, other.relativeLuminance)
    )
    return (lighter + 0.05) / (darker + 0.05)
  }
}

/// A sequential or diverging colour scale for heatmaps, chosen to stay readable with colour
/// blindness and in greyscale (lightness changes steadily along each map).
public enum ColorMap: Sendable, Equatable {
  /// Light to dark blue (ColorBrewer "Blues" without its near-white first step, so the lowest
  /// cells still read as filled): calm, and high values stand out as dark.
  case blues
  /// Dark purple through teal to yellow (matplotlib's viridis): the most hues, still ordered.
  case viridis
  /// Red through near-white to blue (ColorBrewer "RdBu"), for values around zero such as
  /// latent factors; the range is made symmetric about 0.
  case diverging

  /// The colour stops from low (0) to high (1), evenly spaced.
  private var stops: [String] {
    switch self {
    case .blues:
      [
        "#deebf7", "#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#08519c",
        "#08306b",
      ]
    case .viridis:
      [
        "#440154", "#482475", "#414487", "#355f8d", "#2a788e", "#21918c", "#22a884", "#44bf70",
        "#7ad151", "#bddf26", "#fde725",
      ]
    case .diverging:
      [
        "#b2182b", "#d6604d", "#f4a582", "#fddbc7", "#f7f7f7", "#d1e5f0", "#92c5de", "#4393c3",
        "#2166ac",
      ]
    }
  }

  /// The colour at `fraction` (clamped to 0…1) along the map, as "#rrggbb".
  public func color(at fraction: Double) -> String {
    rgb(at: fraction).hex
  }

  /// Dark text on light cells and white text on dark ones, whichever contrasts more.
  public func textColor(at fraction: Double) -> String {
    let background = rgb(at: fraction)
    let dark = RGBColor(hex: ChartPalette.text)
    let white = RGBColor(red: 1, green: 1, blue: 1)
    return background.contrastRatio(with: white) > background.contrastRatio(with: dark)
      ? "#ffffff" : ChartPalette.text
  }

  /// `<stop>` elements for an SVG linear gradient running low to high.
  var gradientStops: [String] {
    stops.enumerated().map { index, color in
      let offset = SVGNumber.coordinate(Double(index) / Double(stops.count - 1) * 100)
      return "<stop offset=\"\(offset)%\" stop-color=\"\(RGBColor(hex: color).hex)\"/>"
    }
  }

  private func rgb(at fraction: Double) -> RGBColor {
    let clamped = fraction.isFinite ? min(1, max(0, fraction)) : 0
    let position = clamped * Double(stops.count - 1)
    let lower = min(Int(position), stops.count - 2)
    return RGBColor(hex: stops[lower]).interpolated(
      to: RGBColor(hex: stops[lower + 1]), fraction: position - Double(lower))
  }
}
