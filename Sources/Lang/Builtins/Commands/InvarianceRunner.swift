// Copyright © 2026 the ssl authors.

import Foundation
import Runtime

/// `eval <dataset> invariance` (protocols.md §8.1–8.2, §8.6): for every bench model, the
/// whitening statistics of the reference set (ImageNet's validation images by default; their
/// features come through the feature cache), then the mean whitened cosine S and Mahalanobis
/// distance L between clean and transformed views of `n` images drawn with replacement (numpy
/// seed) from the dataset, for each transform. Two rows per model and transform — S (higher is
/// more invariant) and L (lower is) — filed under task = the transform, group `invariance`.
/// The S row's ± column holds the Hoeffding margin t = sqrt(ln(m/α) / 2n) (α = 0.05, m = models
/// − 1, Bonferroni): the model whose S beats every other by more than t is significantly the
/// most invariant, which `plot` marks on the heatmap.
struct InvarianceRunner {
  var models: [BenchModel]
  var resolved: DatasetResolver.Resolved
  var settings: InvarianceSettings
  var state: BenchState
  var cache: FeatureCache
  var out: OutputSink
  var span: SourceSpan

  func run() throws(RuntimeError) -> [MeasuredResult] {
    let reference = try referenceSet()
    let count = (try? reference.dataset?.samples(.all).count).flatMap { $0 }.map { ", \($0) images" } ?? ""
    out.line(
      "whitening statistics (§8.1) from \(reference.task)\(count)"
        + (reference.task == "ImageNet" ? "" : " — not ImageNet's validation set (§8.1's): reference=\(settings.reference)"))
    let images: [RGBImage]
    if let views = resolved.views {
      images = try sample(views)
    } else if let dataset = resolved.dataset {
      images = try sample(dataset)
    } else {
      throw RuntimeError("\(resolved.task) holds features, not images: invariance needs images", at: span)
    }
    let test = try significance(n: settings.images)
    var rows: [MeasuredResult] = []
    for model in models {
      guard let network = model.featureFunction() else { continue }
      let whitening = try statistics(model: model, reference: reference)
      for (done, transform) in settings.transforms.enumerated() {
        let started = Date()
        out.progress(
          "\(model.name) · \(resolved.task) invariance", done: done,
          total: settings.transforms.count, unit: "transforms")
        let result: SyntheticInvarianceResult
        do {
          result = try SyntheticInvariance.measure(
            images: images, transform: transform, k: settings.settingsCount, model: network,
            whitening: whitening, clean: preprocessing(model), seed: settings.seed,
            cancellation: CancellationFlag.shared)
        } catch {
          throw RuntimeError("\(model.name) on \(resolved.task): \(transform.rawValue): \(error)", at: span)
        }
        let k = transform.settings(k: settings.settingsCount).count
        let parameters = [
          "dataset": resolved.task, "n": "\(images.count)", "k": "\(k)", "reference": settings.reference,
          "seed": "\(settings.seed)", "ridge": "\(settings.ridge ?? 0)", "alpha": "\(test?.alpha ?? 0.05)",
          "comparisons": "\(test?.comparisons ?? 0)",
        ].merging(model.fusionParameters) { a, _ in a }
        rows.append(
          row(model, transform, metric: "cosine", value: result.meanSimilarity, margin: test?.threshold,
              better: .higher, parameters: parameters, started: started))
        rows.append(
          row(model, transform, metric: "mahalanobis", value: result.meanDistance, margin: nil,
              better: .lower, parameters: parameters, started: started))
        // Wang & Isola's alignment of clean/transformed pairs and uniformity of the clean
        // features (paper Table C.1); both lower is better.
        rows.append(
          row(model, transform, metric: "alignment", value: result.alignment, margin: nil,
              better: .lower, parameters: parameters, started: started))
        rows.append(
          row(model, transform, metric: "uniformity", value: result.uniformity, margin: nil,
              better: .lower, parameters: parameters, started: started))
      }
      if let views = resolved.views {
        rows += try realWorld(model, network: network, views: views, whitening: whitening)
      }
    }
    return rows
  }

  // MARK: - Inputs

  /// The reference set's images: a registered or seed dataset, or ImageNet's validation
  /// folder under the data root (`<data>/imagenet/val`, one folder per class).
  func referenceSet() throws(RuntimeError) -> DatasetResolver.Resolved {
    let name = settings.reference
    if NameSuggestion.normalize(name) == "imagenet" && state.datasets["imagenet"] == nil {
      let root = state.settings.dataRoot
      guard let root else {
        throw RuntimeError(
          "the whitening statistics (§8.1) need ImageNet's validation images: set the data root "
            + "('set data \"/path\"' or $SSL_DATA) with imagenet/val in it, or pass reference=<dataset>",
          at: span)
      }
      do throws(DatasetError) {
        let dataset = try DatasetCatalog.imageFolder(name: "imagenet", root: root + "/imagenet/val")
        return DatasetResolver.Resolved(dataset: dataset, task: "ImageNet", metric: .accuracy, seed: nil)
      } catch {
        throw RuntimeError(
          "\(error.description) — the whitening statistics (§8.1) need ImageNet's validation "
            + "images there, or pass reference=<dataset>", at: span)
      }
    }
    return try DatasetResolver.resolve(name, span: span, state: state)
  }

