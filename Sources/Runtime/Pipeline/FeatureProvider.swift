// Copyright © 2026 the ssl authors.

import Synchronization

/// One split of one dataset through one model, as every protocol needs it.
public struct FeatureJob: Sendable {
  /// The network.
  public var model: ResNet
  /// Content hash of its weights (the cache key's model identity).
  public var modelHash: String
  /// The name results are filed under (kept in the cache index for `cache` listings).
  public var modelName: String
  /// The data.
  public var dataset: Dataset
  /// Which split.
  public var split: DatasetSplit
  /// Resizing, cropping and normalisation.
  public var preprocessing: ImagePreprocessing
  /// Images per forward pass.
  public var batchSize: Int
  /// Compute threads.
  public var threads: Int

  /// Creates a job.
  public init(
    model: ResNet, modelHash: String, modelName: String, dataset: Dataset, split: DatasetSplit,
    preprocessing: ImagePreprocessing, batchSize: Int = 32, threads: Int = 2
  ) {
    self.model = model
    self.modelHash = modelHash
    self.modelName = modelName
    self.dataset = dataset
    self.split = split
    self.preprocessing = preprocessing
    self.batchSize = batchSize
    self.threads = threads
  }

  /// The cache key: weights, architecture, layer, preprocessing, data and split.
  public var cacheKey: FeatureCacheKey {
    FeatureCacheKey(
      weightsHash: modelHash, architecture: model.config.name, layer: "layer4",
      preprocessing: preprocessing.identifier, datasetFingerprint: dataset.fingerprint,
      split: split, modelName: modelName, datasetName: dataset.name)
  }
}

/// What ``FeatureProvider/features(_:cache:cancellation:progress:)`` produced.
public struct FeatureOutcome: Sendable {
  /// One row per readable image, labels aligned.
  public var features: FeatureSet
  /// Whether the cache had them (no forward pass ran).
  public var fromCache: Bool
  /// Images that could not be read and were skipped (empty on a cache hit).
  public var unreadable: UnreadableImageReport
  /// Why freshly extracted features could not be cached (a read-only workspace, a full
  /// disk), or nil. The features are still returned: the work is not thrown away.
  public var notCached: String? = nil
}

/// Pooled features for a dataset split: from the feature cache when present, otherwise
/// extracted (decode → resize → crop → normalise → forward) and stored atomically.
public enum FeatureProvider {
  private static let passes = Atomic<Int>(0)

  /// How many extractions (not cache hits) this process has run; tests read it to check that
  /// a rerun does no forward pass.
  public static var extractionCount: Int { passes.load(ordering: .relaxed) }

  /// Features for a job.
  ///
  /// - Throws: ``DatasetError`` for multi-label data (not supported here yet), extraction and
  ///   cache errors; `TensorError.cancelled` when cancelled (nothing is cached then).
  public static func features(
    _ job: FeatureJob, cache: FeatureCache, cancellation: CancellationFlag? = nil,
    progress: (ExtractionProgress) -> Void = { _ in }
  ) throws -> FeatureOutcome {
    let key = job.cacheKey
    if let hit = try cache.lookup(key) {
      return FeatureOutcome(features: hit, fromCache: true, unreadable: UnreadableImageReport())
    }
    passes.add(1, ordering: .relaxed)
    var source = try DatasetBatchSource(
      dataset: job.dataset, split: job.split, preprocessing: job.preprocessing)
    let extractor = FeatureExtractor(
      model: job.model, batchSize: job.batchSize, stages: [.layer4], threads: job.threads)
    let outputs = try extractor.extractAll(
      from: &source, cancellation: cancellation, progress: progress)
    guard let pooled = outputs[.layer4] else { throw TensorError.cancelled }
    var labels: [Int] = []
    labels.reserveCapacity(source.keptSamples.count)
    for sample in source.keptSamples {
      switch sample.target {
      case .label(let label): labels.append(label)
      case .positives(let positives):
        // Multi-label (VOC2007): the positive classes as a bit mask (see `MultiLabel`).
        guard let mask = MultiLabel.mask(positives) else {
          throw DatasetError.unsupported(
            dataset: job.dataset.name, reason: "multi-label targets need at most 62 classes")
        }
        labels.append(mask)
      }
    }
    let set = FeatureSet(
      rows: pooled.shape[0], columns: pooled.shape[1], values: pooled.scalars, labels: labels)
    var notCached: String?
    do { try cache.store(set, for: key) } catch { notCached = "\(error)" }
    return FeatureOutcome(
      features: set, fromCache: false, unreadable: source.report, notCached: notCached)
  }
}
