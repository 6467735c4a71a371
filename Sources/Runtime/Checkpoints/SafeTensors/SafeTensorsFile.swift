// Copyright © 2026 the ssl authors.
//
// SafeTensorsFile.swift — reading the safetensors format (huggingface/safetensors):
//
//   [8 bytes: header length L, little-endian u64][L bytes: JSON header][data section]
//   header = { "<name>": {"dtype": "F32", "shape": [..], "data_offsets": [begin, end]}, …,
//              "__metadata__": {string: string} (optional) }
//
// The file is memory-mapped; the header is parsed and EVERY entry is checked (dtype in the
// table, shape non-negative, 0 ≤ begin ≤ end ≤ data size, end − begin = elements × dtype size,
// all without overflow) before any tensor is allocated. Tensors are then converted to float32
// one by one on demand, so reading a 100 MB checkpoint maps it once and copies each tensor once.
// (tinygrad `safe_load_metadata`, candle `MmapedSafetensors`.)

import Foundation

/// A memory-mapped safetensors file whose header has been parsed and bounds-checked.
public struct SafeTensorsFile: @unchecked Sendable {
  /// The entries in data order (the order the writer laid them out).
  public let entries: [SafeTensorsEntry]
  /// The optional `__metadata__` string map.
  public let metadata: [String: String]

  /// The whole file (mapped), immutable; `@unchecked Sendable` because `Data` is only read.
  private let bytes: Data
  /// Where the data section starts: 8 + header length.
  private let dataStart: Int
  private let index: [String: Int]

  /// Maps and checks the file at `url`.
  ///
  /// - Parameter url: A local file.
  /// - Throws: ``SafeTensorsError`` for an unreadable file, a bad header, or any entry whose
  ///   dtype, shape or offsets do not fit.
  public init(contentsOf url: URL) throws(SafeTensorsError) {
    let data: Data
    do {
      data = try Data(contentsOf: url, options: .alwaysMapped)
    } catch {
      throw .unreadable(path: url.path, reason: error.localizedDescription)
    }
    try self.init(data: data)
  }

  /// Parses and checks a safetensors image already in memory.
  ///
  /// - Parameter data: The file's bytes.
  /// - Throws: ``SafeTensorsError``.
  public init(data: Data) throws(SafeTensorsError) {
    guard data.count >= 8 else { throw .truncatedFile(size: data.count) }
    let length = data.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }.littleEndian
    guard length <= UInt64(data.count - 8) else {
      throw .headerOutOfBounds(length: length, fileSize: data.count)
    }
    let start = data.startIndex
    let headerEnd = 8 + Int(length)
    let json: Any
    do {
      json = try JSONSerialization.jsonObject(with: data[(start + 8)..<(start + headerEnd)])
    } catch {
      throw .invalidHeader(reason: "not JSON (\(error.localizedDescription))")
    }
    guard let header = json as? [String: Any] else {
      throw .invalidHeader(reason: "not a JSON object")
    }
    let dataSize = data.count - headerEnd
    var entries: [SafeTensorsEntry] = []
    var metadata: [String: String] = [:]
    for (name, value) in header {
      if name == "__metadata__" {
        guard let map = value as? [String: Any] else {
          throw .invalidHeader(reason: "__metadata__ is not an object")
        }
        for (key, item) in map { metadata[key] = (item as? String) ?? "\(item)" }
        continue
      }
      entries.append(try Self.entry(name: name, value: value, dataSize: dataSize))
    }
    entries.sort { ($0.byteRange.lowerBound, $0.name) < ($1.byteRange.lowerBound, $1.name) }
    // The format forbids tensors sharing bytes (unlike torch storages, where views are normal):
    // an overlap is a corrupt or crafted header. Gaps are tolerated (nothing reads them).
    for (previous, next) in zip(entries, entries.dropFirst())
    where next.byteRange.lowerBound < previous.byteRange.upperBound {
      throw .overlappingTensors(first: previous.name, second: next.name)
    }
    self.entries = entries
    self.metadata = metadata
    self.bytes = data
    self.dataStart = headerEnd
    var index: [String: Int] = [:]
    for (position, entry) in entries.enumerated() { index[entry.name] = position }
    self.index = index
  }

  /// The tensor names in data order.
  public var names: [String] { entries.map(\.name) }

  /// The header entry for `name`, or `nil`.
  public func entry(named name: String) -> SafeTensorsEntry? {
    index[name].map { entries[$0] }
  }

  /// Converts one tensor to float32.
  ///
  /// - Parameter name: The tensor's name.
  /// - Returns: A contiguous tensor of the entry's shape.
  /// - Throws: ``SafeTensorsError/missingTensor(name:)``.
  public func tensor(named name: String) throws(SafeTensorsError) -> Tensor {
    guard let entry = entry(named: name) else { throw .missingTensor(name: name) }
    return tensor(entry)
  }

  /// Every tensor, converted to float32, in data order.
  public func stateDict() -> StateDict {
    var result = StateDict()
    for entry in entries { result[entry.name] = tensor(entry) }
    return result
  }

  // MARK: - Internals

  private func tensor(_ entry: SafeTensorsEntry) -> Tensor {
    bytes.withUnsafeBytes { raw in
      Tensor(shape: entry.shape) { out in
        guard let source = raw.baseAddress, let destination = out.baseAddress else { return }
        entry.dtype.convert(
          source + dataStart + entry.byteRange.lowerBound, count: entry.count,
          into: destination)
      }
    }
  }

  /// Validates one header entry against the data section's size.
  private static func entry(
    name: String, value: Any, dataSize: Int
  ) throws(SafeTensorsError) -> SafeTensorsEntry {
    guard let fields = value as? [String: Any] else {
      throw .invalidEntry(tensor: name, reason: "entry is not an object")
    }
    guard let dtypeName = fields["dtype"] as? String else {
      throw .invalidEntry(tensor: name, reason: "missing dtype")
    }
    guard let dtype = SafeTensorsDType(rawValue: dtypeName) else {
      throw .unsupportedDType(tensor: name, dtype: dtypeName)
    }
    guard let shape = integers(fields["shape"]), shape.allSatisfy({ $0 >= 0 }) else {
      throw .invalidEntry(tensor: name, reason: "shape is not a list of non-negative integers")
    }
    guard let offsets = integers(fields["data_offsets"]), offsets.count == 2 else {
      throw .invalidEntry(tensor: name, reason: "data_offsets is not [begin, end]")
    }
    let (begin, end) = (offsets[0], offsets[1])
    guard begin >= 0, begin <= end, end <= dataSize else {
      throw .offsetsOutOfBounds(tensor: name, begin: begin, end: end, dataSize: dataSize)
    }
    var expected = dtype.byteSize
    for dimension in shape {
      let (product, overflow) = expected.multipliedReportingOverflow(by: dimension)
      guard !overflow else {
        throw .invalidEntry(tensor: name, reason: "shape \(shape) overflows")
      }
      expected = product
    }
    guard expected == end - begin else {
      throw .byteCountMismatch(
        tensor: name, shape: shape, dtype: dtypeName, expected: expected, found: end - begin)
    }
    return SafeTensorsEntry(name: name, dtype: dtype, shape: shape, byteRange: begin..<end)
  }

  /// A JSON array of integers (JSONSerialization gives NSNumber), or `nil`.
  private static func integers(_ value: Any?) -> [Int]? {
    guard let array = value as? [Any] else { return nil }
    var result: [Int] = []
    for item in array {
      guard let number = item as? NSNumber, let exact = Int(exactly: number.doubleValue) else {
        return nil
      }
      result.append(exact)
    }
    return result
  }
}
