// Copyright © 2026 the ssl authors.

/// Why the results database could not be used.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
  // MARK: Files

  /// The database file could not be opened or created.
  case cannotOpen(path: String, reason: String)
  /// The database or its folder cannot be written: a read-only workspace, or a full disk.
  /// Nothing was stored; what was stored before is intact.
  case notWritable(path: String, reason: String)

  // MARK: Contents

  /// A statement failed (the database may be read-only, full, or corrupt).
  case failed(path: String, reason: String)
  /// The file is a database of a newer schema than this tool knows.
  case newerSchema(path: String, found: Int, supported: Int)

  public var description: String {
    switch self {
    case .cannotOpen(let path, let reason): "cannot open the results database '\(path)': \(reason)"
    case .notWritable(let path, let reason):
      "cannot write the results database '\(path)' (\(reason)): the workspace is read-only or "
        + "the disk is full; nothing was stored, earlier results are intact"
    case .failed(let path, let reason): "the results database '\(path)' failed: \(reason)"
    case .newerSchema(let path, let found, let supported):
      "'\(path)' was written by a newer ssl (schema \(found); this one reads up to \(supported))"
    }
  }
}
