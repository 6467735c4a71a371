// Copyright © 2026 the ssl authors.
//
// Every checkpoint layout researchers meet, run through the network: the net_* fixtures of
// scripts/fixtures/make_pth_network_fixtures.py hold one narrow torchvision ResNet (bottleneck
// [1, 1, 1, 1], base width 1) in seven containers, and torchvision's float64 features for one
// input. Each file goes through the real loader (format detection, unwrapping, prefix rules,
// verification, Haiku conversion) and the Swift ResNet, and must give torchvision's features.

import Foundation
import Testing

@testable import Runtime

@Suite struct CheckpointNetworkTests {
  let loader = CheckpointLoader(environment: [:])
  let io: SafeTensorsFile
  let config: ResNetConfig

  init() throws {
    io = try SafeTensorsFile(contentsOf: PthFixtures.url("net_io.safetensors"))
    config = try #require(
      try loader.inferArchitecture(file: PthFixtures.url("net_zip.pth"), prefix: nil))
  }

  /// Loads `name`, runs the network on the fixture input and compares with `reference`.
  @discardableResult
  func check(_ name: String, reference: String = "features") throws -> LoadReport {
    let expected = ResNet.parameterShapes(config)
    let loaded = try loader.load(file: PthFixtures.url(name), expected: expected, prefix: nil)
    #expect(loaded.report.isComplete, "\(name): \(loaded.report)")
    let backbone = expected.filter { !$0.name.hasSuffix("num_batches_tracked") }.count
    #expect(loaded.report.matchedCount >= backbone, "\(name): \(loaded.report)")
    let net = try ResNet(config: config, stateDict: loaded.stateDict)
    let ours = try net.features(try io.tensor(named: "input")).scalars.map(Double.init)
    let theirs = try io.tensor(named: reference).scalars.map(Double.init)
    let scale = theirs.map(abs).max() ?? 1
    #expect(ours.count == theirs.count)
    let error = zip(ours, theirs).map { abs($0 - $1) }.max() ?? .infinity
    #expect(error / scale <= 1e-5, "\(name): max error \(error) relative to \(scale)")
    return loaded.report
  }

  @Test func inferredArchitectureIsTheNarrowNet() {
    #expect(config.block == .bottleneck)
    #expect(config.blocksPerStage == [1, 1, 1, 1])
    #expect(config.stemWidth == 1)
    #expect(config.featureDimension == 32)
  }

  @Test func zipAndLegacyFormats() throws {
    let zip = try check("net_zip.pth")
    #expect(zip.format == CheckpointFormat.torchZip.rawValue)
    #expect(zip.dropped[.classifier] == ["fc.weight", "fc.bias"])
    let legacy = try check("net_legacy.pth")
    #expect(legacy.format == CheckpointFormat.torchLegacy.rawValue)
  }

  @Test func mocoReleaseWithDetectedPrefixAndMLPHead() throws {
    let r = try check("net_moco.pth.tar")
    #expect(r.unwrapped == ["state_dict"])
    #expect(r.prefix == "module.encoder_q." && r.prefixDetected)
    #expect(r.dropped[.classifier]?.count == 4)  // fc.0 / fc.2 weight and bias
    #expect(r.dropped[.momentumEncoder]?.isEmpty == false)
    #expect(Set(r.ignoredEntries) == ["epoch", "arch", "optimizer"])
  }

  @Test func swavReleaseDropsHeadAndPrototypes() throws {
    let r = try check("net_swav.pth")
    #expect(r.prefix == "module.")
    #expect(r.dropped[.projectionHead]?.count == 4)
    #expect(r.dropped[.prototypes] == ["module.prototypes.weight"])
  }

  @Test func halfPrecisionWeights() throws {
    try check("net_float16.pth", reference: "features_float16")
  }

  @Test func nonContiguousAndSharedStorages() throws {
    try check("net_views.pth")
  }

  @Test func byolHaikuPickle() throws {
    let r = try check("net_haiku.pkl")
    #expect(r.format == "BYOL Haiku pickle")
  }

  @Test func sameWeightsSameIdentityAcrossContainers() throws {
    let expected = ResNet.parameterShapes(config)
    let hashes = try ["net_zip.pth", "net_legacy.pth", "net_moco.pth.tar", "net_swav.pth",
      "net_views.pth", "net_haiku.pkl"].map {
      try loader.load(file: PthFixtures.url($0), expected: expected, prefix: nil).contentHash()
    }
    #expect(Set(hashes).count == 1)
  }
}
