// Copyright © 2026 the ssl authors.

/// The known task and group names, spelled as in `reference-results.csv`, with resolution.
///
/// Matching ignores case and punctuation (``NameKey``), and each task or group has a few
/// common aliases: `voc07` → `VOC2007`, `caltech` → `Caltech101`, `nyu` → `NYUv2-normals`,
/// `ade` → `ADE20K`, `voc-det` → `VOC-detection`, `many-shot` → `manyshot`…
public enum TaskCatalog {
  /// The task names in CSV order, ImageNet first.
  public static let tasks: [String] = [
    "ImageNet", "Aircraft", "Caltech101", "Cars", "CIFAR10", "CIFAR100", "DTD", "Flowers",
    "Food", "Pets", "SUN397", "VOC2007", "CropDiseases", "EuroSAT", "ISIC", "ChestX",
    "VOC-detection", "NYUv2-normals", "ADE20K",
  ]

  /// The result groups in CSV order (paper Tables 1–5; `imagenet` is Table 1's first column),
  /// then the measured-only analysis groups: `calibration` (Figure 3's ECE, `eval … calibration`),
  /// `invariance` (§8.2's per-transform S and L, `eval … invariance`, one task per transform)
  /// and `attention` (§7's attentive diffusion, `eval … saliency`).
  public static let groups: [String] = [
    "imagenet", "manyshot", "fewshot", "cdfsl", "detection", "dense", "calibration",
    "invariance", "attention",
  ]

  /// Extra names for tasks (canonical name → aliases).
  public static let taskAliases: [String: [String]] = [
    "ImageNet": ["in1k", "ilsvrc", "ilsvrc2012"],
    "Aircraft": ["fgvc-aircraft", "fgvcaircraft"],
    "Caltech101": ["caltech", "caltech-101"],
    "Cars": ["stanford-cars", "stanfordcars"],
    "CIFAR10": ["cifar-10"],
    "CIFAR100": ["cifar-100"],
    "DTD": ["textures"],
    "Flowers": ["flowers102", "oxford-flowers"],
    "Food": ["food101", "food-101"],
    "Pets": ["oxford-pets", "oxfordpets", "pets37"],
    "SUN397": ["sun"],
    "VOC2007": ["voc07", "voc", "pascal-voc"],
    "CropDiseases": ["crop", "cropdisease", "plantvillage"],
    "EuroSAT": ["eurosat"],
    "ISIC": ["isic2018"],
    "ChestX": ["chestxray", "chestx-ray14", "chest"],
    "VOC-detection": ["voc-det", "vocdet", "voc07-detection"],
    "NYUv2-normals": ["nyu", "nyuv2", "normals", "surface-normals"],
    "ADE20K": ["ade", "ade20k-seg", "segmentation"],
  ]

  /// Extra names for groups (canonical name → aliases).
  public static let groupAliases: [String: [String]] = [
    "imagenet": [],
    "manyshot": ["many-shot", "many"],
    "fewshot": ["few-shot", "few", "kornblith"],
    "cdfsl": ["cd-fsl", "cross-domain", "crossdomain"],
    "detection": ["det", "voc-detection-group"],
    "dense": ["dense-prediction"],
    "invariance": ["invariances", "synthetic-invariance"],
    "attention": ["saliency", "attentive-diffusion", "diffusion"],
  ]

  private static let taskIndex = makeIndex(tasks, aliases: taskAliases)
  private static let groupIndex = makeIndex(groups, aliases: groupAliases)

  private static func makeIndex(
    _ names: [String], aliases: [String: [String]]
  ) -> [String: String] {
    var index: [String: String] = [:]
    for name in names {
      index[NameKey.of(name)] = name
      for alias in aliases[name] ?? [] { index[NameKey.of(alias)] = name }
    }
    return index
  }

  /// The canonical task name for a user-typed name or alias.
  ///
  /// - Parameter name: for example `pets`, `voc07`, `cifar-10`.
  /// - Returns: The CSV spelling (`Pets`, `VOC2007`, `CIFAR10`), or nil.
  public static func resolveTask(_ name: String) -> String? {
    taskIndex[NameKey.of(name)]
  }

  /// The canonical group name for a user-typed name or alias.
  ///
  /// - Parameter name: for example `many-shot`, `CD-FSL`.
  /// - Returns: The CSV spelling (`manyshot`, `cdfsl`), or nil.
  public static func resolveGroup(_ name: String) -> String? {
    groupIndex[NameKey.of(name)]
  }

  /// Every task and group name plus aliases, for "did you mean" suggestions.
  public static var allNames: [String] {
    groups + tasks + groups.flatMap { groupAliases[$0] ?? [] }
      + tasks.flatMap { taskAliases[$0] ?? [] }
  }
}
