// Copyright © 2026 the ssl authors.
//
// torchvision `adjust_hue` on a PIL image: `img.convert("HSV")`, add
// `np.array(factor · 255).astype(uint8)` to the H band with uint8 wrap-around, convert back.
// Pillow's conversions (`Convert.c` rgb2hsv_row / hsv2rgb) mix C float and double; the
// arithmetic below follows their types: h, s and the remainder f are floats, products with
// 6.0 / 255.0 are doubles, p, q, t are rounded half away from zero and clipped.

import Foundation

/// Pillow's RGB ↔ HSV round trip with a hue shift.
enum PillowHue {
  /// `F.adjust_hue(img, factor)` for `factor ∈ [−0.5, 0.5]`.
  static func adjusted(_ image: RGBImage, factor: Double) -> RGBImage {
    // numpy's float64 → uint8 cast of a negative value wraps through int (x86: truncation).
    let shift = UInt8(truncatingIfNeeded: Int(factor * 255))
    var out = image.pixels
    for i in stride(from: 0, to: out.count, by: 3) {
      let (h, s, v) = toHSV(out[i], out[i + 1], out[i + 2])
      let (r, g, b) = toRGB(h &+ shift, s, v)
      out[i] = r
      out[i + 1] = g
      out[i + 2] = b
    }
    return RGBImage(width: image.width, height: image.height, pixels: out)
  }

  private static func clip8(_ v: Int) -> UInt8 { UInt8(max(0, min(255, v))) }

  /// `rgb2hsv_row`.
  static func toHSV(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> (UInt8, UInt8, UInt8) {
    let maxc = max(r, g, b)
    let minc = min(r, g, b)
    if minc == maxc { return (0, 0, maxc) }
    let cr = Float(maxc - minc)
    let s = cr / Float(maxc)
    let rc = Float(maxc - r) / cr
    let gc = Float(maxc - g) / cr
    let bc = Float(maxc - b) / cr
    var h: Float
    if r == maxc {
      h = bc - gc
    } else if g == maxc {
      h = Float(2.0 + Double(rc) - Double(bc))
    } else {
      h = Float(4.0 + Double(gc) - Double(rc))
    }
    h = Float(fmod(Double(h) / 6.0 + 1.0, 1.0))
    return (clip8(Int(Double(h) * 255.0)), clip8(Int(Double(s) * 255.0)), maxc)
  }

  /// `hsv2rgb`.
  static func toRGB(_ h: UInt8, _ s: UInt8, _ v: UInt8) -> (UInt8, UInt8, UInt8) {
    if s == 0 { return (v, v, v) }
    let i = Int(floor(Double(Float(h)) * 6.0 / 255.0))
    let f = Float(Double(Float(h)) * 6.0 / 255.0 - Double(i))
    let fs = Float(Double(Float(s)) / 255.0)
    let fv = Double(Float(v))
    let p = clip8(Int((fv * (1.0 - Double(fs))).rounded()))
    let q = clip8(Int((fv * (1.0 - Double(fs * f))).rounded()))
    let t = clip8(Int((fv * (1.0 - Double(fs * (1 - f)))).rounded()))
    switch i % 6 {
    case 0: return (v, t, p)
    case 1: return (q, v, p)
    case 2: return (p, v, t)
    case 3: return (p, q, v)
    case 4: return (t, p, v)
    default: return (v, p, q)
    }
  }
}
