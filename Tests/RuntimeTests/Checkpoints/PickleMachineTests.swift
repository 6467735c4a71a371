// Copyright © 2026 the ssl authors.
//
// Streams are written by hand or by CPython's pickle (see the comments); hostile ones also
// come as files from scripts/fixtures/make_pth_fixtures.py.

import Foundation
import Testing

@testable import Runtime

@Suite struct PickleMachineTests {
  func run(_ bytes: [UInt8], limits: CheckpointLimits = CheckpointLimits()) throws(PickleError)
    -> PickleObject
  {
    let source = CheckpointBytes(bytes)
    var machine = PickleMachine(bytes: source.bytes, limits: limits)
    return try withExtendedLifetime(source) { () throws(PickleError) -> PickleObject in
      try machine.run()
    }
  }

  func run(file: String) throws -> PickleObject {
    try run(Array(try Data(contentsOf: PthFixtures.url(file))))
  }

  @Test func protocol2Containers() throws {
    // pickle.dumps({'a': [1, -2, 300, 70000], 'b': (True, None, 1.5), 'c': b'xy'}, 2)
    let bytes: [UInt8] = [
      0x80, 0x02, 0x7D, 0x71, 0x00, 0x28, 0x58, 0x01, 0x00, 0x00, 0x00, 0x61, 0x71, 0x01, 0x5D,
      0x71, 0x02, 0x28, 0x4B, 0x01, 0x4A, 0xFE, 0xFF, 0xFF, 0xFF, 0x4D, 0x2C, 0x01, 0x4A, 0x70,
      0x11, 0x01, 0x00, 0x65, 0x58, 0x01, 0x00, 0x00, 0x00, 0x62, 0x71, 0x03, 0x88, 0x4E, 0x47,
      0x3F, 0xF8, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x87, 0x71, 0x04, 0x58, 0x01, 0x00, 0x00,
      0x00, 0x63, 0x71, 0x05, 0x43, 0x02, 0x78, 0x79, 0x71, 0x06, 0x75, 0x2E,
    ]
    let value = try run(bytes)
    #expect(value["a"] == .list([.int(1), .int(-2), .int(300), .int(70000)]))
    #expect(value["b"] == .tuple([.bool(true), .none, .float(1.5)]))
    #expect(value["c"] == .bytes([0x78, 0x79]))
  }

  @Test func protocol0Text() throws {
    // pickle.dumps({'k': [1, 'x', 2.5]}, 0) in CPython 3 (text opcodes, PUT/GET).
    let text = "(dp0\nVk\np1\n(lp2\nI1\naVx\np3\naF2.5\nas."
    let value = try run(Array(text.utf8))
    #expect(value["k"] == .list([.int(1), .string("x"), .float(2.5)]))
  }

  @Test func longIntegersAndMemo() throws {
    // LONG1 of 10 bytes (torch's legacy magic), then MEMOIZE/BINGET sharing a list.
    let magic: [UInt8] = [0x80, 0x02, 0x8A, 0x0A] + PthReader.legacyMagic + [0x2E]
    #expect(try run(magic) == .bigInt(PthReader.legacyMagic))
    let negative: [UInt8] = [0x80, 0x02, 0x8A, 0x02, 0x00, 0xFF, 0x2E]  // -256
    #expect(try run(negative) == .int(-256))
    // [l, l] where l = [] shared through the memo (protocol 4 MEMOIZE).
    let shared: [UInt8] = [0x80, 0x04, 0x5D, 0x94, 0x68, 0x00, 0x86, 0x2E]
    #expect(try run(shared) == .tuple([.list([]), .list([])]))
  }

  @Test func orderedDictAndNamespaceAreInertData() throws {
    // collections.OrderedDict([('a', 1)]) and argparse.Namespace(lr=0.1) (protocol 2).
    var bytes: [UInt8] = [0x80, 0x02, 0x5D, 0x28]
    bytes += Array("ccollections\nOrderedDict\n)R".utf8) + [0x58, 1, 0, 0, 0, 0x61, 0x4B, 1, 0x73]
    bytes += Array("cargparse\nNamespace\n)".utf8) + [0x81, 0x7D]
    bytes +=
      [0x58, 2, 0, 0, 0] + Array("lr".utf8) + [
        0x47, 0x3F, 0xB9, 0x99, 0x99, 0x99, 0x99, 0x99, 0x9A, 0x73, 0x62,
      ]
    bytes += [0x65, 0x2E]
    guard case .list(let items) = try run(bytes), items.count == 2 else {
      Issue.record("not a two-item list")
      return
    }
    #expect(items[0]["a"] == .int(1))
    #expect(items[1]["lr"] == .float(0.1))
  }

