// Copyright © 2026 the ssl authors.
//
// Pillow's 8-bit colour ops as torchvision's PIL path runs them:
//   L conversion  (R·19595 + G·38470 + B·7471 + 0x8000) >> 16   (`Convert.c` rgb2l)
//   Image.blend   out = (uint8) clip((float) in1 + α · (in2 − in1))  (truncation; `Blend.c`,
//                 α is a C float)
//   ImageEnhance  Brightness: blend(black, img, f); Color: blend(L→RGB, img, f);
//                 Contrast: blend(gray image of int(mean(L) + 0.5), img, f);
//                 Sharpness: blend(img.filter(SMOOTH), img, f)
//   ImageOps      invert (255 − v), posterize (v & ~(2^(8−bits) − 1)), equalize (per-band LUT)
// SMOOTH is the 3×3 kernel [1 1 1; 1 5 1; 1 1 1] / 13 run in float with +0.5 and truncation;
// Pillow copies the outermost rows and columns unfiltered (`Filter.c` ImagingFilter3x3).

/// Pillow's colour and tone operations on ``RGBImage``.
enum PillowColor {
  /// The L (luma) byte of one pixel, Pillow's ITU-R 601-2 fixed-point formula.
  @inline(__always)
  static func luma(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> UInt8 {
    UInt8(truncatingIfNeeded: (Int(r) * 19595 + Int(g) * 38470 + Int(b) * 7471 + 0x8000) >> 16)
  }

  /// `convert("L").convert("RGB")`: luma replicated into three channels.
  static func grayscale(_ image: RGBImage) -> RGBImage {
    var out = image.pixels
    for i in stride(from: 0, to: out.count, by: 3) {
      let l = luma(out[i], out[i + 1], out[i + 2])
      out[i] = l
      out[i + 1] = l
      out[i + 2] = l
    }
    return RGBImage(width: image.width, height: image.height, pixels: out)
  }

  /// `ImageOps.invert`.
  static func inverted(_ image: RGBImage) -> RGBImage {
    RGBImage(width: image.width, height: image.height, pixels: image.pixels.map { 255 &- $0 })
  }

  /// `ImageOps.posterize`: keeps the top `bits` bits.
  static func posterized(_ image: RGBImage, bits: Int) -> RGBImage {
    let mask = ~UInt8(truncatingIfNeeded: (1 << (8 - bits)) - 1)
    return RGBImage(
      width: image.width, height: image.height, pixels: image.pixels.map { $0 & mask })
  }

  /// `ImageOps.equalize`: per band, `lut[i] = (n_step/2 + Σ_{j<i} h[j]) // step` with
  /// `step = (Σ h − h[last nonzero]) // 256`; identity when a band has ≤ 1 distinct value or
  /// `step` is 0.
  static func equalized(_ image: RGBImage) -> RGBImage {
    var luts = [[UInt8]]()
    for c in 0..<3 {
      var histogram = [Int](repeating: 0, count: 256)
      for i in stride(from: c, to: image.pixels.count, by: 3) {
        histogram[Int(image.pixels[i])] += 1
      }
      let used = histogram.filter { $0 != 0 }
      let identity = (0..<256).map { UInt8($0) }
      guard used.count > 1, let last = used.last else {
        luts.append(identity)
        continue
      }
      let step = (used.reduce(0, +) - last) / 256
      guard step != 0 else {
        luts.append(identity)
        continue
      }
      var n = step / 2
      var lut = [UInt8](repeating: 0, count: 256)
      for i in 0..<256 {
        lut[i] = UInt8(truncatingIfNeeded: min(255, n / step))
        n += histogram[i]
      }
      luts.append(lut)
    }
    var out = image.pixels
    for i in 0..<out.count { out[i] = luts[i % 3][Int(out[i])] }
    return RGBImage(width: image.width, height: image.height, pixels: out)
  }

  // MARK: - ImageEnhance

  /// `ImageEnhance.Brightness(img).enhance(factor)`.
  static func brightness(_ image: RGBImage, factor: Double) -> RGBImage {
    blend(degenerate: { _ in 0 }, image, factor)
  }

  /// `ImageEnhance.Color(img).enhance(factor)` (torchvision `adjust_saturation`).
  static func saturation(_ image: RGBImage, factor: Double) -> RGBImage {
    let gray = grayscale(image).pixels
    return blend(degenerate: { gray[$0] }, image, factor)
  }

  /// `ImageEnhance.Contrast(img).enhance(factor)`: the degenerate image is the rounded mean
  /// luma.
  static func contrast(_ image: RGBImage, factor: Double) -> RGBImage {
    var sum = 0
    let p = image.pixels
    for i in stride(from: 0, to: p.count, by: 3) { sum += Int(luma(p[i], p[i + 1], p[i + 2])) }
    let count = max(1, image.width * image.height)
    let mean = UInt8(truncatingIfNeeded: Int(Double(sum) / Double(count) + 0.5))
    return blend(degenerate: { _ in mean }, image, factor)
  }

  /// `ImageEnhance.Sharpness(img).enhance(factor)`.
  static func sharpness(_ image: RGBImage, factor: Double) -> RGBImage {
    let smooth = smoothed(image).pixels
    return blend(degenerate: { smooth[$0] }, image, factor)
  }

  /// `Image.blend(degenerate, image, factor)` with Pillow's float arithmetic and truncation.
  private static func blend(
    degenerate: (Int) -> UInt8, _ image: RGBImage, _ factor: Double
  ) -> RGBImage {
    let alpha = Float(factor)
    var out = image.pixels
    for i in 0..<out.count {
      let a = Int(degenerate(i))
      let temp = Float(a) + alpha * Float(Int(out[i]) - a)
      out[i] = temp <= 0 ? 0 : (temp >= 255 ? 255 : UInt8(temp))
    }
    return RGBImage(width: image.width, height: image.height, pixels: out)
  }

  /// `img.filter(ImageFilter.SMOOTH)`: interior pixels filtered in float, border copied.
  static func smoothed(_ image: RGBImage) -> RGBImage {
    let w = image.width
    let h = image.height
    guard w >= 3 && h >= 3 else { return image }
    let src = image.pixels
    var out = src
    let k1 = Float(1) / 13
    let k5 = Float(5) / 13
    for y in 1..<(h - 1) {
      for x in 1..<(w - 1) {
        for c in 0..<3 {
          func at(_ dx: Int, _ dy: Int) -> Float { Float(src[((y + dy) * w + x + dx) * 3 + c]) }
          // ss = offset + row(y+1) + row(y) + row(y−1), each row summed left to right.
          let below = at(-1, 1) * k1 + at(0, 1) * k1 + at(1, 1) * k1
          let here = at(-1, 0) * k1 + at(0, 0) * k5 + at(1, 0) * k1
          let above = at(-1, -1) * k1 + at(0, -1) * k1 + at(1, -1) * k1
          let ss = Float(0.5) + (below + here + above)
          out[(y * w + x) * 3 + c] = ss <= 0 ? 0 : (ss >= 255 ? 255 : UInt8(ss))
        }
      }
    }
    return RGBImage(width: w, height: h, pixels: out)
  }
}
