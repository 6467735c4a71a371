// Copyright © 2026 the ssl authors.

import Foundation
import Testing

@testable import Runtime

@Suite struct LoaderTests {
  let loader = CheckpointLoader(environment: [:])

  func load(_ name: String, prefix: String? = nil) throws -> LoadedCheckpoint {
    try loader.load(file: PthFixtures.url(name), expected: PthFixtures.architecture, prefix: prefix)
  }

  @Test func mocoReleaseLayout() throws {
    let loaded = try load("pth_moco.pth.tar", prefix: "module.encoder_q.")
    #expect(loaded.format == .torchLegacy)
    let r = loaded.report
    #expect(r.unwrapped == ["state_dict"])
    #expect(r.matchedCount == 20 && r.expectedCount == 20)
    #expect(r.dropped[.classifier]?.count == 4)
    #expect(r.dropped[.momentumEncoder]?.count == 30)  // encoder_k (24 + fc 4), queue, queue_ptr
    #expect(r.dropped[.batchNormCounters]?.count == 4)
    #expect(Set(r.ignoredEntries) == ["epoch", "arch", "optimizer"])
    PthFixtures.assertMatches("pth_moco.pth.tar") { loaded.stateDict[$0] }
  }

  @Test func swavLayoutWithDetectedPrefix() throws {
    let loaded = try load("pth_swav.pth")
    #expect(loaded.report.prefix == "module." && loaded.report.prefixDetected)
    #expect(loaded.report.dropped[.projectionHead]?.count == 2)
    #expect(loaded.report.dropped[.prototypes] == ["module.prototypes.weight"])
    PthFixtures.assertMatches("pth_swav.pth") { loaded.stateDict[$0] }
  }

  @Test func plainAndNumpyFiles() throws {
    let zip = try load("pth_zip.pth")
    #expect(zip.report.dropped[.classifier] == ["fc.weight", "fc.bias"])
    #expect(
      zip.stateDict.names
        == PthFixtures.architecture.map(\.name).filter {
          !$0.hasSuffix("num_batches_tracked")
        })
    let numpy = try loader.load(
      file: PthFixtures.url("pickle_numpy_p5.pkl"),
      expected: [("conv1.weight", [4, 3, 3, 3]), ("bn1.weight", [4]), ("bn1.bias", [4])],
      prefix: nil)
    PthFixtures.assertMatches("pickle_numpy_p5.pkl") { numpy.stateDict[$0] }
  }

  @Test func identityIsTheContentNotTheContainer() throws {
    let hashes = try [
      "pth_zip.pth", "pth_legacy.pth", "pth_bigendian.pth", "pth_deflated.pth",
      "haiku_byol.pkl", "pth_moco.pth.tar",
    ].map { try load($0, prefix: nil).contentHash() }
    #expect(Set(hashes).count == 1)
    #expect(hashes[0].count == 64)
    #expect(try load("pth_float16.pth").contentHash() != hashes[0])
  }

  @Test func hostileFilesThroughTheLoader() throws {
    #expect(throws: CheckpointError.pickle(.forbiddenGlobal(module: "posix", name: "system"))) {
      try load("pickle_os_system.pkl")
    }
    #expect(throws: CheckpointError.pickle(.recursiveStructure)) {
      try load("pickle_recursive.pkl")
    }
  }

  @Test func safetensorsThroughTheLoader() throws {
    let url = PthFixtures.url("resnet_tiny_basic.safetensors")
    let file = try SafeTensorsFile(contentsOf: url)
    let expected = file.entries.map { (name: $0.name, shape: $0.shape) }
      .filter { !$0.name.hasPrefix("fc.") }
    let loaded = try loader.load(file: url, expected: expected, prefix: nil)
    #expect(loaded.format == .safetensors && loaded.report.isComplete)
    let name = try #require(expected.first { $0.name.hasSuffix("conv1.weight") }?.name)
    #expect(loaded.stateDict[name]?.scalars == (try file.tensor(named: name)).scalars)
  }

  @Test func formatDetection() {
    #expect(CheckpointFormat.detect([0x50, 0x4B, 3, 4]) == .torchZip)
    #expect(CheckpointFormat.detect([0x80, 2, 0x8A, 0x0A] + PthReader.legacyMagic) == .torchLegacy)
    #expect(CheckpointFormat.detect([0x10, 0, 0, 0, 0, 0, 0, 0, 0x7B]) == .safetensors)
    #expect(CheckpointFormat.detect([0x80, 2, 0x7D]) == .pickle)
    #expect(CheckpointFormat.detect([0x7F, 0x45, 0x4C, 0x46]) == nil)  // an ELF binary
  }

  // MARK: - Finding files

  @Test func lookupOrderAndMissingFileError() throws {
    let model = try #require(ModelZoo.resolve("moco-v2"))
    let env = ["SSL_MODELS": "/models", "XDG_CACHE_HOME": "/cache", "HOME": "/home/u"]
    let loader = CheckpointLoader(environment: env)
    let paths = loader.candidatePaths(for: model, from: "/tmp/x.pth").map(\.path)
    #expect(
      paths == [
        "/tmp/x.pth", "/models/moco-v2.pth", "/models/moco_v2_800ep_pretrain.pth.tar",
        "/cache/ssl/models/moco-v2.pth", "/cache/ssl/models/moco_v2_800ep_pretrain.pth.tar",
      ])
    #expect(
      CheckpointLoader(environment: ["HOME": "/home/u"]).cacheFolder.path
        == "/home/u/.cache/ssl/models")
    #expect(
      throws: CheckpointError.fileNotFound(
        model: "moco-v2", tried: paths, fetchCommand: "fetch moco-v2")
    ) { try loader.locate(model, from: "/tmp/x.pth") }
    let simclr = try #require(ModelZoo.resolve("simclr-v1"))
    #expect(simclr.fetchCommand == nil)
  }

  @Test func locatesInSSLModels() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("ssl-loader-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let model = try #require(ModelZoo.resolve("swav"))
    let target = folder.appendingPathComponent("swav_800ep_pretrain.pth.tar")
    try FileManager.default.copyItem(at: PthFixtures.url("pth_swav.pth"), to: target)
    let loader = CheckpointLoader(environment: ["SSL_MODELS": folder.path, "HOME": "/nonexistent"])
    #expect(try loader.locate(model) == target)
    // `from=` a folder looks for the model's names inside it.
    #expect(try CheckpointLoader(environment: [:]).locate(model, from: folder.path) == target)
  }
}
