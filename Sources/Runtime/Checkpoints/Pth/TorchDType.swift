// Copyright © 2026 the ssl authors.

/// The element types a torch storage may hold, and their sizes in bytes.
///
/// Every type converts to float32 when a tensor is loaded (``TorchTensorDecoder``); integer
/// tensors such as `num_batches_tracked` convert exactly below 2^24.
public enum TorchDType: String, CaseIterable, Hashable, Sendable {
  case float32, float64, float16, bfloat16, int64, int32, int16, int8, uint8, bool

  /// Bytes per element.
  public var elementSize: Int {
    switch self {
    case .float64, .int64: return 8
    case .float32, .int32: return 4
    case .float16, .bfloat16, .int16: return 2
    case .int8, .uint8, .bool: return 1
    }
  }

  /// The dtype of a legacy storage class (`FloatStorage` …); `UntypedStorage` holds bytes.
  ///
  /// - Parameter storageClass: The class name without its module.
  init?(storageClass: String) {
    switch storageClass {
    case "FloatStorage": self = .float32
    case "DoubleStorage": self = .float64
    case "HalfStorage": self = .float16
    case "BFloat16Storage": self = .bfloat16
    case "LongStorage": self = .int64
    case "IntStorage": self = .int32
    case "ShortStorage": self = .int16
    case "CharStorage": self = .int8
    case "ByteStorage", "UntypedStorage": self = .uint8
    case "BoolStorage": self = .bool
    default: return nil
    }
  }

  /// The dtype a `torch.<name>` global such as `torch.float32` denotes.
  ///
  /// - Parameter torchName: The attribute name (`float32`, `half`, `long`, …).
  init?(torchName: String) {
    switch torchName {
    case "float32", "float": self = .float32
    case "float64", "double": self = .float64
    case "float16", "half": self = .float16
    case "bfloat16": self = .bfloat16
    case "int64", "long": self = .int64
    case "int32", "int": self = .int32
    case "int16", "short": self = .int16
    case "int8": self = .int8
    case "uint8": self = .uint8
    case "bool": self = .bool
    default: return nil
    }
  }
}

/// A storage a pickle refers to by persistent id: `('storage', type, key, location, size)`.
public struct TorchStorageRef: Hashable, Sendable {
  /// The key naming the storage's bytes (`data/<key>` in a zip, a record in a legacy file).
  public var key: String
  /// The element type.
  public var dtype: TorchDType
  /// The element count the pickle claims (checked against the bytes present).
  public var elementCount: Int
  /// The device it was saved from, for example `cpu` or `cuda:0`; informative only.
  public var location: String
  /// For legacy storage views `(view_key, offset, size)`: the element offset into the root.
  public var viewOffset: Int
}

/// One tensor as the pickle describes it: a view into a storage (house rule 34c).
public struct TorchTensorRef: Hashable, Sendable {
  /// The storage it views.
  public var storage: TorchStorageRef
  /// The element offset of index zero into the storage.
  public var offset: Int
  /// The dimensions.
  public var shape: [Int]
  /// Element strides per dimension; may be non-contiguous (transposes, slices).
  public var strides: [Int]

  /// The element type.
  public var dtype: TorchDType { storage.dtype }
}
