// Copyright © 2026 the ssl authors.
//
// The element and matrix decoding behind ``MATFile`` (see the format notes there).

/// A cursor over little-endian MAT element bytes.
struct MATReader {
  let bytes: [UInt8]
  var position: Int
  let path: String
  /// How many cells or structs enclose this matrix.
  var depth = 0

  /// The deepest nesting of cells and structs read (real annotation files use 2–3).
  static let maxDepth = 32

  private static let classCell: UInt32 = 1
  private static let classStruct: UInt32 = 2
  private static let classChar: UInt32 = 4

  func fail(_ reason: String) -> DatasetError {
    .malformedFile(path: path, line: 0, reason: reason)
  }

  func u32(_ at: Int) -> UInt32 {
    UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16
      | UInt32(bytes[at + 3]) << 24
  }

  /// The next element's type and payload; moves past its padding.
  mutating func element() throws(DatasetError) -> (UInt32, [UInt8]) {
    guard position + 8 <= bytes.count else { throw fail("truncated element tag") }
    let first = u32(position)
    if first >> 16 != 0 {
      let size = Int(first >> 16)
      guard size <= 4 else { throw fail("small element of \(size) bytes") }
      let payload = Array(bytes[(position + 4)..<(position + 4 + size)])
      position += 8
      return (first & 0xFFFF, payload)
    }
    let size = Int(u32(position + 4))
    let start = position + 8
    guard size >= 0, start + size <= bytes.count else { throw fail("element runs past the end") }
    position = start + size
    if first != MATType.compressed { position = (position + 7) & ~7 }
    return (first, Array(bytes[start..<(start + size)]))
  }

  /// Decodes one `miMATRIX` payload (this reader's whole range): its name and value.
  mutating func matrix() throws(DatasetError) -> (String, MATValue) {
    if bytes.isEmpty { return ("", .numeric(dims: [0, 0], values: [])) }
    let (_, flags) = try element()
    guard flags.count >= 4 else { throw fail("bad array flags") }
    let arrayClass = UInt32(flags[0])
    let (_, dimBytes) = try element()
    let dims = Self.numbers(MATType.int32, dimBytes).map { Int($0) }
    let (_, nameBytes) = try element()
    let name = String(decoding: nameBytes, as: UTF8.self)
    // Every element takes at least one byte of this payload, so a valid array's element
    // count never exceeds the payload size.
    var count = 1
    for dim in dims {
      let (product, overflow) = count.multipliedReportingOverflow(by: dim)
      guard dim >= 0, !overflow, product <= bytes.count else {
        throw fail("\(name): dimensions \(dims) do not fit the \(bytes.count)-byte array")
      }
      count = product
    }
    switch arrayClass {
    case Self.classCell:
      var elements: [MATValue] = []
      for _ in 0..<count { elements.append(try nested()) }
      return (name, .cell(dims: dims, elements: elements))
    case Self.classStruct:
      let (_, lengthBytes) = try element()
      let length = Int(Self.numbers(MATType.int32, lengthBytes).first ?? 0)
      let (_, namesBytes) = try element()
      guard length > 0 else { throw fail("struct field-name length 0") }
      let fields = stride(from: 0, to: namesBytes.count, by: length).map { start in
        String(
          decoding: namesBytes[start..<min(start + length, namesBytes.count)].prefix { $0 != 0 },
          as: UTF8.self)
      }
      var elements: [[MATValue]] = []
      for _ in 0..<count {
        var row: [MATValue] = []
        for _ in fields { row.append(try nested()) }
        elements.append(row)
      }
      return (name, .structure(dims: dims, fields: fields, elements: elements))
    case Self.classChar:
      let (type, data) = try element()
      let values = Self.numbers(type, data)
      let codes = values.compactMap { UInt32(exactly: $0) }
      guard codes.count == values.count else {
        throw fail("\(name): character data holds values that are not character codes")
      }
      // Column-major rows × columns: read row by row.
      let rows = dims.first ?? 1
      let columns = rows > 0 ? codes.count / rows : 0
      var scalars = String.UnicodeScalarView()
      for r in 0..<rows {
        for c in 0..<columns {
          if let s = Unicode.Scalar(codes[c * rows + r]) { scalars.append(s) }
        }
      }
      return (name, .text(dims: dims, value: String(scalars)))
    case 6...15:
      let (type, data) = try element()
      let values = Self.numbers(type, data)
      guard values.count == count else { throw fail("\(name): \(values.count) values for \(dims)") }
      return (name, .numeric(dims: dims, values: values))
    default:
      throw fail("\(name): MATLAB array class \(arrayClass) (sparse/object) is not supported")
    }
  }

  /// A nested `miMATRIX` element.
  private mutating func nested() throws(DatasetError) -> MATValue {
    let (type, payload) = try element()
    guard type == MATType.matrix else { throw fail("expected a nested matrix, found type \(type)") }
    guard depth < Self.maxDepth else {
      throw fail("cells or structs nested more than \(Self.maxDepth) deep")
    }
    var inner = MATReader(bytes: payload, position: 0, path: path, depth: depth + 1)
    return try inner.matrix().1
  }

  /// Decodes a numeric payload of any storage type.
  static func numbers(_ type: UInt32, _ b: [UInt8]) -> [Double] {
    func le(_ i: Int, _ n: Int) -> UInt64 {
      var v: UInt64 = 0
      for k in 0..<n { v |= UInt64(b[i + k]) << (8 * UInt64(k)) }
      return v
    }
    func each(_ size: Int, _ f: (UInt64) -> Double) -> [Double] {
      stride(from: 0, to: b.count - size + 1, by: size).map { f(le($0, size)) }
    }
    switch type {
    case MATType.int8: return b.map { Double(Int8(bitPattern: $0)) }
    case MATType.uint8, MATType.utf8: return b.map { Double($0) }
    case MATType.int16: return each(2) { Double(Int16(truncatingIfNeeded: $0)) }
    case MATType.uint16, MATType.utf16: return each(2) { Double($0) }
    case MATType.int32: return each(4) { Double(Int32(truncatingIfNeeded: $0)) }
    case MATType.uint32, MATType.utf32: return each(4) { Double($0) }
    case MATType.single:
      return each(4) { Double(Float(bitPattern: UInt32(truncatingIfNeeded: $0))) }
    case MATType.double: return each(8) { Double(bitPattern: $0) }
    case MATType.int64: return each(8) { Double(Int64(bitPattern: $0)) }
    case MATType.uint64: return each(8) { Double($0) }
    default: return []
    }
  }
}
