// Copyright © 2026 the ssl authors.

import Foundation
import Runtime

/// `eval <300w|celeba|lsp> ridge` (invariance paper §8.4): features of trainval and test with
/// the §8.4 transform (through the feature cache, keyed by the crops; the seed code recomputes
/// them), ridge regression with 5-fold CV over 45
/// log-spaced weight decays (alpha = 1/wd, the seed code's quirk kept; the grid shifted for
/// fused and w3 models), refit on trainval, test R² (sklearn's uniform average over outputs).
struct RegressionRunner {
  /// The invariance paper's landmark datasets: name, folder under the data root, task name.
  static let datasets: [(key: String, aliases: [String], folder: String, task: String)] = [
    ("300w", ["300w", "faces300w"], "300w", "300W"),
    ("celeba", ["celeba"], "celeba", "CelebA"),
    ("lsp", ["lsp", "leedssportspose", "leeds_sports_pose"], "lsp", "LSP"),
  ]

  /// The regression dataset `name` names, or nil when it is not one of them.
  static func entry(_ name: String) -> (key: String, aliases: [String], folder: String, task: String)? {
    let key = NameSuggestion.normalize(name)
    return datasets.first { $0.aliases.map(NameSuggestion.normalize).contains(key) }
  }

  /// Each named landmark dataset, read from the data root (its targets and splits), with its
  /// task name: `eval` calls this before it looks at the bench, so a wrong name or a missing
  /// file is reported first.
  ///
  /// - Throws: A ``RuntimeError`` naming a dataset that is not 300w, celeba or lsp, or the
  ///   missing or malformed file (``DatasetError``).
  static func load(_ names: some Sequence<(String, SourceSpan)>, state: BenchState)
    throws(RuntimeError) -> [(RegressionDataset, String, SourceSpan)]
  {
    var loaded: [(RegressionDataset, String, SourceSpan)] = []
    for (name, span) in names {
      guard let entry = entry(name) else {
        throw RuntimeError(
          "'ridge' regresses landmarks: 300w, celeba or lsp, not '\(name)'", at: span,
          suggestion: NameSuggestion.nearest(to: name, among: datasets.map(\.key)))
      }
      loaded.append((try load(entry, state: state, span: span), entry.task, span))
    }
    return loaded
  }

  var model: BenchModel
  var dataset: RegressionDataset
  /// The task name results are filed under (300W, CelebA, LSP).
  var task: String
  var state: BenchState
  var settings: EvalSettings
  var out: OutputSink
  var span: SourceSpan

  func run() throws(RuntimeError) -> MeasuredResult {
    let started = Date()
    let train = try features(dataset, dataset.trainval, split: .trainval)
    let test = try features(dataset, dataset.test, split: .test)
    let outputs = dataset.targetDimension
    // §8.4: c = 2 for a `w3` model, else one per `+` (fused members − 1).
    let shift = model.fusion == nil
      ? RegularizationGrid.invarianceShift(modelName: model.zoo.id) : model.regularizationShift
    let grid = RegularizationGrid(count: settings.gridCount, shift: shift)
    let result: RidgeCVResult
    do {
      result = try Ridge.crossValidate(
        trainval: train, trainvalTargets: dataset.trainval.flatMap(\.target), test: test,
        testTargets: dataset.test.flatMap(\.target), outputs: outputs, grid: grid, folds: 5,
        seed: UInt32(truncatingIfNeeded: settings.fewShot.seed))
    } catch {
      throw RuntimeError("\(model.name) on \(task): \(error)", at: span)
    }
    let row = ResultRow(
      model: model.name, task: task, group: "regression", protocol: "ridge", metric: "r2",
      value: result.testR2, ci95: nil, better: .higher, provenance: .measured(description: ""))
    let wd = result.chosenWeightDecay
    let best = result.meanScores.filter(\.isFinite).max() ?? .nan
    return MeasuredResult(
      row: row, modelHash: model.identity ?? "",
      architecture: model.zoo.architecture, datasetFingerprint: fingerprint(dataset),
      parameters: [
        "folds": "5", "grid": "\(settings.gridCount)", "grid_shift": "\(shift)",
        "grid_range": Self.range(grid), "alpha": String(format: "%.6g", 1 / wd),
        "wd": String(format: "%.6g", wd), "cv_r2": String(format: "%.6f", best),
        "outputs": "\(outputs)", "trainval": "\(dataset.trainval.count)", "test": "\(dataset.test.count)",
      ],
      // alpha = 1/wd: the seed code passes its "C" straight to Ridge (§8.4's quirk).
      seed: Int(settings.fewShot.seed),
      chosen: "alpha=\(String(format: "%.3g", 1 / wd)) (wd=\(String(format: "%.3g", wd)))",
      wallSeconds: Date().timeIntervalSince(started))
  }

