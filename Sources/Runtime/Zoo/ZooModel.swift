// Copyright © 2026 the ssl authors.

/// A pre-trained backbone the tool knows how to fetch, load and compare.
///
/// The 14 CVPR 2021 models (protocols.md §1.1) and the invariance paper's MoCo-v2 variants
/// (§1.7). ``displayName`` is spelled exactly as in `reference-results.csv`, so it joins a
/// model to its published results.
public struct ZooModel: Hashable, Sendable {
  /// How input images are normalised before the backbone (protocols.md §1.6).
  public enum Normalization: Hashable, Sendable {
    /// ImageNet mean `[0.485, 0.456, 0.406]` and std `[0.229, 0.224, 0.225]`.
    case imagenet
    /// None: the `[0, 1]` ToTensor output is fed as is (SimCLR-v1/v2, `--no-norm`).
    case none
  }

  /// The paper that introduced the model into the zoo.
  public enum Paper: Hashable, Sendable {
    /// Ericsson, Gouk & Hospedales, "How Well Do Self-Supervised Models Transfer?" (CVPR 2021).
    case transfer2021
    /// Ericsson, Gouk & Hospedales, "Why Do Self-Supervised Models Transfer?" (BMVC 2022).
    case invariance2022
  }

  /// The code name, lower-case and hyphenated, for example `deepcluster-v2`.
  public var id: String
  /// The paper's spelling, for example `DeepCluster-v2`, as in `reference-results.csv`.
  public var displayName: String
  /// Further names that resolve to this model (matched case- and punctuation-insensitively).
  public var aliases: [String]
  /// The backbone architecture, `resnet50` or `resnet50w3`.
  public var architecture: String
  /// The channel-width multiplier: 1, or 3 for `resnet50w3` (6144-d features).
  public var widthMultiplier: Int
  /// The published ImageNet linear top-1 in percent (§1.5); nil when not published.
  public var imagenetTop1: Double?
  /// The input normalisation the model expects.
  public var normalization: Normalization
  /// The converted checkpoint's file name, for example `byol.pth`.
  public var checkpointFile: String
  /// Where the original weights are published; nil when they must be made by hand.
  public var url: String?
  /// The key prefix stripped from checkpoint keys to reach torchvision names; nil for none.
  public var keyPrefix: String?
  /// The paper the model belongs to.
  public var paper: Paper

  /// Creates a zoo entry.
  ///
  /// - Parameters:
  ///   - id: The code name.
  ///   - displayName: The paper's spelling.
  ///   - aliases: Extra names.
  ///   - architecture: The architecture name.
  ///   - widthMultiplier: The width multiplier.
  ///   - imagenetTop1: The published ImageNet top-1, in percent.
  ///   - normalization: The input normalisation.
  ///   - checkpointFile: The checkpoint file name.
  ///   - url: The download address.
  ///   - keyPrefix: The checkpoint key prefix.
  ///   - paper: The paper.
  public init(
    id: String, displayName: String, aliases: [String] = [], architecture: String = "resnet50",
    widthMultiplier: Int = 1, imagenetTop1: Double?, normalization: Normalization = .imagenet,
    checkpointFile: String, url: String?, keyPrefix: String?, paper: Paper
  ) {
    self.id = id
    self.displayName = displayName
    self.aliases = aliases
    self.architecture = architecture
    self.widthMultiplier = widthMultiplier
    self.imagenetTop1 = imagenetTop1
    self.normalization = normalization
    self.checkpointFile = checkpointFile
    self.url = url
    self.keyPrefix = keyPrefix
    self.paper = paper
  }

  /// Every name that resolves to this model: id, display name and aliases.
  public var names: [String] { [id, displayName] + aliases }
}
