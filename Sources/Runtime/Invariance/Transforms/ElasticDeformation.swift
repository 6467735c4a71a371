// Copyright © 2026 the ssl authors.
//
// albumentations `ElasticTransform(alpha=1, sigma=σ, alpha_affine=50, approximate=True)`
// (`elastic_transform_approx`, albumentations 1.x), the seed code's `deform`:
//   1. a random affine: with c = (h // 2, w // 2) and s = min(h, w) // 3 (float32, note the
//      (h, w) order albumentations uses as (x, y)), pts1 = [c + s, (c0 + s, c1 − s), c − s];
//      pts2 = pts1 + uniform(−50, 50, (3, 2)); M = getAffineTransform(pts1, pts2);
//      `warpAffine(img, M)` (bilinear, border reflect-101);
//   2. dx = rand(h, w) · 2 − 1 (float32), Gaussian-blurred with a 17×17 kernel of σ
//      (reflect-101), times alpha; dy the same with the next draws;
//   3. `remap(img, x + dx, y + dy)` (bilinear, reflect-101).
// Random draws: numpy `RandomState(seed)` (`uniform` then `rand`, 53-bit doubles from pairs
// of MT19937 words). albumentations itself seeds that RandomState from Python's
// `random.randint(0, 10000)`; here `seed` is the RandomState seed, so a run is reproducible.
// Sampling is float bilinear rounded half to even (cvRound); OpenCV's 1/32-pixel fixed-point
// interpolation differs by a level or two, which is why parity is checked against a numpy
// implementation of the same algorithm (scripts/fixtures/make_transform_fixtures.py).

import Foundation

/// The seed code's elastic deformation, deterministic under a seed.
enum ElasticDeformation {
  /// Deforms an image; see the file header for the algorithm.
  static func deformed(
    _ image: RGBImage, sigma: Double, seed: UInt64, alpha: Double = 1, alphaAffine: Double = 50
  ) -> RGBImage {
    let w = image.width
    let h = image.height
    guard w >= 1 && h >= 1 else { return image }
    var rng = MT19937(seed: UInt32(truncatingIfNeeded: seed))
    func sample() -> Double {
      let a = Double(rng.nextUInt32() >> 5)
      let b = Double(rng.nextUInt32() >> 6)
      return (a * 67_108_864 + b) / 9_007_199_254_740_992
    }
    // 1. Random affine from three jittered points.
    let c0 = Float(h / 2)
    let c1 = Float(w / 2)
    let s = Float(min(h, w) / 3)
    let pts1: [(Float, Float)] = [(c0 + s, c1 + s), (c0 + s, c1 - s), (c0 - s, c1 - s)]
    let pts2 = pts1.map { p -> (Float, Float) in
      let dx = Float(-alphaAffine + 2 * alphaAffine * sample())
      let dy = Float(-alphaAffine + 2 * alphaAffine * sample())
      return (p.0 + dx, p.1 + dy)
    }
    let forward = affineThroughPoints(pts1, pts2)
    let inverse = invertAffine(forward)
    let warped = resample(image) { x, y in
      (
        inverse[0] * Double(x) + inverse[1] * Double(y) + inverse[2],
        inverse[3] * Double(x) + inverse[4] * Double(y) + inverse[5]
      )
    }
    // 2. Smooth random displacement fields.
    let kernel = gaussianKernel(size: 17, sigma: sigma)
    func field() -> [Float] {
      let raw = (0..<(w * h)).map { _ in Float(sample()) * 2 - 1 }
      return blur(raw, width: w, height: h, kernel: kernel).map { $0 * Float(alpha) }
    }
    let dx = field()
    let dy = field()
    // 3. Remap through the displaced grid.
    return resample(warped) { x, y in
      (Double(Float(x) + dx[y * w + x]), Double(Float(y) + dy[y * w + x]))
    }
  }

  // MARK: - Geometry

