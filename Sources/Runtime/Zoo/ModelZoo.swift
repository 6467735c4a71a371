// Copyright © 2026 the ssl authors.

/// The catalogue of known backbones and name resolution over it.
///
/// ``seed`` is the CVPR 2021 zoo in the paper's order (increasing ImageNet accuracy);
/// ``all`` adds the invariance paper's models. Sources: protocols.md §1.1 (URLs, prefixes),
/// §1.5 (ImageNet top-1), §1.6 (SimCLR normalisation), §1.7 (invariance models).
public enum ModelZoo {
  private static let fair = "https://dl.fbaipublicfiles.com"
  private static let dropbox = "https://www.dropbox.com/sh/87d24jqsl6ra7t2"
  private static let pcl = "https://storage.googleapis.com/sfr-pcl-data-research/PCL_checkpoint"

  /// The 14 models of the CVPR 2021 paper, in the paper's order.
  public static let seed: [ZooModel] = [
    ZooModel(
      id: "insdis", displayName: "InsDis", aliases: ["instdisc", "instdis"],
      imagenetTop1: 59.5, checkpointFile: "insdis.pth",
      url: "\(dropbox)/AACcsSIt1_Njv7GsmsuzZ6Sta/InsDis.pth", keyPrefix: "module.encoder.",
      paper: .transfer2021),
    ZooModel(
      id: "moco-v1", displayName: "MoCo-v1", aliases: ["moco1"], imagenetTop1: 60.6,
      checkpointFile: "moco-v1.pth",
      url: "\(fair)/moco/moco_checkpoints/moco_v1_200ep/moco_v1_200ep_pretrain.pth.tar",
      keyPrefix: "module.encoder_q.", paper: .transfer2021),
    ZooModel(
      id: "pcl-v1", displayName: "PCL-v1", aliases: ["pcl1"], imagenetTop1: 61.5,
      checkpointFile: "pcl-v1.pth", url: "\(pcl)/PCL_v1_epoch200.pth.tar",
      keyPrefix: "module.encoder_q.", paper: .transfer2021),
    ZooModel(
      id: "pirl", displayName: "PIRL", imagenetTop1: 61.7, checkpointFile: "pirl.pth",
      url: "\(dropbox)/AADN4jKnvTI0U5oT6hTmQZz8a/PIRL.pth", keyPrefix: "module.encoder.",
      paper: .transfer2021),
    ZooModel(
      id: "pcl-v2", displayName: "PCL-v2", aliases: ["pcl2"], imagenetTop1: 67.6,
      checkpointFile: "pcl-v2.pth", url: "\(pcl)/PCL_v2_epoch200.pth.tar",
      keyPrefix: "module.encoder_q.", paper: .transfer2021),
    ZooModel(
      id: "simclr-v1", displayName: "SimCLR-v1", aliases: ["simclr1"], imagenetTop1: 69.3,
      normalization: .none, checkpointFile: "simclr-v1.pth",
      url: "https://storage.cloud.google.com/simclr-gcs/checkpoints/ResNet50_1x.zip",
      keyPrefix: nil, paper: .transfer2021),
    ZooModel(
      id: "moco-v2", displayName: "MoCo-v2", aliases: ["moco2"], imagenetTop1: 71.1,
      checkpointFile: "moco-v2.pth",
      url: "\(fair)/moco/moco_checkpoints/moco_v2_800ep/moco_v2_800ep_pretrain.pth.tar",
      keyPrefix: "module.encoder_q.", paper: .transfer2021),
    ZooModel(
      id: "simclr-v2", displayName: "SimCLR-v2", aliases: ["simclr2"], imagenetTop1: 71.7,
      normalization: .none, checkpointFile: "simclr-v2.pth",
      url: "https://console.cloud.google.com/storage/browser/simclr-checkpoints/simclrv2/"
        + "pretrained/r50_1x_sk0",
      keyPrefix: nil, paper: .transfer2021),
    ZooModel(
      id: "sela-v2", displayName: "SeLa-v2", aliases: ["sela", "sela2"], imagenetTop1: 71.8,
      checkpointFile: "sela-v2.pth", url: "\(fair)/deepcluster/selav2_400ep_pretrain.pth.tar",
      keyPrefix: "module.", paper: .transfer2021),
    ZooModel(
      id: "infomin", displayName: "InfoMin", imagenetTop1: 73.0, checkpointFile: "infomin.pth",
      url: "\(dropbox)/AAAzMTynP3Qc8mIE4XWkgILUa/InfoMin_800.pth", keyPrefix: "module.encoder.",
      paper: .transfer2021),
    ZooModel(
      id: "byol", displayName: "BYOL", imagenetTop1: 74.3, checkpointFile: "byol.pth",
      url: "https://storage.googleapis.com/deepmind-byol/checkpoints/pretrain_res50x1.pkl",
      keyPrefix: nil, paper: .transfer2021),
    ZooModel(
      id: "deepcluster-v2", displayName: "DeepCluster-v2",
      aliases: ["deepcluster", "deepcluster2", "dcv2"], imagenetTop1: 75.2,
      checkpointFile: "deepcluster-v2.pth",
      url: "\(fair)/deepcluster/deepclusterv2_800ep_pretrain.pth.tar", keyPrefix: "module.",
      paper: .transfer2021),
    ZooModel(
      id: "swav", displayName: "SwAV", imagenetTop1: 75.3, checkpointFile: "swav.pth",
      url: "\(fair)/deepcluster/swav_800ep_pretrain.pth.tar", keyPrefix: "module.",
      paper: .transfer2021),
    ZooModel(
      id: "supervised", displayName: "Supervised", aliases: ["sup", "torchvision"],
      imagenetTop1: 77.2, checkpointFile: "supervised.pth", url: nil, keyPrefix: nil,
      paper: .transfer2021),
  ]

