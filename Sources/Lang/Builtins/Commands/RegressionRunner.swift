// Copyright © 2026 the ssl authors.

import Foundation
import Runtime

/// `eval <300w|celeba|lsp> ridge` (invariance paper §8.4): features of trainval and test with
/// the §8.4 transform (not cached, like the seed code), ridge regression with 5-fold CV over 45
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

  var model: BenchModel
  var name: String
  var state: BenchState
  var settings: EvalSettings
  var out: OutputSink
  var span: SourceSpan

  func run() throws(RuntimeError) -> MeasuredResult {
    let started = Date()
    guard let entry = Self.entry(name) else {
      throw RuntimeError("'ridge' regresses landmarks: 300w, celeba or lsp, not '\(name)'", at: span)
    }
    let dataset = try load(entry)
    let train = try features(dataset, dataset.trainval, split: "trainval")
    let test = try features(dataset, dataset.test, split: "test")
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
      throw RuntimeError("\(model.name) on \(entry.task): \(error)", at: span)
    }
    let row = ResultRow(
      model: model.name, task: entry.task, group: "regression", protocol: "ridge", metric: "r2",
      value: result.testR2, ci95: nil, better: .higher, provenance: .measured(description: ""))
    return MeasuredResult(
      row: row, modelHash: model.identity ?? "",
      architecture: model.zoo.architecture, datasetFingerprint: fingerprint(dataset),
      parameters: [
        "folds": "5", "grid": "\(settings.gridCount)", "grid_shift": "\(shift)",
        "outputs": "\(outputs)", "trainval": "\(dataset.trainval.count)", "test": "\(dataset.test.count)",
      ],
      seed: Int(settings.fewShot.seed), chosen: "wd=\(String(format: "%.3g", result.chosenWeightDecay))",
      wallSeconds: Date().timeIntervalSince(started))
  }

  func load(_ entry: (key: String, aliases: [String], folder: String, task: String)) throws(RuntimeError)
    -> RegressionDataset
  {
    let root = state.settings.data.isEmpty ? DatasetCatalog.dataRoot() : state.settings.data
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
  func features(_ dataset: RegressionDataset, _ samples: [RegressionSample], split: String)
    throws(RuntimeError) -> FeatureMatrix
  {
    let members = model.fusion?.members ?? [model]
    var parts: [FeatureMatrix] = []
    for member in members {
      guard let weights = member.weights else {
        throw RuntimeError("\(member.name) has no weights", at: span)
      }
      let normalization: ChannelNormalization = member.zoo.normalization == .none ? .none : .imageNet
      let label = "\(member.name) · \(dataset.name) \(split): extracted"
      do {
        parts.append(
          try dataset.features(
            of: samples, model: ResNetFeatureFunction(model: weights.network),
            preprocessing: RegressionDataset.preprocessing(normalization),
            batchSize: state.settings.batch
          ) { done in out.progress(label, done: done, total: samples.count, unit: "images") })
      } catch {
        throw RuntimeError("\(member.name) on \(dataset.name) (\(split)): \(error)", at: span)
      }
    }
    guard let fusion = model.fusion else { return parts[0] }
    do { return try FeatureFusion.fuse(parts, mode: fusion.mode) } catch {
      throw RuntimeError("\(model.name): \(error)", at: span)
    }
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
