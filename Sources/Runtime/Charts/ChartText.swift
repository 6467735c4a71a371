// Copyright © 2026 the ssl authors.

import Foundation

/// A piece of text placed on the chart: its centre, size, rotation and bounding box.
///
/// The text's own (unrotated) box is `textWidth × textHeight`, centred on `center` and turned
/// counter-clockwise by `angle` degrees about that centre. `box` is the axis-aligned box around
/// the turned text, which is what overlap checks and snapshots use. The renderer finds the
/// baseline from the font's real ascent, so layout never needs it.
public struct ChartText: Hashable, Sendable {
  /// The string.
  public var text: String
  /// The centre of the text's box.
  public var center: ChartPoint
  /// The font size in pixels (the em height).
  public var fontSize: Double
  /// Whether the bold face is used.
  public var bold: Bool
  /// The counter-clockwise rotation in degrees (0, 45 or 90 here).
  public var angle: Double
  /// The measured width of the unrotated text.
  public var textWidth: Double
  /// The measured line height of the unrotated text.
  public var textHeight: Double
  /// The role, which picks the colour.
  public var role: Role

  /// What the text is for; the renderer colours by role.
  public enum Role: String, Hashable, Sendable {
    /// The chart title.
    case title
    /// An axis title.
    case axisTitle
    /// A tick or category label.
    case tick
    /// A scatter point's label.
    case pointLabel
    /// The boxed annotation such as `r = 0.93`.
    case annotation
    /// A legend entry.
    case legend
  }

  /// Creates a placed text.
  ///
  /// - Parameters:
  ///   - text: The string.
  ///   - center: The centre of its box.
  ///   - size: The measured unrotated size.
  ///   - fontSize: The font size in pixels.
  ///   - bold: Whether it is bold.
  ///   - angle: The counter-clockwise rotation in degrees.
  ///   - role: What the text is for.
  public init(
    _ text: String, center: ChartPoint, size: (width: Double, height: Double), fontSize: Double,
    bold: Bool = false, angle: Double = 0, role: Role
  ) {
    self.text = text
    self.center = center
    self.fontSize = fontSize
    self.bold = bold
    self.angle = angle
    self.textWidth = size.width
    self.textHeight = size.height
    self.role = role
  }

  /// The axis-aligned bounding box of the rotated text.
  public var box: ChartRect {
    let size = Self.rotatedSize(width: textWidth, height: textHeight, angle: angle)
    return ChartRect(center: center, width: size.width, height: size.height)
  }

  /// The size of the axis-aligned box around a `width × height` box turned by `angle` degrees.
  ///
  /// - Parameters:
  ///   - width: The unrotated width.
  ///   - height: The unrotated height.
  ///   - angle: The rotation in degrees.
  /// - Returns: The bounding box size.
  public static func rotatedSize(width: Double, height: Double, angle: Double) -> (
    width: Double, height: Double
  ) {
    let radians = angle * Double.pi / 180
    let c = abs(cos(radians))
    let s = abs(sin(radians))
    return (width * c + height * s, width * s + height * c)
  }
}