  /// The invariance paper's MoCo-v2 variants (§1.7); its `supervised` is the seed model.
  ///
  /// Their checkpoints are MoCo wrappers, so the backbone lives under `module.encoder_q.`.
  public static let invariance: [ZooModel] = [
    ZooModel(
      id: "default", displayName: "Default", imagenetTop1: nil,
      checkpointFile: "default.pth.tar", url: nil, keyPrefix: "module.encoder_q.",
      paper: .invariance2022),
    ZooModel(
      id: "spatial", displayName: "Spatial", aliases: ["ventral"], imagenetTop1: nil,
      checkpointFile: "ventral.pth.tar", url: nil, keyPrefix: "module.encoder_q.",
      paper: .invariance2022),
    ZooModel(
      id: "appearance", displayName: "Appearance", aliases: ["dorsal"], imagenetTop1: nil,
      checkpointFile: "dorsal.pth.tar", url: nil, keyPrefix: "module.encoder_q.",
      paper: .invariance2022),
    ZooModel(
      id: "default-w3", displayName: "Default-w3", aliases: ["default_w3", "w3"],
      architecture: "resnet50w3", widthMultiplier: 3, imagenetTop1: nil,
      checkpointFile: "default_w3.pth.tar", url: nil, keyPrefix: "module.encoder_q.",
      paper: .invariance2022),
    ZooModel(
      id: "random", displayName: "Random", aliases: ["untrained"], imagenetTop1: nil,
      checkpointFile: "random.pth.tar", url: nil, keyPrefix: nil, paper: .invariance2022),
  ]

  /// Every known model: ``seed`` then ``invariance``.
  public static let all: [ZooModel] = seed + invariance

  /// Name key → model, built once; ids, display names and aliases all map in.
  private static let index: [String: ZooModel] = {
    var index: [String: ZooModel] = [:]
    for model in all {
      for name in model.names { index[NameKey.of(name)] = model }
    }
    return index
  }()

  /// Finds a model by id, display name or alias, ignoring case and punctuation.
  ///
  /// `MoCo-v2`, `mocov2`, `moco_v2` and `moco-v2` all resolve to the same model.
  ///
  /// - Parameter name: A user-typed name.
  /// - Returns: The model, or nil when nothing matches.
  public static func resolve(_ name: String) -> ZooModel? {
    index[NameKey.of(name)]
  }

  /// Every model's id and aliases, for "did you mean" suggestions.
  public static var allNames: [String] {
    all.flatMap { [$0.id] + $0.aliases }
  }
}
