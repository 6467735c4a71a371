// Copyright © 2026 the ssl authors.

import Foundation
import Runtime

extension InvarianceRunner {
  /// `n` views drawn with replacement (numpy `choice` under the seed) from all the groups'
  /// images in layout order, for the synthetic transforms on a grouped dataset.
  func sample(_ views: InvarianceGroups) throws(RuntimeError) -> [RGBImage] {
    let paths = views.readableGroups.flatMap(\.paths)
    guard !paths.isEmpty else { throw RuntimeError("\(resolved.task) has no images", at: span) }
    var random = NumpyRandomState(seed: UInt32(truncatingIfNeeded: settings.seed))
    var images: [RGBImage] = []
    for i in random.choiceWithReplacement(from: paths.count, count: settings.images) {
      do throws(ImageError) { images.append(try GDImageDecoder.decode(contentsOf: paths[i])) } catch {
        throw RuntimeError("\(resolved.task): \(paths[i]): \(error.description)", at: span)
      }
    }
    return images
  }

  /// §8.3's real-world invariance of one model: per group of views, the mean whitened cosine
  /// (diagonal included) and the mean pairwise Mahalanobis distance, averaged over groups —
  /// two rows with task = the dataset, protocol `realworld`. The S row's ± column is the
  /// Hoeffding margin for n = the number of groups.
  func realWorld(
    _ model: BenchModel, network: any ImageFeatureFunction, views: InvarianceGroups, whitening: Whitening
  ) throws(RuntimeError) -> [MeasuredResult] {
    let started = Date()
    let groups = views.readableGroups
    var pre = RealWorldInvariance.preprocessing
    pre.normalization = model.channelNormalization
    out.progress("\(model.name) · \(resolved.task) real-world invariance", done: 0, total: 1, unit: "datasets")
    let result: RealWorldInvarianceResult
    do {
      result = try RealWorldInvariance.measure(
        groups: groups, model: network, whitening: whitening, preprocessing: pre,
        cancellation: CancellationFlag.shared)
    } catch {
      throw RuntimeError("\(model.name) on \(resolved.task): real-world invariance: \(error)", at: span)
    }
    let test = try significance(n: groups.count)
    let parameters = [
      "dataset": resolved.task, "views": views.layout.rawValue, "groups": "\(groups.count)",
      "reference": settings.reference, "ridge": "\(settings.ridge ?? 0)",
      "alpha": "\(test?.alpha ?? 0.05)", "comparisons": "\(test?.comparisons ?? 0)",
    ].merging(model.fusionParameters) { a, _ in a }
    func row(_ metric: String, _ value: Double, _ margin: Double?, _ better: MetricDirection) -> MeasuredResult {
      let row = ResultRow(
        model: model.name, task: resolved.task, group: "invariance", protocol: "realworld",
        metric: metric, value: value, ci95: margin, better: better, provenance: .measured(description: ""))
      return MeasuredResult(
        row: row, modelHash: model.identity ?? "", architecture: model.zoo.architecture,
        datasetFingerprint: resolved.fingerprint, parameters: parameters, seed: nil,
        chosen: "groups=\(groups.count)", wallSeconds: Date().timeIntervalSince(started))
    }
    return [
      row("cosine", result.meanSimilarity, test?.threshold, .higher),
      row("mahalanobis", result.meanDistance, nil, .lower),
    ]
  }
}
