// Copyright © 2026 the ssl authors.

/// Turns a storage view (``TorchTensorRef``) over raw bytes into a float32 ``Tensor``.
///
/// The view is checked before anything is allocated: no negative size or stride, an element
/// count that neither overflows nor exceeds ``CheckpointLimits/maxTensorElements``, a storage
/// whose claimed element count fits the bytes present, and a largest index
/// `offset + Σ (size_d − 1)·stride_d` inside the storage. Strides are honoured (a transposed
/// or sliced tensor is gathered into row-major order), so two tensors viewing one storage
/// each get their own elements. float16/bfloat16/float64 and integer types are converted;
/// big-endian data is byte-swapped.
package enum TorchTensorDecoder {
  /// Decodes one tensor.
  ///
  /// - Parameters:
  ///   - ref: The view: storage, offset, shape, strides.
  ///   - path: The tensor's name, for errors.
  ///   - storageBytes: The whole storage's bytes.
  ///   - bigEndian: Whether the storage was written big-endian.
  ///   - limits: The element limit.
  /// - Returns: A contiguous float32 tensor of `ref.shape`.
  /// - Throws: ``CheckpointError/invalidShape(path:shape:reason:)``,
  ///   ``CheckpointError/storageTooSmall(key:neededBytes:availableBytes:)``,
  ///   ``CheckpointError/tensorOutOfBounds(path:shape:strides:offset:storageElements:)``.
  package static func decode(
    _ ref: TorchTensorRef, path: String, storageBytes: UnsafeRawBufferPointer, bigEndian: Bool,
    limits: CheckpointLimits
  ) throws(CheckpointError) -> Tensor {
    let count = try validate(ref, path: path, storageBytes: storageBytes.count, limits: limits)
    let dtype = ref.dtype
    guard count > 0, let base = storageBytes.baseAddress else {
      return Tensor(shape: ref.shape, scalars: [])
    }
    let contiguous = ref.strides == Tensor.contiguousStrides(ref.shape) || count == 1
    return Tensor(shape: ref.shape) { out in
      if contiguous && dtype == .float32 && !bigEndian {
        // The common case: a plain memcpy (unaligned source is fine for raw copies).
        UnsafeMutableRawBufferPointer(out).copyMemory(
          from: UnsafeRawBufferPointer(start: base + ref.offset * 4, count: count * 4))
      } else if contiguous {
        for i in 0..<count { out[i] = element(base, ref.offset + i, dtype, bigEndian) }
      } else {
        gather(out, base: base, ref: ref, dtype: dtype, bigEndian: bigEndian)
      }
    }
  }

  /// Checks a view against its storage and the limits; returns its element count.
  package static func validate(
    _ ref: TorchTensorRef, path: String, storageBytes: Int, limits: CheckpointLimits
  ) throws(CheckpointError) -> Int {
    guard ref.shape.allSatisfy({ $0 >= 0 }), ref.strides.allSatisfy({ $0 >= 0 }),
      ref.shape.count == ref.strides.count
    else {
      throw .invalidShape(path: path, shape: ref.shape, reason: "has negative sizes or strides")
    }
    var count = 1
    for d in ref.shape {
      let (product, overflow) = count.multipliedReportingOverflow(by: d)
      guard !overflow, product <= limits.maxTensorElements else {
        throw .invalidShape(
          path: path, shape: ref.shape,
          reason: "exceeds the limit of \(limits.maxTensorElements) elements")
      }
      count = product
    }
    let size = ref.dtype.elementSize
    let (claimed, overflow) = ref.storage.elementCount.multipliedReportingOverflow(by: size)
    guard !overflow, claimed <= storageBytes else {
      throw .storageTooSmall(
        key: ref.storage.key, neededBytes: overflow ? Int.max : claimed,
        availableBytes: storageBytes)
    }
    guard count > 0 else { return 0 }
    var last = ref.offset
    var outOfRange = ref.offset < 0
    for (d, s) in zip(ref.shape, ref.strides) {
      let (step, o1) = (d - 1).multipliedReportingOverflow(by: s)
      let (sum, o2) = last.addingReportingOverflow(step)
      outOfRange = outOfRange || o1 || o2
      last = sum
    }
    guard !outOfRange, last < ref.storage.elementCount else {
      throw .tensorOutOfBounds(
        path: path, shape: ref.shape, strides: ref.strides, offset: ref.offset,
        storageElements: ref.storage.elementCount)
    }
    return count
  }

  /// Row-major gather of a strided view (odometer over the indices).
  private static func gather(
    _ out: UnsafeMutableBufferPointer<Float>, base: UnsafeRawPointer, ref: TorchTensorRef,
    dtype: TorchDType, bigEndian: Bool
  ) {
    let rank = ref.shape.count
    var index = [Int](repeating: 0, count: rank)
    var position = ref.offset
    for i in 0..<out.count {
      out[i] = element(base, position, dtype, bigEndian)
      var d = rank - 1
      while d >= 0 {
        index[d] += 1
        position += ref.strides[d]
        if index[d] < ref.shape[d] { break }
        position -= ref.strides[d] * index[d]
        index[d] = 0
        d -= 1
      }
    }
  }

  /// Element `i` of a storage as float32.
  @inline(__always)
  private static func element(
    _ base: UnsafeRawPointer, _ i: Int, _ dtype: TorchDType, _ swap: Bool
  ) -> Float {
    switch dtype {
    case .float32:
      let bits = base.loadUnaligned(fromByteOffset: i * 4, as: UInt32.self)
      return Float(bitPattern: swap ? bits.byteSwapped : bits)
    case .float64:
      let bits = base.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self)
      return Float(Double(bitPattern: swap ? bits.byteSwapped : bits))
    case .float16:
      let bits = base.loadUnaligned(fromByteOffset: i * 2, as: UInt16.self)
      return halfToFloat(swap ? bits.byteSwapped : bits)
    case .bfloat16:
      let bits = base.loadUnaligned(fromByteOffset: i * 2, as: UInt16.self)
      return Float(bitPattern: UInt32(swap ? bits.byteSwapped : bits) << 16)
    case .int64:
      let bits = base.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self)
      return Float(Int64(bitPattern: swap ? bits.byteSwapped : bits))
    case .int32:
      let bits = base.loadUnaligned(fromByteOffset: i * 4, as: UInt32.self)
      return Float(Int32(bitPattern: swap ? bits.byteSwapped : bits))
    case .int16:
      let bits = base.loadUnaligned(fromByteOffset: i * 2, as: UInt16.self)
      return Float(Int16(bitPattern: swap ? bits.byteSwapped : bits))
    case .int8: return Float(base.load(fromByteOffset: i, as: Int8.self))
    case .uint8: return Float(base.load(fromByteOffset: i, as: UInt8.self))
    case .bool: return base.load(fromByteOffset: i, as: UInt8.self) != 0 ? 1 : 0
    }
  }

  /// IEEE binary16 → binary32, exact for every value (subnormals, ±∞, NaN payloads).
  package static func halfToFloat(_ h: UInt16) -> Float {
    let sign: UInt32 = UInt32(h & 0x8000) << 16
    let exponent = UInt32(h >> 10) & 0x1F
    let mantissa = UInt32(h & 0x3FF)
    if exponent == 0 {
      // Zero or subnormal: mantissa × 2^-24, exact in float32.
      let magnitude = Float(mantissa) * 0x1p-24
      return sign != 0 ? -magnitude : magnitude
    }
    if exponent == 31 { return Float(bitPattern: sign | 0x7F80_0000 | mantissa << 13) }
    return Float(bitPattern: sign | (exponent + 112) << 23 | mantissa << 13)
  }
}
