// Copyright © 2026 the ssl authors.

/// Real text metrics from FreeType (through ``GDCanvas``), as the renderer draws them.
///
/// Width is the string's ink width; height is the line height of the font at that size
/// (ascender to descender of a reference string), so every label in a row is the same height.
struct FreeTypeTextMeasurer: TextMeasurer {
  /// The font files.
  var fonts: FontLocator.Fonts

  /// The size of `text`, or an approximation if FreeType fails (the draw call reports that).
  func size(of text: String, pointSize: Double, bold: Bool) -> (width: Double, height: Double) {
    let font = bold ? fonts.bold : fonts.regular
    do {
      let line = try GDCanvas.bounds(
        of: GDCanvas.lineReference, pixelSize: pointSize, font: font)
      let own = try GDCanvas.bounds(of: text, pixelSize: pointSize, font: font)
      return (own.right - own.left, line.bottom - line.top)
    } catch {
      return ApproximateTextMeasurer().size(of: text, pointSize: pointSize, bold: bold)
    }
  }
}
