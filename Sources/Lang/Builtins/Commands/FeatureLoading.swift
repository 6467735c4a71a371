// Copyright © 2026 the ssl authors.

import Runtime

/// Features of one dataset split through one bench model, as `eval` and `features` need
/// them: the model's normalisation, the dataset's extra first resize (ChestX), the cache, and
/// progress and unreadable-image warnings reported to the session.
enum FeatureLoading {
  /// A protocol's preprocessing for a model and dataset.
  static func preprocessing(
    _ base: (ChannelNormalization) -> ImagePreprocessing, model: BenchModel,
    resolved: DatasetResolver.Resolved
  ) -> ImagePreprocessing {
    let pre = base(model.zoo.normalization == .none ? .none : .imageNet)
    guard let step = resolved.seed?.preResize else { return pre }
    return pre.preceded(by: step)
  }

  /// The split's features, from the cache or extracted (with progress on `out`).
  static func features(
    model: BenchModel, resolved: DatasetResolver.Resolved, split: DatasetSplit,
    preprocessing: ImagePreprocessing, cache: FeatureCache, batch: Int, threads: Int,
    out: OutputSink, span: SourceSpan
  ) throws(RuntimeError) -> FeatureSet {
    if let fusion = model.fusion {
      return try fused(
        fusion, name: model.name, resolved: resolved, split: split, preprocessing: preprocessing,
        cache: cache, batch: batch, threads: threads, out: out, span: span)
    }
    guard let weights = model.weights else {
      throw RuntimeError("\(model.name) has no weights", at: span)
    }
    guard let dataset = resolved.dataset else {
      throw RuntimeError("\(resolved.task) holds features, not images: nothing to extract", at: span)
    }
    let job = FeatureJob(
      model: weights.network, modelHash: weights.hash, modelName: model.name,
      dataset: dataset, split: split, preprocessing: preprocessing, batchSize: batch,
      threads: threads)
    let label = "\(model.name) · \(resolved.task) \(split.rawValue): extracted"
    do {
      let outcome = try FeatureProvider.features(
        job, cache: cache, cancellation: CancellationFlag.shared
      ) { p in
        out.progress(label, done: p.imagesDone, total: p.totalImages ?? p.imagesDone, unit: "images")
      }
      if !outcome.unreadable.isEmpty { out.warn("warning: \(outcome.unreadable.summary)\n") }
      if let reason = outcome.notCached {
        out.warn("warning: \(model.name) · \(resolved.task) \(split.rawValue) features not cached (\(reason)); evaluating from memory\n")
      }
      return outcome.features
    } catch {
      throw RuntimeError("\(model.name) on \(resolved.task) (\(split.rawValue)): \(error)", at: span)
    }
  }
}
