// Copyright © 2026 the ssl authors.

/// An 8-bit RGB image: interleaved `R G B` bytes, row-major, no row padding.
///
/// This is what Pillow's `Image.convert("RGB")` holds: grayscale is replicated into three
/// channels, palette entries are looked up, and alpha is dropped (not composited).
public struct RGBImage: Equatable, Sendable {
  /// The width in pixels.
  public let width: Int
  /// The height in pixels.
  public let height: Int
  /// `width * height * 3` bytes, `pixels[(y * width + x) * 3 + c]`.
  public var pixels: [UInt8]

  /// Creates an image over existing bytes.
  ///
  /// - Precondition: `pixels.count == width * height * 3`, both sizes ≥ 0.
  public init(width: Int, height: Int, pixels: [UInt8]) {
    precondition(width >= 0 && height >= 0, "negative image size \(width)×\(height)")
    precondition(
      pixels.count == width * height * 3, "\(pixels.count) bytes for \(width)×\(height)")
    self.width = width
    self.height = height
    self.pixels = pixels
  }

  /// Creates a black image.
  public init(width: Int, height: Int) {
    self.init(
      width: width, height: height, pixels: [UInt8](repeating: 0, count: width * height * 3))
  }

  /// The pixel at a position as `(r, g, b)`.
  public subscript(x: Int, y: Int) -> (UInt8, UInt8, UInt8) {
    let i = (y * width + x) * 3
    return (pixels[i], pixels[i + 1], pixels[i + 2])
  }

  /// The rectangle `[left, left + width) × [top, top + height)`, copied.
  ///
  /// - Precondition: the rectangle lies inside the image.
  public func cropped(left: Int, top: Int, width w: Int, height h: Int) -> RGBImage {
    precondition(left >= 0 && top >= 0 && left + w <= width && top + h <= height, "crop outside")
    var out = [UInt8](repeating: 0, count: w * h * 3)
    pixels.withUnsafeBufferPointer { src in
      out.withUnsafeMutableBufferPointer { dst in
        for y in 0..<h {
          let s = ((top + y) * width + left) * 3
          for i in 0..<(w * 3) { dst[y * w * 3 + i] = src[s + i] }
        }
      }
    }
    return RGBImage(width: w, height: h, pixels: out)
  }
}
