// Copyright © 2026 the ssl authors.
//
// On-disk layout, one entry per key digest `<d>` under the cache folder
// (default `./.ssl/features/`):
//   <d>.features.npy   float32 [rows, columns]
//   <d>.labels.npy     int64 [rows]
//   <d>.json           the index record (key, shape, byte sizes, creation time)
// Writes are atomic per file (temp name `.tmp-<uuid>-…` + rename) and the index record is
// renamed last, so an entry exists exactly when its `.json` exists and the sizes it records
// match the files: a process killed mid-write leaves only temp files or unindexed arrays,
// which readers ignore and ``FeatureCache/removeIncomplete()`` deletes.
// The index is these JSON records; a SQLite index (GRDB, Runtime/Store) can replace the scan.

import Foundation

/// A folder of cached feature sets keyed by ``FeatureCacheKey``.
public struct FeatureCache: Sendable {
  /// One stored entry.
  public struct Entry: Codable, Equatable, Sendable {
    /// The key.
    public var key: FeatureCacheKey
    /// Rows (images).
    public var rows: Int
    /// Feature dimension.
    public var columns: Int
    /// Byte sizes of the features and labels files.
    public var featureBytes: Int
    public var labelBytes: Int
    /// When it was written (seconds since 1970).
    public var created: Double
  }

  /// The cache folder.
  public let directory: String

  /// A cache in `directory` (created on first store).
  public init(directory: String = "./.ssl/features") {
    self.directory = directory
  }

  private func file(_ digest: String, _ suffix: String) -> String {
    "\(directory)/\(digest).\(suffix)"
  }

  /// The cached features for `key`, or `nil` (missing or incomplete entries are misses).
  public func lookup(_ key: FeatureCacheKey) throws(FeatureError) -> FeatureSet? {
    let d = key.digest
    guard let entry = record(at: file(d, "json")), entry.key == key, isComplete(entry, d) else {
      return nil
    }
    let features = try NPYArray(read(file(d, "features.npy")), path: file(d, "features.npy"))
    let labels = try NPYArray(read(file(d, "labels.npy")), path: file(d, "labels.npy"))
    return FeatureSet(
      rows: entry.rows, columns: entry.columns, values: features.values.map { Float($0) },
      labels: labels.values.map { Int($0) })
  }

  /// Returns the cached features for `key`, computing and storing them on a miss.
  ///
  /// - Parameter compute: Runs only when nothing complete is cached.
  public func features(
    for key: FeatureCacheKey, compute: () throws -> FeatureSet
  ) throws -> FeatureSet {
    if let hit = try lookup(key) { return hit }
    let computed = try compute()
    try store(computed, for: key)
    return computed
  }

  /// Stores a feature set atomically (replacing an existing entry).
  public func store(_ set: FeatureSet, for key: FeatureCacheKey) throws(FeatureError) {
    do {
      try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    } catch { throw .io(path: directory, reason: "cannot create the cache folder") }
    let d = key.digest
    let features = NPYArray.encode(float32: set.values, shape: [set.rows, set.columns])
    let labels = NPYArray.encode(int64: set.labels, shape: [set.rows])
    try? FileManager.default.removeItem(atPath: file(d, "json"))
    try atomicWrite(features, to: file(d, "features.npy"))
    try atomicWrite(labels, to: file(d, "labels.npy"))
    let entry = Entry(
      key: key, rows: set.rows, columns: set.columns, featureBytes: features.count,
      labelBytes: labels.count, created: Date().timeIntervalSince1970)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
    guard let json = try? encoder.encode(entry) else {
      throw .io(path: file(d, "json"), reason: "encoding")
    }
    try atomicWrite(json, to: file(d, "json"))
  }

  /// Every complete entry, sorted by dataset, model and split.
  public func entries() -> [Entry] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
    return names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".tmp-") }.compactMap { name in
      let digest = String(name.dropLast(5))
      guard let e = record(at: "\(directory)/\(name)"), isComplete(e, digest) else { return nil }
      return e
    }.sorted {
      ($0.key.datasetName, $0.key.modelName, $0.key.split.rawValue)
        < ($1.key.datasetName, $1.key.modelName, $1.key.split.rawValue)
    }
  }

  /// Deletes the entries matching a model and/or dataset name (`nil` matches all).
  ///
  /// - Returns: How many entries were removed.
  @discardableResult
  public func remove(model: String? = nil, dataset: String? = nil) -> Int {
    let doomed = entries().filter {
      (model == nil || $0.key.modelName == model)
        && (dataset == nil || $0.key.datasetName == dataset)
    }
    for e in doomed {
      let d = e.key.digest
      for suffix in ["json", "features.npy", "labels.npy"] {
        try? FileManager.default.removeItem(atPath: file(d, suffix))
      }
    }
    return doomed.count
  }

  /// Deletes temp files and arrays without a complete index record (after a crash).
  ///
  /// - Returns: How many files were removed.
  @discardableResult
  public func removeIncomplete() -> Int {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
    let live = Set(entries().map(\.key.digest))
    var removed = 0
    for name in names {
      let digest = String(name.prefix { $0 != "." })
      if name.hasPrefix(".tmp-") || !live.contains(digest) {
        if (try? FileManager.default.removeItem(atPath: "\(directory)/\(name)")) != nil {
          removed += 1
        }
      }
    }
    return removed
  }

  // MARK: - Files

  private func record(at path: String) -> Entry? {
    guard let data = FileManager.default.contents(atPath: path) else { return nil }
    return try? JSONDecoder().decode(Entry.self, from: data)
  }

  private func isComplete(_ e: Entry, _ digest: String) -> Bool {
    size(file(digest, "features.npy")) == e.featureBytes
      && size(file(digest, "labels.npy")) == e.labelBytes
  }

  private func size(_ path: String) -> Int? {
    (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int
  }

  private func read(_ path: String) throws(FeatureError) -> [UInt8] {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw .io(path: path, reason: "cannot read")
    }
    return [UInt8](data)
  }

  /// Writes to a temp file in the same folder, then renames over `path`.
  func atomicWrite(_ data: Data, to path: String) throws(FeatureError) {
    let url = URL(fileURLWithPath: path)
    let temp = url.deletingLastPathComponent()
      .appendingPathComponent(".tmp-\(UUID().uuidString)-\(url.lastPathComponent)")
    do {
      try data.write(to: temp)
      if rename(temp.path, path) != 0 { throw CocoaError(.fileWriteUnknown) }
    } catch {
      try? FileManager.default.removeItem(at: temp)
      throw .io(path: path, reason: "write failed")
    }
  }
}
