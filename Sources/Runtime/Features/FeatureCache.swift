// Copyright © 2026 the ssl authors.
//
// On-disk layout, one entry per key digest `<d>` under the cache folder
// (default `./.ssl/features/`):
//   <d>.features.npy   float32 [rows, columns]
//   <d>.labels.npy     int64 [rows]
//   index.sqlite       one row per complete entry (key, shape, byte sizes, creation time)
// Each array is written to a temp name (`.tmp-<uuid>-…`), fsynced and renamed into place;
// the index row is inserted only after both renames, in one SQLite transaction. So an entry
// exists exactly when its row exists and the sizes it records match the files: a process
// killed mid-write leaves only temp files or unindexed arrays, which lookups never see and
// ``FeatureCache/removeIncomplete()`` deletes. Folders written by earlier versions (a `<d>.json`
// record per entry) are imported into the index the first time it is opened.

import Foundation
import GRDB

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
    guard let index = try index(create: false) else { return nil }
    let record = try FeatureCacheIndex.access(indexPath) {
      try index.read { db in try FeatureCacheRecord.fetchOne(db, key: d) }
    }
    guard let record, let entry = Self.entry(record), entry.key == key else { return nil }
    guard isComplete(entry, d) else {
      // Files changed under a committed row (deleted or truncated by hand): forget the row.
      _ = try? index.write { db in try FeatureCacheRecord.deleteOne(db, key: d) }
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

  /// Stores `set` under `key`, replacing any previous entry: arrays first, index row last.
  public func store(_ set: FeatureSet, for key: FeatureCacheKey) throws(FeatureError) {
    guard let index = try index(create: true) else { return }
    let d = key.digest
    let features = NPYArray.encode(float32: set.values, shape: [set.rows, set.columns])
    let labels = NPYArray.encode(int64: set.labels, shape: [set.rows])
    try FeatureCacheIndex.access(indexPath) {
      _ = try index.write { db in try FeatureCacheRecord.deleteOne(db, key: d) }
    }
    try atomicWrite(features, to: file(d, "features.npy"))
    try atomicWrite(labels, to: file(d, "labels.npy"))
    let entry = Entry(
      key: key, rows: set.rows, columns: set.columns, featureBytes: features.count,
      labelBytes: labels.count, created: Date().timeIntervalSince1970)
    let record = try Self.record(entry)
    try FeatureCacheIndex.access(indexPath) {
      try index.write { db in try record.insert(db, onConflict: .replace) }
    }
  }

  /// Every complete entry, sorted by dataset, model and split.
  public func entries() -> [Entry] {
    guard let index = try? index(create: false),
      let records = try? index.read({ db in try FeatureCacheRecord.fetchAll(db) })
    else { return [] }
    return records.compactMap(Self.entry).filter { isComplete($0, $0.key.digest) }.sorted {
      ($0.key.datasetName, $0.key.modelName, $0.key.split.rawValue)
        < ($1.key.datasetName, $1.key.modelName, $1.key.split.rawValue)
    }
  }

  /// Deletes the entries of `model` and/or `dataset` (all entries when both are nil).
  ///
  /// - Returns: How many entries were removed.
  @discardableResult
  public func remove(model: String? = nil, dataset: String? = nil) -> Int {
    let doomed = entries().filter {
      (model == nil || $0.key.modelName == model)
        && (dataset == nil || $0.key.datasetName == dataset)
    }
    guard !doomed.isEmpty, let index = try? index(create: false) else { return 0 }
    _ = try? index.write { db in
      for e in doomed { try FeatureCacheRecord.deleteOne(db, key: e.key.digest) }
    }
    for e in doomed {
      for suffix in ["features.npy", "labels.npy"] {
        try? FileManager.default.removeItem(atPath: file(e.key.digest, suffix))
      }
    }
    return doomed.count
  }

  /// Deletes what interrupted writes left behind: temp files and arrays without an index row.
  ///
  /// - Returns: How many files were removed.
  @discardableResult
  public func removeIncomplete() -> Int {
    let live = Set(entries().map(\.key.digest))
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
    var removed = 0
    for name in names where !name.hasPrefix(FeatureCacheIndex.fileName) {
      let digest = String(name.prefix { $0 != "." })
      if name.hasPrefix(".tmp-") || !live.contains(digest) {
        if (try? FileManager.default.removeItem(atPath: "\(directory)/\(name)")) != nil {
          removed += 1
        }
      }
    }
    return removed
  }

  // MARK: - Index

  private var indexPath: String { "\(directory)/\(FeatureCacheIndex.fileName)" }

  /// The index, importing `<d>.json` records of folders written before it existed.
  private func index(create: Bool) throws(FeatureError) -> DatabaseQueue? {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
    let legacy = names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".tmp-") }
    guard let index = try FeatureCacheIndex.open(directory: directory, create: create || !legacy.isEmpty)
    else { return nil }
    for name in legacy {
      let path = "\(directory)/\(name)"
      if let data = FileManager.default.contents(atPath: path),
        let entry = try? JSONDecoder().decode(Entry.self, from: data),
        isComplete(entry, entry.key.digest), let record = try? Self.record(entry)
      {
        try FeatureCacheIndex.access(indexPath) {
          try index.write { db in try record.insert(db, onConflict: .replace) }
        }
      }
      try? FileManager.default.removeItem(atPath: path)
    }
    return index
  }

  private static func record(_ e: Entry) throws(FeatureError) -> FeatureCacheRecord {
    guard let json = try? JSONEncoder().encode(e.key) else {
      throw .io(path: e.key.digest, reason: "cannot encode the cache key")
    }
    return FeatureCacheRecord(
      digest: e.key.digest, model: e.key.modelName, dataset: e.key.datasetName,
      split: e.key.split.rawValue, key: String(decoding: json, as: UTF8.self), rows: e.rows,
      columns: e.columns, featureBytes: e.featureBytes, labelBytes: e.labelBytes,
      created: e.created)
  }

  private static func entry(_ r: FeatureCacheRecord) -> Entry? {
    guard let key = try? JSONDecoder().decode(FeatureCacheKey.self, from: Data(r.key.utf8)),
      key.digest == r.digest
    else { return nil }
    return Entry(
      key: key, rows: r.rows, columns: r.columns, featureBytes: r.featureBytes,
      labelBytes: r.labelBytes, created: r.created)
  }

  // MARK: - Files

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

  /// Writes `data` to `path` all or nothing: a temp file in the same folder, fsynced, renamed.
  func atomicWrite(_ data: Data, to path: String) throws(FeatureError) {
    let url = URL(fileURLWithPath: path)
    let temp = url.deletingLastPathComponent()
      .appendingPathComponent(".tmp-\(UUID().uuidString)-\(url.lastPathComponent)")
    let fd = open(temp.path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
    guard fd >= 0 else { throw .io(path: path, reason: String(cString: strerror(errno))) }
    var failure: String?
    data.withUnsafeBytes { raw in
      var offset = 0
      while offset < raw.count {
        let n = write(fd, raw.baseAddress! + offset, raw.count - offset)
        if n < 0 {
          if errno == EINTR { continue }
          failure = String(cString: strerror(errno))
          return
        }
        offset += n
      }
    }
    if failure == nil, fsync(fd) != 0 { failure = String(cString: strerror(errno)) }
    close(fd)
    if failure == nil, rename(temp.path, path) != 0 { failure = String(cString: strerror(errno)) }
    if let failure {
      unlink(temp.path)
      throw .io(path: path, reason: "write failed: \(failure)")
    }
  }
}
