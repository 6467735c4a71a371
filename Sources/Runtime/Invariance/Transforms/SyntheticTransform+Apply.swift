// Copyright © 2026 the ssl authors.
//
// Dispatch from a transform and one setting to the Pillow-exact op. `seed` only matters for
// `deform`, the one random op.

extension SyntheticTransform {
  /// Applies one setting to a full-resolution image.
  ///
  /// - Parameters:
  ///   - setting: One of ``settings(k:)`` (or any value of the same shape).
  ///   - image: The decoded original image.
  ///   - seed: The random seed (used by `deform` only).
  /// - Returns: The transformed image: same size, except `resizedCrop`, which gives 224×224.
  /// - Throws: ``TransformError`` for a malformed setting or an image too small for the op.
  public func apply(_ setting: TransformSetting, to image: RGBImage, seed: UInt64)
    throws(TransformError)
    -> RGBImage
  {
    let v = setting.values
    switch self {
    case .hFlip: return try flag(v) ? PillowGeometry.flippedHorizontally(image) : image
    case .vFlip: return try flag(v) ? PillowGeometry.flippedVertically(image) : image
    case .grayscale: return try flag(v) ? PillowColor.grayscale(image) : image
    case .invert: return try flag(v) ? PillowColor.inverted(image) : image
    case .equalize: return try flag(v) ? PillowColor.equalized(image) : image
    case .posterize:
      let bits = try scalar(v)
      guard bits >= 0 && bits <= 8 && bits == bits.rounded() else {
        throw .invalidParameter(transform: rawValue, reason: "bits \(bits) not in 0…8")
      }
      return PillowColor.posterized(image, bits: Int(bits))
    case .brightness: return PillowColor.brightness(image, factor: try scalar(v))
    case .contrast: return PillowColor.contrast(image, factor: try scalar(v))
    case .saturation: return PillowColor.saturation(image, factor: try scalar(v))
    case .sharpness: return PillowColor.sharpness(image, factor: try scalar(v))
    case .hue:
      let factor = try scalar(v)
      guard abs(factor) <= 0.5 else {
        throw .invalidParameter(transform: rawValue, reason: "hue factor \(factor) not in ±0.5")
      }
      return PillowHue.adjusted(image, factor: factor)
    case .blur:
      let sigma = try scalar(v)
      guard sigma > 0 else {
        throw .invalidParameter(transform: rawValue, reason: "sigma \(sigma) must be > 0")
      }
      let half = Self.blurKernelSize / 2
      guard image.width > half && image.height > half else {
        throw .imageTooSmall(
          transform: rawValue, width: image.width, height: image.height,
          reason: "reflect padding \(half) needs a side > \(half)")
      }
      return TensorGaussianBlur.blurred(image, kernelSize: Self.blurKernelSize, sigma: sigma)
    case .rotation:
      return PillowGeometry.rotated(image, degrees: try scalar(v))
    case .translation:
      let t = try values(v, 2)
      return PillowGeometry.affine(
        image, angle: 0, translate: (t[0], t[1]), scale: 1, shear: (1, 0))
    case .scale:
      let s = try scalar(v)
      guard s > 0 else {
        throw .invalidParameter(transform: rawValue, reason: "scale \(s) must be > 0")
      }
      return PillowGeometry.affine(image, angle: 0, translate: (0, 0), scale: s, shear: (1, 0))
    case .shear:
      let s = try values(v, 2)
      return PillowGeometry.affine(
        image, angle: 0, translate: (0, 0), scale: 1, shear: (s[0], s[1]))
    case .resizedCrop:
      let r = try values(v, 4)
      guard r[2] > 0 && r[3] > 0 else {
        throw .invalidParameter(transform: rawValue, reason: "empty crop \(r)")
      }
      return PillowGeometry.resizedCrop(
        image, top: r[0], left: r[1], height: r[2], width: r[3], size: 224)
    case .deform:
      let sigma = try scalar(v)
      guard sigma > 0 else {
        throw .invalidParameter(transform: rawValue, reason: "sigma \(sigma) must be > 0")
      }
      return ElasticDeformation.deformed(image, sigma: sigma, seed: seed)
    }
  }

  // MARK: - Setting checks

  private func values(_ v: [Double], _ count: Int) throws(TransformError) -> [Double] {
    guard v.count == count else {
      throw .wrongParameterCount(transform: rawValue, expected: count, got: v.count)
    }
    return v
  }

  private func scalar(_ v: [Double]) throws(TransformError) -> Double {
    try values(v, 1)[0]
  }

  private func flag(_ v: [Double]) throws(TransformError) -> Bool {
    let x = try scalar(v)
    guard x == 0 || x == 1 else {
      throw .invalidParameter(transform: rawValue, reason: "flag \(x) must be 0 or 1")
    }
    return x == 1
  }
}
