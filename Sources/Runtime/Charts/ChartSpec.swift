// Copyright © 2026 the ssl authors.

/// What to draw: a scatter with a fitted line, or grouped bars, with titles and a pixel size.
///
/// A spec is plain data. ``ChartLayout/make(_:measurer:)`` turns it into pixel geometry and
/// ``ChartRenderer/writePNG(_:to:)`` draws that geometry through libgd. Callers compute every
/// statistic themselves (the fit line and its band arrive as sampled curves), so this layer never
/// does statistics.
public struct ChartSpec: Sendable {
  /// The image width in pixels; 1600 by default (`plot size=800x600` lowers it).
  public var width = 1600
  /// The image height in pixels; 1200 by default.
  public var height = 1200
  /// An optional bold title centred above the plot.
  public var title: String?
  /// The x-axis title; empty for none (bar charts name their categories instead).
  public var xLabel: String
  /// The y-axis title, drawn rotated along the left edge; empty for none.
  public var yLabel: String
  /// The chart itself.
  public var content: Content

  /// The two kinds of chart.
  public enum Content: Sendable {
    /// A labelled scatter plot with an optional least-squares line and band (Figure 1).
    case scatter(ScatterSpec)
    /// Grouped bars, one group per category and one bar per series (Figure 2, result tables).
    case bars(BarChartSpec)
    /// A reliability diagram (``ReliabilitySpec``) after `eval … calibration`.
    case reliability(ReliabilitySpec)
  }

  /// Creates a spec.
  ///
  /// - Parameters:
  ///   - width: The image width in pixels.
  ///   - height: The image height in pixels.
  ///   - title: An optional title.
  ///   - xLabel: The x-axis title.
  ///   - yLabel: The y-axis title.
  ///   - content: The scatter or bars to draw.
  public init(
    width: Int = 1600, height: Int = 1200, title: String? = nil, xLabel: String,
    yLabel: String, content: Content
  ) {
    self.width = width
    self.height = height
    self.title = title
    self.xLabel = xLabel
    self.yLabel = yLabel
    self.content = content
  }
}
