// Copyright © 2026 the ssl authors.

import Runtime

/// The completion catalog of the standard commands, from the zoo, the task catalog and the
/// reference results.
enum StandardCompletions {
  /// Built on first use (the first Tab), not at startup: it reads the reference results.
  static var catalog: CompletionCatalog {
    let models = ModelZoo.all.map(\.id)
    let groups = TaskCatalog.groups.filter { $0 != "imagenet" }
    let tasks = TaskCatalog.tasks.filter { $0 != "ImageNet" }.map { $0.lowercased() }
    let columns = ResultsTable.reference.columns
    let protocols = unique(
      columns.map(\.protocol) + EvalCommand.protocols + ["finetune"])
    let metrics = unique(columns.map(\.metric))
    let landmarks: [String] = RegressionRunner.datasets.map(\.key)
    let evalWords: [String] = groups + tasks + landmarks + protocols
    var catalog = CompletionCatalog()
    catalog.arguments = [
      "load": [["all"] + models],
      "unload": [["all"] + models],
      "fetch": [["all"] + models],
      "corr": [["imagenet"] + tasks, groups + tasks, []],
      "plot": [["scatter", "bars"]],
      "show": [["results", "models", "tasks"] + models, ["where"], []],
      "save": [["results"], []],
      "set": [["seed", "threads", "batch", "out", "workspace", "data"], []],
      "eval": [evalWords],
      "fuse": [models],
    ]
    catalog.optionValues = [
      "data.layout": ["folder", "list"],
      "data.metric": ["top1", "mean-per-class"],
      "fuse.mode": FusionMode.allCases.map(\.rawValue),
      "data.views": InvarianceGroups.Layout.allCases.map(\.rawValue),
      "eval.transforms": SyntheticTransform.allCases.map(\.rawValue),
      "protocol": protocols,
      "metric": metrics,
      "method": ["pearson", "spearman", "both"],
      "exclude": models,
      "model": models,
      "task": tasks,
      "group": TaskCatalog.groups,
    ]
    return catalog
  }

  private static func unique(_ words: [String]) -> [String] {
    var seen = Set<String>()
    return words.filter { seen.insert($0.lowercased()).inserted }
  }
}
