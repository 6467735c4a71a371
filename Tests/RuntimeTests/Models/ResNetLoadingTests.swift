// Copyright © 2026 the ssl authors.

import Kernels
import Testing

@testable import Runtime

@Suite struct ResNetLoadingTests {
  /// A state dict of zeros with every tensor `parameterShapes` lists (BN variances 1).
  static func zeros(_ config: ResNetConfig, classes: Int? = nil) -> StateDict {
    var dict = StateDict()
    for (name, shape) in ResNet.parameterShapes(config, classes: classes) {
      dict[name] =
        name.hasSuffix("running_var")
        ? Tensor(shape: shape, scalars: .init(repeating: 1, count: shape.reduce(1, *)))
        : Tensor(zeros: shape)
    }
    return dict
  }

  @Test func resnet50ShapesFollowTorchvision() {
    let shapes = ResNet.parameterShapes(.resnet50)
    #expect(shapes.count == 318)  // bench README: 318 tensors without fc
    #expect(shapes.prefix(3).map(\.name) == ["conv1.weight", "bn1.weight", "bn1.bias"])
    #expect(shapes[5].name == "bn1.num_batches_tracked" && shapes[5].shape == [])
    let downsample = shapes.first { $0.name == "layer2.0.downsample.0.weight" }
    #expect(downsample?.shape == [512, 256, 1, 1])
    let conv2 = shapes.first { $0.name == "layer2.0.conv2.weight" }
    #expect(conv2?.shape == [128, 128, 3, 3])
    let withHead = ResNet.parameterShapes(.resnet50, classes: 1000)
    #expect(withHead.suffix(2).map(\.name) == ["fc.weight", "fc.bias"])
    #expect(ResNet.parameterShapes(.resnet18).count == 120)
  }

  @Test func widthMultipliersScaleEveryChannel() throws {
    let w3 = try #require(ResNetConfig.named("default_w3"))
    #expect(w3.stemWidth == 192)
    #expect(w3.featureDimension == 6144)
    #expect(ResNetConfig.named("resnet50x4")?.featureDimension == 8192)
    #expect(ResNetConfig.named("ResNet-18")?.featureDimension == 512)
    #expect(ResNetConfig.named("resnet51") == nil)
    let first = ResNet.parameterShapes(w3).first
    #expect(first?.shape == [192, 3, 7, 7])
  }

  @Test func loadsAndReportsUnexpectedKeys() throws {
    let config = ResNetConfig(
      name: "narrow", block: .bottleneck, blocksPerStage: [1, 1, 1, 1], baseWidth: 4)
    var dict = Self.zeros(config, classes: 3)
    dict["projection.weight"] = Tensor(zeros: [2])
    let model = try ResNet(config: config, stateDict: dict)
    #expect(model.unexpectedKeys == ["projection.weight"])
    #expect(model.classifier?.outFeatures == 3)
    let logits = try model.logits(Tensor(zeros: [2, 3, 32, 32]))
    #expect(logits.shape == [2, 3])
  }

  @Test func missingAndMisshapenTensorsAreNamed() {
    let config = ResNetConfig(
      name: "narrow", block: .basic, blocksPerStage: [1, 2, 1, 1], baseWidth: 4)
    var missing = Self.zeros(config)
    missing["layer2.1.bn1.running_mean"] = nil
    #expect(throws: ParameterError.missingTensor(path: "layer2.1.bn1.running_mean")) {
      try ResNet(config: config, stateDict: missing)
    }
    var wrong = Self.zeros(config)
    wrong["layer3.0.bn2.running_var"] = Tensor(zeros: [32])
    #expect(
      throws: ParameterError.shapeMismatch(
        path: "layer3.0.bn2.running_var", expected: [16], found: [32])
    ) {
      try ResNet(config: config, stateDict: wrong)
    }
  }

  @Test func cancellationStopsBetweenLayers() throws {
    let config = ResNetConfig(
      name: "narrow", block: .basic, blocksPerStage: [1, 1, 1, 1], baseWidth: 4)
    let model = try ResNet(config: config, stateDict: Self.zeros(config))
    let flag = CancellationFlag()
    flag.cancel()
    #expect(throws: TensorError.cancelled) {
      try model.features(Tensor(zeros: [1, 3, 32, 32]), cancellation: flag)
    }
  }
}
