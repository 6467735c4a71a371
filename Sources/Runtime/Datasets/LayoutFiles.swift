// Copyright © 2026 the ssl authors.

import Foundation

/// File access for layout readers: every failure names the file and the expected layout.
struct LayoutFiles {
  /// The dataset name used in errors.
  let dataset: String
  /// The dataset root.
  let root: String
  /// A one-line description of the expected layout.
  let layout: String

  /// `root/relative`.
  func path(_ relative: String) -> String { root + "/" + relative }

  /// The raw bytes of a file under the root.
  func data(_ relative: String) throws(DatasetError) -> Data {
    guard let data = FileManager.default.contents(atPath: path(relative)) else {
      throw .missingFile(dataset: dataset, path: path(relative), layout: layout)
    }
    return data
  }

  /// The non-empty lines of a text file, without line terminators (a `\r` is dropped too).
  func lines(_ relative: String) throws(DatasetError) -> [String] {
    let bytes = try data(relative)
    return String(decoding: bytes, as: UTF8.self)
      .split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
      .map(String.init)
      .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
  }

  /// Throws unless `relative` is a folder.
  func requireFolder(_ relative: String) throws(DatasetError) {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path(relative), isDirectory: &isFolder),
      isFolder.boolValue
    else {
      throw .missingFile(dataset: dataset, path: path(relative) + "/", layout: layout)
    }
  }

  /// The sorted names of the sub-folders of a folder (hidden ones skipped).
  func subfolders(_ relative: String) throws(DatasetError) -> [String] {
    try requireFolder(relative)
    let base = path(relative)
    let names = (try? FileManager.default.contentsOfDirectory(atPath: base)) ?? []
    return names.filter { name in
      var isFolder: ObjCBool = false
      return !name.hasPrefix(".")
        && FileManager.default.fileExists(atPath: base + "/" + name, isDirectory: &isFolder)
        && isFolder.boolValue
    }.sorted()
  }

  /// The sorted image files of a folder (by extension, as torchvision's ImageFolder).
  func images(in relative: String) -> [String] {
    let base = path(relative)
    let names = (try? FileManager.default.contentsOfDirectory(atPath: base)) ?? []
    return names.filter { name in
      guard !name.hasPrefix("."), let dot = name.lastIndex(of: ".") else { return false }
      return Self.imageExtensions.contains(name[name.index(after: dot)...].lowercased())
    }.sorted()
  }

  /// torchvision's `IMG_EXTENSIONS`.
  static let imageExtensions: Set<String> = [
    "jpg", "jpeg", "png", "ppm", "bmp", "pgm", "tif", "tiff", "webp",
  ]

  /// A malformed-line error for `relative`.
  func malformed(_ relative: String, line: Int, _ reason: String) -> DatasetError {
    .malformedFile(path: path(relative), line: line, reason: reason)
  }

  /// Whether a file or folder exists under the root.
  func exists(_ relative: String) -> Bool { FileManager.default.fileExists(atPath: path(relative)) }
}
