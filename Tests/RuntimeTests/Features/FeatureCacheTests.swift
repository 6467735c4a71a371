// Copyright © 2026 the ssl authors.

import Foundation
import GRDB
import Runtime
import Testing

@Suite("Feature cache and feature files")
struct FeatureCacheTests {
  static func folder() -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent(
      "ssl-features-\(UUID().uuidString)"
    ).path
  }

  static func key(split: DatasetSplit = .train, model: String = "byol", dataset: String = "pets")
    -> FeatureCacheKey
  {
    FeatureCacheKey(
      weightsHash: "w-\(model)", architecture: "resnet50", layer: "avgpool",
      preprocessing: ImagePreprocessing.linear().identifier, datasetFingerprint: "fp-\(dataset)",
      split: split, modelName: model, datasetName: dataset)
  }

  static let set = FeatureSet(
    rows: 3, columns: 2, values: [1, 2, 3, 4, 5, 6.5], labels: [0, 1, 0])

  @Test("A second request for the same key does no computation")
  func secondExtractionIsCached() throws {
    let cache = FeatureCache(directory: Self.folder())
    defer { try? FileManager.default.removeItem(atPath: cache.directory) }
    var forwardPasses = 0
    let first = try cache.features(for: Self.key()) {
      forwardPasses += 1
      return Self.set
    }
    let second = try cache.features(for: Self.key()) {
      forwardPasses += 1
      return Self.set
    }
    #expect(forwardPasses == 1)
    #expect(first == second && second == Self.set)
    _ = try cache.features(for: Self.key(split: .test)) {
      forwardPasses += 1
      return Self.set
    }
    #expect(forwardPasses == 2)
  }

  @Test("A write interrupted before its index record leaves no entry; a rerun completes")
  func interruptedWrite() throws {
    let cache = FeatureCache(directory: Self.folder())
    defer { try? FileManager.default.removeItem(atPath: cache.directory) }
    try cache.store(Self.set, for: Self.key())
    let digest = Self.key().digest
    // Simulate kill -9 after the arrays but before the index row, plus a stray temp file.
    let index = try DatabaseQueue(path: "\(cache.directory)/index.sqlite")
    try index.write { db in try db.execute(sql: "DELETE FROM entries") }
    try Data([1, 2, 3]).write(to: URL(fileURLWithPath: "\(cache.directory)/.tmp-x-\(digest).labels.npy"))
    #expect(try cache.lookup(Self.key()) == nil)
    #expect(cache.entries().isEmpty)
    #expect(cache.removeIncomplete() == 3)
    var computed = 0
    _ = try cache.features(for: Self.key()) {
      computed += 1
      return Self.set
    }
    #expect(computed == 1)
    #expect(try cache.lookup(Self.key()) == Self.set)
    // A truncated array with a record is incomplete too.
    try Data([0]).write(to: URL(fileURLWithPath: "\(cache.directory)/\(digest).features.npy"))
    #expect(try cache.lookup(Self.key()) == nil)
  }

  @Test("Folders of the JSON-record era are imported into the SQLite index")
  func legacyRecordsAreImported() throws {
    let cache = FeatureCache(directory: Self.folder())
    defer { try? FileManager.default.removeItem(atPath: cache.directory) }
    try cache.store(Self.set, for: Self.key())
    let entry = try #require(cache.entries().first)
    for suffix in ["", "-wal", "-shm"] {
      try? FileManager.default.removeItem(atPath: "\(cache.directory)/index.sqlite\(suffix)")
    }
    let json = "\(cache.directory)/\(Self.key().digest).json"
    try JSONEncoder().encode(entry).write(to: URL(fileURLWithPath: json))
    #expect(try cache.lookup(Self.key()) == Self.set)
    #expect(!FileManager.default.fileExists(atPath: json))
    #expect(cache.entries() == [entry])
  }

  @Test("Entries are listed and cleared by model or dataset")
  func listAndClear() throws {
    let cache = FeatureCache(directory: Self.folder())
    defer { try? FileManager.default.removeItem(atPath: cache.directory) }
    for (model, dataset) in [("byol", "pets"), ("byol", "dtd"), ("simclr", "pets")] {
      try cache.store(Self.set, for: Self.key(model: model, dataset: dataset))
    }
    #expect(cache.entries().map(\.key.datasetName) == ["dtd", "pets", "pets"])
    #expect(cache.remove(model: "byol", dataset: "pets") == 1)
    #expect(cache.remove(dataset: "dtd") == 1)
    #expect(cache.entries().map(\.key.modelName) == ["simclr"])
    #expect(cache.remove() == 1)
  }

  @Test("Keys differ by every identifying field")
  func keyDigest() {
    var other = Self.key()
    other.layer = "layer4"
    #expect(other.digest != Self.key().digest)
    var renamed = Self.key()
    renamed.modelName = "renamed"
    #expect(renamed.digest == Self.key().digest)
  }

  @Test("Export to .npy and .safetensors and import them back")
  func exportImport() throws {
    let folder = Self.folder()
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let withSplits = FeatureSet(
      rows: 3, columns: 2, values: [1, 2, 3, 4, 5, 6.5], labels: [0, 1, 0],
      splits: [.train, .val, .test])
    for name in ["f.npy", "f.safetensors"] {
      try FeatureFiles.write(withSplits, to: "\(folder)/\(name)")
      #expect(try FeatureFiles.read("\(folder)/\(name)") == withSplits, "\(name)")
    }
    #expect(throws: FeatureError.unsupportedFormat(path: "\(folder)/f.csv")) {
      try FeatureFiles.write(withSplits, to: "\(folder)/f.csv")
    }
  }

  @Test("numpy-written .npz (stored and deflated) and .npy import")
  func importNumpy() throws {
    let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent()
      .appendingPathComponent("Fixtures").path
    let values = (0..<12).map { Float(Double($0) / 7) }
    let stored = try FeatureFiles.read("\(fixtures)/ds_features.npz")
    #expect(stored.rows == 4 && stored.columns == 3 && stored.labels == [2, 0, 1, 2])
    #expect(stored.values == values.map { Float($0) })
    #expect(stored.splits == [.train, .train, .val, .test])
    #expect(stored.rows(in: .train)?.labels == [2, 0])
    let deflated = try FeatureFiles.read("\(fixtures)/ds_features_compressed.npz")
    #expect(deflated.labels == [2, 0, 1, 2] && deflated.splits == nil)
    let plain = try FeatureFiles.read("\(fixtures)/ds_features_plain.npy")
    #expect(plain.labels == [2, 0, 1, 2] && plain.columns == 3)
  }
}
