// Copyright © 2026 the ssl authors.

/// Occlusion-saliency settings (§7). The defaults are the ones `jonahanton/SSL_medicalimaging`
/// documents (the paper gives none): a 10×10 window filled with 0 (in normalised input space,
/// i.e. the ImageNet mean colour), stride 1, the image resized and centre-cropped to 242
/// (bicubic), the map cropped to its central 224×224.
public struct OcclusionSettings: Hashable, Sendable {
  /// Side of the square occluding window, in pixels.
  public var window: Int = 10
  /// Step between window positions.
  public var stride: Int = 1
  /// The value written into the window (normalised input space).
  public var fill: Float = 0
  /// The side of the square input the windows slide over.
  public var inputSize: Int = 242
  /// The side of the central crop of the map that is kept.
  public var cropSize: Int = 224
  /// Occluded copies per forward pass.
  public var batchSize: Int = 32
  /// The model's input normalisation (ImageNet's unless the model was trained without one).
  public var normalization: ChannelNormalization = .imageNet

  public init(window: Int = 10, stride: Int = 1, fill: Float = 0, inputSize: Int = 242, cropSize: Int = 224, batchSize: Int = 32) {
    self.window = window
    self.stride = stride
    self.fill = fill
    self.inputSize = inputSize
    self.cropSize = cropSize
    self.batchSize = batchSize
  }

  /// Window positions along one side: 0, stride, … while the window fits.
  public var positions: [Int] {
    guard window <= inputSize, stride >= 1 else { return [] }
    return Array(Swift.stride(from: 0, through: inputSize - window, by: stride))
  }
}
