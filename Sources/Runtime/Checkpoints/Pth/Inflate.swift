// Copyright © 2026 the ssl authors.
//
// Inflate.swift — raw DEFLATE (RFC 1951) decoding for zip entries stored with method 8.
//
// Foundation on Linux exposes no zlib, so this is a small canonical-Huffman decoder in the
// manner of zlib's `puff.c`: stored blocks, fixed-Huffman blocks and dynamic-Huffman blocks,
// symbols decoded one bit at a time against per-length counts. Torch writes its archives
// STORED, so speed matters less than being exact and safe: the output never grows past the
// size the zip entry declares (a zip bomb stops at the limit with a typed error), every read
// is bounds-checked, and a malformed code table is rejected rather than trusted.

/// What can go wrong while inflating.
public enum InflateError: Error, Equatable, Sendable {
  /// The compressed data ended before the last block did.
  case truncatedInput
  /// The output would grow past the declared size (zip bomb or lying header).
  case outputLimitExceeded(limit: Int)
  /// The stream ended with fewer bytes than declared.
  case outputShort(expected: Int, produced: Int)
  /// Block type 3, which RFC 1951 reserves.
  case invalidBlockType
  /// A stored block whose length and one's-complement check disagree.
  case storedLengthMismatch
  /// A Huffman code table that is over-subscribed or incomplete where it may not be.
  case invalidCodeLengths
  /// A bit pattern that decodes to no symbol, or a symbol outside the alphabet.
  case invalidSymbol
  /// A back-reference reaching before the start of the output.
  case distanceTooFar(distance: Int, available: Int)
}

/// Raw DEFLATE decoding with a bounded output.
package enum Inflate {
  /// Inflates `input` into exactly `expectedSize` bytes.
  ///
  /// - Parameters:
  ///   - input: The raw DEFLATE stream (no zlib or gzip wrapper).
  ///   - expectedSize: The uncompressed size the container declares; output past it throws.
  /// - Returns: The uncompressed bytes.
  /// - Throws: ``InflateError``.
  package static func inflate(
    _ input: UnsafeRawBufferPointer, expectedSize: Int
  ) throws(InflateError) -> [UInt8] {
    let output = try decodeAll(input, limit: expectedSize)
    guard output.count == expectedSize else {
      throw .outputShort(expected: expectedSize, produced: output.count)
    }
    return output
  }

  /// Inflates an array into exactly `expectedSize` bytes (see the pointer overload).
  package static func inflate(_ input: [UInt8], expectedSize: Int) throws(InflateError)
    -> [UInt8]
  {
    let result = input.withUnsafeBytes { raw in
      Result { () throws(InflateError) -> [UInt8] in try inflate(raw, expectedSize: expectedSize) }
    }
    return try result.get()
  }

  /// Inflates a stream whose size is not declared, stopping with an error past `limit` bytes.
  ///
  /// For containers that record no uncompressed size (zlib streams in MAT files); the bound
  /// still keeps a hostile stream from growing without end.
  ///
  /// - Parameters:
  ///   - input: The raw DEFLATE stream.
  ///   - limit: The most bytes the output may hold.
  /// - Returns: The uncompressed bytes (any count up to `limit`).
  /// - Throws: ``InflateError``.
  package static func inflate(_ input: [UInt8], limit: Int) throws(InflateError) -> [UInt8] {
    let result = input.withUnsafeBytes { raw in
      Result { () throws(InflateError) -> [UInt8] in try decodeAll(raw, limit: limit) }
    }
    return try result.get()
  }

  /// Decodes blocks until the last one, never producing more than `limit` bytes.
  private static func decodeAll(_ input: UnsafeRawBufferPointer, limit: Int) throws(InflateError)
    -> [UInt8]
  {
    var state = InflateState(input: input, limit: limit)
    var last = false
    while !last {
      last = try state.bits(1) == 1
      switch try state.bits(2) {
      case 0: try state.stored()
      case 1:
        try state.codes(lengths: HuffmanTable.fixedLength, distances: HuffmanTable.fixedDistance)
      case 2:
        let (lengths, distances) = try state.dynamicTables()
        try state.codes(lengths: lengths, distances: distances)
      default: throw .invalidBlockType
      }
    }
    return state.output
  }
}

