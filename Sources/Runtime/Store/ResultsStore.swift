// Copyright © 2026 the ssl authors.

import Foundation
import GRDB

/// The results database: every measured number with its full provenance, in SQLite.
///
/// One file, `<workspace>/results.sqlite`, opened in WAL mode so a reader never blocks a
/// writer; every insert is one transaction, so a killed process leaves either all rows of a
/// measurement or none. The schema is versioned with GRDB's migrator.
public final class ResultsStore: Sendable {
  /// The database file.
  public let path: String
  private let queue: DatabaseQueue

  /// The schema version this build writes.
  public static let schemaVersion = 1

  /// Opens (or creates) the database at a path, creating its folder.
  ///
  /// - Throws: ``StoreError`` naming the path; ``StoreError/notWritable(path:reason:)`` when
  ///   the file or its folder cannot be written (a read-only workspace, a full disk).
  public init(path: String) throws(StoreError) {
    self.path = path
    let folder = (path as NSString).deletingLastPathComponent
    do {
      if !folder.isEmpty {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
      }
      var configuration = Configuration()
      configuration.busyMode = .timeout(10)
      queue = try DatabaseQueue(path: path, configuration: configuration)
      try queue.writeWithoutTransaction { db in
        _ = try? db.execute(sql: "PRAGMA journal_mode=WAL")
      }
      try Self.migrator.migrate(queue)
    } catch let error as DatabaseError {
      let reason = error.message ?? error.description
      if [.SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_FULL, .SQLITE_PERM, .SQLITE_IOERR]
        .contains(error.resultCode)
      {
        throw .notWritable(path: path, reason: reason)
      }
      throw .cannotOpen(path: path, reason: reason)
    } catch let error as CocoaError where error.code == .fileWriteNoPermission {
      throw .notWritable(path: path, reason: "permission denied")
    } catch {
      throw .cannotOpen(path: path, reason: error.localizedDescription)
    }
  }

  /// Opens an existing database for reading only (``ReadOnlyDatabase``): a read-only
  /// workspace still shows its results.
  ///
  /// - Throws: ``StoreError/cannotOpen(path:reason:)``.
  public init(readingOnly path: String) throws(StoreError) {
    self.path = path
    do {
      queue = try ReadOnlyDatabase.open(path)
    } catch let error as DatabaseError {
      throw .cannotOpen(path: path, reason: error.message ?? error.description)
    } catch {
      throw .cannotOpen(path: path, reason: error.localizedDescription)
    }
  }

  /// Adds results in one transaction.
  public func insert(_ results: [MeasuredResult]) throws(StoreError) {
    do {
      try queue.write { db in
        for result in results { try ResultRecord(result).insert(db) }
      }
    } catch let error as DatabaseError
      where [.SQLITE_READONLY, .SQLITE_FULL, .SQLITE_IOERR].contains(error.resultCode)
    {
      throw .notWritable(path: path, reason: Self.reason(error))
    } catch {
      throw .failed(path: path, reason: Self.reason(error))
    }
  }

  /// Every stored result, oldest first.
  public func all() throws(StoreError) -> [MeasuredResult] {
    do {
      return try queue.read { db in
        try ResultRecord.order(Column("id")).fetchAll(db).map { $0.measured }
      }
    } catch {
      throw .failed(path: path, reason: Self.reason(error))
    }
  }

  /// Deletes the results of a model (by name); returns how many went.
  @discardableResult
  public func delete(model: String) throws(StoreError) -> Int {
    do {
      return try queue.write { db in
        try ResultRecord.filter(Column("model") == model).deleteAll(db)
      }
    } catch {
      throw .failed(path: path, reason: Self.reason(error))
    }
  }

  /// Whether SQLite finds the file intact (`PRAGMA integrity_check`).
  public func integrityCheck() throws(StoreError) -> Bool {
    do {
      return try queue.read { db in
        try String.fetchOne(db, sql: "PRAGMA integrity_check") == "ok"
      }
    } catch {
      throw .failed(path: path, reason: Self.reason(error))
    }
  }

  private static func reason(_ error: any Error) -> String {
    if let error = error as? DatabaseError { return error.message ?? error.description }
    return String(describing: error)
  }

  private static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1") { db in
      try db.create(table: ResultRecord.databaseTableName) { t in
        t.autoIncrementedPrimaryKey("id")
        t.column("model", .text).notNull().indexed()
        t.column("modelHash", .text).notNull()
        t.column("architecture", .text).notNull()
        t.column("task", .text).notNull()
        t.column("taskGroup", .text).notNull()
        t.column("protocol", .text).notNull()
        t.column("metric", .text).notNull()
        t.column("value", .double).notNull()
        t.column("ci95", .double)
        t.column("better", .text).notNull()
        t.column("datasetFingerprint", .text).notNull()
        t.column("parameters", .text).notNull()
        t.column("seed", .integer)
        t.column("chosen", .text)
        t.column("toolVersion", .text).notNull()
        t.column("createdAt", .datetime).notNull()
        t.column("wallSeconds", .double).notNull()
      }
    }
    return migrator
  }
}
