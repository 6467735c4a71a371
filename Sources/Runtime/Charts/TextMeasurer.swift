// Copyright © 2026 the ssl authors.

/// Measures text so layout can size margins and keep labels apart.
///
/// `width` is the ink advance of the whole string. `height` is the font's line height at that
/// size (ascender to descender), the same for every string, so labels on one row line up.
/// ``ApproximateTextMeasurer`` gives deterministic metrics for snapshot tests;
/// the renderer measures with FreeType through libgd.
public protocol TextMeasurer {
  /// The size of `text` set in the chart font.
  ///
  /// - Parameters:
  ///   - text: The string.
  ///   - pointSize: The font size in pixels (the em height).
  ///   - bold: Whether the bold face is used.
  /// - Returns: The width and line height in pixels.
  func size(of text: String, pointSize: Double, bold: Bool) -> (width: Double, height: Double)
}
