// Copyright © 2026 the ssl authors.
//
// The malicious-checkpoint suite (issue #9) beyond the cases in PickleMachineTests and
// PthReaderTests: each hostile input gives a typed error, and no claim in it is allocated.
// Files come from scripts/fixtures/make_hostile_checkpoints.py (bytes only, never unpickled);
// the rest are built here byte by byte.
//
// Decisions: torch storages shared by overlapping views are legal (torch writes them for
// every view of one tensor) and load; a view reaching past its storage is not. In
// safetensors, overlapping `data_offsets` are illegal (the format requires disjoint ranges).

import Foundation
import Testing

@testable import Runtime

@Suite(.serialized) struct HostileCheckpointTests {
  /// The process's peak resident set in MB (Linux `ru_maxrss` is in KB). Claims below are
  /// ≥ 4 GB, so a peak that grows by less than 256 MB shows none was allocated.
  static func peakResidentMB() -> Int {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return usage.ru_maxrss / 1024
  }

  func pickle(_ bytes: [UInt8]) throws(PickleError) -> PickleObject {
    let source = CheckpointBytes(bytes)
    var machine = PickleMachine(bytes: source.bytes, limits: CheckpointLimits())
    return try withExtendedLifetime(source) { () throws(PickleError) -> PickleObject in
      try machine.run()
    }
  }

  /// A safetensors image whose 8-byte length field may lie.
  func safetensors(header: String, length: UInt64? = nil, data: Int) -> Data {
    var bytes = Data()
    let field = length ?? UInt64(header.utf8.count)
    withUnsafeBytes(of: field.littleEndian) { bytes.append(contentsOf: $0) }
    bytes.append(contentsOf: Array(header.utf8))
    bytes.append(contentsOf: [UInt8](repeating: 0, count: data))
    return bytes
  }

  // MARK: - torch archives

