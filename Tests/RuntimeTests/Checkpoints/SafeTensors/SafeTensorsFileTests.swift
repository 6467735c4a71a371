// Copyright © 2026 the ssl authors.

import Foundation
import Testing

@testable import Runtime

@Suite struct SafeTensorsFileTests {
  /// A file image from a raw JSON header and data section.
  static func image(header: String, data: [UInt8]) -> Data {
    var bytes = Data()
    withUnsafeBytes(of: UInt64(header.utf8.count).littleEndian) { bytes.append(contentsOf: $0) }
    bytes.append(contentsOf: Array(header.utf8))
    bytes.append(contentsOf: data)
    return bytes
  }

  @Test func writerAndReaderRoundTrip() throws {
    var dict = StateDict()
    dict["b.weight"] = Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
    dict["a"] = Tensor(shape: [], scalars: [-0.5])
    dict["quote\"name"] = Tensor(shape: [0], scalars: [])
    let data = SafeTensorsWriter.encode(dict, metadata: ["format": "pt"])
    #expect((data.count - 8) % 4 == 0)
    let file = try SafeTensorsFile(data: data)
    #expect(Set(file.names) == ["a", "b.weight", "quote\"name"])
    #expect(file.metadata == ["format": "pt"])
    #expect(try file.tensor(named: "b.weight").scalars == [1, 2, 3, 4, 5, 6])
    #expect(try file.tensor(named: "a").shape == [])
    #expect(file.stateDict().count == 3)
    #expect(throws: SafeTensorsError.missingTensor(name: "c")) { try file.tensor(named: "c") }
  }

  @Test func writesAndMapsAFile() throws {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("safetensors_test_\(UInt32.random(in: 0...UInt32.max)).safetensors")
    defer { try? FileManager.default.removeItem(at: url) }
    var dict = StateDict()
    dict["x"] = Tensor(shape: [3], scalars: [1, 2, 3])
    try SafeTensorsWriter.write(dict, to: url)
    #expect(try SafeTensorsFile(contentsOf: url).tensor(named: "x").scalars == [1, 2, 3])
    #expect(throws: SafeTensorsError.self) {
      try SafeTensorsFile(contentsOf: url.appendingPathExtension("missing"))
    }
  }

  @Test func convertsEveryDTypeInTheTable() throws {
    // F16 1.5 = 0x3E00, -2 = 0xC000; BF16 1.5 = 0x3FC0; F64 0.25; I64 7; U8 200; BOOL 1.
    var data: [UInt8] = [0x00, 0x3E, 0x00, 0xC0, 0xC0, 0x3F]
    withUnsafeBytes(of: 0.25.bitPattern.littleEndian) { data += $0 }
    withUnsafeBytes(of: Int64(7).littleEndian) { data += $0 }
    data += [200, 1]
    let header = """
      {"h":{"dtype":"F16","shape":[2],"data_offsets":[0,4]},\
      "bf":{"dtype":"BF16","shape":[1],"data_offsets":[4,6]},\
      "d":{"dtype":"F64","shape":[1],"data_offsets":[6,14]},\
      "n":{"dtype":"I64","shape":[],"data_offsets":[14,22]},\
      "u":{"dtype":"U8","shape":[1],"data_offsets":[22,23]},\
      "b":{"dtype":"BOOL","shape":[1],"data_offsets":[23,24]}}
      """
    let file = try SafeTensorsFile(data: Self.image(header: header, data: data))
    #expect(file.names == ["h", "bf", "d", "n", "u", "b"])
    #expect(try file.tensor(named: "h").scalars == [1.5, -2])
    #expect(try file.tensor(named: "bf").scalars == [1.5])
    #expect(try file.tensor(named: "d").scalars == [0.25])
    #expect(try file.tensor(named: "n").scalars == [7])
    #expect(try file.tensor(named: "u").scalars == [200])
    #expect(try file.tensor(named: "b").scalars == [1])
  }

  @Test func halfConversionCoversSpecialValues() {
    #expect(SafeTensorsDType.halfToFloat(0x0001) == 0x1p-24)  // smallest subnormal
    #expect(SafeTensorsDType.halfToFloat(0x7BFF) == 65504)  // largest finite
    #expect(SafeTensorsDType.halfToFloat(0xFC00) == -.infinity)
    #expect(SafeTensorsDType.halfToFloat(0x7E00).isNaN)
    #expect(SafeTensorsDType.halfToFloat(0x8000).sign == .minus)
  }

  @Test func rejectsBadFilesWithTypedErrors() {
    #expect(throws: SafeTensorsError.truncatedFile(size: 3)) {
      try SafeTensorsFile(data: Data([1, 2, 3]))
    }
    var huge = Data()
    withUnsafeBytes(of: UInt64(1_000).littleEndian) { huge.append(contentsOf: $0) }
    #expect(throws: SafeTensorsError.headerOutOfBounds(length: 1_000, fileSize: 8)) {
      try SafeTensorsFile(data: huge)
    }
    #expect(throws: SafeTensorsError.self) {
      try SafeTensorsFile(data: Self.image(header: "[1, 2]", data: []))
    }
    let outOfBounds = #"{"w":{"dtype":"F32","shape":[4],"data_offsets":[0,16]}}"#
    #expect(
      throws: SafeTensorsError.offsetsOutOfBounds(tensor: "w", begin: 0, end: 16, dataSize: 8)
    ) {
      try SafeTensorsFile(
        data: Self.image(header: outOfBounds, data: .init(repeating: 0, count: 8)))
    }
    let wrongCount = #"{"w":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}}"#
    #expect(
      throws: SafeTensorsError.byteCountMismatch(
        tensor: "w", shape: [3], dtype: "F32", expected: 12, found: 8)
    ) {
      try SafeTensorsFile(data: Self.image(header: wrongCount, data: .init(repeating: 0, count: 8)))
    }
    let unknown = #"{"w":{"dtype":"F8_E4M3","shape":[1],"data_offsets":[0,1]}}"#
    #expect(throws: SafeTensorsError.unsupportedDType(tensor: "w", dtype: "F8_E4M3")) {
      try SafeTensorsFile(data: Self.image(header: unknown, data: [0]))
    }
    let overflow = #"{"w":{"dtype":"F32","shape":[4611686018427387904,4],"data_offsets":[0,0]}}"#
    #expect(throws: SafeTensorsError.self) {
      try SafeTensorsFile(data: Self.image(header: overflow, data: []))
    }
  }
}