  @Test func optimizerStatesAreInertRecords() throws {
    // optax._src.transform.ScaleState() and BYOL's ScaleByLarsState(mu=1), protocol 2 NEWOBJ.
    var bytes: [UInt8] = [0x80, 0x02]
    bytes += Array("coptax._src.transform\nScaleState\n)".utf8) + [0x81]
    bytes += Array("cbyol.utils.optimizers\nScaleByLarsState\n".utf8) + [0x4B, 1, 0x85, 0x81]
    bytes += [0x86, 0x2E]
    let value = try run(bytes)
    guard case .tuple(let items) = value, items.count == 2,
      case .object(.record("byol.utils.optimizers.ScaleByLarsState", []), let args, nil) = items[1]
    else {
      Issue.record("unexpected \(value)")
      return
    }
    #expect(args == [.int(1)])
  }

  // MARK: - Hostile

  @Test func osSystemIsNeverCalled() throws {
    #expect(throws: PickleError.forbiddenGlobal(module: "posix", name: "system")) {
      try run(file: "pickle_os_system.pkl")
    }
    #expect(throws: PickleError.forbiddenGlobal(module: "builtins", name: "eval")) {
      try run(file: "pickle_unknown_global.pkl")
    }
    // STACK_GLOBAL spells the name with strings; the whitelist applies the same way.
    var bytes: [UInt8] = [0x80, 0x04, 0x8C, 0x02] + Array("os".utf8) + [0x8C, 0x06]
    bytes += Array("system".utf8) + [0x93, 0x2E]
    #expect(throws: PickleError.forbiddenGlobal(module: "os", name: "system")) { try run(bytes) }
  }

  @Test func sharedContainersCountAsCopies() throws {
    // a = [1, 2, 3]; pickle.dumps([a, a, a, a], 2): one list shared four times through the memo.
    let shared: [UInt8] = [
      0x80, 0x02, 0x5D, 0x71, 0x00, 0x28, 0x5D, 0x71, 0x01, 0x28, 0x4B, 0x01, 0x4B, 0x02, 0x4B,
      0x03, 0x65, 0x68, 0x01, 0x68, 0x01, 0x68, 0x01, 0x65, 0x2E,
    ]
    let a = PickleObject.list([.int(1), .int(2), .int(3)])
    #expect(try run(shared) == .list([a, a, a, a]))
    // Counted by hand: running makes 2 lists and appends 3 + 4 items (9); copying out counts
    // the outer list and each of the four uses with its three items, 1 + 4 × 4 = 17.
    var limits = CheckpointLimits()
    limits.maxObjects = 26
    #expect(try run(shared, limits: limits) == .list([a, a, a, a]))
    limits.maxObjects = 25
    #expect(throws: PickleError.limitExceeded(.objects, limit: 25)) {
      try run(shared, limits: limits)
    }

    // x = [[[7]]]; pickle.dumps([x, [[[[x]]]]], 2): x is used at depth 1 and again at depth 5,
    // where its 7 sits at depth 8.
    let deep: [UInt8] = [
      0x80, 0x02, 0x5D, 0x71, 0x00, 0x28, 0x5D, 0x71, 0x01, 0x5D, 0x71, 0x02, 0x5D, 0x71, 0x03,
      0x4B, 0x07, 0x61, 0x61, 0x61, 0x5D, 0x71, 0x04, 0x5D, 0x71, 0x05, 0x5D, 0x71, 0x06, 0x5D,
      0x71, 0x07, 0x68, 0x01, 0x61, 0x61, 0x61, 0x61, 0x65, 0x2E,
    ]
    limits = CheckpointLimits()
    limits.maxNesting = 8
    let x = PickleObject.list([.list([.list([.int(7)])])])
    #expect(try run(deep, limits: limits) == .list([x, .list([.list([.list([.list([x])])])])]))
    limits.maxNesting = 7
    #expect(throws: PickleError.limitExceeded(.nesting, limit: 7)) {
      try run(deep, limits: limits)
    }

    // t = (1, 2); pickle.dumps([t, t, t], 2): a tuple shared through the memo.
    let tuples: [UInt8] = [
      0x80, 0x02, 0x5D, 0x71, 0x00, 0x28, 0x4B, 0x01, 0x4B, 0x02, 0x86, 0x71, 0x01, 0x68, 0x01,
      0x68, 0x01, 0x65, 0x2E,
    ]
    let t = PickleObject.tuple([.int(1), .int(2)])
    #expect(try run(tuples) == .list([t, t, t]))
    // t = ("lol",) * 10, then nine times t = (t,) * 10: 10^10 tuple nodes, refused at the
    // default limit without copying them out.
    let tupleLaughs: [UInt8] = [
      0x80, 0x02, 0x28, 0x28, 0x28, 0x28, 0x28, 0x28, 0x28, 0x28, 0x28, 0x28, 0x58, 0x03, 0x00,
      0x00, 0x00, 0x6C, 0x6F, 0x6C, 0x71, 0x00, 0x68, 0x00, 0x68, 0x00, 0x68, 0x00, 0x68, 0x00,
      0x68, 0x00, 0x68, 0x00, 0x68, 0x00, 0x68, 0x00, 0x68, 0x00, 0x74, 0x71, 0x01, 0x68, 0x01,
      0x68, 0x01, 0x68, 0x01, 0x68, 0x01, 0x68, 0x01, 0x68, 0x01, 0x68, 0x01, 0x68, 0x01, 0x68,
      0x01, 0x74, 0x71, 0x02, 0x68, 0x02, 0x68, 0x02, 0x68, 0x02, 0x68, 0x02, 0x68, 0x02, 0x68,
      0x02, 0x68, 0x02, 0x68, 0x02, 0x68, 0x02, 0x74, 0x71, 0x03, 0x68, 0x03, 0x68, 0x03, 0x68,
      0x03, 0x68, 0x03, 0x68, 0x03, 0x68, 0x03, 0x68, 0x03, 0x68, 0x03, 0x68, 0x03, 0x74, 0x71,
      0x04, 0x68, 0x04, 0x68, 0x04, 0x68, 0x04, 0x68, 0x04, 0x68, 0x04, 0x68, 0x04, 0x68, 0x04,
      0x68, 0x04, 0x68, 0x04, 0x74, 0x71, 0x05, 0x68, 0x05, 0x68, 0x05, 0x68, 0x05, 0x68, 0x05,
      0x68, 0x05, 0x68, 0x05, 0x68, 0x05, 0x68, 0x05, 0x68, 0x05, 0x74, 0x71, 0x06, 0x68, 0x06,
      0x68, 0x06, 0x68, 0x06, 0x68, 0x06, 0x68, 0x06, 0x68, 0x06, 0x68, 0x06, 0x68, 0x06, 0x68,
      0x06, 0x74, 0x71, 0x07, 0x68, 0x07, 0x68, 0x07, 0x68, 0x07, 0x68, 0x07, 0x68, 0x07, 0x68,
      0x07, 0x68, 0x07, 0x68, 0x07, 0x68, 0x07, 0x74, 0x71, 0x08, 0x68, 0x08, 0x68, 0x08, 0x68,
      0x08, 0x68, 0x08, 0x68, 0x08, 0x68, 0x08, 0x68, 0x08, 0x68, 0x08, 0x68, 0x08, 0x74, 0x71,
      0x09, 0x68, 0x09, 0x68, 0x09, 0x68, 0x09, 0x68, 0x09, 0x68, 0x09, 0x68, 0x09, 0x68, 0x09,
      0x68, 0x09, 0x68, 0x09, 0x74, 0x71, 0x0A, 0x2E,
    ]
    #expect(throws: PickleError.limitExceeded(.objects, limit: CheckpointLimits().maxObjects)) {
      try run(tupleLaughs)
    }
  }

  @Test func recursiveAndExplodingStructures() throws {
    #expect(throws: PickleError.recursiveStructure) { try run(file: "pickle_recursive.pkl") }
    // 10^10 nodes if copied out; stops at the object limit (lowered to keep the test fast).
    var limits = CheckpointLimits()
    limits.maxObjects = 1_000_000
    let laughs = Array(try Data(contentsOf: PthFixtures.url("pickle_laughs.pkl")))
    #expect(throws: PickleError.limitExceeded(.objects, limit: 1_000_000)) {
      try run(laughs, limits: limits)
    }
    // 1,000 lists nested by APPEND.
    let deep: [UInt8] =
      [0x80, 0x02] + [UInt8](repeating: 0x5D, count: 1000)
      + [UInt8](repeating: 0x61, count: 999) + [0x2E]
    #expect(throws: PickleError.limitExceeded(.nesting, limit: 200)) { try run(deep) }
    // A million TUPLE1s: stopped while building, so the chain is never deep enough to
    // overflow the stack when released.
    let tuples: [UInt8] = [0x80, 0x02, 0x4E] + [UInt8](repeating: 0x85, count: 1_000_000) + [0x2E]
    #expect(throws: PickleError.limitExceeded(.nesting, limit: 200)) { try run(tuples) }
  }

  @Test func claimedLengthsAreCheckedBeforeAllocating() {
    // BINBYTES8 claiming 2^60 bytes, BINUNICODE claiming 4 GB, LONG4 claiming 2 GB.
    let huge: [UInt8] = [0x80, 0x04, 0x8E, 0, 0, 0, 0, 0, 0, 0, 0x10, 0x2E]
    #expect(throws: PickleError.truncated(offset: 2)) { try run(huge) }
    let unicode: [UInt8] = [0x80, 0x02, 0x58, 0xFF, 0xFF, 0xFF, 0xFF, 0x61]
    #expect(throws: PickleError.truncated(offset: 2)) { try run(unicode) }
    let long4: [UInt8] = [0x80, 0x02, 0x8B, 0xFF, 0xFF, 0xFF, 0x7F]
    #expect(throws: PickleError.truncated(offset: 2)) { try run(long4) }
  }

  @Test func malformedStreams() {
    #expect(throws: PickleError.truncated(offset: 3)) { try run([0x80, 0x02, 0x4E]) }
    #expect(throws: PickleError.unknownOpcode(0xFF, offset: 2)) { try run([0x80, 0x02, 0xFF]) }
    #expect(throws: PickleError.unsupportedProtocol(9)) { try run([0x80, 0x09, 0x4E, 0x2E]) }
    #expect(throws: PickleError.stackUnderflow(.stop, offset: 2)) { try run([0x80, 0x02, 0x2E]) }
    #expect(throws: PickleError.memoMissing(index: 0xFFFF_FFFF, offset: 2)) {
      try run([0x80, 0x02, 0x6A, 0xFF, 0xFF, 0xFF, 0xFF, 0x2E])
    }
    #expect(throws: PickleError.markMissing(.tuple, offset: 2)) {
      try run([0x80, 0x02, 0x74, 0x2E])
    }
    #expect(throws: PickleError.unsupportedOpcode(.inst, offset: 0)) {
      try run(Array("ios\nsystem\n.".utf8))
    }
    // REDUCE of a storage type: whitelisted as a value, never as a function.
    let call = Array("\u{80}\u{02}ctorch\nFloatStorage\n)R.".unicodeScalars.map { UInt8($0.value) })
    #expect(throws: PickleError.notCallable("torch storage of float32")) { try run(call) }
  }

  @Test func limitsAreConfigurable() {
    var limits = CheckpointLimits()
    limits.maxStackDepth = 3
    let four: [UInt8] = [0x80, 0x02, 0x4E, 0x4E, 0x4E, 0x4E, 0x2E]
    #expect(throws: PickleError.limitExceeded(.stackDepth, limit: 3)) {
      try run(four, limits: limits)
    }
  }

  @Test func everyOpcodeIsNamed() {
    #expect(PickleOpcode.allCases.count == 68)
    #expect(PickleOpcode(rawValue: 0x95) == .frame)
  }
}
