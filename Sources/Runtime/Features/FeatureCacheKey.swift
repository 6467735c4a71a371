// Copyright © 2026 the ssl authors.

/// What identifies cached features: the same key means the same numbers.
public struct FeatureCacheKey: Hashable, Codable, Sendable {
  /// A content hash of the model weights.
  public var weightsHash: String
  /// The architecture, for example `resnet50`.
  public var architecture: String
  /// The layer features are taken from, for example `avgpool`.
  public var layer: String
  /// ``ImagePreprocessing/identifier`` of the transform.
  public var preprocessing: String
  /// ``Dataset/fingerprint``.
  public var datasetFingerprint: String
  /// The split.
  public var split: DatasetSplit
  /// A model name for listing and clearing (not part of the identity).
  public var modelName: String
  /// A dataset name for listing and clearing (not part of the identity).
  public var datasetName: String

  /// Creates a key.
  public init(
    weightsHash: String, architecture: String, layer: String, preprocessing: String,
    datasetFingerprint: String, split: DatasetSplit, modelName: String, datasetName: String
  ) {
    self.weightsHash = weightsHash
    self.architecture = architecture
    self.layer = layer
    self.preprocessing = preprocessing
    self.datasetFingerprint = datasetFingerprint
    self.split = split
    self.modelName = modelName
    self.datasetName = datasetName
  }

  /// SHA-256 of the identifying fields (names excluded), in a fixed order.
  public var digest: String {
    SHA256.hex(
      [weightsHash, architecture, layer, preprocessing, datasetFingerprint, split.rawValue]
        .joined(separator: "\u{1F}"))
  }
}
