// Copyright © 2026 the ssl authors.

/// One scatter point in data coordinates with the text written beside it.
public struct LabeledPoint: Hashable, Sendable {
  /// The x value in data units (for Figure 1, ImageNet top-1 in percent).
  public var x: Double
  /// The y value in data units.
  public var y: Double
  /// The label, usually a model name; empty for none.
  public var label: String

  /// Creates a point.
  ///
  /// - Parameters:
  ///   - x: The x value.
  ///   - y: The y value.
  ///   - label: The text placed beside the marker.
  public init(x: Double, y: Double, label: String) {
    self.x = x
    self.y = y
    self.label = label
  }
}
