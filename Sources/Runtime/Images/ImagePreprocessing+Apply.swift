// Copyright © 2026 the ssl authors.
//
// Running an ``ImagePreprocessing``: every resize but the last runs in full; the last one is
// fused with the centre crop (only the crop window is resampled, which gives the same bytes);
// bytes become floats through a 3 × 256 table holding `(b / 255 − mean) / std` per channel.

extension ImagePreprocessing {
  /// Transforms an image into `3 * crop * crop` CHW floats.
  ///
  /// - Parameters:
  ///   - image: The decoded image.
  ///   - path: The name used in errors.
  ///   - out: Room for ``outputCount`` floats.
  /// - Throws: ``ImageError/invalidGeometry(path:reason:)`` when the image (after resizing) is
  ///   smaller than the crop or a resize asks for a zero size.
  public func apply(
    _ image: RGBImage, path: String = "<memory>", into out: UnsafeMutableBufferPointer<Float>
  ) throws(ImageError) {
    precondition(out.count >= outputCount, "output buffer too small")
    let window = try cropBytes(image, path: path)
    let table = normalization.lookupTable
    let plane = crop * crop
    window.pixels.withUnsafeBufferPointer { src in
      table.withUnsafeBufferPointer { lut in
        for c in 0..<3 {
          let base = c * plane
          let row = c * 256
          for i in 0..<plane { out[base + i] = lut[row + Int(src[i * 3 + c])] }
        }
      }
    }
  }

  /// Transforms an image and returns its `3 * crop * crop` CHW floats.
  public func apply(_ image: RGBImage, path: String = "<memory>") throws(ImageError) -> [Float] {
    var out = [Float](repeating: 0, count: outputCount)
    try out.withUnsafeMutableBufferPointer { (buffer) throws(ImageError) in
      try apply(image, path: path, into: buffer)
    }
    return out
  }

  /// Decodes a file through libgd and transforms it.
  ///
  /// - Throws: ``ImageError`` naming `path`.
  public func load(contentsOf path: String, into out: UnsafeMutableBufferPointer<Float>)
    throws(ImageError)
  {
    try apply(GDImageDecoder.decode(contentsOf: path), path: path, into: out)
  }

  /// The 8-bit crop window after all resizes (the stage Pillow parity is checked on).
  ///
  /// - Throws: ``ImageError/invalidGeometry(path:reason:)``.
  public func cropBytes(_ image: RGBImage, path: String = "<memory>") throws(ImageError)
    -> RGBImage
  {
    guard image.width >= 1 && image.height >= 1 else {
      throw .invalidGeometry(path: path, reason: "the image is empty")
    }
    var current = image
    for step in resizes.dropLast() {
      // An intermediate image is made whole; the last resize makes only the crop window.
      let size = try checkedSize(step, current, path: path)
      if ImageHeader.isTooLarge(width: size.width, height: size.height) {
        throw .invalidGeometry(
          path: path,
          reason: "resizing \(current.width)×\(current.height) gives "
            + "\(size.width)×\(size.height), more than the \(ImageHeader.maxPixels)-pixel limit")
      }
      if size != (current.width, current.height) {
        current = ImageResampler.resize(
          current, width: size.width, height: size.height, filter: step.filter)
      }
    }
    guard let last = resizes.last else { return try centreCrop(current, path: path) }
    let size = try checkedSize(last, current, path: path)
    guard size.width >= crop && size.height >= crop else {
      throw .invalidGeometry(
        path: path, reason: "\(size.width)×\(size.height) is smaller than the \(crop) crop")
    }
    let window = cropWindow(width: size.width, height: size.height)
    return ImageResampler.resize(
      current, width: size.width, height: size.height, filter: last.filter, crop: window)
  }

  private func checkedSize(_ step: ResizeStep, _ image: RGBImage, path: String)
    throws(ImageError) -> (width: Int, height: Int)
  {
    let size = step.rule.size(width: image.width, height: image.height)
    guard size.width >= 1 && size.height >= 1 else {
      throw .invalidGeometry(
        path: path, reason: "resizing \(image.width)×\(image.height) gives an empty image")
    }
    return size
  }

  private func centreCrop(_ image: RGBImage, path: String) throws(ImageError) -> RGBImage {
    guard image.width >= crop && image.height >= crop else {
      throw .invalidGeometry(
        path: path, reason: "\(image.width)×\(image.height) is smaller than the \(crop) crop")
    }
    let w = cropWindow(width: image.width, height: image.height)
    return image.cropped(left: w.x, top: w.y, width: w.width, height: w.height)
  }
}
