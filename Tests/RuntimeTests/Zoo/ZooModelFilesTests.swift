// Copyright © 2026 the ssl authors.

import Foundation
import Testing

@testable import Runtime

@Suite struct ZooModelFilesTests {
  @Test func fileNamesAndFetchCommands() throws {
    let moco = try #require(ModelZoo.resolve("moco-v2"))
    #expect(moco.downloadFileName == "moco_v2_800ep_pretrain.pth.tar")
    #expect(moco.candidateFileNames == ["moco-v2.pth", "moco_v2_800ep_pretrain.pth.tar"])
    #expect(moco.fetchCommand == "fetch moco-v2")
    let byol = try #require(ModelZoo.resolve("byol"))
    #expect(byol.candidateFileNames == ["byol.pth", "pretrain_res50x1.pkl"])
    for id in ["supervised", "default", "random", "simclr-v1", "simclr-v2"] {
      #expect(try #require(ModelZoo.resolve(id)).fetchCommand == nil, "\(id)")
    }
  }

  @Test func fetcherDestinationsAndURLs() throws {
    let fetcher = ModelFetcher(loader: CheckpointLoader(environment: ["XDG_CACHE_HOME": "/c"]))
    let swav = try #require(ModelZoo.resolve("swav"))
    #expect(try fetcher.destination(for: swav).path == "/c/ssl/models/swav_800ep_pretrain.pth.tar")
    let insdis = try #require(ModelZoo.resolve("insdis"))
    #expect(try fetcher.requestURL(for: insdis).absoluteString.hasSuffix("InsDis.pth?dl=1"))
    let simclr = try #require(ModelZoo.resolve("simclr-v1"))
    #expect(throws: DownloadError.self) { try fetcher.destination(for: simclr) }
  }
}
