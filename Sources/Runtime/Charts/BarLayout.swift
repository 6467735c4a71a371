// Copyright © 2026 the ssl authors.

/// The bar-specific geometry of a ``ChartLayout``: one rectangle per finite value.
public struct BarLayout: Hashable, Sendable {
  /// The bars, category by category, series by series; NaN values have none.
  public var bars: [Bar]
  /// The pixel y of the value 0, where bars start; drawn as a dark line when inside the plot.
  public var zeroY: Double
  /// Whether category labels were rotated 45° because they did not fit side by side.
  public var rotatedLabels: Bool

  /// One bar.
  public struct Bar: Hashable, Sendable {
    /// The category index.
    public var category: Int
    /// The series index, which picks the colour.
    public var series: Int
    /// The value.
    public var value: Double
    /// The bar rectangle in pixels (from the zero line to the value).
    public var rect: ChartRect
    /// The whisker's pixel y range `top...bottom`, or `nil` without an error.
    public var whisker: ClosedRange<Double>?

    /// Creates a bar.
    ///
    /// - Parameters:
    ///   - category: The category index.
    ///   - series: The series index.
    ///   - value: The value.
    ///   - rect: The rectangle.
    ///   - whisker: The whisker's y range.
    public init(
      category: Int, series: Int, value: Double, rect: ChartRect, whisker: ClosedRange<Double>?
    ) {
      self.category = category
      self.series = series
      self.value = value
      self.rect = rect
      self.whisker = whisker
    }
  }

  /// Creates a bar layout.
  ///
  /// - Parameters:
  ///   - bars: The bars.
  ///   - zeroY: The pixel y of zero.
  ///   - rotatedLabels: Whether category labels are rotated.
  public init(bars: [Bar], zeroY: Double, rotatedLabels: Bool) {
    self.bars = bars
    self.zeroY = zeroY
    self.rotatedLabels = rotatedLabels
  }
}
