// Copyright © 2026 the ssl authors.
//
// Streams made with CPython's zlib (raw deflate, wbits=-15).

import Testing

@testable import Runtime

@Suite struct PthInflateTests {
  @Test func fixedHuffman() throws {
    let fixed: [UInt8] = [203, 72, 205, 201, 201, 87, 200, 64, 39, 1]
    let out = try Inflate.inflate(fixed, expectedSize: 23)
    #expect(String(decoding: out, as: UTF8.self) == "hello hello hello hello")
  }

  @Test func storedBlock() throws {
    #expect(try Inflate.inflate([1, 3, 0, 252, 255, 97, 98, 99], expectedSize: 3) == [97, 98, 99])
    #expect(throws: InflateError.storedLengthMismatch) {
      try Inflate.inflate([1, 3, 0, 252, 254, 97, 98, 99], expectedSize: 3)
    }
  }

  @Test func dynamicHuffman() throws {
    let hex =
      "754f490e80200cfc0a5f2358848840002fbe5e913648c50bcd94e92cd1aacd81386d14e6d07a97fe334b48"
      + "ca887c0fb902a2023e87d4290de258403b59809362b31a041a98cbcc32353e33a068b466865567dae1f5d2"
      + "69e7b22e149e357ca8f508ffff9b2081222064f2e3f905"
    var bytes: [UInt8] = []
    var i = hex.startIndex
    while i < hex.endIndex {
      let j = hex.index(i, offsetBy: 2)
      bytes.append(UInt8(hex[i..<j], radix: 16) ?? 0)
      i = j
    }
    let text = String(decoding: try Inflate.inflate(bytes, expectedSize: 412), as: UTF8.self)
    #expect(text.hasPrefix("pickle zip huffman huffman huffman torch storage"))
    #expect(text.hasSuffix("deflate pickle huffman tensor"))
    // The same stream with an unknown size, and with too small a bound.
    #expect(try Inflate.inflate(bytes, limit: 1 << 20).count == 412)
    #expect(throws: InflateError.outputLimitExceeded(limit: 100)) {
      try Inflate.inflate(bytes, expectedSize: 100)
    }
    #expect(throws: InflateError.outputShort(expected: 500, produced: 412)) {
      try Inflate.inflate(bytes, expectedSize: 500)
    }
    #expect(throws: InflateError.truncatedInput) {
      try Inflate.inflate(Array(bytes.prefix(40)), expectedSize: 412)
    }
  }

  @Test func malformedStreams() {
    #expect(throws: InflateError.invalidBlockType) { try Inflate.inflate([0x07], expectedSize: 1) }
    #expect(throws: InflateError.truncatedInput) { try Inflate.inflate([], expectedSize: 1) }
    // A fixed block whose first symbol is a back-reference (distance 1 with no output yet).
    #expect(throws: InflateError.distanceTooFar(distance: 1, available: 0)) {
      try Inflate.inflate([0x03, 0x02], expectedSize: 10)
    }
  }

  @Test func crc32KnownValue() {
    #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
  }
}
