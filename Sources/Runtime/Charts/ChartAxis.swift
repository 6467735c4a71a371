// Copyright © 2026 the ssl authors.

/// One laid-out axis: its data range, step, and ticks with pixel positions and labels.
public struct ChartAxis: Hashable, Sendable {
  /// The data range the axis spans (for a category axis, `0...count`).
  public var range: ClosedRange<Double>
  /// The tick step, or `nil` on a category axis.
  public var step: Double?
  /// The ticks in axis order.
  public var ticks: [Tick]

  /// One tick: a data value (or category), its pixel position and its label.
  public struct Tick: Hashable, Sendable {
    /// The data value, or `nil` for a category.
    public var value: Double?
    /// The pixel position along the axis (x for the x axis, y for the y axis).
    public var position: Double
    /// The label text and where it sits.
    public var label: ChartText
    /// Whether a grid line runs across the plot at this tick.
    public var grid: Bool

    /// Creates a tick.
    ///
    /// - Parameters:
    ///   - value: The data value, or `nil`.
    ///   - position: The pixel position.
    ///   - label: The placed label.
    ///   - grid: Whether to draw a grid line.
    public init(value: Double?, position: Double, label: ChartText, grid: Bool) {
      self.value = value
      self.position = position
      self.label = label
      self.grid = grid
    }
  }

  /// Creates an axis.
  ///
  /// - Parameters:
  ///   - range: The data range.
  ///   - step: The tick step, or `nil`.
  ///   - ticks: The ticks.
  public init(range: ClosedRange<Double>, step: Double?, ticks: [Tick]) {
    self.range = range
    self.step = step
    self.ticks = ticks
  }
}
