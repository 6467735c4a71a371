// Copyright © 2026 the ssl authors.
//
// ZipArchive.swift — the minimal zip reader under torch's ≥ 1.6 file format (house rule 34a).
//
// Reads the central directory (with ZIP64 when the counts, sizes or offsets overflow 32 bits),
// then each entry's local header to find where its data starts (torch pads local headers
// with an extra field so tensor data is 64-byte aligned). STORED entries are slices of the
// mapped file; DEFLATED ones are inflated with a bound equal to the declared size. Every
// offset and length read from the file is checked against the file size before use.

/// A zip archive's entries, read from a mapped file.
public struct ZipArchive: Sendable {
  /// One central-directory entry.
  public struct Entry: Sendable, Equatable {
    /// The path inside the archive.
    public var name: String
    /// 0 (STORED) or 8 (DEFLATED); anything else is refused when read.
    public var method: Int
    /// General-purpose flags (bit 0: encrypted).
    public var flags: Int
    /// The CRC-32 of the uncompressed data.
    public var crc32: UInt32
    /// The size of the stored data.
    public var compressedSize: Int
    /// The size after inflating.
    public var uncompressedSize: Int
    /// Where the entry's local header starts.
    public var localHeaderOffset: Int
  }

  /// The archive's bytes.
  public let source: CheckpointBytes
  /// Entries in central-directory order.
  public let entries: [Entry]
  private let index: [String: Int]

  /// Parses the central directory of `source`.
  ///
  /// - Parameter source: The whole file.
  /// - Throws: ``CheckpointError`` zip cases for a missing end record, a truncated or
  ///   malformed directory.
  public init(_ source: CheckpointBytes) throws(CheckpointError) {
    self.source = source
    var reader = ZipFieldReader(bytes: source.bytes)
    let directory = try reader.centralDirectoryLocation()
    var entries: [Entry] = []
    entries.reserveCapacity(min(directory.count, 1 << 16))
    var offset = directory.offset
    for _ in 0..<directory.count {
      let (entry, next) = try reader.centralEntry(at: offset)
      entries.append(entry)
      offset = next
    }
    self.entries = entries
    var index: [String: Int] = [:]
    for (i, entry) in entries.enumerated() { index[entry.name] = i }
    self.index = index
  }

  /// The entry called `name`, if present.
  public func entry(named name: String) -> Entry? { index[name].map { entries[$0] } }

  /// Where an entry's data lies in the file, after checking its local header.
  ///
  /// - Parameter entry: An entry of this archive.
  /// - Returns: The byte range of the (possibly compressed) data.
  public func dataRange(of entry: Entry) throws(CheckpointError) -> Range<Int> {
    var reader = ZipFieldReader(bytes: source.bytes)
    return try reader.localDataRange(of: entry)
  }

  /// An entry's uncompressed bytes as an owned array (small entries: `data.pkl`, `byteorder`).
  ///
  /// - Parameters:
  ///   - entry: An entry of this archive.
  ///   - verifyChecksum: Whether to compare the CRC-32 (always done for inflated entries).
  /// - Throws: ``CheckpointError/zipUnsupportedMethod(entry:method:)``,
  ///   ``CheckpointError/zipInflateFailed(entry:reason:)``,
  ///   ``CheckpointError/zipChecksumMismatch(entry:expected:found:)``.
  public func contents(of entry: Entry, verifyChecksum: Bool = true) throws(CheckpointError)
    -> [UInt8]
  {
    let range = try dataRange(of: entry)
    let raw = UnsafeRawBufferPointer(rebasing: source.bytes[range])
    let bytes: [UInt8]
    switch entry.method {
    case 0:
      guard entry.uncompressedSize == entry.compressedSize else {
        throw .zipMalformed(
          structure: "stored entry \(entry.name)", offset: entry.localHeaderOffset)
      }
      bytes = Array(raw)
    case 8:
      do {
        bytes = try Inflate.inflate(raw, expectedSize: entry.uncompressedSize)
      } catch {
        throw .zipInflateFailed(entry: entry.name, reason: error)
      }
    default:
      throw .zipUnsupportedMethod(entry: entry.name, method: entry.method)
    }
    if verifyChecksum || entry.method == 8 {
      let crc = CRC32.checksum(bytes)
      guard crc == entry.crc32 else {
        throw .zipChecksumMismatch(entry: entry.name, expected: entry.crc32, found: crc)
      }
    }
    return bytes
  }

  /// An entry's bytes without copying when STORED, inflated into a new buffer when DEFLATED.
  ///
  /// - Parameter entry: An entry of this archive.
  /// - Returns: The owner of the bytes and the range of the entry inside it.
  public func payload(of entry: Entry) throws(CheckpointError) -> (CheckpointBytes, Range<Int>) {
    guard entry.flags & 1 == 0 else {
      throw .zipUnsupportedMethod(entry: entry.name, method: entry.method)
    }
    switch entry.method {
    case 0:
      let range = try dataRange(of: entry)
      guard range.count == entry.uncompressedSize else {
        throw .zipMalformed(
          structure: "stored entry \(entry.name)", offset: entry.localHeaderOffset)
      }
      return (source, range)
    case 8:
      let inflated = try contents(of: entry)
      return (CheckpointBytes(inflated), 0..<inflated.count)
    default:
      throw .zipUnsupportedMethod(entry: entry.name, method: entry.method)
    }
  }
}
