// Copyright © 2026 the ssl authors.

import Foundation

/// A PNG read back through libgd, for tests that check a rendered chart is not blank.
@_spi(Testing)
public struct DecodedPNG: Sendable {
  /// The width in pixels.
  public var width: Int
  /// The height in pixels.
  public var height: Int
  /// Row-major `0xRRGGBB` pixels.
  public var pixels: [UInt32]

  /// Reads and decodes a PNG file.
  ///
  /// - Parameter path: The file.
  /// - Throws: ``ChartError/cannotRead(path:reason:)``.
  public init(contentsOf path: String) throws(ChartError) {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw .cannotRead(path: path, reason: "the file cannot be opened")
    }
    guard let decoded = GDCanvas.decodePNG([UInt8](data)) else {
      throw .cannotRead(path: path, reason: "libgd cannot decode it as PNG")
    }
    width = decoded.width
    height = decoded.height
    pixels = decoded.pixels
  }

  /// The colour at a pixel.
  ///
  /// - Parameters:
  ///   - x: The column.
  ///   - y: The row.
  /// - Returns: `0xRRGGBB`.
  public func pixel(x: Int, y: Int) -> UInt32 { pixels[y * width + x] }

  /// How many different colours the image uses.
  public var distinctColorCount: Int { Set(pixels).count }

  /// How many pixels inside `rect` are not pure white.
  ///
  /// - Parameter rect: The region, in pixels (clamped to the image).
  /// - Returns: The count of non-white pixels.
  public func nonWhiteCount(in rect: ChartRect) -> Int {
    let x0 = max(0, Int(rect.x.rounded(.up)))
    let x1 = min(width, Int(rect.maxX.rounded(.down)))
    let y0 = max(0, Int(rect.y.rounded(.up)))
    let y1 = min(height, Int(rect.maxY.rounded(.down)))
    guard x0 < x1, y0 < y1 else { return 0 }
    var count = 0
    for y in y0..<y1 {
      for x in x0..<x1 where pixel(x: x, y: y) != 0xFF_FFFF { count += 1 }
    }
    return count
  }
}
