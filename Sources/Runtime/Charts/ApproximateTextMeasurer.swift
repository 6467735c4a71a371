// Copyright © 2026 the ssl authors.

/// Deterministic DejaVu-Sans-like text metrics that need no font files and no libgd.
///
/// Each character gets a fixed advance in ems, close to DejaVu Sans (digits 0.64, lower case
/// about 0.6, capitals about 0.7, narrow punctuation 0.32); bold is 8% wider. Line height is
/// 1.17 em, DejaVu's ascender plus descender. The numbers only need to be plausible and stable:
/// layout snapshots are recorded with them.
public struct ApproximateTextMeasurer: TextMeasurer, Sendable {
  /// Creates the measurer.
  public init() {}

  /// The approximate size of `text`.
  ///
  /// - Parameters:
  ///   - text: The string.
  ///   - pointSize: The font size in pixels.
  ///   - bold: Whether the bold face is used.
  /// - Returns: The width and line height in pixels.
  public func size(of text: String, pointSize: Double, bold: Bool) -> (
    width: Double, height: Double
  ) {
    var ems = 0.0
    for scalar in text.unicodeScalars {
      ems += Self.advance(of: scalar)
    }
    let width = ems * pointSize * (bold ? 1.08 : 1)
    return ((width * 10).rounded() / 10, ((1.17 * pointSize) * 10).rounded() / 10)
  }

  /// The advance of one character in ems.
  static func advance(of scalar: Unicode.Scalar) -> Double {
    switch scalar {
    case " ", ".", ",", ":", ";", "'", "|", "!", "i", "j", "l", "I": return 0.32
    case "(", ")", "[", "]", "-", "f", "t", "r": return 0.40
    case "m", "w", "M", "W", "%": return 0.95
    case "0"..."9", "=", "+", "\u{2212}", "<", ">": return 0.64
    case "A"..."Z": return 0.70
    default: return 0.60
    }
  }
}
