// Copyright © 2026 the ssl authors.
//
// torchvision's geometric ops on PIL images, reproduced through Pillow's nearest-neighbour
// affine sampler (`Geometry.c`):
//   * the matrix maps output pixel (x, y) to input (a·x + b·y + c, d·x + e·y + f), sampled at
//     pixel centres (x + 0.5, y + 0.5);
//   * with b = d = 0 Pillow takes `ImagingScaleAffine` (per-axis float, `COORD(v)`: −1 when
//     v < 0, else (int) v); otherwise, when the corners fit in ±32768, `affine_fixed`: 16.16
//     fixed point, coefficients `FIX(v) = floor(v · 65536 + 0.5)`, coordinates `>> 16`;
//   * pixels that map outside the source stay at the fill, 0.
// `rotate` (Pillow `Image.rotate`, centre (w/2, h/2), cos/sin rounded to 15 digits, 0° a copy
// and 180° a transpose) and `affine` (torchvision `_get_inverse_affine_matrix`, centre
// (w·0.5, h·0.5), shear in degrees) only build the matrix.

import Foundation

/// Pillow's flips, rotation, affine warp and crop-and-resize on ``RGBImage``.
enum PillowGeometry {
  /// `Image.transpose(FLIP_LEFT_RIGHT)`.
  static func flippedHorizontally(_ image: RGBImage) -> RGBImage {
    remap(image) { x, y in (image.width - 1 - x, y) }
  }

  /// `Image.transpose(FLIP_TOP_BOTTOM)`.
  static func flippedVertically(_ image: RGBImage) -> RGBImage {
    remap(image) { x, y in (x, image.height - 1 - y) }
  }

  /// `F.rotate(img, angle, NEAREST, expand=False, center=None, fill=0)` → `Image.rotate`.
  static func rotated(_ image: RGBImage, degrees: Double) -> RGBImage {
    let angle = degrees.truncatingRemainder(dividingBy: 360) + (degrees < 0 ? 360 : 0)
    let w = image.width
    let h = image.height
    if angle == 0 { return image }
    if angle == 180 { return remap(image) { x, y in (w - 1 - x, h - 1 - y) } }
    if (angle == 90 || angle == 270) && w == h {
      // Image.transpose(ROTATE_90 / ROTATE_270) (counter-clockwise for positive angles).
      return angle == 90
        ? remap(image) { x, y in (w - 1 - y, x) } : remap(image) { x, y in (y, h - 1 - x) }
    }
    let radians = -angle * Double.pi / 180
    let cosA = round15(cos(radians))
    let sinA = round15(sin(radians))
    var m = [cosA, sinA, 0.0, -sinA, cosA, 0.0]
    let cx = Double(w) / 2
    let cy = Double(h) / 2
    m[2] = m[0] * -cx + m[1] * -cy + m[2] + cx
    m[5] = m[3] * -cx + m[4] * -cy + m[5] + cy
    return affineNearest(image, m)
  }

  /// `F.affine(img, angle, translate, scale, shear, NEAREST, fill=0)` on a PIL image.
  static func affine(
    _ image: RGBImage, angle: Double, translate: (Double, Double), scale: Double,
    shear: (Double, Double)
  ) -> RGBImage {
    let cx = Double(image.width) * 0.5
    let cy = Double(image.height) * 0.5
    let rot = angle * Double.pi / 180
    let sx = shear.0 * Double.pi / 180
    let sy = shear.1 * Double.pi / 180
    let a = cos(rot - sy) / cos(sy)
    let b = -cos(rot - sy) * tan(sx) / cos(sy) - sin(rot)
    let c = sin(rot - sy) / cos(sy)
    let d = -sin(rot - sy) * tan(sx) / cos(sy) + cos(rot)
    var m = [d, -b, 0.0, -c, a, 0.0].map { $0 / scale }
    m[2] += m[0] * (-cx - translate.0) + m[1] * (-cy - translate.1)
    m[5] += m[3] * (-cx - translate.0) + m[4] * (-cy - translate.1)
    m[2] += cx
    m[5] += cy
    return affineNearest(image, m)
  }

  /// `F.resized_crop(img, top, left, height, width, [size, size])` on a PIL image:
  /// `img.crop` with Python-rounded box corners (zero outside the image), then a bilinear
  /// `resize((size, size))`.
  static func resizedCrop(
    _ image: RGBImage, top: Double, left: Double, height: Double, width: Double, size: Int
  ) -> RGBImage {
    let x0 = Int((left).rounded(.toNearestOrEven))
    let y0 = Int((top).rounded(.toNearestOrEven))
    let x1 = Int((left + width).rounded(.toNearestOrEven))
    let y1 = Int((top + height).rounded(.toNearestOrEven))
    let cw = max(1, x1 - x0)
    let ch = max(1, y1 - y0)
    let crop = RGBImage(width: cw, height: ch)
    let box = remap(crop, source: image) { x, y in
      let sx = x + x0
      let sy = y + y0
      return sx >= 0 && sx < image.width && sy >= 0 && sy < image.height ? (sx, sy) : nil
    }
    return ImageResampler.resize(box, width: size, height: size, filter: .bilinear)
  }

