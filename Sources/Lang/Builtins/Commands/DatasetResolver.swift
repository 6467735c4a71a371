// Copyright © 2026 the ssl authors.

import Runtime

/// Turns a dataset name into readable data: registered datasets first, then the seed
/// datasets under the data root.
enum DatasetResolver {
  /// A dataset ready for a protocol, with the facts results are filed under.
  struct Resolved {
    var dataset: Dataset
    /// The task name in results (`Pets` for the seed datasets, the user's name otherwise).
    var task: String
    /// The metric of the linear protocol.
    var metric: ClassificationMetrics.Kind
    /// The seed dataset, when it is one.
    var seed: DatasetName?
  }

  static func open(_ entry: UserDataset, at span: SourceSpan) throws(RuntimeError) -> Dataset {
    do throws(DatasetError) {
      switch entry.layout {
      case .folder: return try DatasetCatalog.imageFolder(name: entry.name, root: entry.path)
      case .list: return try DatasetCatalog.list(name: entry.name, file: entry.path)
      }
    } catch {
      throw RuntimeError(error.description, at: span)
    }
  }

  static func resolve(_ name: String, span: SourceSpan, state: BenchState) throws(RuntimeError)
    -> Resolved
  {
    if let entry = state.datasets[NameSuggestion.normalize(name)] {
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
