// Copyright © 2026 the ssl authors.

/// A point in image pixels, y growing downwards.
public struct ChartPoint: Hashable, Sendable {
  /// The horizontal position.
  public var x: Double
  /// The vertical position (down is positive).
  public var y: Double

  /// Creates a point.
  ///
  /// - Parameters:
  ///   - x: The horizontal position.
  ///   - y: The vertical position.
  public init(x: Double, y: Double) {
    self.x = x
    self.y = y
  }
}