/// A canonical Huffman code: how many codes have each length, and the symbols in code order.
struct HuffmanTable {
  var counts: [Int]
  var symbols: [Int]

  /// Builds and checks a table from per-symbol code lengths (0 = unused).
  ///
  /// As in `puff.c`: an over-subscribed code is always corrupt; an incomplete one is allowed
  /// only when `allowSingleCode` is set and the code is a single one-bit code (RFC 1951 lets
  /// a block use one distance code, or none).
  init(lengths: [Int], allowSingleCode: Bool) throws(InflateError) {
    self.init(uncheckedLengths: lengths)
    var left = 1
    for len in 1...15 {
      left <<= 1
      left -= counts[len]
      if left < 0 { throw .invalidCodeLengths }
    }
    let used = lengths.count - lengths.filter { $0 == 0 }.count
    if left > 0 && !(allowSingleCode && used == counts[1]) { throw .invalidCodeLengths }
  }

  /// Builds a table without checking completeness (the fixed tables of block type 1).
  init(uncheckedLengths lengths: [Int]) {
    counts = [Int](repeating: 0, count: 16)
    for l in lengths { counts[l] += 1 }
    var offsets = [Int](repeating: 0, count: 16)
    for len in 1..<15 { offsets[len + 1] = offsets[len] + counts[len] }
    symbols = [Int](repeating: 0, count: lengths.count)
    for (symbol, l) in lengths.enumerated() where l != 0 {
      symbols[offsets[l]] = symbol
      offsets[l] += 1
    }
    counts[0] = 0
  }

  /// The fixed literal/length code of block type 1.
  static let fixedLength: HuffmanTable = {
    var lengths = [Int](repeating: 8, count: 288)
    for i in 144..<256 { lengths[i] = 9 }
    for i in 256..<280 { lengths[i] = 7 }
    return HuffmanTable(uncheckedLengths: lengths)
  }()

  /// The fixed distance code of block type 1 (30 five-bit codes; 30 and 31 never occur).
  static let fixedDistance = HuffmanTable(uncheckedLengths: [Int](repeating: 5, count: 30))
}

/// The decoder's cursor over input bits and its bounded output.
struct InflateState {
  let input: UnsafeRawBufferPointer
  let limit: Int
  var position = 0
  var bitBuffer = 0
  var bitCount = 0
  var output: [UInt8] = []

  init(input: UnsafeRawBufferPointer, limit: Int) {
    self.input = input
    self.limit = limit
    // Reserve what the header promises, capped: a lying header must not allocate gigabytes
    // up front (the limit still applies as bytes are produced).
    output.reserveCapacity(min(limit, max(input.count * 4, 1 << 16)))
  }

  /// The next `need` bits, least significant first (RFC 1951 §3.1.1).
  mutating func bits(_ need: Int) throws(InflateError) -> Int {
    var value = bitBuffer
    while bitCount < need {
      guard position < input.count else { throw .truncatedInput }
      value |= Int(input[position]) << bitCount
      position += 1
      bitCount += 8
    }
    bitBuffer = value >> need
    bitCount -= need
    return value & ((1 << need) - 1)
  }

  mutating func emit(_ byte: UInt8) throws(InflateError) {
    guard output.count < limit else { throw .outputLimitExceeded(limit: limit) }
    output.append(byte)
  }

  /// A stored block: byte-aligned LEN, NLEN, then LEN raw bytes.
  mutating func stored() throws(InflateError) {
    bitBuffer = 0
    bitCount = 0
    guard position + 4 <= input.count else { throw .truncatedInput }
    let len = Int(input[position]) | Int(input[position + 1]) << 8
    let nlen = Int(input[position + 2]) | Int(input[position + 3]) << 8
    position += 4
    guard len == (~nlen & 0xFFFF) else { throw .storedLengthMismatch }
    guard position + len <= input.count else { throw .truncatedInput }
    guard output.count + len <= limit else { throw .outputLimitExceeded(limit: limit) }
    output.append(contentsOf: UnsafeRawBufferPointer(rebasing: input[position..<(position + len)]))
    position += len
  }

