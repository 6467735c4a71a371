// Copyright © 2026 the ssl authors.

/// One model's synthetic invariance to one transform (§8.2).
public struct SyntheticInvarianceResult: Hashable, Sendable {
  /// The transform's name (`rotation`, `h_flip`, …).
  public let transform: String
  /// Images measured (n of the Hoeffding test).
  public let images: Int
  /// nanmean over images of the Mahalanobis distance, one value per setting.
  public let distancePerSetting: [Double]
  /// nanmean over images of the whitened cosine S, one value per setting.
  public let similarityPerSetting: [Double]
  /// Per-image S averaged over settings (for the pairwise Hoeffding comparison).
  public let similarityPerImage: [Double]
  /// Wang & Isola's alignment (§8.6, paper Table C.1) over every (clean, transformed) pair:
  /// the mean ‖f(x) − f(t(x))‖² of L2-normalised features; lower is more invariant.
  public let alignment: Double
  /// Wang & Isola's uniformity of the clean features of the sampled images:
  /// log E exp(−2‖f(x) − f(y)‖²) over pairs; NaN with fewer than two images.
  public let uniformity: Double

  /// The printed summary: the mean over the k settings (identity/"off" settings included [quirk]).
  public var meanDistance: Double { InvarianceMeasures.nanMean(distancePerSetting) }
  /// The mean S over settings.
  public var meanSimilarity: Double { InvarianceMeasures.nanMean(similarityPerSetting) }
}

/// The §8.2 measurement: clean view vs each parameterised view of the same images.
public enum SyntheticInvariance {
  /// Resize 256 (bilinear, shorter side), centre crop 224, ImageNet normalise.
  public static let cleanPreprocessing = ImagePreprocessing(
    resizes: [ResizeStep(.shorterSide(256), filter: .bilinear)], crop: 224, normalization: .imageNet)
  /// For `resized_crop`, which already produced 224×224: normalise only.
  public static let normaliseOnly = ImagePreprocessing(resizes: [], crop: 224, normalization: .imageNet)

  /// Measures L and S of `model` on `images` under every setting of `transform`.
  ///
  /// - Parameters:
  ///   - images: the sampled images at full resolution (the op runs on the original image).
  ///   - k: the number of settings (nil = the transform's default).
  ///   - whitening: μ and L of the reference set (§8.1).
  ///   - clean: the clean preprocessing (default ``cleanPreprocessing``; tests use smaller crops).
  ///   - seed: base seed of random ops (deform); image i, setting j uses seed + i·k + j.
  ///   - batchSize: transformed views per forward pass.
  public static func measure(
    images: [RGBImage], transform: SyntheticTransform, k: Int? = nil, model: any ImageFeatureFunction,
    whitening: Whitening, clean: ImagePreprocessing = cleanPreprocessing, seed: UInt64 = 0,
    batchSize: Int = 32, cancellation: CancellationFlag? = nil
  ) throws(InvarianceError) -> SyntheticInvarianceResult {
    let settings = transform.settings(k: k)
    let moved = transform.skipsCleanResize
      ? ImagePreprocessing(resizes: [], crop: clean.crop, normalization: clean.normalization) : clean
    var distances = [[Double]](repeating: [], count: settings.count)
    var similarities = [[Double]](repeating: [], count: settings.count)
    var perImage = [Double]()
    var alignmentSum = 0.0
    var pairs = 0
    var cleanValues = [Float]()
    var width = 0
    for (index, image) in images.enumerated() {
      if cancellation?.isCancelled == true { throw .tensor(.cancelled) }
      let reference = try features(of: [image], preprocessing: clean, model: model)
      cleanValues += reference.values
      width = reference.columns
      var imageSimilarities = [Double]()
      var start = 0
      while start < settings.count {
        let chunk = start..<min(start + max(batchSize, 1), settings.count)
        var views = [RGBImage]()
        for j in chunk {
          do {
            let viewSeed = seed &+ UInt64(index * settings.count + j)
            views.append(try transform.apply(settings[j], to: image, seed: viewSeed))
          } catch { throw .transform(error, image: index) }
        }
        let viewFeatures = try features(of: views, preprocessing: moved, model: model)
        let repeated = try matrix(
          rows: chunk.count, columns: reference.columns,
          values: Array((0..<chunk.count).map { _ in reference.values }.joined()))
        let measured = try InvarianceMeasures.syntheticPairs(
          clean: repeated, transformed: viewFeatures, whitening: whitening)
        for (offset, j) in chunk.enumerated() {
          distances[j].append(measured.distance[offset])
          similarities[j].append(measured.similarity[offset])
          imageSimilarities.append(measured.similarity[offset])
        }
        alignmentSum += try InvarianceMeasures.alignment(repeated, viewFeatures) * Double(chunk.count)
        pairs += chunk.count
        start = chunk.upperBound
      }
      perImage.append(InvarianceMeasures.nanMean(imageSimilarities))
    }
    var uniformity = Double.nan
    if images.count >= 2 {
      uniformity = try InvarianceMeasures.uniformity(
        matrix(rows: images.count, columns: width, values: cleanValues))
    }
    return SyntheticInvarianceResult(
      transform: transform.rawValue, images: images.count,
      distancePerSetting: distances.map(InvarianceMeasures.nanMean),
      similarityPerSetting: similarities.map(InvarianceMeasures.nanMean),
      similarityPerImage: perImage, alignment: pairs > 0 ? alignmentSum / Double(pairs) : .nan,
      uniformity: uniformity)
  }

  /// Preprocesses `images` and runs them through `model` as one batch.
  public static func features(
    of images: [RGBImage], preprocessing: ImagePreprocessing, model: any ImageFeatureFunction
  ) throws(InvarianceError) -> FeatureMatrix {
    var batch = [Float]()
    batch.reserveCapacity(images.count * preprocessing.outputCount)
    for image in images {
      do { batch.append(contentsOf: try preprocessing.apply(image)) } catch { throw .image(error) }
    }
    let shape = [images.count] + preprocessing.outputShape
    let output: Tensor
    do { output = try model.features(Tensor(shape: shape, scalars: batch)) } catch { throw .tensor(error) }
    guard output.rank == 2, output.shape[0] == images.count else {
      throw .tensor(.shapeMismatch(op: "feature function output", lhs: [images.count, -1], rhs: output.shape))
    }
    return try matrix(rows: images.count, columns: output.shape[1], values: output.scalars)
  }

  static func matrix(rows: Int, columns: Int, values: [Float]) throws(InvarianceError) -> FeatureMatrix {
    do { return try FeatureMatrix(rows: rows, columns: columns, values: values) } catch {
      throw .dimensionMismatch(expected: rows * columns, found: values.count)
    }
  }
}

