// Copyright © 2026 the ssl authors.
//
// torchvision parity (house rules §44c). Fixtures: scripts/fixtures/make_resnet_reference.py.
// Error = max |y − y_ref| / max |y_ref| against torchvision run in float64; budget 1e-5
// (a correct fp32 network lands near 1e-6, bench README "noise floor").

import Foundation
import Kernels
import TestSupport
import Testing

@testable import Runtime

@Suite struct ResNetParityTests {
  static let tiny: [(stem: String, config: ResNetConfig)] = [
    (
      "resnet_tiny_basic",
      ResNetConfig(name: "tiny-basic", block: .basic, blocksPerStage: [1, 1, 1, 1], baseWidth: 4)
    ),
    (
      "resnet_tiny_bottleneck",
      ResNetConfig(
        name: "tiny-bottleneck", block: .bottleneck, blocksPerStage: [1, 1, 2, 1], baseWidth: 4)
    ),
  ]

  @Test(arguments: [0, 1], [WinogradVariant.f2x3, .f4x3, nil])
  func tinyNetworkMatchesTorchvision(index: Int, winograd: WinogradVariant?) throws {
    let (stem, config) = Self.tiny[index]
    let fixture = try ResNetFixture(stem)
    let model = try ResNet(
      config: config, stateDict: fixture.stateDict,
      // Widths 4–32: lower the channel threshold so Winograd runs on the 16/32-wide layers.
      options: .init(winograd: winograd, winogradMinimumChannels: 16))
    #expect(model.unexpectedKeys.isEmpty)
    let input = try fixture.reference("input")
    let arena = TensorArena()
    let stages = try model.features(input, stages: [.layer2, .layer3, .layer4], arena: arena)
    for (stage, name) in [
      (ResNetStage.layer2, "layer2"), (.layer3, "layer3"), (.layer4, "features"),
    ] {
      let expected = try fixture.reference(name)
      let actual = try #require(stages[stage])
      #expect(actual.shape == expected.shape)
      let error = maxErrorRelativeToMax(actual.scalars, expected.scalars)
      #expect(error <= 1e-5, "\(stem) \(name) with \(String(describing: winograd)): \(error)")
    }
    let logits = try model.logits(input, arena: arena)
    let error = maxErrorRelativeToMax(logits.scalars, try fixture.reference("logits").scalars)
    #expect(error <= 1e-5, "\(stem) logits: \(error)")
    if ProcessInfo.processInfo.environment["SSL_PRINT_PARITY"] != nil {
      let variant = winograd.map { "\($0)" } ?? "none"
      print("{\"parity\":\"\(stem)\",\"winograd\":\"\(variant)\",\"logits_error\":\(error)}")
    }
  }

  /// Full ResNet-18/50, torchvision random init with randomised BN statistics, 4×3×224×224.
  /// Opt-in: `python3 scripts/fixtures/make_resnet_reference.py --heavy DIR` then
  /// `SSL_HEAVY_FIXTURES=DIR swift test --filter ResNetParityTests`.
  @Test(
    .enabled(if: ProcessInfo.processInfo.environment["SSL_HEAVY_FIXTURES"] != nil),
    arguments: ["resnet18", "resnet50"])
  func fullNetworkMatchesTorchvision(name: String) throws {
    let folder = URL(
      fileURLWithPath: ProcessInfo.processInfo.environment["SSL_HEAVY_FIXTURES"] ?? "")
    let fixture = try ResNetFixture(name + "_bnstats", in: folder)
    let config = try #require(ResNetConfig.named(name))
    // The default options (F(4,3)); SSL_HEAVY_WINOGRAD=f2x3|none measures the other
    // convolution paths end to end.
    let winograd: WinogradVariant? =
      switch ProcessInfo.processInfo.environment["SSL_HEAVY_WINOGRAD"] {
      case "f2x3": .f2x3
      case "none": nil
      default: Winograd.defaultVariant
      }
    let model = try ResNet(
      config: config, stateDict: fixture.stateDict, options: .init(winograd: winograd))
    #expect(model.unexpectedKeys.isEmpty)
    let pooled = try model.features(try fixture.reference("input"), stages: [.layer3, .layer4])
    let features = try #require(pooled[.layer4])
    let error = maxErrorRelativeToMax(features.scalars, try fixture.reference("features").scalars)
    let stage3 = maxErrorRelativeToMax(
      try #require(pooled[.layer3]).scalars, try fixture.reference("layer3").scalars)
    let variant = winograd.map { "\($0)" } ?? "none"
    print(
      "{\"parity\":\"\(name)\",\"winograd\":\"\(variant)\",\"features_error\":\(error),"
        + "\"layer3_error\":\(stage3)}")
    #expect(error <= 1e-5)
    #expect(stage3 <= 1e-5)
  }
}
