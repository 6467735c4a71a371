// Copyright © 2026 the ssl authors.
//
// SafeTensorsDType.swift — the one dtype table: name ↔ byte size ↔ conversion to Float.
//
// Everything becomes float32 on load. Integer dtypes appear in real checkpoints
// (`num_batches_tracked` is int64) and are converted exactly up to 2^24. F16 and BF16 are
// widened bit-exactly (every half and bfloat16 value is a float); F64 is rounded to nearest.
// All reads are unaligned-safe: the data section starts right after a header of any length.

/// The element types a safetensors file may hold that this reader converts to `Float`.
public enum SafeTensorsDType: String, CaseIterable, Hashable, Sendable {
  /// IEEE binary64.
  case float64 = "F64"
  /// IEEE binary32.
  case float32 = "F32"
  /// IEEE binary16.
  case float16 = "F16"
  /// bfloat16 (the top half of a binary32).
  case bfloat16 = "BF16"
  /// Signed 64-bit integer.
  case int64 = "I64"
  /// Signed 32-bit integer.
  case int32 = "I32"
  /// Signed 16-bit integer.
  case int16 = "I16"
  /// Signed 8-bit integer.
  case int8 = "I8"
  /// Unsigned 8-bit integer.
  case uint8 = "U8"
  /// One byte, 0 or 1.
  case bool = "BOOL"

  /// Bytes per element.
  public var byteSize: Int {
    switch self {
    case .float64, .int64: return 8
    case .float32, .int32: return 4
    case .float16, .bfloat16, .int16: return 2
    case .int8, .uint8, .bool: return 1
    }
  }

  /// Converts `count` little-endian elements at `source` into `destination`.
  func convert(
    _ source: UnsafeRawPointer, count: Int, into destination: UnsafeMutablePointer<Float>
  ) {
    switch self {
    case .float32:
      // Byte copy: the source may be unaligned.
      UnsafeMutableRawPointer(destination).copyMemory(from: source, byteCount: count * 4)
    case .float64:
      for i in 0..<count {
        destination[i] = Float(source.loadUnaligned(fromByteOffset: i * 8, as: Double.self))
      }
    case .float16:
      for i in 0..<count {
        destination[i] = Self.halfToFloat(
          source.loadUnaligned(fromByteOffset: i * 2, as: UInt16.self))
      }
    case .bfloat16:
      for i in 0..<count {
        let bits = UInt32(source.loadUnaligned(fromByteOffset: i * 2, as: UInt16.self)) << 16
        destination[i] = Float(bitPattern: bits)
      }
    case .int64:
      for i in 0..<count {
        destination[i] = Float(source.loadUnaligned(fromByteOffset: i * 8, as: Int64.self))
      }
    case .int32:
      for i in 0..<count {
        destination[i] = Float(source.loadUnaligned(fromByteOffset: i * 4, as: Int32.self))
      }
    case .int16:
      for i in 0..<count {
        destination[i] = Float(source.loadUnaligned(fromByteOffset: i * 2, as: Int16.self))
      }
    case .int8:
      for i in 0..<count { destination[i] = Float(source.load(fromByteOffset: i, as: Int8.self)) }
    case .uint8, .bool:
      for i in 0..<count { destination[i] = Float(source.load(fromByteOffset: i, as: UInt8.self)) }
    }
  }

  /// IEEE half → float, exact for every input (subnormals, infinities and NaN included).
  static func halfToFloat(_ h: UInt16) -> Float {
    let sign = UInt32(h & 0x8000) << 16
    let exponent = Int((h >> 10) & 0x1F)
    let mantissa = UInt32(h & 0x3FF)
    switch exponent {
    case 0:
      // Zero or subnormal: mantissa · 2^-24, exact in Float.
      let magnitude = Float(mantissa) * 0x1p-24
      return sign == 0 ? magnitude : -magnitude
    case 0x1F:
      return Float(bitPattern: sign | 0x7F80_0000 | (mantissa << 13))
    default:
      return Float(bitPattern: sign | UInt32(exponent - 15 + 127) << 23 | (mantissa << 13))
    }
  }
}