  /// Decodes one symbol, reading the code MSB-first one bit at a time.
  mutating func decode(_ table: HuffmanTable) throws(InflateError) -> Int {
    var code = 0
    var first = 0
    var index = 0
    for len in 1...15 {
      code |= try bits(1)
      let count = table.counts[len]
      if code - count < first { return table.symbols[index + (code - first)] }
      index += count
      first += count
      first <<= 1
      code <<= 1
    }
    throw .invalidSymbol
  }

  private static let lengthBase = [
    3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115,
    131, 163, 195, 227, 258,
  ]
  private static let lengthExtra = [
    0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
  ]
  private static let distanceBase = [
    1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537,
    2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577,
  ]
  private static let distanceExtra = [
    0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12,
    13, 13,
  ]

  /// Literal/length and distance symbols until end-of-block (256).
  mutating func codes(lengths: HuffmanTable, distances: HuffmanTable) throws(InflateError) {
    while true {
      let symbol = try decode(lengths)
      if symbol < 256 {
        try emit(UInt8(symbol))
      } else if symbol == 256 {
        return
      } else {
        let l = symbol - 257
        guard l < 29 else { throw .invalidSymbol }
        let length = Self.lengthBase[l] + (try bits(Self.lengthExtra[l]))
        let d = try decode(distances)
        guard d < 30 else { throw .invalidSymbol }
        let distance = Self.distanceBase[d] + (try bits(Self.distanceExtra[d]))
        guard distance <= output.count else {
          throw .distanceTooFar(distance: distance, available: output.count)
        }
        guard output.count + length <= limit else { throw .outputLimitExceeded(limit: limit) }
        // Byte by byte: a copy may overlap what it produces (distance < length).
        var from = output.count - distance
        for _ in 0..<length {
          output.append(output[from])
          from += 1
        }
      }
    }
  }

  /// Reads a dynamic block's code-length code and its two Huffman tables (RFC 1951 §3.2.7).
  mutating func dynamicTables() throws(InflateError) -> (HuffmanTable, HuffmanTable) {
    let nlen = try bits(5) + 257
    let ndist = try bits(5) + 1
    let ncode = try bits(4) + 4
    guard nlen <= 286, ndist <= 30 else { throw .invalidCodeLengths }
    let order = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]
    var codeLengths = [Int](repeating: 0, count: 19)
    for i in 0..<ncode { codeLengths[order[i]] = try bits(3) }
    let lencode = try HuffmanTable(lengths: codeLengths, allowSingleCode: false)
    var lengths = [Int](repeating: 0, count: nlen + ndist)
    var index = 0
    while index < nlen + ndist {
      let symbol = try decode(lencode)
      if symbol < 16 {
        lengths[index] = symbol
        index += 1
        continue
      }
      var value = 0
      var repeatCount: Int
      switch symbol {
      case 16:
        guard index > 0 else { throw .invalidCodeLengths }
        value = lengths[index - 1]
        repeatCount = 3 + (try bits(2))
      case 17: repeatCount = 3 + (try bits(3))
      default: repeatCount = 11 + (try bits(7))
      }
      guard index + repeatCount <= nlen + ndist else { throw .invalidCodeLengths }
      for _ in 0..<repeatCount {
        lengths[index] = value
        index += 1
      }
    }
    guard lengths[256] != 0 else { throw .invalidCodeLengths }
    let literal = try HuffmanTable(lengths: Array(lengths[0..<nlen]), allowSingleCode: true)
    let distance = try HuffmanTable(lengths: Array(lengths[nlen...]), allowSingleCode: true)
    return (literal, distance)
  }
}
