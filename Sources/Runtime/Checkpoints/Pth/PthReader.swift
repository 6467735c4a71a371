// Copyright © 2026 the ssl authors.
//
// PthReader.swift — PyTorch `.pth`/`.pth.tar` files in both formats (house rule 34).
//
// * Zip (torch ≥ 1.6): `<archive>/data.pkl` is the pickle, `<archive>/data/<key>` each
//   storage's raw bytes, `<archive>/byteorder` "little" or "big" (absent: little).
// * Legacy (torch < 1.6, or `_use_new_zipfile_serialization=False`): five pickles back to
//   back — magic number, protocol version 1001, sys-info (byte order), the object, the sorted
//   list of storage keys — then for each key an 8-byte element count and the raw bytes.
//
// Reading happens in two steps: `init` unpickles the object (tensors are descriptions of
// storage views, ``TorchTensorRef``) and locates every storage; ``tensor(_:path:)`` then
// decodes the tensors a caller asks for by name, so dropped heads are never decoded.

import Foundation

/// An opened torch checkpoint: its unpickled object and the storages its tensors view.
public struct PthReader: Sendable {
  /// The container format.
  public enum Format: String, Sendable {
    /// The zip archive of torch ≥ 1.6.
    case zip
    /// The pre-1.6 format of magic number, pickles and raw storages.
    case legacy
  }

  /// Which format the file used.
  public let format: Format
  /// The unpickled object, usually a dict of tensors or a dict wrapping one.
  public let root: PickleObject
  /// Whether storages hold big-endian data.
  public let bigEndian: Bool
  /// The limits the file was read under.
  public let limits: CheckpointLimits
  private let storages: [String: (owner: CheckpointBytes, range: Range<Int>)]

  /// The 80-bit legacy magic number 0x1950a86a20f9469cfc6c, little-endian as `LONG1` stores it.
  static let legacyMagic: [UInt8] = [0x6C, 0xFC, 0x9C, 0x46, 0xF9, 0x20, 0x6A, 0xA8, 0x50, 0x19]

  /// Opens and indexes a file.
  ///
  /// - Parameters:
  ///   - url: The checkpoint.
  ///   - limits: Bounds on what the file may make the reader build.
  public init(contentsOf url: URL, limits: CheckpointLimits = CheckpointLimits())
    throws(CheckpointError)
  {
    try self.init(bytes: CheckpointBytes(contentsOf: url), limits: limits)
  }

  /// Indexes a checkpoint held in memory, choosing the format from its first bytes.
  ///
  /// - Parameters:
  ///   - bytes: The whole file.
  ///   - limits: Bounds on what the file may make the reader build.
  /// - Throws: ``CheckpointError``.
  public init(bytes: CheckpointBytes, limits: CheckpointLimits = CheckpointLimits())
    throws(CheckpointError)
  {
    self.limits = limits
    if bytes.count >= 2 && bytes.bytes[0] == 0x50 && bytes.bytes[1] == 0x4B {
      format = .zip
      (root, bigEndian, storages) = try Self.readZip(bytes, limits: limits)
    } else {
      format = .legacy
      (root, bigEndian, storages) = try Self.readLegacy(bytes, limits: limits)
    }
  }

  /// Decodes one tensor to float32.
  ///
  /// - Parameters:
  ///   - ref: A tensor from ``root``.
  ///   - path: Its name, for errors.
  /// - Throws: ``CheckpointError/storageMissing(key:)`` and the checks of
  ///   ``TorchTensorDecoder``.
  public func tensor(_ ref: TorchTensorRef, path: String) throws(CheckpointError) -> Tensor {
    let bytes = try storageBytes(ref, path: path)
    return try TorchTensorDecoder.decode(
      ref, path: path, storageBytes: bytes, bigEndian: bigEndian, limits: limits)
  }

  /// Checks a tensor's view against its storage without decoding it.
  ///
  /// - Parameters:
  ///   - ref: A tensor from ``root``.
  ///   - path: Its name, for errors.
  public func validate(_ ref: TorchTensorRef, path: String) throws(CheckpointError) {
    let bytes = try storageBytes(ref, path: path)
    _ = try TorchTensorDecoder.validate(ref, path: path, storageBytes: bytes.count, limits: limits)
  }

  private func storageBytes(_ ref: TorchTensorRef, path: String) throws(CheckpointError)
    -> UnsafeRawBufferPointer
  {
    guard let location = storages[ref.storage.key] else {
      throw .storageMissing(key: ref.storage.key)
    }
    return UnsafeRawBufferPointer(rebasing: location.owner.bytes[location.range])
  }

  // MARK: - Zip format

  private typealias Contents = (
    PickleObject, Bool, [String: (owner: CheckpointBytes, range: Range<Int>)]
  )

