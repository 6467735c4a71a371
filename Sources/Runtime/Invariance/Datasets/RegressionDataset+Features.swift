// Copyright © 2026 the ssl authors.
//
// Features of a regression split as `eval_downstream.py` computes them (§8.4): the dataset's
// crop (300W's landmark square, which may reach past the image: Pillow's `crop` fills the
// outside with 0), then Resize 224 (bilinear, shorter side), CenterCrop 224 and the model's
// normalisation. Like the seed code, nothing is cached.

extension RegressionDataset {
  /// The evaluation transform of §8.4 with a normalisation.
  public static func preprocessing(_ normalization: ChannelNormalization) -> ImagePreprocessing {
    ImagePreprocessing(
      resizes: [ResizeStep(.shorterSide(224), filter: .bilinear)], crop: 224,
      normalization: normalization)
  }

  /// The image a sample's transform sees: decoded, then cropped by the dataset's box.
  ///
  /// - Throws: ``ImageError`` naming the file.
  public func image(of sample: RegressionSample) throws(ImageError) -> RGBImage {
    let path = sample.path.hasPrefix("/") ? sample.path : root + "/" + sample.path
    let image = try GDImageDecoder.decode(contentsOf: path)
    guard let box = sample.crop else { return image }
    return image.croppedPadding(box)
  }

  /// Pooled features of `samples` through `model`, `batchSize` images per forward pass.
  ///
  /// - Parameter progress: Called with the number of images done after each batch.
  /// - Throws: ``InvarianceError`` (image or forward-pass failures).
  public func features(
    of samples: [RegressionSample], model: any ImageFeatureFunction,
    preprocessing: ImagePreprocessing, batchSize: Int, progress: (Int) -> Void = { _ in }
  ) throws(InvarianceError) -> FeatureMatrix {
    var values: [Float] = []
    var columns = 0
    var start = 0
    while start < samples.count {
      let chunk = samples[start..<min(start + max(batchSize, 1), samples.count)]
      var images: [RGBImage] = []
      for sample in chunk {
        do { images.append(try image(of: sample)) } catch { throw .image(error) }
      }
      let part = try SyntheticInvariance.features(of: images, preprocessing: preprocessing, model: model)
      columns = part.columns
      values += part.values
      start = chunk.endIndex
      progress(start)
    }
    return try SyntheticInvariance.matrix(rows: samples.count, columns: columns, values: values)
  }
}

extension RGBImage {
  /// The rectangle `box`, with pixels outside the image set to 0 (Pillow's `Image.crop`).
  public func croppedPadding(_ box: PixelRect) -> RGBImage {
    var out = [UInt8](repeating: 0, count: max(box.width, 0) * max(box.height, 0) * 3)
    for y in 0..<max(box.height, 0) {
      let sy = box.y + y
      guard sy >= 0 && sy < height else { continue }
      for x in 0..<max(box.width, 0) {
        let sx = box.x + x
        guard sx >= 0 && sx < width else { continue }
        let s = (sy * width + sx) * 3
        let d = (y * box.width + x) * 3
        out[d] = pixels[s]
        out[d + 1] = pixels[s + 1]
        out[d + 2] = pixels[s + 2]
      }
    }
    return RGBImage(width: max(box.width, 0), height: max(box.height, 0), pixels: out)
  }
}
