// Copyright © 2026 the ssl authors.

/// Why a chart could not be drawn or written.
public enum ChartError: Error, Equatable, Sendable, CustomStringConvertible {
  // MARK: - Input

  /// The spec has nothing to draw; the payload says what is missing.
  case emptyChart(String)
  /// The requested image size is outside `minimumSide...maximumSide`.
  case invalidSize(width: Int, height: Int)

  // MARK: - Fonts

  /// No usable TrueType font was found; `searched` lists every path tried, in order.
  case fontNotFound(searched: [String])
  /// FreeType (through libgd) rejected a font or a string.
  case textRenderingFailed(font: String, reason: String)

  // MARK: - Output

  /// libgd could not encode the image as PNG.
  case encodingFailed(reason: String)
  /// The PNG could not be written to `path`.
  case cannotWrite(path: String, reason: String)
  /// A PNG could not be read back from `path` (test inspection only).
  case cannotRead(path: String, reason: String)

  /// The smallest accepted image side in pixels.
  public static let minimumSide = 200
  /// The largest accepted image side in pixels.
  public static let maximumSide = 10_000

  /// A one-line, human-readable message naming the path or font involved.
  public var description: String {
    switch self {
    case .emptyChart(let what):
      return "nothing to plot: \(what)"
    case .invalidSize(let width, let height):
      return "cannot draw a \(width)×\(height) chart: each side must be between "
        + "\(Self.minimumSide) and \(Self.maximumSide) pixels"
    case .fontNotFound(let searched):
      return "no TrueType font found; set SSL_FONT to a .ttf file (searched: "
        + searched.joined(separator: ", ") + ")"
    case .textRenderingFailed(let font, let reason):
      return "cannot draw text with the font '\(font)': \(reason)"
    case .encodingFailed(let reason):
      return "cannot encode the chart as PNG: \(reason)"
    case .cannotWrite(let path, let reason):
      return "cannot write the chart to '\(path)': \(reason)"
    case .cannotRead(let path, let reason):
      return "cannot read the PNG '\(path)': \(reason)"
    }
  }
}
