// Copyright © 2026 the ssl authors.

import Foundation
import GRDB

/// Opening a SQLite file that cannot be written (a read-only workspace, a full disk) for
/// reading. SQLite is told the file cannot change (`immutable=1`): a WAL database in a folder
/// it cannot write could not otherwise be opened at all.
enum ReadOnlyDatabase {
  static func open(_ path: String) throws -> DatabaseQueue {
    var configuration = Configuration()
    configuration.readonly = true
    let encoded = path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path
    return try DatabaseQueue(path: "file:\(encoded)?immutable=1", configuration: configuration)
  }
}
