// Copyright © 2026 the ssl authors.

/// One model's real-world invariance on a grouped dataset (§8.3).
public struct RealWorldInvarianceResult: Hashable, Sendable {
  /// Group keys, in the layout's order.
  public let groups: [String]
  /// Per group: mean k×k whitened cosine (diagonal included).
  public let similarityPerGroup: [Double]
  /// Per group: mean whitened pairwise distance (pdist).
  public let distancePerGroup: [Double]
  /// The reported S: the mean over groups.
  public var meanSimilarity: Double { InvarianceMeasures.nanMean(similarityPerGroup) }
  /// The reported L: the mean over groups.
  public var meanDistance: Double { InvarianceMeasures.nanMean(distancePerGroup) }
}

/// The §8.3 measurement over groups of views of the same thing.
public enum RealWorldInvariance {
  /// Resize 224 (shorter side, bilinear), centre crop 224, ImageNet normalise.
  public static let preprocessing = ImagePreprocessing(
    resizes: [ResizeStep(.shorterSide(224), filter: .bilinear)], crop: 224, normalization: .imageNet)

  /// S and L of every group (groups with fewer than two views are an error naming the group).
  ///
  /// - Parameters:
  ///   - groups: the layout's groups with readable paths (``InvarianceGroups/readableGroups``).
  ///   - whitening: ImageNet μ and L (§8.1).
  public static func measure(
    groups: [InvarianceGroup], model: any ImageFeatureFunction, whitening: Whitening,
    preprocessing: ImagePreprocessing = preprocessing, cancellation: CancellationFlag? = nil
  ) throws(InvarianceError) -> RealWorldInvarianceResult {
    var similarities = [Double]()
    var distances = [Double]()
    for group in groups {
      if cancellation?.isCancelled == true { throw .tensor(.cancelled) }
      var images = [RGBImage]()
      for path in group.paths {
        do { images.append(try GDImageDecoder.decode(contentsOf: path)) } catch { throw .image(error) }
      }
      let features = try SyntheticInvariance.features(of: images, preprocessing: preprocessing, model: model)
      let measured = try InvarianceMeasures.realWorldGroup(name: group.key, views: features, whitening: whitening)
      similarities.append(measured.similarity)
      distances.append(measured.distance)
    }
    return RealWorldInvarianceResult(
      groups: groups.map(\.key), similarityPerGroup: similarities, distancePerGroup: distances)
  }
}
