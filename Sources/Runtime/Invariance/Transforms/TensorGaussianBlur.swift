// Copyright © 2026 the ssl authors.
//
// torchvision `gaussian_blur` on a PIL image: `pil_to_tensor`, float32, reflect padding
// (mirror without repeating the edge, PyTorch "reflect") of kernelSize/2 on every side, a
// depthwise conv with the outer product of the 1-D kernel
// `pdf = exp(−0.5 (x/σ)²), x = linspace(−(k−1)/2, (k−1)/2, k)`, `pdf / sum(pdf)` (float32),
// then `torch.round` (half to even) back to uint8.
// Here the 2-D kernel is applied separably with double accumulation: the exact sum differs
// from PyTorch's float32 one by ~1e-5, so a byte can differ by one where the value lies at
// .5 ± 1e-5 (the fixture test allows 1 level on a small share of pixels).

import Foundation

/// The tensor-path Gaussian blur torchvision runs for PIL images.
enum TensorGaussianBlur {
  /// The normalised float32 1-D kernel `_get_gaussian_kernel1d(kernelSize, sigma)`.
  static func kernel(size: Int, sigma: Double) -> [Float] {
    let half = Float(size - 1) * 0.5
    // torch.linspace(−half, half, size) in float32.
    let step = (half - -half) / Float(size - 1)
    let xs = (0..<size).map { i -> Float in
      i < size / 2 ? -half + step * Float(i) : half - step * Float(size - 1 - i)
    }
    let s = Float(sigma)
    let pdf = xs.map { x -> Float in
      let r = x / s
      return Float(expf(-0.5 * r * r))
    }
    let sum = pdf.reduce(Float(0), +)
    return pdf.map { $0 / sum }
  }

  /// Blurs every channel with a `kernelSize × kernelSize` Gaussian of standard deviation σ.
  ///
  /// - Precondition: both sides > kernelSize / 2 (reflect padding needs it).
  static func blurred(_ image: RGBImage, kernelSize: Int, sigma: Double) -> RGBImage {
    let w = image.width
    let h = image.height
    let pad = kernelSize / 2
    precondition(w > pad && h > pad, "image smaller than the reflect padding")
    let k = kernel(size: kernelSize, sigma: sigma).map(Double.init)
    func reflect(_ i: Int, _ n: Int) -> Int {
      i < 0 ? -i : (i >= n ? 2 * (n - 1) - i : i)
    }
    let xIndex = (-pad..<(w + pad)).map { reflect($0, w) }
    let yIndex = (-pad..<(h + pad)).map { reflect($0, h) }
    // Horizontal pass over every source row: [h, w, 3] doubles.
    var rows = [Double](repeating: 0, count: w * h * 3)
    image.pixels.withUnsafeBufferPointer { src in
      rows.withUnsafeMutableBufferPointer { dst in
        for y in 0..<h {
          for x in 0..<w {
            var s0 = 0.0
            var s1 = 0.0
            var s2 = 0.0
            for j in 0..<kernelSize {
              let i = (y * w + xIndex[x + j]) * 3
              s0 += k[j] * Double(src[i])
              s1 += k[j] * Double(src[i + 1])
              s2 += k[j] * Double(src[i + 2])
            }
            let o = (y * w + x) * 3
            dst[o] = s0
            dst[o + 1] = s1
            dst[o + 2] = s2
          }
        }
      }
    }
    var out = [UInt8](repeating: 0, count: w * h * 3)
    rows.withUnsafeBufferPointer { src in
      for y in 0..<h {
        for i in 0..<(w * 3) {
          var s = 0.0
          for j in 0..<kernelSize { s += k[j] * src[yIndex[y + j] * w * 3 + i] }
          let r = Float(s).rounded(.toNearestOrEven)
          out[y * w * 3 + i] = UInt8(max(0, min(255, r)))
        }
      }
    }
    return RGBImage(width: w, height: h, pixels: out)
  }
}
