// Copyright © 2026 the ssl authors.

import Runtime

/// A model on the bench.
struct BenchModel: Sendable, Hashable {
  /// The zoo entry (names, published ImageNet accuracy, preprocessing).
  var zoo: ZooModel
  /// The name results are filed under (the paper's spelling for zoo models).
  var name: String { zoo.displayName }
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
  /// Root folder of the datasets.
  var data = ""
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
}
