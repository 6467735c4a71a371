// Copyright © 2026 the ssl authors.

/// The placed marks of a reliability diagram (``ReliabilitySpec``), in pixels.
public struct ReliabilityLayout: Sendable {
  /// One model's polyline and its markers.
  public struct Curve: Sendable {
    /// The series index (its colour and legend entry).
    public var series: Int
    /// The bins drawn, in the order of `points`.
    public var bins: [ReliabilitySpec.Bin]
    /// Marker centres, ascending confidence.
    public var points: [ChartPoint]
    /// Marker radii (area ∝ the bin's image count).
    public var radii: [Double]
  }

  /// The diagonal accuracy = confidence, from (0, 0) to (100, 100) in data units.
  public var diagonal: (from: ChartPoint, to: ChartPoint)
  /// The curves, one per series that has a drawable bin.
  public var curves: [Curve]
  /// The legend index of the diagonal's entry (after the series).
  public var diagonalLegendIndex: Int
}