  static func load(
    _ entry: (key: String, aliases: [String], folder: String, task: String), state: BenchState,
    span: SourceSpan
  ) throws(RuntimeError) -> RegressionDataset {
    let root = state.settings.dataRoot
    guard let root else {
      throw RuntimeError(
        "\(entry.task): no data root (set $SSL_DATA or `set data`)", at: span,
        notes: [DiagnosticNote("the layout is <data>/\(entry.folder)/…")])
    }
    let folder = root + "/" + entry.folder
    do throws(DatasetError) {
      switch entry.key {
      case "300w": return try RegressionDataset.faces300W(root: folder)
      case "celeba": return try RegressionDataset.celebA(root: folder)
      default: return try RegressionDataset.leedsSportsPose(root: folder)
      }
    } catch {
      throw RuntimeError(error.description, at: span)
    }
  }

  /// A split's features: the model's, or its fused members' combined.
  func features(_ dataset: RegressionDataset, _ samples: [RegressionSample], split: DatasetSplit)
    throws(RuntimeError) -> FeatureMatrix
  {
    let members = model.fusion?.members ?? [model]
    var parts: [FeatureMatrix] = []
    for member in members {
      parts.append(try memberFeatures(member, dataset, samples, split: split))
    }
    guard let fusion = model.fusion else { return parts[0] }
    do { return try FeatureFusion.fuse(parts, mode: fusion.mode) } catch {
      throw RuntimeError("\(model.name): \(error)", at: span)
    }
  }

  /// One model's features of a split: from the cache, or extracted with §8.4's crop and
  /// transform and then cached. The crops are per sample and part of the fingerprint; the
  /// preprocessing identifier marks this path apart from the classification sets' transform.
  func memberFeatures(
    _ member: BenchModel, _ dataset: RegressionDataset, _ samples: [RegressionSample],
    split: DatasetSplit
  ) throws(RuntimeError) -> FeatureMatrix {
    guard let weights = member.weights else {
      throw RuntimeError("\(member.name) has no weights", at: span)
    }
    let where_ = "\(member.name) on \(dataset.name) (\(split.rawValue))"
    let normalization: ChannelNormalization = member.zoo.normalization == .none ? .none : .imageNet
    let preprocessing = RegressionDataset.preprocessing(normalization)
    let cache = FeatureCache(directory: EvalCommand.workspace(state) + "/features")
    let key = FeatureCacheKey(
      weightsHash: weights.hash, architecture: weights.network.config.name, layer: "layer4",
      preprocessing: "landmark-crop+" + preprocessing.identifier,
      datasetFingerprint: fingerprint(dataset), split: split, modelName: member.name,
      datasetName: dataset.name)
    // A cache that cannot be read or written costs time, not the measurement.
    if let hit = (try? cache.lookup(key)) ?? nil {
      guard hit.rows == samples.count else {
        throw RuntimeError(
          "\(where_): cached features have \(hit.rows) rows for \(samples.count) images; run 'cache clear dataset=\(dataset.name)'",
          at: span)
      }
      do { return try FeatureMatrix(rows: hit.rows, columns: hit.columns, values: hit.values) } catch {
        throw RuntimeError("\(where_): \(error)", at: span)
      }
    }
    let label = "\(member.name) · \(dataset.name) \(split.rawValue): extracted"
    let matrix: FeatureMatrix
    do {
      matrix = try dataset.features(
        of: samples, model: ResNetFeatureFunction(model: weights.network),
        preprocessing: preprocessing, batchSize: state.settings.batch
      ) { done in out.progress(label, done: done, total: samples.count, unit: "images") }
    } catch {
      throw RuntimeError("\(where_): \(error)", at: span)
    }
    // Row i is sample i; the cache stores labels, so the row index stands in for them.
    let set = FeatureSet(
      rows: matrix.rows, columns: matrix.columns, values: matrix.values,
      labels: Array(0..<matrix.rows))
    do { try cache.store(set, for: key) } catch {
      out.warn("warning: \(member.name) · \(dataset.name) \(split.rawValue) features not cached (\(error)); evaluating from memory\n")
    }
    return matrix
  }

  /// The weight decays swept, as `lo…hi` (alpha runs 1/hi…1/lo).
  static func range(_ grid: RegularizationGrid) -> String {
    guard let lo = grid.weightDecays.first, let hi = grid.weightDecays.last else { return "" }
    return String(format: "%.3g…%.3g", lo, hi)
  }

  /// The split's identity: sample paths, crops and targets, hashed.
  func fingerprint(_ dataset: RegressionDataset) -> String {
    var digest = SHA256()
    for sample in dataset.trainval + dataset.test {
      digest.update("\(sample.path)|\(String(describing: sample.crop))|\(sample.target)\n")
    }
    return digest.hexDigest()
  }
}
