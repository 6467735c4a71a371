// Copyright © 2026 the ssl authors.

import Foundation

/// Font sizes, strokes and spacing, all scaled from the image size.
///
/// At the default 1600×1200 the sizes match a matplotlib figure of 6.4×4.8 in at 250 dpi
/// (10–12 pt text). Smaller images shrink more slowly than the image (`scale^0.75`), so a
/// `800x600` plot keeps text around 16 px instead of an unreadable 12.
public struct ChartStyle: Hashable, Sendable {
  /// `min(width / 1600, height / 1200)`: 1 at the default size.
  public var scale: Double
  /// The scale applied to font sizes, `scale^0.75` (shrinks more slowly than the image).
  public var fontScale: Double

  /// Creates the style for an image size.
  ///
  /// - Parameters:
  ///   - width: The image width in pixels.
  ///   - height: The image height in pixels.
  public init(width: Int, height: Int) {
    scale = min(Double(width) / 1600, Double(height) / 1200)
    fontScale = pow(scale, 0.75)
  }

  // MARK: - Text

  /// The chart title.
  public var titleFont: Double { rounded(42 * fontScale) }
  /// Axis titles.
  public var axisTitleFont: Double { rounded(37 * fontScale) }
  /// Tick and category labels.
  public var tickFont: Double { rounded(32 * fontScale) }
  /// Scatter point labels.
  public var pointLabelFont: Double { rounded(28 * fontScale) }
  /// The corner annotation (`r = 0.93`).
  public var annotationFont: Double { rounded(38 * fontScale) }
  /// Legend entries.
  public var legendFont: Double { rounded(32 * fontScale) }

  // MARK: - Spacing

  /// Blank space at the image edge.
  public var outerPadding: Double { rounded(28 * scale) }
  /// Space between a text and whatever it labels.
  public var gap: Double { rounded(12 * fontScale) }
  /// The length of tick marks outside the frame.
  public var tickLength: Double { rounded(10 * scale) }

  // MARK: - Strokes and marks

  /// The radius of scatter markers.
  public var markerRadius: Double { rounded(11 * fontScale) }
  /// The width of the fit line.
  public var lineWidth: Double { rounded(5 * scale) }
  /// The width of the frame and tick marks.
  public var frameWidth: Double { rounded(2.5 * scale) }
  /// The width of grid lines.
  public var gridWidth: Double { rounded(1.5 * scale) }

  /// Half a pixel precision keeps snapshots short and stable.
  private func rounded(_ value: Double) -> Double { max(1, (value * 2).rounded() / 2) }
}
