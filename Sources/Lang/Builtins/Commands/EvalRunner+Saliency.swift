// Copyright © 2026 the ssl authors.

import Foundation
import Runtime

extension EvalRunner {
  /// §7's attention measure as a results column: the attentive diffusion (share of the
  /// occlusion map above its mean, in percent) of the first `n` test images (all images when
  /// the dataset has no test split), averaged, with a 95% interval over images. Defaults:
  /// a 10×10 zero window at stride 8 on the 242-pixel view — stride 1, the documented setting
  /// of `saliency "image"`, costs 54,289 forward passes per image, which a CPU cannot spend on
  /// a dataset (`stride=1` asks for it).
  func saliency(_ started: Date) throws(RuntimeError) -> MeasuredResult {
    guard let dataset = resolved.dataset, let network = model.featureFunction() else {
      throw RuntimeError("\(resolved.task) holds features, not images: saliency needs images", at: span)
    }
    let split: DatasetSplit = dataset.availableSplits.contains(.test) ? .test : .all
    let samples: [DatasetSample]
    do { samples = try dataset.samples(split) } catch { throw RuntimeError(error.description, at: span) }
    let chosen = samples.prefix(settings.saliencyImages)
    guard !chosen.isEmpty else { throw RuntimeError("\(resolved.task) has no images", at: span) }
    var occlusion = settings.occlusion
    occlusion.batchSize = max(1, batch)
    if model.zoo.normalization == .none { occlusion.normalization = ChannelNormalization.none }
    var diffusions: [Double] = []
    for (done, sample) in chosen.enumerated() {
      out.progress(
        "\(model.name) · \(resolved.task) saliency", done: done, total: chosen.count, unit: "images")
      do {
        let image = try dataset.image(of: sample)
        let map = try OcclusionSaliency.map(
          of: image, model: network, settings: occlusion, cancellation: CancellationFlag.shared)
        diffusions.append(map.map.attentiveDiffusion)
      } catch {
        throw RuntimeError("\(model.name) on \(resolved.task): \(dataset.path(of: sample)): \(error)", at: span)
      }
    }
    let n = Double(diffusions.count)
    let mean = diffusions.reduce(0, +) / n
    let variance = diffusions.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / n
    var result = measured(
      protocol: "saliency", metric: "diffusion", value: mean,
      ci95: diffusions.count > 1 ? 1.96 * variance.squareRoot() / n.squareRoot() : nil,
      group: "attention",
      parameters: [
        "n": "\(diffusions.count)", "window": "\(occlusion.window)", "stride": "\(occlusion.stride)",
        "input": "\(occlusion.inputSize)", "crop": "\(occlusion.cropSize)", "fill": "\(occlusion.fill)",
      ].merging(model.fusionParameters) { a, _ in a }, chosen: nil, started: started)
    // An analysis column on any dataset (not `user`): `corr imagenet attention` finds it.
    result.row.group = "attention"
    return result
  }
}