  /// The affine map `[a b c; d e f]` sending each `from` point to its `to` point
  /// (`cv2.getAffineTransform`), solved in double.
  static func affineThroughPoints(_ from: [(Float, Float)], _ to: [(Float, Float)]) -> [Double] {
    let (x0, y0) = (Double(from[0].0), Double(from[0].1))
    let (x1, y1) = (Double(from[1].0), Double(from[1].1))
    let (x2, y2) = (Double(from[2].0), Double(from[2].1))
    let det = x0 * (y1 - y2) - y0 * (x1 - x2) + (x1 * y2 - x2 * y1)
    func solve(_ u0: Double, _ u1: Double, _ u2: Double) -> (Double, Double, Double) {
      // Cramer's rule for [x y 1]·[a b c]ᵀ = u.
      let a = (u0 * (y1 - y2) - y0 * (u1 - u2) + (u1 * y2 - u2 * y1)) / det
      let b = (x0 * (u1 - u2) - u0 * (x1 - x2) + (x1 * u2 - x2 * u1)) / det
      let c =
        (x0 * (y1 * u2 - y2 * u1) - y0 * (x1 * u2 - x2 * u1) + u0 * (x1 * y2 - x2 * y1)) / det
      return (a, b, c)
    }
    let r = solve(Double(to[0].0), Double(to[1].0), Double(to[2].0))
    let t = solve(Double(to[0].1), Double(to[1].1), Double(to[2].1))
    return [r.0, r.1, r.2, t.0, t.1, t.2]
  }

  /// The inverse of an affine map (`cv2.invertAffineTransform`).
  static func invertAffine(_ m: [Double]) -> [Double] {
    let det = m[0] * m[4] - m[1] * m[3]
    let d = det != 0 ? 1 / det : 0
    let a = m[4] * d
    let b = -m[1] * d
    let c = -m[3] * d
    let e = m[0] * d
    return [a, b, -a * m[2] - b * m[5], c, e, -c * m[2] - e * m[5]]
  }

  // MARK: - Sampling

  /// Reflect-101 index (`BORDER_REFLECT_101`: `gfedcb|abcdefgh|gfedcba`).
  static func reflect101(_ i: Int, _ n: Int) -> Int {
    if n == 1 { return 0 }
    let period = 2 * (n - 1)
    var j = i % period
    if j < 0 { j += period }
    return j < n ? j : period - j
  }

  /// Bilinear resampling at `source(x, y)` for each output pixel, reflect-101 borders,
  /// rounded to nearest.
  static func resample(_ image: RGBImage, _ source: (Int, Int) -> (Double, Double)) -> RGBImage {
    let w = image.width
    let h = image.height
    var out = [UInt8](repeating: 0, count: w * h * 3)
    let p = image.pixels
    for y in 0..<h {
      for x in 0..<w {
        let (sx, sy) = source(x, y)
        let fx = sx.rounded(.down)
        let fy = sy.rounded(.down)
        let tx = sx - fx
        let ty = sy - fy
        let xa = reflect101(Int(fx), w)
        let xb = reflect101(Int(fx) + 1, w)
        let ya = reflect101(Int(fy), h)
        let yb = reflect101(Int(fy) + 1, h)
        for c in 0..<3 {
          let v00 = Double(p[(ya * w + xa) * 3 + c])
          let v01 = Double(p[(ya * w + xb) * 3 + c])
          let v10 = Double(p[(yb * w + xa) * 3 + c])
          let v11 = Double(p[(yb * w + xb) * 3 + c])
          let v = (v00 * (1 - tx) + v01 * tx) * (1 - ty) + (v10 * (1 - tx) + v11 * tx) * ty
          out[(y * w + x) * 3 + c] = UInt8(max(0, min(255, v.rounded(.toNearestOrEven))))
        }
      }
    }
    return RGBImage(width: w, height: h, pixels: out)
  }

  /// `cv2.getGaussianKernel(size, sigma)`: `exp(−(i − (size−1)/2)² / (2σ²))`, normalised.
  static func gaussianKernel(size: Int, sigma: Double) -> [Double] {
    let centre = Double(size - 1) / 2
    let raw = (0..<size).map { exp(-pow(Double($0) - centre, 2) / (2 * sigma * sigma)) }
    let sum = raw.reduce(0, +)
    return raw.map { $0 / sum }
  }

  /// Separable blur of a float field with reflect-101 borders (`cv2.GaussianBlur`).
  static func blur(_ field: [Float], width w: Int, height h: Int, kernel: [Double]) -> [Float] {
    let half = kernel.count / 2
    var rows = [Double](repeating: 0, count: w * h)
    for y in 0..<h {
      for x in 0..<w {
        var s = 0.0
        for j in 0..<kernel.count {
          s += kernel[j] * Double(field[y * w + reflect101(x + j - half, w)])
        }
        rows[y * w + x] = s
      }
    }
    var out = [Float](repeating: 0, count: w * h)
    for y in 0..<h {
      for x in 0..<w {
        var s = 0.0
        for j in 0..<kernel.count { s += kernel[j] * rows[reflect101(y + j - half, h) * w + x] }
        out[y * w + x] = Float(s)
      }
    }
    return out
  }
}
