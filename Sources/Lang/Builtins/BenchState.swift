// Copyright © 2026 the ssl authors.

import Foundation
import Runtime

/// A model on the bench.
struct BenchModel: Sendable {
  /// The zoo entry (names, published ImageNet accuracy, preprocessing); for a file loaded
  /// under a new name, an entry made for it.
  var zoo: ZooModel
  /// The network, when weights were found and loaded.
  var weights: ModelWeights?
  /// The members of a fused entry (`fuse`), nil for a single network.
  var fusion: BenchFusion? = nil
  /// The name results are filed under (the paper's spelling for zoo models).
  var name: String { zoo.displayName }
}

/// Loaded, verified weights and where they came from.
struct ModelWeights: Sendable {
  /// The network, batch norm folded.
  var network: ResNet
  /// Content hash of the tensors: the model's identity in the cache and in provenance.
  var hash: String
  /// The file read.
  var file: String
  /// What matched, what was dropped.
  var report: LoadReport
}

/// What `plot`, `save` and `show` act on when not told otherwise.
enum LastValue: Sendable {
  /// The result of `corr`.
  case correlation(CorrelationAnalysis, CorrelationQuery)
  /// The rows printed by `show results`.
  case results([ResultRow], title: String)
}

/// The arguments of the `corr` that produced a correlation, for titles and file names.
struct CorrelationQuery: Sendable, Hashable {
  /// The y argument as the user wrote it, resolved (`manyshot`, `Pets`).
  var target: String
  /// Whether the target is a group of tasks.
  var isGroup: Bool
  /// `pearson`, `spearman` or `both`.
  var method: String
  /// Protocol and metric filters as `protocol linear`, for table titles.
  var filters: [String]
  /// The filter values alone (`linear`, `AP50`), for figure titles and file names.
  var filterValues: [String]
  /// The x column as written in titles: `imagenet`, or the task (`Pets`, `rotation`).
  var x = "imagenet"
  /// How x enters the correlation: `logit(ImageNet top-1)`, `raw(rotation synthetic cosine)`.
  var xDescription = "logit(ImageNet top-1)"
  /// The scatter's x-axis label.
  var xLabel = "ImageNet top-1 accuracy (%)"
}

/// Session settings changed with `set`.
struct Settings: Sendable, Hashable {
  /// Seed for everything random.
  var seed = 0
  /// Worker threads for compute.
  var threads = 2
  /// Images per forward batch.
  var batch = 32
  /// Folder for figures written without `to=`.
  var out = "figures"
  /// Folder for the results database and feature cache.
  var workspace = ".ssl"
  /// Root folder of the datasets (`$SSL_DATA` when empty).
  var data = ""

  /// The data root in force: `set data`, else `$SSL_DATA`, else nil.
  var dataRoot: String? { data.isEmpty ? DatasetCatalog.dataRoot() : data }
}

/// Everything a session holds. A value type: a statement runs on a copy and the copy replaces
/// the state only if the statement completes.
struct BenchState: Sendable {
  /// Loaded models, in the order loaded.
  var bench: [BenchModel] = []
  /// Every number known to the session: the embedded reference results and measured ones.
  var results: ResultsTable = .reference
  /// The value of the last `corr` or `show results`.
  var last: LastValue?
  /// Settings.
  var settings = Settings()
  /// Datasets registered with `data`, by name.
  var datasets: [String: UserDataset] = [:]

  /// A fresh session's state: the reference results plus every result measured earlier in
  /// this workspace (`$SSL_WORKSPACE` or `.ssl`), if its database exists. Nothing is created.
  static func initial(warn: (String) -> Void) -> BenchState {
    var state = BenchState()
    state.loadWorkspaceResults(warn: warn)
    return state
  }

  /// Replaces the measured rows with those stored in the current workspace, if any.
  mutating func loadWorkspaceResults(warn: (String) -> Void) {
    results.rows.removeAll { if case .measured = $0.provenance { true } else { false } }
    let path = EvalCommand.workspace(self) + "/results.sqlite"
    guard FileManager.default.fileExists(atPath: path) else { return }
    do {
      results.rows += try ResultsStore(path: path).all().map(\.row)
    } catch .notWritable {
      // A read-only workspace still shows what it holds.
      do {
        results.rows += try ResultsStore(readingOnly: path).all().map(\.row)
        warn("warning: workspace '\(EvalCommand.workspace(self))' cannot be written (read-only, or the disk is full): results are shown, new ones cannot be stored\n")
      } catch {
        warn("warning: measured results not loaded: \(error.description)\n")
      }
    } catch {
      warn("warning: measured results not loaded: \(error.description)\n")
    }
  }
}

/// A dataset registered with `data <name> from=…`.
struct UserDataset: Sendable, Hashable {
  /// How its files are laid out.
  enum Layout: String, Sendable, Hashable {
    /// `<class>/<image>` folders, or `train/`, `val/`, `test/` of them.
    case folder
    /// A CSV/TSV list: path, label[, split].
    case list
    /// Features extracted elsewhere: `.npy` (+ `.labels.npy`, `.split.npy`), `.npz` or
    /// `.safetensors` with `features`, `labels` and optional `split` arrays.
    case features
  }
  /// The name it was registered under.
  var name: String
  /// The folder or list file.
  var path: String
  var layout: Layout
  /// `top1` or `mean-per-class`.
  var metric: String
  /// For a feature file: the model name its results are filed under (default: the dataset's).
  var model: String? = nil
  /// For groups of views of one object or scene (§8.3): the grouping, an
  /// ``InvarianceGroups/Layout`` raw value (`coil100`, `aloi_viewpoint`, …, `folder`).
  var views: String? = nil
}
