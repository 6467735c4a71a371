// Copyright © 2026 the ssl authors.

/// Grouped bars: one group per category, one bar per series, with an optional legend.
///
/// Negative values hang below a zero line. NaN values (a missing result) leave a gap.
public struct BarChartSpec: Sendable {
  /// The category names along the x axis, rotated 45° when they do not fit side by side.
  public var categories: [String]
  /// The series; each holds one value per category. More than one series adds a legend.
  public var series: [BarSeries]
  /// The y-axis range; `nil` chooses one from the data that always includes 0.
  public var yRange: ClosedRange<Double>?

  /// Creates a bar chart spec.
  ///
  /// - Parameters:
  ///   - categories: The category names.
  ///   - series: The series of values.
  ///   - yRange: A fixed y range, or `nil` for automatic.
  public init(categories: [String], series: [BarSeries], yRange: ClosedRange<Double>? = nil) {
    self.categories = categories
    self.series = series
    self.yRange = yRange
  }
}