  @Test func wrongByteOrderRecord() {
    #expect(throws: CheckpointError.byteOrderInvalid("middle")) {
      try PthReader(contentsOf: PthFixtures.url("pth_byteorder_middle.pth"))
    }
  }

  @Test func nestedGiganticClaims() throws {
    let before = Self.peakResidentMB()
    let reader = try PthReader(contentsOf: PthFixtures.url("pth_nested_claims.pth"))
    guard case .list(let inner)? = reader.root["outer"]?["inner"],
      case .tensor(let w)? = inner.first?["w"], case .tensor(let v)? = reader.root["v"]
    else {
      Issue.record("unexpected structure \(reader.root.kindName)")
      return
    }
    #expect(throws: CheckpointError.storageTooSmall(key: "0", neededBytes: .max, availableBytes: 16)) {
      try reader.tensor(w, path: "outer.inner.0.w")
    }
    #expect(throws: CheckpointError.self) { try reader.tensor(v, path: "v") }
    do {
      _ = try reader.tensor(v, path: "v")
    } catch {
      guard case .invalidShape(path: "v", shape: _, reason: _) = error else {
        Issue.record("v: \(error)")
        return
      }
    }
    #expect(Self.peakResidentMB() - before < 256)
  }

  @Test func overlappingViewsOfOneStorageAreLegal() throws {
    let tensors = try PthFixtures.readAll("pth_shared_storage.pth")
    #expect(tensors["a"]?.scalars == [0, 1, 2, 3, 4, 5])
    #expect(tensors["b"]?.scalars == [3, 4, 5, 6, 7, 8])
  }

  // MARK: - pickles

  @Test func selfReferentialMemo() {
    // EMPTY_DICT BINPUT 0, 'self', BINGET 0, SETITEM: d["self"] = d.
    let dict: [UInt8] =
      [0x80, 0x02, 0x7D, 0x71, 0x00, 0x58, 4, 0, 0, 0] + Array("self".utf8)
      + [0x68, 0x00, 0x73, 0x2E]
    #expect(throws: PickleError.recursiveStructure) { try pickle(dict) }
    // A list appending itself through the memo, wrapped in a tuple.
    let list: [UInt8] = [0x80, 0x02, 0x5D, 0x71, 0x00, 0x68, 0x00, 0x61, 0x85, 0x2E]
    #expect(throws: PickleError.recursiveStructure) { try pickle(list) }
  }

  @Test func claimsNestedInContainers() {
    let before = Self.peakResidentMB()
    // ( ] ( BINBYTES8 2^62 — a huge byte string three containers deep.
    let bytes8: [UInt8] = [0x80, 0x04, 0x28, 0x5D, 0x28, 0x8E, 0, 0, 0, 0, 0, 0, 0, 0x40, 0x2E]
    #expect(throws: PickleError.truncated(offset: 5)) { try pickle(bytes8) }
    // A dict whose key is a 4 GB BINUNICODE claim.
    let unicode: [UInt8] = [0x80, 0x02, 0x7D, 0x58, 0xFF, 0xFF, 0xFF, 0xFF, 0x4E, 0x73, 0x2E]
    #expect(throws: PickleError.truncated(offset: 3)) { try pickle(unicode) }
    #expect(Self.peakResidentMB() - before < 256)
  }

  @Test func deepNestingIsBounded() {
    // 100,000 nested EMPTY_DICT/SETITEM levels (key None): the nesting limit stops it
    // before any recursion could overflow the stack.
    var nested: [UInt8] = [0x80, 0x02]
    for _ in 0..<100_000 { nested += [0x7D, 0x4E] }
    nested += [0x7D] + [UInt8](repeating: 0x73, count: 100_000) + [0x2E]
    #expect(throws: PickleError.limitExceeded(.nesting, limit: 200)) { try pickle(nested) }
    // Two million MARKs (8 bytes each, so memory stays linear in the file): STOP finds no value.
    let marks: [UInt8] = [0x80, 0x02] + [UInt8](repeating: 0x28, count: 2_000_000) + [0x2E]
    #expect(throws: PickleError.stackUnderflow(.stop, offset: 2_000_002)) { try pickle(marks) }
  }

  // MARK: - safetensors

  @Test func safetensorsOffsetsAndHeaderLies() {
    let overlap =
      #"{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"#
      + #""b":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}}"#
    #expect(throws: SafeTensorsError.overlappingTensors(first: "a", second: "b")) {
      try SafeTensorsFile(data: safetensors(header: overlap, data: 12))
    }
    let backwards = #"{"a":{"dtype":"F32","shape":[2],"data_offsets":[8,0]}}"#
    #expect(throws: SafeTensorsError.self) {
      try SafeTensorsFile(data: safetensors(header: backwards, data: 8))
    }
    let past = #"{"a":{"dtype":"F32","shape":[4],"data_offsets":[4,20]}}"#
    #expect(throws: SafeTensorsError.offsetsOutOfBounds(tensor: "a", begin: 4, end: 20, dataSize: 16)) {
      try SafeTensorsFile(data: safetensors(header: past, data: 16))
    }
    let ok = #"{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}"#
    let before = Self.peakResidentMB()
    // Header length UInt64.max (and 2^62) over a 64-byte file: refused before reading.
    #expect(throws: SafeTensorsError.headerOutOfBounds(length: .max, fileSize: 8 + ok.utf8.count + 4)) {
      try SafeTensorsFile(data: safetensors(header: ok, length: .max, data: 4))
    }
    #expect(throws: SafeTensorsError.headerOutOfBounds(length: 1 << 62, fileSize: 8 + ok.utf8.count + 4)) {
      try SafeTensorsFile(data: safetensors(header: ok, length: 1 << 62, data: 4))
    }
    #expect(Self.peakResidentMB() - before < 256)
    // A length shorter than the JSON cuts it: not JSON.
    #expect(throws: SafeTensorsError.self) {
      try SafeTensorsFile(data: safetensors(header: ok, length: 10, data: 4))
    }
  }
}
