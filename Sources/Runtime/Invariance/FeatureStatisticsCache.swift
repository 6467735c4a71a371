// Copyright © 2026 the ssl authors.

import Foundation

/// The reference statistics μ and Σ of §8.1, cached per (model, reference set, preprocessing)
/// the way the seed code keeps `results/<model>_backbone_mean_feature.pth` and
/// `…_feature_cov_matrix.pth`: later `eval … invariance` runs skip the O(N·d²) covariance.
///
/// One file per key, `<directory>/<sha256 of the key>.stats`, little-endian:
/// `SSLSTAT1`, the key's length and UTF-8 bytes, dimension d and count N (Int64), μ (d
/// Float64), Σ (d·d Float64, row-major). Files are written to a temporary name and renamed,
/// so a reader never sees half a file; a file whose key or size does not match is ignored.
public struct FeatureStatisticsCache: Sendable {
  /// The folder holding the files (created on the first store).
  public let directory: String

  public init(directory: String) { self.directory = directory }

  /// The key of a model's statistics on a reference set: weights identity, reference
  /// fingerprint, preprocessing identifier and layer.
  public static func key(model: String, reference: String, preprocessing: String) -> String {
    "v1|\(model)|\(reference)|\(preprocessing)|layer4"
  }

  func path(_ key: String) -> String { directory + "/" + SHA256.hex(key) + ".stats" }

  private static let magic = Array("SSLSTAT1".utf8)

  /// The cached statistics, or nil when absent or unreadable.
  public func lookup(_ key: String) -> FeatureStatistics? {
    guard let data = FileManager.default.contents(atPath: path(key)) else { return nil }
    let bytes = [UInt8](data)
    var at = 0
    func int64() -> Int? {
      guard at + 8 <= bytes.count else { return nil }
      var v: UInt64 = 0
      for i in 0..<8 { v |= UInt64(bytes[at + i]) << (8 * UInt64(i)) }
      at += 8
      return Int(exactly: Int64(bitPattern: v))
    }
    guard bytes.count >= 8, Array(bytes[0..<8]) == Self.magic else { return nil }
    at = 8
    guard let keyLength = int64(), keyLength >= 0, at + keyLength <= bytes.count,
      String(decoding: bytes[at..<(at + keyLength)], as: UTF8.self) == key
    else { return nil }
    at += keyLength
    guard let d = int64(), let n = int64(), d > 0, d <= 1 << 16,
      bytes.count == at + 8 * (d + d * d)
    else { return nil }
    var values = [Double](repeating: 0, count: d + d * d)
    values.withUnsafeMutableBytes { out in
      bytes.withUnsafeBytes { source in
        out.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[at..<(at + 8 * (d + d * d))]))
      }
    }
    return try? FeatureStatistics(
      dimension: d, count: n, mean: Array(values[0..<d]), covariance: Array(values[d...]))
  }

  /// Stores statistics under `key`.
  ///
  /// - Throws: the file system's error when the folder or file cannot be written.
  public func store(_ statistics: FeatureStatistics, for key: String) throws {
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    var bytes = Self.magic
    func append(_ v: Int) { withUnsafeBytes(of: Int64(v).littleEndian) { bytes += $0 } }
    let keyBytes = Array(key.utf8)
    append(keyBytes.count)
    bytes += keyBytes
    append(statistics.dimension)
    append(statistics.count)
    (statistics.mean + statistics.covariance).withUnsafeBytes { bytes += $0 }
    let final = path(key)
    let temporary = final + ".\(ProcessInfo.processInfo.processIdentifier).tmp"
    try Data(bytes).write(to: URL(fileURLWithPath: temporary))
    if FileManager.default.fileExists(atPath: final) { try FileManager.default.removeItem(atPath: final) }
    try FileManager.default.moveItem(atPath: temporary, toPath: final)
  }
}
