// Copyright © 2026 the ssl authors.

/// CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320), as zip stores it.
///
/// Table-driven, one byte at a time; the zip reader checks it on `data.pkl` and on every
/// inflated entry, where a wrong checksum means the inflater or the file is broken.
package enum CRC32 {
  private static let table: [UInt32] = (0..<256).map { n in
    var c = UInt32(n)
    for _ in 0..<8 { c = (c & 1) != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
    return c
  }

  /// The checksum of `bytes`.
  ///
  /// - Parameter bytes: The data.
  /// - Returns: The CRC-32 as zip records it.
  package static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
    var c: UInt32 = 0xFFFF_FFFF
    table.withUnsafeBufferPointer { t in
      for b in bytes { c = t[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
    }
    return c ^ 0xFFFF_FFFF
  }

  /// The checksum of an array.
  package static func checksum(_ bytes: [UInt8]) -> UInt32 {
    bytes.withUnsafeBytes { checksum($0) }
  }
}
