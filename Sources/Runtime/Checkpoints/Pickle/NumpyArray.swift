// Copyright © 2026 the ssl authors.

/// A numpy array rebuilt from a pickle (`_reconstruct` + `__setstate__`, or `_frombuffer`).
///
/// Holds the raw bytes as the file had them; ``tensor(path:)`` converts to float32, honouring
/// byte order and Fortran order.
public struct NumpyArray: Hashable, Sendable {
  /// The element kind and size, numpy's `dtype.str` without the byte-order mark (`f4`, `i8`).
  public var dtype: String
  /// Whether elements are stored big-endian.
  public var bigEndian: Bool
  /// The dimensions.
  public var shape: [Int]
  /// Column-major storage (numpy's `is_fortran`).
  public var fortranOrder: Bool
  /// `shape.product × itemsize` bytes.
  public var data: [UInt8]

  /// Bytes per element of a supported dtype, or nil.
  static func itemSize(_ dtype: String) -> Int? {
    switch dtype {
    case "f2", "i2", "u2": return 2
    case "f4", "i4", "u4": return 4
    case "f8", "i8", "u8": return 8
    case "i1", "u1", "b1": return 1
    default: return nil
    }
  }

  /// The torch dtype with the same bytes, used to decode through ``TorchTensorDecoder``.
  var torchDType: TorchDType? {
    switch dtype {
    case "f2": return .float16
    case "f4": return .float32
    case "f8": return .float64
    case "i8": return .int64
    case "i4": return .int32
    case "i2": return .int16
    case "i1": return .int8
    case "u1": return .uint8
    case "b1": return .bool
    default: return nil
    }
  }

  /// The array as a float32 tensor of the same shape (row-major).
  ///
  /// - Parameter path: The array's name, for errors.
  /// - Throws: ``CheckpointError/unsupportedDType(path:dtype:)``.
  public func tensor(path: String) throws(CheckpointError) -> Tensor {
    guard let torch = torchDType else { throw .unsupportedDType(path: path, dtype: dtype) }
    var strides = Tensor.contiguousStrides(shape)
    if fortranOrder {
      var step = 1
      for d in shape.indices {
        strides[d] = step
        step *= max(shape[d], 1)
      }
    }
    let storage = TorchStorageRef(
      key: path, dtype: torch, elementCount: data.count / torch.elementSize, location: "numpy",
      viewOffset: 0)
    let ref = TorchTensorRef(storage: storage, offset: 0, shape: shape, strides: strides)
    let result = data.withUnsafeBytes { raw in
      Result { () throws(CheckpointError) -> Tensor in
        try TorchTensorDecoder.decode(
          ref, path: path, storageBytes: raw, bigEndian: bigEndian, limits: CheckpointLimits())
      }
    }
    return try result.get()
  }
}
