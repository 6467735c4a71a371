// Copyright © 2026 the ssl authors.

import Runtime
import Testing

@Suite struct ModelZooTests {
  @Test func seedFollowsThePaper() {
    #expect(ModelZoo.seed.count == 14)
    #expect(ModelZoo.seed.map(\.displayName) == ResultsTable.reference.models)
    for model in ModelZoo.seed {
      #expect(model.imagenetTop1 == ResultsTable.reference.imagenetTop1(model: model.displayName))
      #expect(model.paper == .transfer2021)
      #expect(model.architecture == "resnet50")
    }
    #expect(ModelZoo.all.count == 19)
  }

  @Test(arguments: [
    ("MoCo-v2", "moco-v2"), ("mocov2", "moco-v2"), ("moco_v2", "moco-v2"),
    ("MOCO V2", "moco-v2"), ("mocov1", "moco-v1"), ("deepcluster", "deepcluster-v2"),
    ("DeepCluster-v2", "deepcluster-v2"), ("sela", "sela-v2"), ("swav", "swav"),
    ("byol", "byol"), ("infomin", "infomin"), ("insdis", "insdis"), ("instdisc", "insdis"),
    ("pirl", "pirl"), ("supervised", "supervised"), ("sup", "supervised"),
    ("simclrv1", "simclr-v1"), ("SimCLR-v2", "simclr-v2"), ("pcl_v2", "pcl-v2"),
    ("default", "default"), ("spatial", "spatial"), ("ventral", "spatial"),
    ("appearance", "appearance"), ("dorsal", "appearance"), ("default-w3", "default-w3"),
    ("defaultw3", "default-w3"), ("default_w3", "default-w3"), ("random", "random"),
  ])
  func resolves(name: String, id: String) {
    #expect(ModelZoo.resolve(name)?.id == id)
  }

  @Test func unknownNamesDoNotResolve() {
    #expect(ModelZoo.resolve("moco") == nil)
    #expect(ModelZoo.resolve("barlow-twins") == nil)
    #expect(ModelZoo.resolve("") == nil)
  }

  /// No two models share a name key, so resolution never depends on catalogue order.
  @Test func namesAreUnambiguous() {
    var owner: [String: String] = [:]
    for model in ModelZoo.all {
      for name in model.names {
        let key = String(name.lowercased().filter { $0.isLetter || $0.isNumber })
        if let other = owner[key], other != model.id {
          Issue.record("'\(name)' names both \(other) and \(model.id)")
        }
        owner[key] = model.id
      }
    }
    #expect(ModelZoo.allNames.contains("deepcluster"))
  }

  @Test func checkpointFacts() throws {
    let simclr = ModelZoo.seed.filter { $0.normalization == .none }.map(\.id)
    #expect(simclr == ["simclr-v1", "simclr-v2"])
    let w3 = try #require(ModelZoo.resolve("default-w3"))
    #expect(w3.widthMultiplier == 3)
    #expect(w3.architecture == "resnet50w3")
    #expect(w3.paper == .invariance2022)
    #expect(ModelZoo.resolve("swav")?.keyPrefix == "module.")
    #expect(ModelZoo.resolve("moco-v1")?.keyPrefix == "module.encoder_q.")
    #expect(ModelZoo.resolve("pirl")?.keyPrefix == "module.encoder.")
    #expect(ModelZoo.resolve("byol")?.checkpointFile == "byol.pth")
    #expect(ModelZoo.resolve("byol")?.url?.hasSuffix("pretrain_res50x1.pkl") == true)
    #expect(ModelZoo.resolve("supervised")?.url == nil)
    #expect(ModelZoo.resolve("spatial")?.checkpointFile == "ventral.pth.tar")
  }
}
