// Copyright © 2026 the ssl authors.

import Foundation

/// Writes files so that readers never see half of one: a temporary file in the same folder,
/// then a rename over the target.
enum AtomicFile {
  /// Why a write failed, in words.
  struct Failure: Error {
    var reason: String
  }

  static func write(_ text: String, to path: String) throws(Failure) {
    let url = URL(fileURLWithPath: path)
    let folder = url.deletingLastPathComponent()
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory),
      isDirectory.boolValue
    else {
      throw Failure(reason: "the folder '\(folder.relativePath)' does not exist")
    }
    do {
      try Data(text.utf8).write(to: url, options: .atomic)
    } catch {
      let reason =
        FileManager.default.isWritableFile(atPath: folder.path)
        ? error.localizedDescription : "the folder '\(folder.relativePath)' is not writable"
      throw Failure(reason: reason)
    }
  }
}
