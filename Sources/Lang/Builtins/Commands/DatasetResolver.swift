// Copyright © 2026 the ssl authors.

import Runtime

/// Turns a dataset name into readable data: registered datasets first, then the seed
/// datasets under the data root.
enum DatasetResolver {
  /// A dataset ready for a protocol, with the facts results are filed under.
  struct Resolved {
    /// The images, or nil for features brought from a file (`provided`).
    var dataset: Dataset?
    /// The task name in results (`Pets` for the seed datasets, the user's name otherwise).
    var task: String
    /// The metric of the linear protocol.
    var metric: ClassificationMetrics.Kind
    /// The seed dataset, when it is one.
    var seed: DatasetName?
    /// Features read from a file instead of extracted (`data x from="f.npz"`).
    var provided: ProvidedFeatures? = nil
    /// Groups of views of one thing (`data x from=… views=coil100`), for real-world invariance.
    var views: InvarianceGroups? = nil

    /// Classes: the dataset's, or one more than the largest label in the file.
    var classCount: Int {
      if let dataset { return dataset.classNames.count }
      return (provided?.set.labels.max() ?? -1) + 1
    }

    /// The dataset's identity in provenance: its file list's hash, or the features' content.
    var fingerprint: String {
      dataset?.fingerprint ?? provided?.hash ?? views.map(DatasetResolver.fingerprint) ?? ""
    }
  }

  /// Features read from a file, and the model name their results are filed under.
  struct ProvidedFeatures {
    var set: FeatureSet
    var file: String
    var hash: String
    var model: String
  }

  /// Reads a registered feature file; the error names the file and what is wrong.
  static func features(_ entry: UserDataset, at span: SourceSpan) throws(RuntimeError)
    -> ProvidedFeatures
  {
    do throws(FeatureError) {
      let set = try FeatureFiles.read(entry.path)
      return ProvidedFeatures(
        set: set, file: entry.path, hash: set.contentHash, model: entry.model ?? entry.name)
    } catch {
      throw RuntimeError(error.description, at: span)
    }
  }

  static func open(_ entry: UserDataset, at span: SourceSpan) throws(RuntimeError) -> Dataset {
    do throws(DatasetError) {
      switch entry.layout {
      case .folder: return try DatasetCatalog.imageFolder(name: entry.name, root: entry.path)
      case .list: return try DatasetCatalog.list(name: entry.name, file: entry.path)
      case .features:
        throw .unsupported(
          dataset: entry.name, reason: "\(entry.path) holds features, not images")
      }
    } catch {
      throw RuntimeError(error.description, at: span)
    }
  }

  static func resolve(_ name: String, span: SourceSpan, state: BenchState) throws(RuntimeError)
    -> Resolved
  {
    if let entry = state.datasets[NameSuggestion.normalize(name)] {
      if entry.views != nil {
        return Resolved(dataset: nil, task: entry.name, metric: .accuracy, seed: nil, views: try views(entry, at: span))
      }
      if entry.layout == .features {
        return Resolved(
          dataset: nil, task: entry.name,
          metric: entry.metric == "mean-per-class" ? .meanPerClassAccuracy : .accuracy, seed: nil,
          provided: try features(entry, at: span))
      }
      return Resolved(
        dataset: try open(entry, at: span), task: entry.name,
        metric: entry.metric == "mean-per-class" ? .meanPerClassAccuracy : .accuracy, seed: nil)
    }
    let seedNames = DatasetName.allCases.map(\.rawValue)
    guard
      let seed = DatasetName.allCases.first(where: {
        NameSuggestion.normalize($0.rawValue) == NameSuggestion.normalize(name)
          || TaskCatalog.resolveTask(name) == TaskCatalog.resolveTask($0.rawValue)
      })
    else {
      if let landmarks = RegressionRunner.entry(name) {
        throw RuntimeError(
          "\(landmarks.task) is a landmark regression set: evaluate it with 'ridge'", at: span,
          notes: [DiagnosticNote("eval \(landmarks.key) ridge")])
      }
      throw RuntimeError(
        "unknown dataset '\(name)'", at: span,
        suggestion: NameSuggestion.nearest(
          to: name, among: seedNames + state.datasets.values.map(\.name)))
    }
    let root = state.settings.data.isEmpty ? nil : state.settings.data
    let dataset: Dataset
    do throws(DatasetError) {
      dataset = try DatasetCatalog.load(seed.rawValue, dataRoot: root)
    } catch {
      throw RuntimeError(
        error.description, at: span,
        notes: [DiagnosticNote("set the data root with 'set data \"/path\"' or $SSL_DATA")])
    }
    let meanPerClass: Set<DatasetName> = [.aircraft, .caltech101, .flowers, .pets]
    return Resolved(
      dataset: dataset, task: TaskCatalog.resolveTask(seed.rawValue) ?? seed.rawValue,
      metric: meanPerClass.contains(seed) ? .meanPerClassAccuracy : .accuracy, seed: seed)
  }
}
