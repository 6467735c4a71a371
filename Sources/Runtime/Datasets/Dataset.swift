// Copyright © 2026 the ssl authors.
//
// A loaded dataset: every split resolved, every listed image checked to exist, every class
// non-empty, the class count checked, and a fingerprint of the file list.
//
// Fingerprint: SHA-256 over, in order, the dataset name, the class names, and for each split
// of the official files (train, val, test, all) every sample as
// `path \t size \t mtime-seconds.nanoseconds \t labels`. Renaming, replacing, touching or
// relabelling any image changes it; moving the root does not (paths are relative).

import Foundation

/// A dataset read from its official layout (or a generic one).
public struct Dataset: Sendable {
  /// The catalog name, for example `pets`.
  public let name: String
  /// The folder the sample paths are relative to.
  public let root: String
  /// Class names in label order.
  public let classNames: [String]
  /// Whether samples carry several labels (VOC2007).
  public let isMultiLabel: Bool
  /// Whether the validation split is official rather than carved from train.
  public let hasOfficialValidation: Bool
  /// The content hash described at the top of this file (64 hex digits).
  public let fingerprint: String
  /// Images held in memory (CIFAR), addressed by `<file>#<index>` sample paths.
  public let memoryImages: InMemoryImages?
  private let splits: [DatasetSplit: [DatasetSample]]

  /// Checks `contents` and resolves its splits.
  ///
  /// - Throws: ``DatasetError/missingImages(dataset:listedIn:missing:count:)``,
  ///   ``DatasetError/emptyClass(dataset:className:)``,
  ///   ``DatasetError/classCountMismatch(dataset:expected:found:)``.
  init(
    name: String, root: String, contents: DatasetContents, expectedClassCount: Int?,
    memoryImages: InMemoryImages? = nil
  ) throws(DatasetError) {
    if let expected = expectedClassCount, expected != contents.classNames.count {
      throw .classCountMismatch(dataset: name, expected: expected, found: contents.classNames.count)
    }
    var digest = SHA256()
    digest.update("\(name)\n\(contents.classNames.joined(separator: "\n"))\n")
    var counts = [Int](repeating: 0, count: contents.classNames.count)
    for split in [DatasetSplit.train, .val, .test, .all] {
      guard let samples = contents.official[split] else { continue }
      var missing: [String] = []
      var missingCount = 0
      digest.update("[\(split.rawValue)]\n")
      for sample in samples {
        var info = stat()
        let file = memoryImages == nil ? sample.path : String(sample.path.prefix { $0 != "#" })
        let full = Self.resolve(file, under: root)
        guard stat(full, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
          missingCount += 1
          if missing.count < 5 { missing.append(full) }
          continue
        }
        let labels: String
        switch sample.target {
        case .label(let l):
          labels = String(l)
          if l >= 0 && l < counts.count { counts[l] += 1 }
        case .positives(let p):
          labels = p.map(String.init).joined(separator: ",")
          for l in p where l >= 0 && l < counts.count { counts[l] += 1 }
        }
        #if os(Linux)
          let mtime = info.st_mtim
        #else
          let mtime = info.st_mtimespec
        #endif
        digest.update(
          "\(sample.path)\t\(info.st_size)\t\(mtime.tv_sec).\(mtime.tv_nsec)\t\(labels)\n")
      }
      if missingCount > 0 {
        let file = contents.listFiles[split] ?? root
        throw .missingImages(dataset: name, listedIn: file, missing: missing, count: missingCount)
      }
    }
    if !contents.multiLabel, let empty = counts.firstIndex(of: 0) {
      throw .emptyClass(dataset: name, className: contents.classNames[empty])
    }
    self.name = name
    self.root = root
    self.classNames = contents.classNames
    self.isMultiLabel = contents.multiLabel
    self.hasOfficialValidation = contents.official[.val] != nil
    self.fingerprint = digest.hexDigest()
    self.memoryImages = memoryImages
    self.splits = DatasetSplitRule.resolve(contents.official)
  }

  /// The splits this dataset has, in ``DatasetSplit`` order.
  public var availableSplits: [DatasetSplit] {
    DatasetSplit.allCases.filter { splits[$0] != nil }
  }

  /// The samples of a split.
  ///
  /// - Throws: ``DatasetError/splitUnavailable(dataset:split:available:)``.
  public func samples(_ split: DatasetSplit) throws(DatasetError) -> [DatasetSample] {
    guard let s = splits[split] else {
      throw .splitUnavailable(dataset: name, split: split, available: availableSplits)
    }
    return s
  }

  /// How many images of a split carry each class.
  public func classCounts(_ split: DatasetSplit) throws(DatasetError) -> [Int] {
    var counts = [Int](repeating: 0, count: classNames.count)
    for sample in try samples(split) {
      switch sample.target {
      case .label(let l): counts[l] += 1
      case .positives(let p): for l in p { counts[l] += 1 }
      }
    }
    return counts
  }

  /// Images listed more than once (a user list with repeated lines), with how often; a
  /// duplicate may land in both train and validation.
  public var duplicates: [(path: String, count: Int)] {
    var seen: [String: Int] = [:]
    for split in [DatasetSplit.train, .val, .test] + (splits[.train] == nil ? [.all] : []) {
      for sample in splits[split] ?? [] { seen[sample.path, default: 0] += 1 }
    }
    return seen.filter { $0.value > 1 }.map { ($0.key, $0.value) }.sorted { $0.path < $1.path }
  }

  /// The absolute path of a sample's image (`<file>#<index>` for in-memory images).
  public func path(of sample: DatasetSample) -> String { Self.resolve(sample.path, under: root) }

  /// A sample path under the root, or as written when absolute (a user list may name files
  /// anywhere).
  static func resolve(_ path: String, under root: String) -> String {
    path.hasPrefix("/") ? path : root + "/" + path
  }

  /// Decodes a sample's image (from its file through libgd, or from memory).
  ///
  /// - Throws: ``ImageError`` naming the file.
  public func image(of sample: DatasetSample) throws(ImageError) -> RGBImage {
    if let memoryImages {
      guard let image = memoryImages.image(sample.path) else {
        throw .unreadable(path: path(of: sample), reason: "no such in-memory image")
      }
      return image
    }
    return try GDImageDecoder.decode(contentsOf: path(of: sample))
  }
}