  private static func readZip(_ bytes: CheckpointBytes, limits: CheckpointLimits)
    throws(CheckpointError) -> Contents
  {
    let archive = try ZipArchive(bytes)
    guard
      let pickleEntry = archive.entries.first(where: {
        $0.name == "data.pkl" || $0.name.hasSuffix("/data.pkl")
      })
    else {
      throw .archiveEntryMissing("data.pkl")
    }
    let prefix = String(pickleEntry.name.dropLast("data.pkl".count))
    var bigEndian = false
    if let order = archive.entry(named: prefix + "byteorder") {
      let text = String(decoding: try archive.contents(of: order), as: UTF8.self)
      // Only torch's two spellings; anything else would silently misread every value.
      switch text.trimmingCharacters(in: .whitespacesAndNewlines) {
      case "little": bigEndian = false
      case "big": bigEndian = true
      case let other: throw .byteOrderInvalid(String(other.prefix(32)))
      }
    }
    let pickle = try archive.contents(of: pickleEntry)
    let (root, refs) = try unpickle(CheckpointBytes(pickle), start: 0, limits: limits).0
    var storages: [String: (owner: CheckpointBytes, range: Range<Int>)] = [:]
    for key in refs.keys {
      guard let entry = archive.entry(named: prefix + "data/" + key) else {
        throw .storageMissing(key: key)
      }
      let (owner, range) = try archive.payload(of: entry)
      storages[key] = (owner, range)
    }
    return (root, bigEndian, storages)
  }

  // MARK: - Legacy format

  private static func readLegacy(_ bytes: CheckpointBytes, limits: CheckpointLimits)
    throws(CheckpointError) -> Contents
  {
    let ((magic, _), afterMagic) = try unpickle(bytes, start: 0, limits: limits)
    guard magic == .bigInt(legacyMagic) else {
      throw .legacyHeaderInvalid(reason: "no torch magic number")
    }
    let ((version, _), afterVersion) = try unpickle(bytes, start: afterMagic, limits: limits)
    guard version == .int(1001) else {
      throw .legacyHeaderInvalid(reason: "protocol version \(version), expected 1001")
    }
    let ((sysInfo, _), afterInfo) = try unpickle(bytes, start: afterVersion, limits: limits)
    let bigEndian = sysInfo["little_endian"] == .bool(false)
    let ((root, refs), afterRoot) = try unpickle(bytes, start: afterInfo, limits: limits)
    let ((keyList, _), afterKeys) = try unpickle(bytes, start: afterRoot, limits: limits)
    guard case .list(let keyObjects) = keyList else {
      throw .legacyHeaderInvalid(reason: "storage key list is a \(keyList.kindName)")
    }
    var storages: [String: (owner: CheckpointBytes, range: Range<Int>)] = [:]
    var position = afterKeys
    let raw = bytes.bytes
    for object in keyObjects {
      guard case .string(let key) = object else {
        throw .legacyHeaderInvalid(reason: "storage key is a \(object.kindName)")
      }
      guard let ref = refs[key] else {
        throw .legacyStorageInvalid(key: key, reason: "not referenced by the pickle")
      }
      guard raw.count - position >= 8 else {
        throw .legacyStorageInvalid(key: key, reason: "element count cut off")
      }
      var count: UInt64 = 0
      for i in 0..<8 {
        let byte = UInt64(raw[position + (bigEndian ? 7 - i : i)])
        count |= byte << (8 * UInt64(i))
      }
      position += 8
      let available = raw.count - position
      let (needed, overflow) = Int(clamping: count).multipliedReportingOverflow(
        by: ref.dtype.elementSize)
      guard !overflow, count <= UInt64(Int.max), needed <= available else {
        throw .legacyStorageInvalid(
          key: key, reason: "claims \(count) elements, only \(available) bytes remain")
      }
      guard Int(count) >= ref.elementCount else {
        throw .legacyStorageInvalid(
          key: key, reason: "holds \(count) elements, the pickle says \(ref.elementCount)")
      }
      storages[key] = (bytes, position..<(position + needed))
      position += needed
    }
    return (root, bigEndian, storages)
  }

  // MARK: - Unpickling

  /// Runs one pickle at `start`: its value, the storages it named, and where it ended.
  private static func unpickle(
    _ bytes: CheckpointBytes, start: Int, limits: CheckpointLimits
  ) throws(CheckpointError) -> ((PickleObject, [String: TorchStorageRef]), Int) {
    var machine = PickleMachine(bytes: bytes.bytes, start: start, limits: limits)
    do {
      let value = try machine.run()
      return ((value, machine.storages), machine.position)
    } catch {
      throw .pickle(error)
    }
  }
}
