// Copyright © 2026 the ssl authors.
//
// SafeTensorsWriter.swift — writing float32 tensors as safetensors (fixtures, feature export).
// Header keys are written sorted with the data laid out in the same order, and the header is
// padded with spaces to a multiple of 8 bytes so every tensor's data is 8-byte aligned, as the
// reference Python writer does. Little-endian (the only byte order this project runs on).

import Foundation

/// Encodes named float32 tensors in the safetensors format.
public enum SafeTensorsWriter {
  /// The file's bytes for `tensors` (all stored as F32) and optional metadata.
  ///
  /// - Parameters:
  ///   - tensors: Named tensors; names must be unique.
  ///   - metadata: The `__metadata__` string map, omitted when empty.
  /// - Returns: The complete file image.
  public static func encode(
    _ tensors: [(name: String, tensor: Tensor)], metadata: [String: String] = [:]
  ) -> Data {
    let sorted = tensors.sorted { $0.name < $1.name }
    var fields: [String] = []
    if !metadata.isEmpty {
      let pairs = metadata.keys.sorted().map { "\(quote($0)):\(quote(metadata[$0] ?? ""))" }
      fields.append("\"__metadata__\":{\(pairs.joined(separator: ","))}")
    }
    var offset = 0
    for (name, tensor) in sorted {
      let size = tensor.count * 4
      let shape = tensor.shape.map(String.init).joined(separator: ",")
      fields.append(
        "\(quote(name)):{\"dtype\":\"F32\",\"shape\":[\(shape)],"
          + "\"data_offsets\":[\(offset),\(offset + size)]}")
      offset += size
    }
    var header = Array("{\(fields.joined(separator: ","))}".utf8)
    while header.count % 8 != 0 { header.append(UInt8(ascii: " ")) }
    var data = Data(capacity: 8 + header.count + offset)
    withUnsafeBytes(of: UInt64(header.count).littleEndian) { data.append(contentsOf: $0) }
    data.append(contentsOf: header)
    for (_, tensor) in sorted {
      tensor.withContiguousBuffer { data.append(contentsOf: UnsafeRawBufferPointer($0)) }
    }
    return data
  }

  /// The file's bytes for a state dict (sorted by name).
  ///
  /// - Parameters:
  ///   - stateDict: The tensors.
  ///   - metadata: The `__metadata__` map.
  public static func encode(_ stateDict: StateDict, metadata: [String: String] = [:]) -> Data {
    encode(
      stateDict.names.compactMap { name in stateDict[name].map { (name, $0) } },
      metadata: metadata)
  }

  /// Writes a state dict to `url` atomically.
  ///
  /// - Throws: ``SafeTensorsError/writeFailed(path:reason:)``.
  public static func write(
    _ stateDict: StateDict, metadata: [String: String] = [:], to url: URL
  ) throws(SafeTensorsError) {
    do {
      try encode(stateDict, metadata: metadata).write(to: url, options: .atomic)
    } catch {
      throw .writeFailed(path: url.path, reason: error.localizedDescription)
    }
  }

  /// A JSON string literal.
  private static func quote(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if scalar.value < 0x20 {
          out += String(format: "\\u%04x", scalar.value)
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }
}
