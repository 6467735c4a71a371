// Copyright © 2026 the ssl authors.

import Foundation

/// A checkpoint loaded and verified against its architecture.
public struct LoadedCheckpoint: Sendable {
  /// The backbone tensors under torchvision names, in architecture order.
  public var stateDict: StateDict
  /// What happened to the file's keys.
  public var report: LoadReport
  /// The file read.
  public var file: URL
  /// How the file was read.
  public var format: CheckpointFormat

  /// Creates a loaded checkpoint.
  public init(stateDict: StateDict, report: LoadReport, file: URL, format: CheckpointFormat) {
    self.stateDict = stateDict
    self.report = report
    self.file = file
    self.format = format
  }

  /// The model's identity: SHA-256 of its weights, as 64 hex digits.
  ///
  /// Hashes the loaded tensors, not the file: for each name in sorted order, the name's UTF-8
  /// bytes, a zero byte, the rank and each dimension as little-endian UInt64, then the float32
  /// values little-endian. So the same weights have the same identity whatever container,
  /// wrapper, prefix or storage dtype they came in (BYOL's `.pkl` and its converted `.pth`
  /// agree), while any changed value changes it. It keys the feature cache and provenance.
  /// Costs one pass over the weights, so it is computed on demand.
  public func contentHash() -> String { Self.contentHash(of: stateDict) }

  /// The identity hash of any state dict (see ``contentHash()``).
  ///
  /// - Parameter stateDict: The tensors.
  public static func contentHash(of stateDict: StateDict) -> String {
    var hash = SHA256()
    for name in stateDict.names.sorted() {
      guard let tensor = stateDict[name] else { continue }
      hash.update(Array(name.utf8) + [0])
      var header: [UInt8] = []
      for value in [tensor.rank] + tensor.shape {
        for i in 0..<8 {
          header.append(UInt8(truncatingIfNeeded: UInt64(value) >> (8 * UInt64(i))))
        }
      }
      hash.update(header)
      tensor.withContiguousBuffer { buffer in
        // Hosts are little-endian (x86-64, arm64); the bytes are the float32 values as stored.
        hash.update(UnsafeRawBufferPointer(buffer))
      }
    }
    return hash.hexDigest()
  }
}

/// How a checkpoint file is encoded, detected from its first bytes.
public enum CheckpointFormat: String, Sendable, CaseIterable {
  /// torch ≥ 1.6 zip archive (`PK\x03\x04`).
  case torchZip = "torch zip"
  /// torch < 1.6 legacy file (a protocol-2 pickle of the magic number).
  case torchLegacy = "torch legacy"
  /// safetensors (8-byte header length, then `{`).
  case safetensors = "safetensors"
  /// A bare pickle (BYOL's Haiku checkpoint).
  case pickle = "pickle"

  /// The format of a file's leading bytes, or nil.
  ///
  /// - Parameter lead: At least the first 16 bytes of the file (fewer for tiny files).
  public static func detect(_ lead: [UInt8]) -> CheckpointFormat? {
    if lead.count >= 4 && lead[0] == 0x50 && lead[1] == 0x4B && (lead[2] == 3 || lead[2] == 5) {
      return .torchZip
    }
    if lead.count >= 14 && lead[0] == 0x80 && lead[1] == 0x02 && lead[2] == 0x8A && lead[3] == 0x0A
      && Array(lead[4..<14]) == PthReader.legacyMagic
    {
      return .torchLegacy
    }
    if lead.count >= 9 && lead[8] == UInt8(ascii: "{") {
      var length: UInt64 = 0
      for i in 0..<8 { length |= UInt64(lead[i]) << (8 * UInt64(i)) }
      if length > 1 && length < 100_000_000 { return .safetensors }
    }
    if lead.count >= 2 && lead[0] == 0x80 && lead[1] <= 5 { return .pickle }
    // Protocols 0 and 1 have no PROTO header: any opcode may come first. The restricted
    // machine then decides (a text file fails there with a pickle error, harmlessly).
    if let first = lead.first, PickleOpcode(rawValue: first) != nil { return .pickle }
    return nil
  }
}
