// Copyright © 2026 the ssl authors.
//
// FetchManifest.swift — what `fetch` downloaded, recorded in the per-user cache
// (`<cache>/manifest.json`), and the check a later load makes against it.
//
// The exact sizes and digests of the published files are not known offline, so the zoo does
// not carry them; the first successful `fetch` records what it received (bytes, SHA-256,
// modification time, source URL) and every later load compares the file with that record.
// Cost policy: the size is compared on every load; the SHA-256 (a full read) only when the
// size matches but the modification time differs, so an untouched file costs one `stat`.

import Foundation

/// The cache's record of fetched files, keyed by file name.
public struct FetchManifest: Codable, Sendable, Equatable {
  /// One fetched file.
  public struct Entry: Codable, Sendable, Equatable {
    /// The zoo id it was fetched for.
    public var model: String
    /// The URL it came from.
    public var url: String
    /// Its size in bytes when fetched.
    public var bytes: Int64
    /// Its SHA-256, 64 lower-case hex digits.
    public var sha256: String
    /// Its modification time when recorded (seconds since 1970).
    public var modified: Double

    /// Creates an entry.
    public init(model: String, url: String, bytes: Int64, sha256: String, modified: Double) {
      self.model = model
      self.url = url
      self.bytes = bytes
      self.sha256 = sha256
      self.modified = modified
    }
  }

  /// How a file compares with its record.
  public enum Verdict: Sendable, Equatable {
    /// No record: not fetched by `fetch` (copied in by hand, or `$SSL_MODELS`).
    case unrecorded
    /// Size (and digest, when checked) agree.
    case matches(Entry)
    /// The file differs from what was fetched.
    case changed(expected: Entry, bytes: Int64, sha256: String?)
  }

  /// File name → record.
  public var files: [String: Entry] = [:]

  /// Creates an empty manifest.
  public init() {}

  /// The manifest's path inside a cache folder.
  public static func url(in folder: URL) -> URL {
    folder.appendingPathComponent("manifest.json")
  }

  /// Reads the manifest of `folder`; an absent or unreadable one is empty (a corrupt manifest
  /// must not stop loads; the next fetch rewrites it).
  public static func read(in folder: URL) -> FetchManifest {
    guard let data = try? Data(contentsOf: url(in: folder)),
      let manifest = try? JSONDecoder().decode(FetchManifest.self, from: data)
    else { return FetchManifest() }
    return manifest
  }

  /// Writes the manifest atomically into `folder`.
  ///
  /// - Throws: The file system's error.
  public func write(in folder: URL) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    try encoder.encode(self).write(to: Self.url(in: folder), options: .atomic)
  }

  /// Records a fetched file (its current modification time is read from disk).
  ///
  /// - Parameters:
  ///   - file: The downloaded file.
  ///   - model: The zoo id.
  ///   - url: The source URL.
  ///   - bytes: Its size.
  ///   - sha256: Its digest.
  public mutating func record(file: URL, model: String, url: String, bytes: Int64, sha256: String) {
    files[file.lastPathComponent] = Entry(
      model: model, url: url, bytes: bytes, sha256: sha256,
      modified: Self.attributes(of: file).modified)
  }

  /// Compares `file` with its record.
  ///
  /// - Parameter file: A file in the folder this manifest describes.
  public func verify(_ file: URL) -> Verdict {
    guard let entry = files[file.lastPathComponent] else { return .unrecorded }
    let (size, modified) = Self.attributes(of: file)
    guard size == entry.bytes else { return .changed(expected: entry, bytes: size, sha256: nil) }
    if modified == entry.modified { return .matches(entry) }
    let digest = Self.sha256(of: file)
    return digest == entry.sha256
      ? .matches(entry) : .changed(expected: entry, bytes: size, sha256: digest)
  }

  /// Size and modification time (0 when the file is missing).
  static func attributes(of file: URL) -> (size: Int64, modified: Double) {
    let attributes = try? FileManager.default.attributesOfItem(atPath: file.path)
    let size = (attributes?[.size] as? NSNumber)?.int64Value ?? 0
    let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
    return (size, modified)
  }

  /// SHA-256 of a file, read in 4 MB chunks; nil when unreadable.
  static func sha256(of file: URL) -> String? {
    guard let handle = try? FileHandle(forReadingFrom: file) else { return nil }
    defer { try? handle.close() }
    var hash = SHA256()
    while let chunk = try? handle.read(upToCount: 4 << 20), !chunk.isEmpty {
      chunk.withUnsafeBytes { hash.update($0) }
    }
    return hash.hexDigest()
  }
}
