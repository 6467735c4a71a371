// Copyright © 2026 the ssl authors.

import Runtime

extension FeatureLoading {
  /// A fused entry's features of a split (§8.4): each member's features through the feature
  /// cache — the protocol's preprocessing with the member's own normalisation, so they are the
  /// very files `eval` on the member alone reads and writes — combined row by row by the
  /// fusion's mode. The fused matrix itself is not cached: it is a cheap function of cached
  /// parts. Members must agree on the images kept (row count and labels).
  static func fused(
    _ fusion: BenchFusion, name: String, resolved: DatasetResolver.Resolved, split: DatasetSplit,
    preprocessing: ImagePreprocessing, cache: FeatureCache, batch: Int, threads: Int,
    out: OutputSink, span: SourceSpan
  ) throws(RuntimeError) -> FeatureSet {
    var parts: [FeatureSet] = []
    for member in fusion.members {
      var pre = preprocessing
      pre.normalization = member.channelNormalization
      parts.append(
        try features(
          model: member, resolved: resolved, split: split, preprocessing: pre, cache: cache,
          batch: batch, threads: threads, out: out, span: span))
    }
    guard let first = parts.first else {
      throw RuntimeError("\(name) has no members to fuse", at: span)
    }
    for (member, part) in zip(fusion.members, parts) where part.labels != first.labels {
      throw RuntimeError(
        "\(name): \(member.name) and \(fusion.members[0].name) kept different images of "
          + "\(resolved.task) (\(split.rawValue)): \(part.rows) vs \(first.rows) rows; "
          + "their features cannot be fused row by row", at: span)
    }
    do {
      let matrices = try parts.map { part throws(EvalError) in
        try FeatureMatrix(rows: part.rows, columns: part.columns, values: part.values)
      }
      let fused = try FeatureFusion.fuse(matrices, mode: fusion.mode)
      return FeatureSet(
        rows: fused.rows, columns: fused.columns, values: fused.values, labels: first.labels,
        splits: first.splits)
    } catch {
      throw RuntimeError("\(name) on \(resolved.task) (\(split.rawValue)): \(error)", at: span)
    }
  }
}
