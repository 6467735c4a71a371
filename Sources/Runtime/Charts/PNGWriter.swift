// Copyright © 2026 the ssl authors.

import Foundation

/// Writes PNG bytes atomically: a temporary file in the same folder, then `rename(2)`.
///
/// A reader never sees a half-written figure, and a failed write leaves any old file intact.
enum PNGWriter {
  /// Checks that the folder of `path` exists, is a folder and is writable.
  ///
  /// - Throws: ``ChartError/cannotWrite(path:reason:)`` naming `path` and the folder.
  static func checkDestination(_ path: String) throws(ChartError) {
    let folder = self.folder(of: path)
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) else {
      throw .cannotWrite(path: path, reason: "the folder '\(folder)' does not exist")
    }
    guard isFolder.boolValue else {
      throw .cannotWrite(path: path, reason: "'\(folder)' is not a folder")
    }
    guard FileManager.default.isWritableFile(atPath: folder) else {
      throw .cannotWrite(path: path, reason: "the folder '\(folder)' is not writable")
    }
    var isTargetFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isTargetFolder),
      isTargetFolder.boolValue
    {
      throw .cannotWrite(path: path, reason: "a folder with that name exists")
    }
  }

  /// Writes `bytes` to `path` through a temporary file and a rename.
  ///
  /// - Throws: ``ChartError/cannotWrite(path:reason:)`` with the system's reason.
  static func write(_ bytes: [UInt8], to path: String) throws(ChartError) {
    try checkDestination(path)
    let name = (path as NSString).lastPathComponent
    let unique = "\(ProcessInfo.processInfo.processIdentifier).\(UInt32.random(in: 0...UInt32.max))"
    let temporary = (folder(of: path) as NSString).appendingPathComponent(".\(name).\(unique).tmp")
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o644)
    guard descriptor >= 0 else { throw .cannotWrite(path: path, reason: systemReason()) }
    var written = 0
    while written < bytes.count {
      let result = bytes.withUnsafeBytes { buffer in
        Foundation.write(descriptor, buffer.baseAddress.map { $0 + written }, bytes.count - written)
      }
      if result < 0 && errno == EINTR { continue }
      guard result > 0 else {
        let reason = systemReason()
        close(descriptor)
        unlink(temporary)
        throw .cannotWrite(path: path, reason: reason)
      }
      written += result
    }
    guard close(descriptor) == 0 else {
      let reason = systemReason()
      unlink(temporary)
      throw .cannotWrite(path: path, reason: reason)
    }
    guard rename(temporary, path) == 0 else {
      let reason = systemReason()
      unlink(temporary)
      throw .cannotWrite(path: path, reason: reason)
    }
  }

  /// The folder a path is in (`.` for a bare file name).
  static func folder(of path: String) -> String {
    let folder = (path as NSString).deletingLastPathComponent
    return folder.isEmpty ? "." : folder
  }

  private static func systemReason() -> String {
    String(cString: strerror(errno))
  }
}
