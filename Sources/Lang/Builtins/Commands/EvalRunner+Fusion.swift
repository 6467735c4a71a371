// Copyright © 2026 the ssl authors.

import Runtime

extension EvalRunner {
  /// A fused entry's features for a split: each member's (through the feature cache, with the
  /// member's own normalisation), combined row by row (`cat`, `add` or `mean`).
  func fused(_ fusion: Fusion, split: DatasetSplit, _ pre: ImagePreprocessing) throws(RuntimeError)
    -> FeatureSet
  {
    var parts: [FeatureMatrix] = []
    var labels: [Int]?
    for member in fusion.members {
      var memberPre = pre
      memberPre.normalization = member.zoo.normalization == .none ? .none : .imageNet
      let set = try FeatureLoading.features(
        model: member, resolved: resolved, split: split, preprocessing: memberPre, cache: cache,
        batch: batch, threads: threads, out: out, span: span)
      if let labels, labels != set.labels {
        throw RuntimeError("\(model.name): members' \(split.rawValue) labels differ", at: span)
      }
      labels = set.labels
      do { parts.append(try FeatureMatrix(rows: set.rows, columns: set.columns, values: set.values)) } catch {
        throw RuntimeError("\(member.name) on \(resolved.task): \(error)", at: span)
      }
    }
    do {
      let fused = try FeatureFusion.fuse(parts, mode: fusion.mode)
      return FeatureSet(
        rows: fused.rows, columns: fused.columns, values: fused.values, labels: labels ?? [])
    } catch {
      throw RuntimeError("\(model.name): \(error)", at: span)
    }
  }
}
