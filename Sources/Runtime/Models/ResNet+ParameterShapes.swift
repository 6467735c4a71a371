// Copyright © 2026 the ssl authors.

extension ResNet {
  /// Every state-dict entry a checkpoint of `config` holds, in torchvision's order.
  ///
  /// Batch norms list `weight`, `bias`, `running_mean`, `running_var` and the 0-d
  /// `num_batches_tracked`; the classifier (`fc.weight` [classes, features], `fc.bias`) comes
  /// last when `classes` is given. Checkpoint loaders use this for their load report.
  ///
  /// - Parameters:
  ///   - config: The architecture.
  ///   - classes: The classifier's outputs, or `nil` for a headless backbone.
  /// - Returns: `(name, shape)` pairs.
  public static func parameterShapes(
    _ config: ResNetConfig, classes: Int? = nil
  ) -> [(name: String, shape: [Int])] {
    var result: [(name: String, shape: [Int])] = [("conv1.weight", [config.stemWidth, 3, 7, 7])]
    result += ResNetBlock.batchNormShapes(prefix: "bn1", channels: config.stemWidth)
    var channels = config.stemWidth
    for stage in ResNetStage.allCases {
      let width = config.innerWidth(stage: stage.index)
      for b in 0..<config.blocksPerStage[stage.index] {
        result += ResNetBlock.parameterShapes(
          prefix: "\(stage).\(b).", kind: config.block, inChannels: channels, width: width,
          stride: b == 0 && stage != .layer1 ? 2 : 1)
        channels = width * config.block.expansion
      }
    }
    if let classes {
      result.append(("fc.weight", [classes, config.featureDimension]))
      result.append(("fc.bias", [classes]))
    }
    return result
  }
}
