// Copyright © 2026 the ssl authors.

extension OcclusionSaliency {
  /// The input transform of the documented defaults: shorter side to `inputSize` (bicubic),
  /// centre crop `inputSize`, the settings' normalisation (ImageNet's by default).
  public static func preprocessing(_ settings: OcclusionSettings) -> ImagePreprocessing {
    ImagePreprocessing(
      resizes: [ResizeStep(.shorterSide(settings.inputSize), filter: .bicubic)], crop: settings.inputSize,
      normalization: settings.normalization)
  }

  /// The saliency map of a decoded image, preprocessed by ``preprocessing(_:)``.
  ///
  /// - Returns: the map and the matching `cropSize` crop of the resized image (for overlays).
  public static func map(
    of image: RGBImage, model: any ImageFeatureFunction, settings: OcclusionSettings = OcclusionSettings(),
    cancellation: CancellationFlag? = nil
  ) throws(InvarianceError) -> (map: SaliencyMap, view: RGBImage) {
    let transform = preprocessing(settings)
    let input: [Float]
    let bytes: RGBImage
    do {
      input = try transform.apply(image)
      bytes = try transform.cropBytes(image)
    } catch { throw .image(error) }
    let side = settings.inputSize
    do {
      let map = try Self.map(
        image: Tensor(shape: [1, 3, side, side], scalars: input), model: model, settings: settings,
        cancellation: cancellation)
      let offset = (side - settings.cropSize) / 2
      return (map, bytes.cropped(left: offset, top: offset, width: settings.cropSize, height: settings.cropSize))
    } catch { throw .tensor(error) }
  }
}
