// Copyright © 2026 the ssl authors.
//
// ResNetConfig.swift — the depth and width table of the ResNet family.
//
// Depths are torchvision's (He et al. 2016; the v1.5 variant with the stride on the 3×3 conv of
// a bottleneck). Width multipliers k follow SimCLR's `resnet50x2/x4` and SwAV's
// `resnet50w2/w4/w5`, and the invariance paper's `resnet50w3`: EVERY channel count is scaled by
// k — the stem (64k), each stage's inner width (64k, 128k, 256k, 512k) and so its output
// (×4 for bottlenecks) — giving 2048·k-d features. This is not torchvision's `wide_resnet50_2`,
// which widens only the bottleneck's inner 3×3 and keeps 2048-d features.

/// The architecture of one ResNet: block kind, blocks per stage and width multiplier.
public struct ResNetConfig: Hashable, Sendable, CustomStringConvertible {
  /// The residual block.
  public enum Block: Hashable, Sendable {
    /// Two 3×3 convolutions (ResNet-18/34); expansion 1.
    case basic
    /// 1×1, 3×3, 1×1 convolutions (ResNet-50 and deeper); expansion 4.
    case bottleneck

    /// Output channels per unit of inner width.
    public var expansion: Int {
      switch self {
      case .basic: return 1
      case .bottleneck: return 4
      }
    }
  }

  /// The canonical name, for example `resnet50` or `resnet50w3`.
  public let name: String
  /// The residual block kind.
  public let block: Block
  /// Blocks in `layer1` … `layer4`.
  public let blocksPerStage: [Int]
  /// The factor k applied to every channel count.
  public let widthMultiplier: Int
  /// The stem width before the multiplier: 64 for every published ResNet; tests use narrow
  /// nets (for example 4) so fixtures stay a few KB.
  public let baseWidth: Int

  /// Creates a configuration.
  ///
  /// - Parameters:
  ///   - name: The canonical name.
  ///   - block: The block kind.
  ///   - blocksPerStage: Four block counts, each ≥ 1.
  ///   - widthMultiplier: k ≥ 1.
  ///   - baseWidth: The unmultiplied stem width, 64 unless building a narrow test net.
  public init(
    name: String, block: Block, blocksPerStage: [Int], widthMultiplier: Int = 1,
    baseWidth: Int = 64
  ) {
    precondition(blocksPerStage.count == 4 && blocksPerStage.allSatisfy { $0 >= 1 })
    precondition(widthMultiplier >= 1 && baseWidth >= 1)
    self.baseWidth = baseWidth
    self.name = name
    self.block = block
    self.blocksPerStage = blocksPerStage
    self.widthMultiplier = widthMultiplier
  }

  // MARK: - Derived widths

  /// Channels out of the stem convolution: 64·k.
  public var stemWidth: Int { baseWidth * widthMultiplier }

  /// The inner width of a stage's blocks (`planes` in torchvision): 64·2^s·k.
  ///
  /// - Parameter stage: 0…3 for `layer1` … `layer4`.
  public func innerWidth(stage: Int) -> Int { (baseWidth << stage) * widthMultiplier }

  /// The channels a stage outputs: inner width × expansion.
  ///
  /// - Parameter stage: 0…3.
  public func outputWidth(stage: Int) -> Int { innerWidth(stage: stage) * block.expansion }

  /// The dimension of ``ResNet/features(_:arena:cancellation:)``: 512·expansion·k.
  public var featureDimension: Int { outputWidth(stage: 3) }

  /// The name.
  public var description: String { name }

  // MARK: - The table

  /// ResNet-18: basic blocks [2, 2, 2, 2], 512-d features.
  public static let resnet18 = ResNetConfig(
    name: "resnet18", block: .basic, blocksPerStage: [2, 2, 2, 2])
  /// ResNet-34: basic blocks [3, 4, 6, 3], 512-d features.
  public static let resnet34 = ResNetConfig(
    name: "resnet34", block: .basic, blocksPerStage: [3, 4, 6, 3])
  /// ResNet-50: bottlenecks [3, 4, 6, 3], 2048-d features.
  public static let resnet50 = ResNetConfig(
    name: "resnet50", block: .bottleneck, blocksPerStage: [3, 4, 6, 3])
  /// ResNet-101: bottlenecks [3, 4, 23, 3], 2048-d features.
  public static let resnet101 = ResNetConfig(
    name: "resnet101", block: .bottleneck, blocksPerStage: [3, 4, 23, 3])
  /// ResNet-152: bottlenecks [3, 8, 36, 3], 2048-d features.
  public static let resnet152 = ResNetConfig(
    name: "resnet152", block: .bottleneck, blocksPerStage: [3, 8, 36, 3])

  /// ResNet-50 with every width ×k (k = 2, 3, 4): 2048·k-d features.
  ///
  /// - Parameter k: The width multiplier.
  public static func resnet50(width k: Int) -> ResNetConfig {
    ResNetConfig(
      name: k == 1 ? "resnet50" : "resnet50w\(k)", block: .bottleneck,
      blocksPerStage: [3, 4, 6, 3], widthMultiplier: k)
  }

  /// Every named configuration: the five depths and ResNet-50 ×2, ×3, ×4.
  public static let all: [ResNetConfig] = [
    resnet18, resnet34, resnet50, resnet101, resnet152,
    resnet50(width: 2), resnet50(width: 3), resnet50(width: 4),
  ]

  /// Looks a configuration up by name.
  ///
  /// Accepts the canonical names and the spellings of the zoo's sources: `resnet50x2`
  /// (SimCLR), `resnet50w2` (SwAV), `default_w3` / `resnet50_w3` (the invariance paper);
  /// case and `-`/`_` are ignored.
  ///
  /// - Parameter name: The name.
  /// - Returns: The configuration, or `nil` when unknown.
  public static func named(_ name: String) -> ResNetConfig? {
    let key = name.lowercased().filter { $0 != "-" && $0 != "_" }
    if let exact = all.first(where: { $0.name == key }) { return exact }
    for k in 2...4 {
      if ["resnet50x\(k)", "resnet50w\(k)", "defaultw\(k)", "rn50w\(k)"].contains(key) {
        return resnet50(width: k)
      }
    }
    return nil
  }
}
