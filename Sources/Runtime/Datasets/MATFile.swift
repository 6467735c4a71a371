// Copyright © 2026 the ssl authors.
//
// A minimal MATLAB Level 5 MAT-file reader (v5 and v7: v7 only adds zlib-compressed
// elements), enough for the devkits: Cars' `cars_*_annos.mat` (a 1×N struct array) and
// `cars_meta.mat` (a cell array of names), Flowers' `setid.mat` and `imagelabels.mat` (double
// vectors).
//
// Layout: a 128-byte header (116 bytes of text, 8 of subsystem offset, version 0x0100, and
// the endian mark `IM` when little-endian), then data elements. Each element has an 8-byte
// tag (type, byte count) or, when the count fits in the tag's upper 16 bits, a 4-byte "small
// element" tag with up to 4 bytes of data; elements are padded to 8 bytes. `miCOMPRESSED`
// (15) wraps one element in a zlib stream; `miMATRIX` (14) holds array flags (class in the low
// byte), dimensions, a name, then the class's data: real (and imaginary) parts for numeric
// classes, characters for `mxCHAR`, nested matrices for cells, and for structs the field-name
// length, the names, and one matrix per element per field. Sparse and object arrays, and
// big-endian files, are refused with a typed error.

import Foundation

/// Reads the variables of a v5/v7 `.mat` file.
public enum MATFile {
  /// Parses a whole file.
  ///
  /// - Parameters:
  ///   - data: The file's bytes.
  ///   - path: The name used in errors.
  /// - Returns: The variables by name.
  /// - Throws: ``DatasetError/malformedFile(path:line:reason:)`` (line 0).
  public static func read(_ data: Data, path: String) throws(DatasetError) -> [String: MATValue] {
    let bytes = [UInt8](data)
    guard bytes.count >= 128, bytes[126] == UInt8(ascii: "I"), bytes[127] == UInt8(ascii: "M")
    else {
      throw .malformedFile(path: path, line: 0, reason: "not a little-endian MATLAB 5 file")
    }
    var reader = MATReader(bytes: bytes, position: 128, path: path)
    var variables: [String: MATValue] = [:]
    while reader.position + 8 <= bytes.count {
      let (type, payload) = try reader.element()
      var inner = payload
      var innerType = type
      if type == MATType.compressed {
        var nested = MATReader(bytes: try inflate(payload, path: path), position: 0, path: path)
        (innerType, inner) = try nested.element()
      }
      guard innerType == MATType.matrix else { continue }
      var matrix = MATReader(bytes: inner, position: 0, path: path)
      let (name, value) = try matrix.matrix()
      variables[name] = value
    }
    return variables
  }

  /// The largest inflated variable accepted (the seed datasets' annotation files hold well
  /// under 10 MB; a zip bomb stops here).
  static let maxInflatedBytes = 256 << 20

  /// Inflates a zlib stream whose output size is unknown (the shared inflater wants it exact:
  /// a first pass with a generous limit learns it).
  static func inflate(_ zlib: [UInt8], path: String) throws(DatasetError) -> [UInt8] {
    guard zlib.count > 6, zlib[0] & 0x0F == 8 else {
      throw .malformedFile(path: path, line: 0, reason: "compressed element is not zlib/deflate")
    }
    let body = Array(zlib[2..<(zlib.count - 4)])
    var limit = min(max(1 << 16, body.count * 16), maxInflatedBytes)
    while true {
      let result: Result<[UInt8], InflateError> = body.withUnsafeBytes { raw in
        do throws(InflateError) {
          return .success(try Inflate.inflate(raw, expectedSize: limit))
        } catch {
          return .failure(error)
        }
      }
      switch result {
      case .success(let bytes):
        return bytes
      case .failure(.outputShort(_, let produced)) where produced < limit:
        limit = produced
      case .failure(.outputLimitExceeded) where limit < maxInflatedBytes:
        limit = min(limit * 4, maxInflatedBytes)
      case .failure(.outputLimitExceeded):
        throw .malformedFile(
          path: path, line: 0,
          reason: "compressed element inflates past \(maxInflatedBytes >> 20) MB; refused")
      case .failure(let error):
        throw .malformedFile(path: path, line: 0, reason: "bad compressed element (\(error))")
      }
    }
  }
}

/// MAT element type codes.
enum MATType {
  static let int8: UInt32 = 1
  static let uint8: UInt32 = 2
  static let int16: UInt32 = 3
  static let uint16: UInt32 = 4
  static let int32: UInt32 = 5
  static let uint32: UInt32 = 6
  static let single: UInt32 = 7
  static let double: UInt32 = 9
  static let int64: UInt32 = 12
  static let uint64: UInt32 = 13
  static let matrix: UInt32 = 14
  static let compressed: UInt32 = 15
  static let utf8: UInt32 = 16
  static let utf16: UInt32 = 17
  static let utf32: UInt32 = 18
}
