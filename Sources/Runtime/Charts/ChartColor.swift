// Copyright © 2026 the ssl authors.

/// An sRGB colour with opacity, plus the chart palette.
///
/// Series colours follow Okabe & Ito (2008), "Color Universal Design": eight hues that stay
/// distinct under the common forms of colour blindness. Greys are for text, grid and frame.
public struct ChartColor: Hashable, Sendable {
  /// Red, 0–255.
  public var red: Int
  /// Green, 0–255.
  public var green: Int
  /// Blue, 0–255.
  public var blue: Int
  /// Opacity from 0 (invisible) to 1 (opaque).
  public var opacity: Double

  /// Creates a colour from a `0xRRGGBB` literal.
  ///
  /// - Parameters:
  ///   - hex: The colour as `0xRRGGBB`.
  ///   - opacity: The opacity, 1 by default.
  public init(hex: Int, opacity: Double = 1) {
    red = (hex >> 16) & 0xFF
    green = (hex >> 8) & 0xFF
    blue = hex & 0xFF
    self.opacity = opacity
  }

  /// The same colour with another opacity.
  ///
  /// - Parameter opacity: The new opacity.
  /// - Returns: The translucent colour.
  public func withOpacity(_ opacity: Double) -> ChartColor {
    var copy = self
    copy.opacity = opacity
    return copy
  }

  /// The colour mixed towards black by `amount` (0 keeps it, 1 is black).
  ///
  /// - Parameter amount: How far to darken.
  /// - Returns: The darker colour.
  public func darkened(by amount: Double) -> ChartColor {
    var copy = self
    copy.red = Int((Double(red) * (1 - amount)).rounded())
    copy.green = Int((Double(green) * (1 - amount)).rounded())
    copy.blue = Int((Double(blue) * (1 - amount)).rounded())
    return copy
  }

  // MARK: - Palette

  /// The Okabe–Ito hues in the order series use them (black is left out; it is the text colour).
  public static let okabeIto: [ChartColor] = [
    ChartColor(hex: 0x0072B2),  // blue
    ChartColor(hex: 0xE69F00),  // orange
    ChartColor(hex: 0x009E73),  // bluish green
    ChartColor(hex: 0xCC79A7),  // reddish purple
    ChartColor(hex: 0x56B4E9),  // sky blue
    ChartColor(hex: 0xD55E00),  // vermillion
    ChartColor(hex: 0xF0E442),  // yellow
  ]

  /// The colour of series `index`; after seven hues the cycle repeats darker.
  ///
  /// - Parameter index: The series index.
  /// - Returns: Its colour.
  public static func series(_ index: Int) -> ChartColor {
    let hue = okabeIto[index % okabeIto.count]
    let round = index / okabeIto.count
    return round == 0 ? hue : hue.darkened(by: min(0.6, 0.35 * Double(round)))
  }

  /// Text and tick marks.
  public static let ink = ChartColor(hex: 0x222222)
  /// The plot frame.
  public static let frame = ChartColor(hex: 0x444444)
  /// Light grid lines.
  public static let grid = ChartColor(hex: 0xE3E3E3)
  /// Leader lines from a displaced label to its point.
  public static let leader = ChartColor(hex: 0x8A8A8A)
  /// The page.
  public static let white = ChartColor(hex: 0xFFFFFF)
}
