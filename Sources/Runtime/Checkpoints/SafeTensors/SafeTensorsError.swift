// Copyright © 2026 the ssl authors.

/// What can be wrong with a safetensors file; every per-tensor case names the tensor.
public enum SafeTensorsError: Error, Equatable, Sendable {
  // MARK: File and header

  /// The file could not be opened or mapped.
  case unreadable(path: String, reason: String)
  /// The file is shorter than the 8-byte header length.
  case truncatedFile(size: Int)
  /// The header length points past the end of the file.
  case headerOutOfBounds(length: UInt64, fileSize: Int)
  /// The header is not a JSON object of tensor entries.
  case invalidHeader(reason: String)

  // MARK: Entries

  /// An entry lacks `dtype`, `shape` or `data_offsets`, or one of them is malformed.
  case invalidEntry(tensor: String, reason: String)
  /// The entry's dtype is not in the table (see ``SafeTensorsDType``).
  case unsupportedDType(tensor: String, dtype: String)
  /// `data_offsets` fall outside the data section (after the header).
  case offsetsOutOfBounds(tensor: String, begin: Int, end: Int, dataSize: Int)
  /// The byte range does not hold exactly `shape`'s elements of `dtype`.
  case byteCountMismatch(tensor: String, shape: [Int], dtype: String, expected: Int, found: Int)
  /// No tensor of that name is in the file.
  case missingTensor(name: String)
  /// Two tensors' `data_offsets` share bytes (the format requires disjoint ranges).
  case overlappingTensors(first: String, second: String)

  // MARK: Writing

  /// The file could not be written.
  case writeFailed(path: String, reason: String)
}

extension SafeTensorsError: CustomStringConvertible {
  /// A one-line message naming the tensor where there is one.
  public var description: String {
    switch self {
    case .unreadable(let path, let reason):
      return "cannot read \(path): \(reason)"
    case .truncatedFile(let size):
      return "not a safetensors file: \(size) bytes, shorter than the 8-byte header length"
    case .headerOutOfBounds(let length, let fileSize):
      return "header length \(length) does not fit in a \(fileSize)-byte file"
    case .invalidHeader(let reason):
      return "invalid safetensors header: \(reason)"
    case .invalidEntry(let tensor, let reason):
      return "\(tensor): \(reason)"
    case .unsupportedDType(let tensor, let dtype):
      return "\(tensor): unsupported dtype \(dtype)"
    case .offsetsOutOfBounds(let tensor, let begin, let end, let dataSize):
      return "\(tensor): data_offsets [\(begin), \(end)] outside the \(dataSize)-byte data"
    case .byteCountMismatch(let tensor, let shape, let dtype, let expected, let found):
      return "\(tensor): \(dtype) \(shape) needs \(expected) bytes, data_offsets span \(found)"
    case .missingTensor(let name):
      return "\(name): not in the file"
    case .overlappingTensors(let first, let second):
      return "\(first) and \(second) overlap in the data section"
    case .writeFailed(let path, let reason):
      return "cannot write \(path): \(reason)"
    }
  }
}
