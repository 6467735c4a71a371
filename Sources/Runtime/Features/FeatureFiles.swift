// Copyright © 2026 the ssl authors.
//
// Bring-your-own features and exports. Array names, in every container:
//   features  float [N, D]   (also accepted: `x`, `X`)
//   labels    int   [N]      (also accepted: `y`)
//   split     int   [N]      optional: 0 train, 1 val, 2 test
// `.npz` is a zip of `.npy` members (stored or deflated), `.safetensors` the usual header +
// data. A lone `.npy` holds only features: its labels come from `<stem>.labels.npy` next to
// it (and its split from `<stem>.split.npy`), which is also how `.npy` exports are written.

import Foundation

/// Reads and writes feature sets.
public enum FeatureFiles {
  /// Split codes in files.
  static let splitCodes: [DatasetSplit] = [.train, .val, .test]

  /// Reads features with labels (and optional splits) from a `.npy`, `.npz` or `.safetensors`.
  ///
  /// - Throws: ``FeatureError``.
  public static func read(_ path: String) throws(FeatureError) -> FeatureSet {
    let lower = path.lowercased()
    var arrays: [String: NPYArray] = [:]
    if lower.hasSuffix(".npz") {
      arrays = try npz(path)
    } else if lower.hasSuffix(".safetensors") {
      arrays = try safetensors(path)
    } else if lower.hasSuffix(".npy") {
      let stem = String(path.dropLast(4))
      arrays["features"] = try NPYArray(bytes(path), path: path)
      arrays["labels"] = try NPYArray(bytes(stem + ".labels.npy"), path: stem + ".labels.npy")
      if FileManager.default.fileExists(atPath: stem + ".split.npy") {
        arrays["split"] = try NPYArray(bytes(stem + ".split.npy"), path: stem + ".split.npy")
      }
    } else {
      throw .unsupportedFormat(path: path)
    }
    guard let features = arrays["features"] ?? arrays["x"] ?? arrays["X"] else {
      throw .malformed(path: path, reason: "no 'features' array")
    }
    guard let labels = arrays["labels"] ?? arrays["y"] else {
      throw .malformed(path: path, reason: "no 'labels' array")
    }
    guard features.shape.count == 2 else {
      throw .shapeMismatch(path: path, reason: "features must be 2-D, got \(features.shape)")
    }
    let rows = features.shape[0]
    guard labels.values.count == rows else {
      throw .shapeMismatch(path: path, reason: "\(labels.values.count) labels for \(rows) rows")
    }
    let intLabels = try labels.values.map { (value) throws(FeatureError) in
      guard let label = Int(exactly: value), label >= 0 else {
        throw .malformed(path: path, reason: "labels must be non-negative integers, found \(value)")
      }
      return label
    }
    var splits: [DatasetSplit]?
    if let s = arrays["split"] {
      guard s.values.count == rows else {
        throw .shapeMismatch(path: path, reason: "\(s.values.count) splits for \(rows) rows")
      }
      splits = try s.values.map { (code) throws(FeatureError) in
        guard let i = Int(exactly: code), splitCodes.indices.contains(i) else {
          throw .malformed(path: path, reason: "split codes must be 0 (train), 1 (val) or 2 (test)")
        }
        return splitCodes[i]
      }
    }
    return FeatureSet(
      rows: rows, columns: features.shape[1], values: features.values.map { Float($0) },
      labels: intLabels, splits: splits)
  }

  /// Writes a feature set as `.npy` (plus `<stem>.labels.npy`, `<stem>.split.npy`) or
  /// `.safetensors` (`features` F32, `labels` I64, `split` I64), each file atomically.
  public static func write(_ set: FeatureSet, to path: String) throws(FeatureError) {
    let cache = FeatureCache(directory: URL(fileURLWithPath: path).deletingLastPathComponent().path)
    let codes = set.splits?.map { splitCodes.firstIndex(of: $0) ?? 0 }
    if path.lowercased().hasSuffix(".npy") {
      let stem = String(path.dropLast(4))
      try cache.atomicWrite(
        NPYArray.encode(float32: set.values, shape: [set.rows, set.columns]), to: path)
      try cache.atomicWrite(
        NPYArray.encode(int64: set.labels, shape: [set.rows]), to: stem + ".labels.npy")
      if let codes {
        try cache.atomicWrite(
          NPYArray.encode(int64: codes, shape: [set.rows]), to: stem + ".split.npy")
      }
    } else if path.lowercased().hasSuffix(".safetensors") {
      var parts: [(String, String, [Int], Data)] = []
      parts.append(
        ("features", "F32", [set.rows, set.columns], set.values.withUnsafeBytes { Data($0) }))
      parts.append(
        (
          "labels", "I64", [set.rows],
          set.labels.map { Int64($0).littleEndian }.withUnsafeBytes { Data($0) }
        ))
      if let codes {
        parts.append(
          (
            "split", "I64", [set.rows],
            codes.map { Int64($0).littleEndian }.withUnsafeBytes { Data($0) }
          ))
      }
      var fields: [String] = []
      var offset = 0
      for (name, dtype, shape, data) in parts {
        let dims = shape.map(String.init).joined(separator: ",")
        fields.append(
          "\"\(name)\":{\"dtype\":\"\(dtype)\",\"shape\":[\(dims)],"
            + "\"data_offsets\":[\(offset),\(offset + data.count)]}"
        )
        offset += data.count
      }
      var header = Array("{\(fields.joined(separator: ","))}".utf8)
      while header.count % 8 != 0 { header.append(UInt8(ascii: " ")) }
      var file = Data()
      withUnsafeBytes(of: UInt64(header.count).littleEndian) { file.append(contentsOf: $0) }
      file.append(contentsOf: header)
      for part in parts { file.append(part.3) }
      try cache.atomicWrite(file, to: path)
    } else {
      throw .unsupportedFormat(path: path)
    }
  }

  // MARK: - Containers

  private static func bytes(_ path: String) throws(FeatureError) -> [UInt8] {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw .io(path: path, reason: "cannot read")
    }
    return [UInt8](data)
  }

  private static func npz(_ path: String) throws(FeatureError) -> [String: NPYArray] {
    let archive: ZipArchive
    do { archive = try ZipArchive(CheckpointBytes(bytes(path))) } catch let error as FeatureError {
      throw error
    } catch { throw .malformed(path: path, reason: "not a zip archive (\(error))") }
    var arrays: [String: NPYArray] = [:]
    for entry in archive.entries where entry.name.hasSuffix(".npy") {
      let member = "\(path):\(entry.name)"
      let content: [UInt8]
      do { content = try archive.contents(of: entry) } catch {
        throw .malformed(path: member, reason: "\(error)")
      }
      arrays[String(entry.name.dropLast(4))] = try NPYArray(content, path: member)
    }
    return arrays
  }

  private static func safetensors(_ path: String) throws(FeatureError) -> [String: NPYArray] {
    let file: SafeTensorsFile
    do { file = try SafeTensorsFile(contentsOf: URL(fileURLWithPath: path)) } catch {
      throw .malformed(path: path, reason: "\(error)")
    }
    var arrays: [String: NPYArray] = [:]
    for entry in file.entries {
      guard let tensor = try? file.tensor(named: entry.name) else { continue }
      arrays[entry.name] = NPYArray(shape: entry.shape, values: tensor.scalars.map { Double($0) })
    }
    return arrays
  }
}
