// Copyright © 2026 the ssl authors.
//
// `fetch` records size and SHA-256 in the cache manifest; later loads report a changed file.
// Against LoopbackHTTPServer on 127.0.0.1; no other network.

import Foundation
import Testing

@testable import Runtime

@Suite(.serialized) struct FetchManifestTests {
  let body: [UInt8] = (0..<50_000).map { UInt8(truncatingIfNeeded: $0 &* 40_503 >> 7) }

  func tempFolder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("ssl-manifest-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }

  @Test func fetchRecordsAndLoadVerifies() throws {
    let server = try LoopbackHTTPServer(body: body)
    defer { server.stop() }
    let cache = try tempFolder()
    defer { try? FileManager.default.removeItem(at: cache) }
    let loader = CheckpointLoader(environment: ["XDG_CACHE_HOME": cache.path])
    var model = try #require(ModelZoo.resolve("swav"))
    model.url = server.url.absoluteString  // served as `file`
    let result = try ModelFetcher(loader: loader, downloader: Downloader(progressInterval: 0))
      .fetch(model)
    var expectedDigest = SHA256()
    expectedDigest.update(body)
    let manifest = FetchManifest.read(in: loader.cacheFolder)
    let entry = try #require(manifest.files["file"])
    #expect(entry.bytes == Int64(body.count) && entry.sha256 == expectedDigest.hexDigest())
    #expect(entry.model == "swav" && entry.url == model.url)
    let file = URL(fileURLWithPath: result.file)
    #expect(manifest.verify(file) == .matches(entry))
    #expect(loader.manifestWarning(for: file) == nil)

    // Same size, different bytes (and a new modification time): the digest catches it.
    var changed = body
    changed[100] ^= 0xFF
    try Data(changed).write(to: file)
    try FileManager.default.setAttributes(
      [.modificationDate: Date(timeIntervalSince1970: entry.modified + 10)], ofItemAtPath: file.path)
    guard case .changed(_, let bytes, let digest?) = manifest.verify(file) else {
      Issue.record("a changed file was not reported")
      return
    }
    #expect(bytes == Int64(body.count) && digest != entry.sha256)
    #expect(loader.manifestWarning(for: file)?.contains("changed since fetch") == true)
    // A truncated file: the size alone tells.
    try Data(body.prefix(10)).write(to: file)
    #expect(manifest.verify(file) == .changed(expected: entry, bytes: 10, sha256: nil))
  }

  @Test func unrecordedAndOutsideTheCache() throws {
    let cache = try tempFolder()
    defer { try? FileManager.default.removeItem(at: cache) }
    let loader = CheckpointLoader(environment: ["XDG_CACHE_HOME": cache.path])
    try FileManager.default.createDirectory(at: loader.cacheFolder, withIntermediateDirectories: true)
    let file = loader.cacheFolder.appendingPathComponent("byol.pth")
    try Data([1, 2, 3]).write(to: file)
    #expect(FetchManifest.read(in: loader.cacheFolder).verify(file) == .unrecorded)
    #expect(loader.manifestWarning(for: PthFixtures.url("pth_zip.pth")) == nil)
    // A corrupt manifest reads as empty rather than stopping loads.
    try Data("{not json".utf8).write(to: FetchManifest.url(in: loader.cacheFolder))
    #expect(FetchManifest.read(in: loader.cacheFolder).files.isEmpty)
  }

  @Test func registryCarriesNamesURLsAndSizeBounds() throws {
    for model in ModelZoo.all {
      #expect(!model.checkpointFile.isEmpty, "\(model.id)")
      #expect(model.minimumFileBytes >= 4 * 11_000_000, "\(model.id)")
    }
    // ResNet-50 backbone: 23,508,032 parameters + 53,120 BN running statistics, float32.
    let swav = try #require(ModelZoo.resolve("swav"))
    #expect(swav.minimumFileBytes == 4 * (23_508_032 + 53_120))
    #expect(swav.url != nil && swav.downloadFileName == "swav_800ep_pretrain.pth.tar")
    let w3 = try #require(ModelZoo.resolve("default-w3"))
    #expect(w3.minimumFileBytes > 8 * swav.minimumFileBytes)
  }
}
