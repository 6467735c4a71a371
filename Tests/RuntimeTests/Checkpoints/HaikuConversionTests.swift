// Copyright © 2026 the ssl authors.
//
// haiku_byol.pkl mimics BYOL's pretrain_res50x1.pkl (scripts/fixtures/make_pth_fixtures.py):
// protocol 2, `_ByolExperimentState` named tuple, Haiku frozendicts, numpy arrays through
// `_codecs.encode`. Expected values are the tiny backbone's torch tensors.

import Foundation
import Testing

@testable import Runtime

@Suite struct HaikuConversionTests {
  @Test func byolPickleConvertsToTorchvisionNames() throws {
    let loaded = try CheckpointLoader(environment: [:]).load(
      file: PthFixtures.url("haiku_byol.pkl"), expected: PthFixtures.architecture, prefix: nil)
    #expect(loaded.format == .pickle)
    #expect(loaded.report.format == "BYOL Haiku pickle")
    #expect(loaded.report.isComplete)
    #expect(loaded.report.matchedCount == loaded.report.expectedCount)
    PthFixtures.assertMatches("haiku_byol.pkl") { loaded.stateDict[$0] }
    // The stem comes first, as torchvision orders it.
    #expect(loaded.stateDict.names.first == "conv1.weight")
  }

  @Test func wrongArchitectureIsNamed() throws {
    var arch = PthFixtures.architecture
    arch.removeAll { $0.name.hasPrefix("layer1.0.downsample") }
    #expect(
      throws: CheckpointError.haikuStructure(reason: "4 convolutions, the architecture has 3")
    ) {
      try CheckpointLoader(environment: [:]).load(
        file: PthFixtures.url("haiku_byol.pkl"), expected: arch, prefix: nil)
    }
  }

  @Test func missingExperimentStateIsNamed() {
    #expect(throws: CheckpointError.haikuStructure(reason: "no experiment_state")) {
      try HaikuConversion.convert(.dict([]), expected: PthFixtures.architecture)
    }
  }
}
