// Copyright © 2026 the ssl authors.

/// Anything that maps a batch of preprocessed images [N, 3, H, W] to features [N, d]: a ResNet
/// backbone, a fused pair, or a test model whose invariances are known by construction. The
/// invariance and saliency measures are written against this protocol only.
public protocol ImageFeatureFunction: Sendable {
  /// The feature of each image of `batch` ([N, 3, H, W] → [N, d]).
  func features(_ batch: Tensor) throws(TensorError) -> Tensor
}

/// A ResNet's penultimate (pooled layer4) features.
public struct ResNetFeatureFunction: ImageFeatureFunction {
  /// The backbone.
  public let model: ResNet

  public init(model: ResNet) { self.model = model }

  public func features(_ batch: Tensor) throws(TensorError) -> Tensor {
    try model.features(batch)
  }
}

/// A feature that ignores where colours are: each channel's mean and standard deviation over
/// all pixels ([N, 6]). Flips leave it exactly unchanged and rotations/translations nearly so
/// (up to the fill at the border), while brightness, contrast, hue or inversion move it: the
/// test model of the invariance acceptance (issue #8).
public struct ColourStatisticsFeature: ImageFeatureFunction {
  public init() {}

  public func features(_ batch: Tensor) throws(TensorError) -> Tensor {
    guard batch.rank == 4, batch.shape[1] == 3 else {
      throw .shapeMismatch(op: "ColourStatisticsFeature input", lhs: [-1, 3, -1, -1], rhs: batch.shape)
    }
    let n = batch.shape[0]
    let plane = batch.shape[2] * batch.shape[3]
    let x = batch.scalars
    var out = [Float](repeating: 0, count: n * 6)
    for image in 0..<n {
      for channel in 0..<3 {
        let base = (image * 3 + channel) * plane
        var sum = 0.0
        var squares = 0.0
        for i in 0..<plane {
          let v = Double(x[base + i])
          sum += v
          squares += v * v
        }
        let mean = sum / Double(max(plane, 1))
        let variance = max(squares / Double(max(plane, 1)) - mean * mean, 0)
        out[image * 6 + channel] = Float(mean)
        out[image * 6 + 3 + channel] = Float(variance.squareRoot())
      }
    }
    return Tensor(shape: [n, 6], scalars: out)
  }
}
