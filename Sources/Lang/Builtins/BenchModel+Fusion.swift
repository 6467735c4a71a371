// Copyright © 2026 the ssl authors.

import Runtime

/// What makes a bench entry a fusion (`fuse a b as=ab`, §8.4): copies of its members, as they
/// were on the bench when fused, and how their features combine. A fused entry has no weights
/// of its own; its features are the members' features — each through the feature cache under
/// the member's own identity and normalisation — combined by ``FeatureFusion``.
struct BenchFusion: Sendable {
  /// The members, in the order given (the order of concatenation).
  var members: [BenchModel]
  /// `cat`, `add` or `mean`.
  var mode: FusionMode

  /// `a+b+c` with the members' names, the seed code's spelling of a fused model.
  var memberNames: String { members.map(\.name).joined(separator: "+") }
}

extension BenchModel {
  /// A fused entry named `name`; its zoo entry feeds un-normalised input ([0, 1]) because
  /// every member normalises its own view (``FusedFeatureFunction``).
  init(fusing members: [BenchModel], mode: FusionMode, name: String) {
    var zoo = WeightsLoading.customEntry(
      name: name, architecture: "\(mode.rawValue)(" + members.map(\.zoo.architecture).joined(separator: ",") + ")",
      file: "")
    zoo.normalization = .none
    self.init(zoo: zoo, weights: nil, fusion: BenchFusion(members: members, mode: mode))
  }

  /// Whether `eval` can measure it: it has weights, or it is a fusion of such models.
  var isEvaluable: Bool {
    if let fusion { return fusion.members.allSatisfy(\.isEvaluable) }
    return weights != nil
  }

  /// The identity results and caches are filed under: the weights' content hash, or for a
  /// fusion the hash of its mode and its members' identities.
  var identity: String? {
    if let weights { return weights.hash }
    guard let fusion else { return nil }
    var parts = ["fuse", fusion.mode.rawValue]
    for member in fusion.members {
      guard let id = member.identity else { return nil }
      parts.append(id)
    }
    return SHA256.hex(parts.joined(separator: "\n"))
  }

  /// The §8.4 shift of the regularisation grid: (members − 1) for a fusion, else 0.
  var regularizationShift: Int { fusion.map { $0.members.count - 1 } ?? 0 }

  /// The normalisation its input needs (``ChannelNormalization/none`` for a fusion).
  var channelNormalization: ChannelNormalization {
    zoo.normalization == .none ? .none : .imageNet
  }

  /// The function from a preprocessed batch to its features, or nil without weights.
  func featureFunction() -> (any ImageFeatureFunction)? {
    if let weights { return ResNetFeatureFunction(model: weights.network) }
    guard let fusion else { return nil }
    var members: [FusedFeatureFunction.Member] = []
    for member in fusion.members {
      guard let function = member.featureFunction() else { return nil }
      members.append(FusedFeatureFunction.Member(function: function, normalization: member.channelNormalization))
    }
    return FusedFeatureFunction(members: members, mode: fusion.mode)
  }

  /// Provenance parameters of a fusion (members, mode, grid shift); empty otherwise.
  var fusionParameters: [String: String] {
    guard let fusion else { return [:] }
    return [
      "fusion": fusion.mode.rawValue, "members": fusion.memberNames,
      "grid-shift": "\(regularizationShift)",
    ]
  }
}
