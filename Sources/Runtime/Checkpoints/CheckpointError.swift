// Copyright © 2026 the ssl authors.

/// What can go wrong finding, reading, converting or verifying a checkpoint.
///
/// Every case carries the data a host needs to say what happened (the file, the zip entry,
/// the tensor path, both shapes); ``description`` renders one line. Warnings that do not stop
/// a load (unused keys, dropped heads) are not errors: they travel in ``LoadReport``.
public enum CheckpointError: Error, Equatable, Sendable, CustomStringConvertible {
  // MARK: - Finding the file

  /// No checkpoint file was found; `tried` lists every path looked at, in order.
  case fileNotFound(model: String, tried: [String], fetchCommand: String?)
  /// The file exists but cannot be opened or mapped.
  case unreadable(path: String, reason: String)
  /// The leading bytes match no format this reader knows.
  case unrecognizedFormat(path: String, leadingBytes: [UInt8])
  /// A known format this build cannot read yet.
  case unsupportedFormat(path: String, format: String)

  // MARK: - Zip archives (torch ≥ 1.6)

  /// No end-of-central-directory record: not a zip, or cut short.
  case zipEndRecordMissing(fileSize: Int)
  /// A zip structure (header, name, entry data) reaches past the end of the file.
  case zipOutOfBounds(structure: String, offset: Int, length: Int, fileSize: Int)
  /// A zip header whose signature or fields are wrong.
  case zipMalformed(structure: String, offset: Int)
  /// An entry compressed with a method other than STORED (0) or DEFLATED (8), or encrypted.
  case zipUnsupportedMethod(entry: String, method: Int)
  /// An entry's CRC-32 does not match its data.
  case zipChecksumMismatch(entry: String, expected: UInt32, found: UInt32)
  /// A DEFLATED entry could not be inflated.
  case zipInflateFailed(entry: String, reason: InflateError)
  /// An entry the torch layout needs is absent.
  case archiveEntryMissing(String)

  // MARK: - Legacy torch files (torch < 1.6)

  /// The legacy header (magic number, protocol version, sys-info) is wrong.
  case legacyHeaderInvalid(reason: String)
  /// A raw storage record is cut short or disagrees with the pickle.
  case legacyStorageInvalid(key: String, reason: String)
  /// A torch zip's `byteorder` record is neither `little` nor `big`.
  case byteOrderInvalid(String)

  // MARK: - safetensors

  /// The safetensors reader refused the file.
  case safetensors(SafeTensorsError)

  // MARK: - Pickle

  /// The restricted unpickler refused or could not parse a pickle.
  case pickle(PickleError)
  /// The unpickled object has the wrong structure, for example no dict of tensors.
  case unexpectedStructure(path: String, expected: String, found: String)

  // MARK: - Tensors

  /// A storage the pickle refers to is not in the file.
  case storageMissing(key: String)
  /// A storage holds fewer bytes than its element count needs.
  case storageTooSmall(key: String, neededBytes: Int, availableBytes: Int)
  /// A tensor element type this reader does not convert to float32.
  case unsupportedDType(path: String, dtype: String)
  /// A shape or stride that is negative, overflows, or is larger than the limits allow.
  case invalidShape(path: String, shape: [Int], reason: String)
  /// A tensor view reaches past the end of its storage.
  case tensorOutOfBounds(
    path: String, shape: [Int], strides: [Int], offset: Int, storageElements: Int)

  // MARK: - Verification against the architecture

  /// Backbone tensors the architecture needs are absent (after unwrapping and renaming).
  case missingTensors([String])
  /// A tensor has a different shape from the architecture's.
  case shapeMismatch(path: String, expected: [Int], found: [Int])

  // MARK: - BYOL's Haiku pickle

  /// The Haiku checkpoint lacks an expected entry or has the wrong layer count.
  case haikuStructure(reason: String)

  // MARK: - Description

  /// One line for the user.
  public var description: String {
    switch self {
    case .fileNotFound(let model, let tried, let fetch):
      let hint = fetch.map { "; run `\($0)` to download it" } ?? ""
      return "no checkpoint for \(model); looked in \(tried.joined(separator: ", "))\(hint)"
    case .unreadable(let path, let reason): return "cannot read \(path): \(reason)"
    case .unrecognizedFormat(let path, let lead):
      let hex = lead.prefix(8).map { String($0, radix: 16) }.joined(separator: " ")
      return "\(path) is not a checkpoint format ssl knows (starts with \(hex))"
    case .unsupportedFormat(let path, let format): return "\(path): \(format) is not supported yet"
    case .zipEndRecordMissing(let size): return "not a zip archive (\(size) bytes, no end record)"
    case .zipOutOfBounds(let what, let offset, let length, let size):
      return "truncated archive: \(what) at \(offset)+\(length) past the end (\(size) bytes)"
    case .zipMalformed(let what, let offset): return "malformed zip \(what) at offset \(offset)"
    case .zipUnsupportedMethod(let entry, let method):
      return "zip entry \(entry) uses unsupported method \(method)"
    case .zipChecksumMismatch(let entry, let expected, let found):
      return "zip entry \(entry): CRC-32 \(hex32(found)), expected \(hex32(expected))"
    case .zipInflateFailed(let entry, let reason): return "zip entry \(entry): \(reason)"
    case .archiveEntryMissing(let name): return "torch archive has no \(name)"
    case .legacyHeaderInvalid(let reason): return "legacy torch file: \(reason)"
    case .legacyStorageInvalid(let key, let reason): return "legacy storage \(key): \(reason)"
    case .byteOrderInvalid(let text): return "torch archive byteorder is '\(text)', not little or big"
    case .safetensors(let error): return error.description
    case .pickle(let error): return error.description
    case .unexpectedStructure(let path, let expected, let found):
      return "\(path.isEmpty ? "checkpoint" : path): expected \(expected), found \(found)"
    case .storageMissing(let key): return "storage \(key) is not in the file"
    case .storageTooSmall(let key, let needed, let available):
      return "storage \(key) has \(available) bytes, needs \(needed)"
    case .unsupportedDType(let path, let dtype): return "\(path): unsupported dtype \(dtype)"
    case .invalidShape(let path, let shape, let reason): return "\(path): shape \(shape) \(reason)"
    case .tensorOutOfBounds(let path, let shape, let strides, let offset, let elements):
      return "\(path): view \(shape) strides \(strides) offset \(offset) exceeds its storage "
        + "of \(elements) elements"
    case .missingTensors(let names):
      let shown = names.prefix(5).joined(separator: ", ")
      return "checkpoint is missing \(names.count) backbone tensor(s): \(shown)"
        + (names.count > 5 ? ", …" : "")
    case .shapeMismatch(let path, let expected, let found):
      return "\(path): expected \(expected), found \(found)"
    case .haikuStructure(let reason): return "BYOL Haiku checkpoint: \(reason)"
    }
  }
}

private func hex32(_ value: UInt32) -> String {
  let digits = String(value, radix: 16)
  return "0x" + String(repeating: "0", count: max(0, 8 - digits.count)) + digits
}
