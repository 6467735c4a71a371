// Copyright © 2026 the ssl authors.
//
// numpy's `.npy` format, version 1.0/2.0/3.0: the magic `\x93NUMPY`, major and minor version,
// a little-endian header length (2 bytes in 1.0, 4 in 2.0+), and a Python-literal dict
// `{'descr': '<f4', 'fortran_order': False, 'shape': (N, D), }` padded with spaces to a
// multiple of 64 bytes and ended by `\n`; then the raw data. Writing uses version 1.0.

import Foundation

/// A numeric array read from or written to `.npy`, widened to `Double` for reading.
public struct NPYArray: Sendable {
  /// The dimensions, outermost first.
  public var shape: [Int]
  /// The values in row-major order.
  public var values: [Double]

  /// Creates an array.
  public init(shape: [Int], values: [Double]) {
    self.shape = shape
    self.values = values
  }

  /// Parses `.npy` bytes: little-endian `f4`, `f8`, `i1`…`i8`, `u1`…`u8`, or `b1`.
  ///
  /// - Throws: ``FeatureError/malformed(path:reason:)``.
  public init(_ bytes: [UInt8], path: String) throws(FeatureError) {
    guard bytes.count >= 10, bytes[0] == 0x93, Array(bytes[1..<6]) == Array("NUMPY".utf8) else {
      throw .malformed(path: path, reason: "not a .npy file")
    }
    let major = bytes[6]
    guard (1...3).contains(major) else {
      throw .malformed(path: path, reason: "unknown .npy format version \(major)")
    }
    let lengthBytes = major == 1 ? 2 : 4
    let start = 8 + lengthBytes
    guard bytes.count >= start else { throw .malformed(path: path, reason: "truncated header") }
    var headerLength = 0
    for i in 0..<lengthBytes { headerLength |= Int(bytes[8 + i]) << (8 * i) }
    guard start + headerLength <= bytes.count else {
      throw .malformed(path: path, reason: "header runs past the end")
    }
    let header = String(decoding: bytes[start..<(start + headerLength)], as: UTF8.self)
    guard
      let descr = Self.field("descr", in: header).map({
        $0.trimmingCharacters(in: CharacterSet(charactersIn: "'\""))
      }),
      let shapeText = Self.field("shape", in: header)
    else { throw .malformed(path: path, reason: "header without descr or shape") }
    if Self.field("fortran_order", in: header) == "True" {
      throw .malformed(path: path, reason: "Fortran-ordered arrays are not supported")
    }
    let dims = shapeText.trimmingCharacters(in: CharacterSet(charactersIn: "()"))
      .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    let shape = dims.compactMap { Int($0) }
    guard shape.count == dims.count, shape.allSatisfy({ $0 >= 0 }) else {
      throw .malformed(path: path, reason: "shape \(shapeText) is not a tuple of sizes")
    }
    var count = 1
    for dim in shape {
      let (product, overflow) = count.multipliedReportingOverflow(by: dim)
      guard !overflow, product <= bytes.count * 8 else {
        throw .malformed(path: path, reason: "shape \(shapeText) needs more data than the file holds")
      }
      count = product
    }
    let data = Array(bytes[(start + headerLength)...])
    guard let values = NPYDType.decode(descr, data, count: count) else {
      throw .malformed(path: path, reason: "unsupported dtype \(descr) or short data")
    }
    self.shape = shape
    self.values = values
  }

  /// The value of `key` in the header dict, as written (`'<f4'`, `(3, 4)`, `False`).
  private static func field(_ key: String, in header: String) -> String? {
    guard let range = header.range(of: "'\(key)':") else { return nil }
    let rest = header[range.upperBound...].drop(while: { $0 == " " })
    if rest.first == "(" {
      guard let close = rest.firstIndex(of: ")") else { return nil }
      return String(rest[...close])
    }
    return String(rest.prefix { $0 != "," && $0 != "}" }).trimmingCharacters(in: .whitespaces)
  }

  /// `.npy` bytes of float32 values.
  public static func encode(float32 values: [Float], shape: [Int]) -> Data {
    var data = header(descr: "<f4", shape: shape)
    values.withUnsafeBytes { data.append(contentsOf: $0) }
    return data
  }

  /// `.npy` bytes of int64 values.
  public static func encode(int64 values: [Int], shape: [Int]) -> Data {
    var data = header(descr: "<i8", shape: shape)
    values.map { Int64($0).littleEndian }.withUnsafeBytes { data.append(contentsOf: $0) }
    return data
  }

  private static func header(descr: String, shape: [Int]) -> Data {
    let dims =
      shape.count == 1
      ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
    var text = "{'descr': '\(descr)', 'fortran_order': False, 'shape': \(dims), }"
    while (10 + text.utf8.count + 1) % 64 != 0 { text += " " }
    text += "\n"
    var data = Data([0x93] + Array("NUMPY".utf8) + [1, 0])
    let n = UInt16(text.utf8.count)
    data.append(contentsOf: [UInt8(n & 0xFF), UInt8(n >> 8)])
    data.append(contentsOf: Array(text.utf8))
    return data
  }
}

/// numpy dtype strings the reader accepts.
enum NPYDType {
  static func decode(_ descr: String, _ b: [UInt8], count: Int) -> [Double]? {
    guard descr.count >= 3,
      descr.first != ">" || descr.dropFirst().first == "u" && descr.hasSuffix("1")
    else { return nil }
    let kind = descr[descr.index(after: descr.startIndex)]
    guard let size = Int(descr.dropFirst(2)), [1, 2, 4, 8].contains(size),
      count <= b.count / size
    else { return nil }
    func le(_ i: Int) -> UInt64 {
      var v: UInt64 = 0
      for k in 0..<size { v |= UInt64(b[i * size + k]) << (8 * UInt64(k)) }
      return v
    }
    switch (kind, size) {
    case ("f", 4): return (0..<count).map { Double(Float(bitPattern: UInt32(le($0)))) }
    case ("f", 8): return (0..<count).map { Double(bitPattern: le($0)) }
    case ("i", 1): return (0..<count).map { Double(Int8(truncatingIfNeeded: le($0))) }
    case ("i", 2): return (0..<count).map { Double(Int16(truncatingIfNeeded: le($0))) }
    case ("i", 4): return (0..<count).map { Double(Int32(truncatingIfNeeded: le($0))) }
    case ("i", 8): return (0..<count).map { Double(Int64(bitPattern: le($0))) }
    case ("u", _), ("b", 1): return (0..<count).map { Double(le($0)) }
    default: return nil
    }
  }
}
