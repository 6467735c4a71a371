// Copyright © 2026 the ssl authors.

/// An axis-aligned rectangle in image pixels, y growing downwards.
public struct ChartRect: Hashable, Sendable {
  /// The left edge.
  public var x: Double
  /// The top edge.
  public var y: Double
  /// The width, never negative.
  public var width: Double
  /// The height, never negative.
  public var height: Double

  /// Creates a rectangle from its top-left corner and size.
  ///
  /// - Parameters:
  ///   - x: The left edge.
  ///   - y: The top edge.
  ///   - width: The width.
  ///   - height: The height.
  public init(x: Double, y: Double, width: Double, height: Double) {
    self.x = x
    self.y = y
    self.width = max(0, width)
    self.height = max(0, height)
  }

  /// Creates the rectangle of the given size centred on a point.
  ///
  /// - Parameters:
  ///   - center: The centre.
  ///   - width: The width.
  ///   - height: The height.
  public init(center: ChartPoint, width: Double, height: Double) {
    self.init(x: center.x - width / 2, y: center.y - height / 2, width: width, height: height)
  }

  /// The right edge.
  public var maxX: Double { x + width }
  /// The bottom edge.
  public var maxY: Double { y + height }
  /// The centre point.
  public var center: ChartPoint { ChartPoint(x: x + width / 2, y: y + height / 2) }

  /// Whether the two rectangles share interior area (touching edges do not count).
  ///
  /// - Parameter other: The other rectangle.
  /// - Returns: `true` when the interiors overlap.
  public func intersects(_ other: ChartRect) -> Bool {
    x < other.maxX && other.x < maxX && y < other.maxY && other.y < maxY
  }

  /// The area shared with another rectangle, 0 when disjoint.
  ///
  /// - Parameter other: The other rectangle.
  /// - Returns: The overlap area in square pixels.
  public func overlapArea(_ other: ChartRect) -> Double {
    let w = min(maxX, other.maxX) - max(x, other.x)
    let h = min(maxY, other.maxY) - max(y, other.y)
    return w > 0 && h > 0 ? w * h : 0
  }

  /// Whether `other` lies entirely inside this rectangle (edges included).
  ///
  /// - Parameter other: The rectangle to test.
  /// - Returns: `true` when contained.
  public func contains(_ other: ChartRect) -> Bool {
    other.x >= x - 1e-9 && other.maxX <= maxX + 1e-9 && other.y >= y - 1e-9
      && other.maxY <= maxY + 1e-9
  }

  /// The rectangle shrunk by `amount` on every side (grown when `amount` is negative).
  ///
  /// - Parameter amount: The pixels to take off each side.
  /// - Returns: The inset rectangle.
  public func insetBy(_ amount: Double) -> ChartRect {
    ChartRect(x: x + amount, y: y + amount, width: width - 2 * amount, height: height - 2 * amount)
  }
}