  /// `n` images drawn with replacement by numpy's `choice` under the seed, decoded at full
  /// resolution (the transforms act on the original image).
  func sample(_ dataset: Dataset) throws(RuntimeError) -> [RGBImage] {
    let split: DatasetSplit = dataset.availableSplits.contains(.test) ? .test : .all
    let samples: [DatasetSample]
    do { samples = try dataset.samples(split) } catch {
      throw RuntimeError(error.description, at: span)
    }
    guard !samples.isEmpty else { throw RuntimeError("\(resolved.task) has no images", at: span) }
    var random = NumpyRandomState(seed: UInt32(truncatingIfNeeded: settings.seed))
    let picks = random.choiceWithReplacement(from: samples.count, count: settings.images)
    var images: [RGBImage] = []
    images.reserveCapacity(picks.count)
    for i in picks {
      do { images.append(try dataset.image(of: samples[i])) } catch {
        throw RuntimeError("\(resolved.task): \(error)", at: span)
      }
    }
    return images
  }

  /// The clean view for a model: Resize 256 (bilinear), centre crop 224, its normalisation.
  func preprocessing(_ model: BenchModel) -> ImagePreprocessing {
    var clean = SyntheticInvariance.cleanPreprocessing
    if model.zoo.normalization == .none { clean.normalization = .none }
    return clean
  }

  /// μ and Σ of the model's features of the whole reference set — from the workspace's
  /// statistics cache (`<workspace>/statistics`, §8.1's cached mean and covariance), else from
  /// its features (through the feature cache) and then cached — and Σ⁻¹'s Cholesky factor;
  /// `random` gets Σ + 1e-10·I as in the seed code.
  func statistics(model: BenchModel, reference: DatasetResolver.Resolved) throws(RuntimeError) -> Whitening {
    let pre = preprocessing(model)
    let stats = FeatureStatisticsCache(directory: EvalCommand.workspace(state) + "/statistics")
    let key = FeatureStatisticsCache.key(
      model: model.identity ?? model.name, reference: reference.fingerprint, preprocessing: pre.identifier)
    do {
      let statistics: FeatureStatistics
      if let hit = stats.lookup(key) {
        statistics = hit
      } else {
        let set = try FeatureLoading.features(
          model: model, resolved: reference, split: .all, preprocessing: pre,
          cache: cache, batch: state.settings.batch, threads: state.settings.threads, out: out, span: span)
        let matrix = try FeatureMatrix(rows: set.rows, columns: set.columns, values: set.values)
        statistics = try FeatureStatistics(features: matrix)
        do { try stats.store(statistics, for: key) } catch {
          out.warn("warning: \(model.name): reference statistics not cached (\(error.localizedDescription))\n")
        }
      }
      return try statistics.whitening(ridge: settings.ridge ?? (model.zoo.id == "random" ? 1e-10 : 0))
    } catch let error as RuntimeError {
      throw error
    } catch {
      throw RuntimeError(
        "\(model.name): reference statistics on \(reference.task): \(error)", at: span,
        notes: [DiagnosticNote("a larger reference set helps; ridge=1e-6 regularises Σ (a deviation from §8.1)")])
    }
  }

  /// The Hoeffding test across the bench (nil with one model: nothing to compare).
  func significance(n: Int) throws(RuntimeError) -> HoeffdingTest? {
    guard models.count >= 2 else { return nil }
    do { return try HoeffdingTest(n: n, comparisons: models.count - 1) } catch {
      throw RuntimeError("\(error)", at: span)
    }
  }

  func row(
    _ model: BenchModel, _ transform: SyntheticTransform, metric: String, value: Double,
    margin: Double?, better: MetricDirection, parameters: [String: String], started: Date
  ) -> MeasuredResult {
    let row = ResultRow(
      model: model.name, task: transform.rawValue, group: "invariance", protocol: "synthetic",
      metric: metric, value: value, ci95: margin, better: better,
      provenance: .measured(description: ""))
    return MeasuredResult(
      row: row, modelHash: model.identity ?? "", architecture: model.zoo.architecture,
      datasetFingerprint: resolved.fingerprint, parameters: parameters, seed: Int(settings.seed),
      chosen: "n=\(parameters["n"] ?? "?"), k=\(parameters["k"] ?? "?")",
      wallSeconds: Date().timeIntervalSince(started))
  }
}
