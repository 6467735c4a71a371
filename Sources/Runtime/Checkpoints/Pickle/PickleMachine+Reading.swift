// Copyright © 2026 the ssl authors.

/// Bounds-checked reads of opcode arguments: every length is compared with the bytes left
/// before anything is copied or allocated.
extension PickleMachine {
  mutating func readByte() throws(PickleError) -> UInt8 {
    guard position < bytes.count else { throw .truncated(offset: position) }
    defer { position += 1 }
    return bytes[position]
  }

  /// `count` bytes, or a truncation error when fewer are left.
  mutating func readBytes(_ count: Int) throws(PickleError) -> UnsafeRawBufferPointer {
    guard count >= 0, count <= bytes.count - position else {
      throw .truncated(offset: opcodeOffset)
    }
    defer { position += count }
    return UnsafeRawBufferPointer(rebasing: bytes[position..<(position + count)])
  }

  /// A little-endian unsigned integer of `width` bytes, which must fit in `Int`.
  mutating func readUInt(_ width: Int) throws(PickleError) -> Int {
    let raw = try readBytes(width)
    var value: UInt64 = 0
    for (i, b) in raw.enumerated() { value |= UInt64(b) << (8 * UInt64(i)) }
    guard value <= UInt64(Int.max) else { throw .truncated(offset: opcodeOffset) }
    return Int(value)
  }

  /// A text-protocol argument up to (not including) the next newline.
  mutating func readLine(_ op: PickleOpcode) throws(PickleError) -> String {
    var end = position
    while end < bytes.count && bytes[end] != 0x0A { end += 1 }
    guard end < bytes.count else { throw .truncated(offset: opcodeOffset) }
    let line = UnsafeRawBufferPointer(rebasing: bytes[position..<end])
    position = end + 1
    guard let text = String(validating: line, as: UTF8.self) else {
      throw .invalidArgument(op, offset: opcodeOffset, reason: "invalid UTF-8")
    }
    return text
  }

  /// A string argument of `length` bytes: UTF-8, or Latin-1 for Python 2's byte strings.
  mutating func text(length: Int, _ op: PickleOpcode) throws(PickleError) -> PickleValue {
    let raw = try readBytes(length)
    if let text = String(validating: raw, as: UTF8.self) { return .string(text) }
    if op == .binString || op == .shortBinString {
      return .string(String(String.UnicodeScalarView(raw.map { Unicode.Scalar($0) })))
    }
    throw .invalidArgument(op, offset: opcodeOffset, reason: "invalid UTF-8")
  }

  /// A memo index written as text (`GET`, `PUT`).
  mutating func lineIndex(_ op: PickleOpcode) throws(PickleError) -> Int {
    guard let index = Int(try readLine(op)), index >= 0 else {
      throw .invalidArgument(op, offset: opcodeOffset, reason: "not a memo index")
    }
    return index
  }

  /// `INT`/`LONG` in text form: `01`/`00` are True/False in protocol 0.
  mutating func textInt(_ op: PickleOpcode) throws(PickleError) -> PickleValue {
    var line = try readLine(op)
    if op == .int && line == "01" { return .bool(true) }
    if op == .int && line == "00" { return .bool(false) }
    if line.hasSuffix("L") { line.removeLast() }
    guard let value = Int(line) else {
      throw .invalidArgument(op, offset: opcodeOffset, reason: "integer out of range or malformed")
    }
    return .int(value)
  }

  /// `LONG1`/`LONG4`: little-endian two's complement of `count` bytes.
  mutating func longValue(count: Int) throws(PickleError) -> PickleValue {
    let raw = try readBytes(count)
    guard count <= 8 else { return .bigInt(Array(raw)) }
    guard count > 0 else { return .int(0) }
    var value: UInt64 = 0
    for (i, b) in raw.enumerated() { value |= UInt64(b) << (8 * UInt64(i)) }
    if count < 8 && raw[count - 1] & 0x80 != 0 { value |= ~0 << (8 * UInt64(count)) }
    return .int(Int(Int64(bitPattern: value)))
  }

  /// The body of a protocol-0 `STRING` argument: a quoted Python literal, simple escapes only.
  static func unquote(_ line: String) -> String {
    var body = Substring(line)
    if let first = body.first, first == "'" || first == "\"", body.count >= 2, body.last == first {
      body = body.dropFirst().dropLast()
    }
    var result = ""
    var iterator = body.makeIterator()
    while let c = iterator.next() {
      guard c == "\\", let next = iterator.next() else {
        result.append(c)
        continue
      }
      switch next {
      case "n": result.append("\n")
      case "t": result.append("\t")
      case "r": result.append("\r")
      case "x":
        let hex = String([iterator.next(), iterator.next()].compactMap { $0 })
        if let code = UInt8(hex, radix: 16) { result.unicodeScalars.append(Unicode.Scalar(code)) }
      default: result.append(next)
      }
    }
    return result
  }
}

extension UInt64 {
  /// The value of 8 big-endian bytes (`BINFLOAT` stores doubles big-endian).
  init(bigEndianBytes raw: UnsafeRawBufferPointer) {
    var value: UInt64 = 0
    for b in raw { value = value << 8 | UInt64(b) }
    self = value
  }
}
