// Copyright © 2026 the ssl authors.

/// Bounds-checked little-endian reads of zip records (see ``ZipArchive``).
struct ZipFieldReader {
  let bytes: UnsafeRawBufferPointer

  private static let endSignature: UInt32 = 0x0605_4B50
  private static let zip64LocatorSignature: UInt32 = 0x0706_4B50
  private static let zip64EndSignature: UInt32 = 0x0606_4B50
  private static let centralSignature: UInt32 = 0x0201_4B50
  private static let localSignature: UInt32 = 0x0403_4B50

  // MARK: - Fields

  func check(_ what: String, _ offset: Int, _ length: Int) throws(CheckpointError) {
    guard offset >= 0, length >= 0, offset <= bytes.count, length <= bytes.count - offset else {
      throw .zipOutOfBounds(structure: what, offset: offset, length: length, fileSize: bytes.count)
    }
  }

  func u16(_ offset: Int) -> Int { Int(bytes[offset]) | Int(bytes[offset + 1]) << 8 }

  func u32(_ offset: Int) -> UInt32 {
    UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16
      | UInt32(bytes[offset + 3]) << 24
  }

  func u64(_ offset: Int) -> UInt64 { UInt64(u32(offset)) | UInt64(u32(offset + 4)) << 32 }

  /// A 64-bit size or offset as `Int`, refusing values no file could hold.
  func size(_ value: UInt64, _ what: String, _ at: Int) throws(CheckpointError) -> Int {
    guard value <= UInt64(Int.max / 2) else { throw .zipMalformed(structure: what, offset: at) }
    return Int(value)
  }

  // MARK: - End of central directory

  /// The central directory's offset and entry count, from the end record (ZIP64 if needed).
  mutating func centralDirectoryLocation() throws(CheckpointError) -> (offset: Int, count: Int) {
    // The end record is 22 bytes plus a comment of at most 65,535 bytes.
    guard bytes.count >= 22 else { throw .zipEndRecordMissing(fileSize: bytes.count) }
    var end = -1
    var at = bytes.count - 22
    let lowest = max(0, bytes.count - 22 - 65_535)
    while at >= lowest {
      if u32(at) == Self.endSignature {
        end = at
        break
      }
      at -= 1
    }
    guard end >= 0 else { throw .zipEndRecordMissing(fileSize: bytes.count) }
    var count = u16(end + 10)
    var offset = Int(u32(end + 16))
    if count == 0xFFFF || offset == 0xFFFF_FFFF {
      let locator = end - 20
      try check("ZIP64 end locator", locator, 20)
      guard u32(locator) == Self.zip64LocatorSignature else {
        throw .zipMalformed(structure: "ZIP64 end locator", offset: locator)
      }
      let record = try size(u64(locator + 8), "ZIP64 end record offset", locator)
      try check("ZIP64 end record", record, 56)
      guard u32(record) == Self.zip64EndSignature else {
        throw .zipMalformed(structure: "ZIP64 end record", offset: record)
      }
      count = try size(u64(record + 32), "ZIP64 entry count", record)
      offset = try size(u64(record + 48), "ZIP64 directory offset", record)
    }
    // Each central entry is at least 46 bytes: a count the file cannot hold is a lie.
    guard count <= (bytes.count - min(offset, bytes.count)) / 46 else {
      throw .zipOutOfBounds(
        structure: "central directory (\(count) entries)", offset: offset,
        length: count.multipliedReportingOverflow(by: 46).overflow ? Int.max : count * 46,
        fileSize: bytes.count)
    }
    return (offset, count)
  }

  // MARK: - Entries

  /// One central-directory entry at `offset`, and where the next one starts.
  mutating func centralEntry(at offset: Int) throws(CheckpointError) -> (ZipArchive.Entry, Int) {
    try check("central directory entry", offset, 46)
    guard u32(offset) == Self.centralSignature else {
      throw .zipMalformed(structure: "central directory entry", offset: offset)
    }
    let nameLength = u16(offset + 28)
    let extraLength = u16(offset + 30)
    let commentLength = u16(offset + 32)
    try check("central directory entry name", offset + 46, nameLength + extraLength + commentLength)
    let nameBytes = UnsafeRawBufferPointer(
      rebasing: bytes[(offset + 46)..<(offset + 46 + nameLength)])
    let name = String(decoding: nameBytes, as: UTF8.self)
    var compressed = UInt64(u32(offset + 20))
    var uncompressed = UInt64(u32(offset + 24))
    var local = UInt64(u32(offset + 42))
    // ZIP64 extended information (header 0x0001): only the fields whose 32-bit value is
    // saturated are present, in the order uncompressed, compressed, local offset.
    var extra = offset + 46 + nameLength
    let extraEnd = extra + extraLength
    while extra + 4 <= extraEnd {
      let id = u16(extra)
      let length = u16(extra + 2)
      guard extra + 4 + length <= extraEnd else {
        throw .zipMalformed(structure: "extra field of \(name)", offset: extra)
      }
      if id == 1 {
        var field = extra + 4
        let fieldEnd = field + length
        func next() throws(CheckpointError) -> UInt64 {
          guard field + 8 <= fieldEnd else {
            throw .zipMalformed(structure: "ZIP64 field of \(name)", offset: field)
          }
          defer { field += 8 }
          return u64(field)
        }
        if uncompressed == 0xFFFF_FFFF { uncompressed = try next() }
        if compressed == 0xFFFF_FFFF { compressed = try next() }
        if local == 0xFFFF_FFFF { local = try next() }
      }
      extra += 4 + length
    }
    let entry = ZipArchive.Entry(
      name: name, method: u16(offset + 10), flags: u16(offset + 8), crc32: u32(offset + 16),
      compressedSize: try size(compressed, "compressed size of \(name)", offset),
      uncompressedSize: try size(uncompressed, "uncompressed size of \(name)", offset),
      localHeaderOffset: try size(local, "local header offset of \(name)", offset))
    return (entry, extraEnd + commentLength)
  }

  /// The data range of `entry`, read from its local header.
  mutating func localDataRange(of entry: ZipArchive.Entry) throws(CheckpointError) -> Range<Int> {
    let at = entry.localHeaderOffset
    try check("local header of \(entry.name)", at, 30)
    guard u32(at) == Self.localSignature else {
      throw .zipMalformed(structure: "local header of \(entry.name)", offset: at)
    }
    let start = at + 30 + u16(at + 26) + u16(at + 28)
    try check("data of \(entry.name)", start, entry.compressedSize)
    return start..<(start + entry.compressedSize)
  }
}