  // MARK: - Sampling

  /// Python's `round(v, 15)` closely enough for cos/sin of the angles used (kills 1e-17 noise).
  private static func round15(_ v: Double) -> Double {
    (v * 1e15).rounded(.toNearestOrEven) / 1e15
  }

  /// Pillow's nearest-neighbour affine sampler for an output of the source's size.
  static func affineNearest(_ image: RGBImage, _ m: [Double]) -> RGBImage {
    let w = image.width
    let h = image.height
    if m[1] == 0 && m[3] == 0 {
      // ImagingScaleAffine: per-axis float positions.
      func coord(_ v: Double) -> Int { v < 0 ? -1 : Int(v) }
      let xs = (0..<w).map { coord(m[0] * (Double($0) + 0.5) + m[2]) }
      return remap(image) { x, y in
        let sy = coord(m[4] * (Double(y) + 0.5) + m[5])
        let sx = xs[x]
        return sx >= 0 && sx < w && sy >= 0 && sy < h ? (sx, sy) : nil
      }
    }
    func fits(_ x: Double, _ y: Double) -> Bool {
      abs(x * m[0] + y * m[1] + m[2]) < 32768 && abs(x * m[3] + y * m[4] + m[5]) < 32768
    }
    let (fw, fh) = (Double(w), Double(h))
    guard fits(0, 0) && fits(fw, fh) && fits(0, fh) && fits(fw, 0) else {
      return affineFloat(image, m)
    }
    func fix(_ v: Double) -> Int { Int((v * 65536 + 0.5).rounded(.down)) }
    let a0 = fix(m[0])
    let a1 = fix(m[1])
    let a3 = fix(m[3])
    let a4 = fix(m[4])
    let a2 = fix(m[2] + m[0] * 0.5 + m[1] * 0.5)
    let a5 = fix(m[5] + m[3] * 0.5 + m[4] * 0.5)
    return remap(image) { x, y in
      let sx = (a2 + y * a1 + x * a0) >> 16
      let sy = (a5 + y * a4 + x * a3) >> 16
      return sx >= 0 && sx < w && sy >= 0 && sy < h ? (sx, sy) : nil
    }
  }

  /// Pillow's floating-point affine loop (coordinates accumulated by repeated addition).
  private static func affineFloat(_ image: RGBImage, _ m: [Double]) -> RGBImage {
    let w = image.width
    let h = image.height
    func coord(_ v: Double) -> Int { v < 0 ? -1 : Int(v) }
    var rows = [(Double, Double)]()
    var xo = m[2] + m[1] * 0.5 + m[0] * 0.5
    var yo = m[5] + m[4] * 0.5 + m[3] * 0.5
    for _ in 0..<h {
      rows.append((xo, yo))
      xo += m[1]
      yo += m[4]
    }
    var out = [UInt8](repeating: 0, count: w * h * 3)
    for y in 0..<h {
      var (xx, yy) = rows[y]
      for x in 0..<w {
        let sx = coord(xx)
        let sy = coord(yy)
        if sx >= 0 && sx < w && sy >= 0 && sy < h {
          for c in 0..<3 { out[(y * w + x) * 3 + c] = image.pixels[(sy * w + sx) * 3 + c] }
        }
        xx += m[0]
        yy += m[3]
      }
    }
    return RGBImage(width: w, height: h, pixels: out)
  }

  /// An output of `source`'s size (or `canvas`'s) whose pixel (x, y) copies the source pixel
  /// `map(x, y)`, or stays 0 when `map` gives `nil`.
  private static func remap(
    _ canvas: RGBImage, source: RGBImage? = nil, _ map: (Int, Int) -> (Int, Int)?
  ) -> RGBImage {
    let src = source ?? canvas
    var out = [UInt8](repeating: 0, count: canvas.width * canvas.height * 3)
    src.pixels.withUnsafeBufferPointer { s in
      out.withUnsafeMutableBufferPointer { d in
        for y in 0..<canvas.height {
          for x in 0..<canvas.width {
            guard let (sx, sy) = map(x, y) else { continue }
            let i = (sy * src.width + sx) * 3
            let o = (y * canvas.width + x) * 3
            d[o] = s[i]
            d[o + 1] = s[i + 1]
            d[o + 2] = s[i + 2]
          }
        }
      }
    }
    return RGBImage(width: canvas.width, height: canvas.height, pixels: out)
  }
}
