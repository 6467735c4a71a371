// Copyright © 2026 the ssl authors.
//
// The acceptance check of issue #8 on models whose invariances are known by construction:
// ColourStatisticsFeature (per-channel mean and std over all pixels) ignores where colours are,
// so flips and small translations barely move it while brightness, hue and inversion do; a
// "thumbnail" feature (the four quadrants' mean colours) is the opposite for flips. The measures
// must rank the transforms that way and the Hoeffding test must mark the right model.

import Runtime
import TestSupport
import Testing

/// The mean colour of each image quadrant ([N, 12]): position-sensitive by construction.
struct QuadrantColourFeature: ImageFeatureFunction {
  func features(_ batch: Tensor) throws(TensorError) -> Tensor {
    let (n, h, w) = (batch.shape[0], batch.shape[2], batch.shape[3])
    let x = batch.scalars
    var out = [Float](repeating: 0, count: n * 12)
    for image in 0..<n {
      for channel in 0..<3 {
        for y in 0..<h {
          for col in 0..<w {
            let quadrant = (y < h / 2 ? 0 : 2) + (col < w / 2 ? 0 : 1)
            out[image * 12 + quadrant * 3 + channel] += x[((image * 3 + channel) * h + y) * w + col]
          }
        }
      }
    }
    let area = Float(h * w / 4)
    return Tensor(shape: [n, 12], scalars: out.map { $0 / area })
  }
}

/// 256×256 images: a random base colour, a random-direction gradient and a bright blob in a
/// random quadrant, so both features vary from image to image (full-rank covariance).
func syntheticImages(count: Int, seed: UInt64) -> [RGBImage] {
  var state = seed
  func next() -> Double {
    state = state &* 6364136223846793005 &+ 1442695040888963407
    return Double(state >> 11) / Double(1 << 53)
  }
  return (0..<count).map { _ in
    let side = 256
    let base = (0..<3).map { _ in 40 + 150 * next() }
    let slope = (0..<3).map { _ in 60 * (next() - 0.5) }
    let (bx, by) = (Int(next() * 200), Int(next() * 200))
    let blob = (0..<3).map { _ in 255 * next() }
    var pixels = [UInt8](repeating: 0, count: side * side * 3)
    for y in 0..<side {
      for x in 0..<side {
        let inBlob = x >= bx && x < bx + 56 && y >= by && y < by + 56
        for c in 0..<3 {
          let v = inBlob ? blob[c] : base[c] + slope[c] * Double(x + 2 * y) / Double(3 * side)
          pixels[(y * side + x) * 3 + c] = UInt8(max(0, min(255, v.rounded())))
        }
      }
    }
    return RGBImage(width: side, height: side, pixels: pixels)
  }
}

@Suite struct ColourInvarianceTests {
  static let spatial: [(SyntheticTransform, Int?)] = [(.hFlip, nil), (.vFlip, nil), (.translation, 4)]
  static let colour: [(SyntheticTransform, Int?)] = [(.brightness, 6), (.hue, 6), (.invert, nil)]

  func whitening(_ model: any ImageFeatureFunction) throws -> Whitening {
    let reference = syntheticImages(count: 48, seed: 1)
    let features = try SyntheticInvariance.features(
      of: reference, preprocessing: SyntheticInvariance.cleanPreprocessing, model: model)
    return try FeatureStatistics(features: features).whitening(ridge: 1e-10)
  }

  @Test func colourStatisticsAreInvariantToSpaceNotColour() throws {
    let model = ColourStatisticsFeature()
    let w = try whitening(model)
    let images = syntheticImages(count: 6, seed: 2)
    func similarity(_ t: SyntheticTransform, _ k: Int?) throws -> Double {
      try SyntheticInvariance.measure(images: images, transform: t, k: k, model: model, whitening: w)
        .meanSimilarity
    }
    let spatial = try Self.spatial.map { try similarity($0.0, $0.1) }
    let colour = try Self.colour.map { try similarity($0.0, $0.1) }
    // Flips permute pixels: the feature is unchanged up to float rounding.
    assertClose(spatial[0], 1, rtol: 1e-4)
    assertClose(spatial[1], 1, rtol: 1e-4)
    #expect(spatial[2] > 0.99, "translation S = \(spatial[2])")
    let leastSpatial = spatial.min() ?? .nan
    let mostColour = colour.max() ?? .nan
    #expect(leastSpatial > mostColour, "spatial \(spatial) vs colour \(colour)")
  }

  @Test func hoeffdingMarksTheInvariantModelPerTransform() throws {
    let models: [any ImageFeatureFunction] = [ColourStatisticsFeature(), QuadrantColourFeature()]
    let whitenings = try models.map { try whitening($0) }
    let images = syntheticImages(count: 16, seed: 3)
    let test = try HoeffdingTest(n: images.count, alpha: 0.05, comparisons: models.count)
    func marks(_ t: SyntheticTransform, _ k: Int?) throws -> Int? {
      let means = try zip(models, whitenings).map { model, w in
        try SyntheticInvariance.measure(images: images, transform: t, k: k, model: model, whitening: w)
          .meanSimilarity
      }
      return test.significantMaximum(of: means)
    }
    // Flipping moves the quadrants but not the colour statistics.
    #expect(try marks(.hFlip, nil) == 0)
    #expect(try marks(.vFlip, nil) == 0)
  }
}
