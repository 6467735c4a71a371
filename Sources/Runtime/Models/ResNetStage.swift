// Copyright © 2026 the ssl authors.

/// A residual stage of a ResNet, named as the checkpoint names it.
public enum ResNetStage: Int, CaseIterable, Comparable, Hashable, Sendable, CustomStringConvertible
{
  /// `layer1`: stride 4 relative to the input (56×56 at 224²).
  case layer1 = 1
  /// `layer2`: stride 8.
  case layer2
  /// `layer3`: stride 16.
  case layer3
  /// `layer4`: stride 32; its pooled output is the feature vector.
  case layer4

  /// The checkpoint module name, `layer1` … `layer4`.
  public var description: String { "layer\(rawValue)" }

  /// The zero-based index into ``ResNetConfig/blocksPerStage``.
  public var index: Int { rawValue - 1 }

  /// Orders stages from shallow to deep.
  public static func < (lhs: ResNetStage, rhs: ResNetStage) -> Bool {
    lhs.rawValue < rhs.rawValue
  }
}
