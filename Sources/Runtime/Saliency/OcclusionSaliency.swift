// Copyright © 2026 the ssl authors.

/// Task-agnostic occlusion saliency (§7): slide an occluding window over the image, score each
/// position by ‖f(x) − f(x_occ)‖₂ / ‖f(x)‖₂ on the pooled feature, add the score to every pixel
/// the window covered, divide by the window area, and keep the central crop.
public enum OcclusionSaliency {
  /// The saliency map of one preprocessed image.
  ///
  /// - Parameters:
  ///   - image: [1, 3, S, S] with S = `settings.inputSize` (already normalised).
  ///   - model: the feature function.
  ///   - settings: window, stride, fill, crop (documented defaults in ``OcclusionSettings``).
  ///   - cancellation: polled between batches.
  /// - Returns: the `cropSize × cropSize` map.
  public static func map(
    image: Tensor, model: any ImageFeatureFunction, settings: OcclusionSettings = OcclusionSettings(),
    cancellation: CancellationFlag? = nil
  ) throws(TensorError) -> SaliencyMap {
    let side = settings.inputSize
    guard image.shape == [1, 3, side, side] else {
      throw .shapeMismatch(op: "occlusion saliency input", lhs: [1, 3, side, side], rhs: image.shape)
    }
    guard settings.window >= 1, settings.stride >= 1, settings.batchSize >= 1, settings.cropSize <= side else {
      throw .invalidArgument(op: "occlusion saliency", reason: "window, stride and batch must be ≥ 1 and crop ≤ input")
    }
    let clean = try model.features(image).scalars
    let cleanNorm = clean.reduce(0.0) { $0 + Double($1) * Double($1) }.squareRoot()
    let pixels = image.scalars  // [3, S, S]
    let plane = side * side
    let positions = settings.positions
    let windows = positions.flatMap { top in positions.map { left in (top, left) } }
    var accumulated = [Double](repeating: 0, count: plane)
    var start = 0
    while start < windows.count {
      if cancellation?.isCancelled == true { throw .cancelled }
      let chunk = windows[start..<min(start + settings.batchSize, windows.count)]
      var batch = [Float]()
      batch.reserveCapacity(chunk.count * 3 * plane)
      for (top, left) in chunk {
        var copy = pixels
        for channel in 0..<3 {
          for y in top..<(top + settings.window) {
            let row = channel * plane + y * side
            for x in left..<(left + settings.window) { copy[row + x] = settings.fill }
          }
        }
        batch.append(contentsOf: copy)
      }
      let occluded = try model.features(Tensor(shape: [chunk.count, 3, side, side], scalars: batch)).scalars
      let d = clean.count
      for (offset, (top, left)) in chunk.enumerated() {
        var squared = 0.0
        for j in 0..<d {
          let delta = Double(clean[j]) - Double(occluded[offset * d + j])
          squared += delta * delta
        }
        let score = squared.squareRoot() / cleanNorm
        for y in top..<(top + settings.window) {
          for x in left..<(left + settings.window) { accumulated[y * side + x] += score }
        }
      }
      start += chunk.count
    }
    let area = Double(settings.window * settings.window)
    let full = SaliencyMap(width: side, height: side, values: accumulated.map { $0 / area })
    return full.centreCropped(to: settings.cropSize)
  }
}
