// Copyright © 2026 the ssl authors.
//
// The feature cache's index: `index.sqlite` in the cache folder (GRDB, WAL journal), one row
// per complete entry. A row is inserted only after both arrays are on disk under their final
// names, so a row always names complete files; a kill -9 before the insert leaves unindexed
// arrays, which lookups never see and ``FeatureCache/removeIncomplete()`` deletes.

import Foundation
import GRDB

/// One row of the index.
struct FeatureCacheRecord: Codable, FetchableRecord, PersistableRecord {
  static let databaseTableName = "entries"

  var digest: String
  var model: String
  var dataset: String
  var split: String
  /// The full ``FeatureCacheKey`` as JSON (the digest is its hash).
  var key: String
  var rows: Int
  var columns: Int
  var featureBytes: Int
  var labelBytes: Int
  var created: Double
}

/// Opens and migrates the index of one cache folder.
enum FeatureCacheIndex {
  static let fileName = "index.sqlite"

  /// The index database, or nil when it does not exist and `create` is false.
  static func open(directory: String, create: Bool) throws(FeatureError) -> DatabaseQueue? {
    let path = "\(directory)/\(fileName)"
    if !create && !FileManager.default.fileExists(atPath: path) { return nil }
    do {
      try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
      var configuration = Configuration()
      configuration.busyMode = .timeout(10)
      let queue = try DatabaseQueue(path: path, configuration: configuration)
      try queue.writeWithoutTransaction { db in
        _ = try? db.execute(sql: "PRAGMA journal_mode=WAL")
      }
      try migrator.migrate(queue)
      return queue
    } catch let error as DatabaseError {
      // A read-only workspace or a full disk: lookups still read what is cached.
      if !create, let queue = readOnly(path) { return queue }
      throw .io(path: path, reason: error.message ?? error.description)
    } catch {
      throw .io(path: path, reason: "cannot open the cache index (\(error.localizedDescription))")
    }
  }

  /// The index opened for reading only (``ReadOnlyDatabase``); nil if even that fails.
  private static func readOnly(_ path: String) -> DatabaseQueue? {
    try? ReadOnlyDatabase.open(path)
  }

  /// Runs `body` on the index, mapping database errors to ``FeatureError/io(path:reason:)``.
  static func access<T>(_ path: String, _ body: () throws -> T) throws(FeatureError) -> T {
    do {
      return try body()
    } catch let error as DatabaseError {
      throw .io(path: path, reason: error.message ?? error.description)
    } catch let error as FeatureError {
      throw error
    } catch {
      throw .io(path: path, reason: String(describing: error))
    }
  }

  private static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1") { db in
      try db.create(table: FeatureCacheRecord.databaseTableName) { t in
        t.primaryKey("digest", .text)
        t.column("model", .text).notNull().indexed()
        t.column("dataset", .text).notNull().indexed()
        t.column("split", .text).notNull()
        t.column("key", .text).notNull()
        t.column("rows", .integer).notNull()
        t.column("columns", .integer).notNull()
        t.column("featureBytes", .integer).notNull()
        t.column("labelBytes", .integer).notNull()
        t.column("created", .double).notNull()
      }
    }
    return migrator
  }
}
