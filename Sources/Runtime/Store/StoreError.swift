// Copyright © 2026 the ssl authors.

/// Why the results database could not be used.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
  // MARK: Files

  /// The database file could not be opened or created.
  case cannotOpen(path: String, reason: String)

  // MARK: Contents

  /// A statement failed (the database may be read-only, full, or corrupt).
  case failed(path: String, reason: String)
  /// The file is a database of a newer schema than this tool knows.
  case newerSchema(path: String, found: Int, supported: Int)

  public var description: String {
    switch self {
    case .cannotOpen(let path, let reason): "cannot open the results database '\(path)': \(reason)"
    case .failed(let path, let reason): "the results database '\(path)' failed: \(reason)"
    case .newerSchema(let path, let found, let supported):
      "'\(path)' was written by a newer ssl (schema \(found); this one reads up to \(supported))"
    }
  }
}
