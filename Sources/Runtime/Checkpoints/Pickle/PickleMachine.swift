// Copyright © 2026 the ssl authors.
//
// PickleMachine.swift — a restricted pickle virtual machine (house rule 34b).
//
// It runs the opcodes of protocols 0–5 over a byte buffer and builds plain data. Globals are
// looked up in a closed whitelist (``PickleGlobal``) and given fixed data-only meanings; there
// is no `find_class`, no import and no call into anything a file names. Every length is
// checked against the bytes left before anything is allocated, stack/memo/object counts are
// bounded (``CheckpointLimits``), and self-containing containers are refused when the result
// is copied out. The main loop is here; calls and BUILD are in `PickleMachine+Calls.swift`,
// copying out in `PickleMachine+Materialize.swift`.

/// Runs one pickle and returns the value it builds.
package struct PickleMachine {
  let bytes: UnsafeRawBufferPointer
  let limits: CheckpointLimits
  /// The next byte to read; after ``run()``, the byte after `STOP`.
  package internal(set) var position: Int
  var stack: [PickleValue] = []
  var marks: [Int] = []
  var memo: [Int: PickleValue] = [:]
  var cells: [PickleCell] = []
  var objectCount = 0
  /// Containers already copied out (see `PickleMachine+Materialize.swift`).
  var materialized: [MaterializedKey: MaterializedCell] = [:]
  /// The deepest nesting the copy-out has reached.
  var deepestNesting = 0
  /// Every torch storage a persistent id named, by key (legacy files need their dtypes).
  package internal(set) var storages: [String: TorchStorageRef] = [:]
  /// Where the opcode being run starts, for errors.
  var opcodeOffset = 0

  /// Prepares to run the pickle that starts at `start`.
  ///
  /// - Parameters:
  ///   - bytes: A buffer the caller keeps alive while the machine runs.
  ///   - start: The offset of the pickle's first opcode.
  ///   - limits: Bounds on what the pickle may build.
  package init(bytes: UnsafeRawBufferPointer, start: Int = 0, limits: CheckpointLimits) {
    self.bytes = bytes
    self.position = start
    self.limits = limits
  }

  /// Runs opcodes until `STOP` and returns the top of the stack as plain data.
  ///
  /// - Throws: ``PickleError``.
  package mutating func run() throws(PickleError) -> PickleObject {
    while true {
      opcodeOffset = position
      let byte = try readByte()
      guard let op = PickleOpcode(rawValue: byte) else {
        throw .unknownOpcode(byte, offset: opcodeOffset)
      }
      if op == .stop {
        let top = try pop(op)
        return try materialize(top)
      }
      try execute(op)
    }
  }

  // MARK: - Opcodes

  private mutating func execute(_ op: PickleOpcode) throws(PickleError) {
    switch op {
    case .proto:
      let version = Int(try readByte())
      guard version <= 5 else { throw .unsupportedProtocol(version) }
    case .frame:
      let length = try readUInt(8)
      guard length <= bytes.count - position else { throw .truncated(offset: opcodeOffset) }
    case .stop: break  // handled by run()
    case .mark: marks.append(stack.count)
    case .pop:
      if let mark = marks.last, mark == stack.count { marks.removeLast() } else { _ = try pop(op) }
    case .popMark: _ = try popMark(op)
    case .dup: try push(try top(op))
    case .none: try push(.none)
    case .newTrue: try push(.bool(true))
    case .newFalse: try push(.bool(false))
    case .int: try push(try textInt(op))
    case .long: try push(try textInt(op))
    case .float:
      guard let value = Double(try readLine(op)) else {
        throw .invalidArgument(op, offset: opcodeOffset, reason: "not a float")
      }
      try push(.float(value))
    case .binInt: try push(.int(Int(Int32(truncatingIfNeeded: try readUInt(4)))))
    case .binInt1: try push(.int(try readUInt(1)))
    case .binInt2: try push(.int(try readUInt(2)))
    case .long1: try push(try longValue(count: try readUInt(1)))
    case .long4:
      let count = Int(Int32(truncatingIfNeeded: try readUInt(4)))
      guard count >= 0 else {
        throw .invalidArgument(op, offset: opcodeOffset, reason: "negative length")
      }
      try push(try longValue(count: count))
    case .binFloat:
      try push(.float(Double(bitPattern: UInt64(bigEndianBytes: try readBytes(8)))))
    case .string:
      try push(.string(Self.unquote(try readLine(op))))
    case .unicode: try push(.string(try readLine(op)))
    case .binString, .binUnicode: try push(try text(length: try readUInt(4), op))
    case .shortBinString, .shortBinUnicode: try push(try text(length: try readUInt(1), op))
    case .binUnicode8: try push(try text(length: try readUInt(8), op))
    case .binBytes: try push(.bytes(Array(try readBytes(try readUInt(4)))))
    case .shortBinBytes: try push(.bytes(Array(try readBytes(try readUInt(1)))))
    case .binBytes8, .byteArray8: try push(.bytes(Array(try readBytes(try readUInt(8)))))
    case .emptyTuple: try push(.tuple([], depth: 1))
    case .tuple: try push(try tuple(try popMark(op)))
    case .tuple1: try push(try tuple([try pop(op)]))
    case .tuple2:
      let b = try pop(op)
      let a = try pop(op)
      try push(try tuple([a, b]))
    case .tuple3:
      let c = try pop(op)
      let b = try pop(op)
      let a = try pop(op)
      try push(try tuple([a, b, c]))
    case .emptyList: try push(try newCell(.list([])))
    case .list: try push(try newCell(.list(try popMark(op))))
    case .emptyDict: try push(try newCell(.dict(PickleDictCell())))
    case .dict:
      let items = try popMark(op)
      try push(try newCell(.dict(PickleDictCell())))
      try setItems(items, op)
    case .emptySet: try push(try newCell(.set([])))
    case .frozenSet: try push(try newCell(.set(try popMark(op))))
    case .append: try appendItems([try pop(op)], op)
    case .appends: try appendItems(try popMark(op), op)
    case .addItems: try appendItems(try popMark(op), op)
    case .setItem:
      let value = try pop(op)
      let key = try pop(op)
      try setItems([key, value], op)
    case .setItems: try setItems(try popMark(op), op)
    case .get: try push(try memoValue(try lineIndex(op)))
    case .binGet: try push(try memoValue(try readUInt(1)))
    case .longBinGet: try push(try memoValue(try readUInt(4)))
    case .put: try memoize(at: try lineIndex(op), op)
    case .binPut: try memoize(at: try readUInt(1), op)
    case .longBinPut: try memoize(at: try readUInt(4), op)
    case .memoize: try memoize(at: memo.count, op)
    case .global:
      let module = try readLine(op)
      let name = try readLine(op)
      try push(.global(try Self.lookUp(module: module, name: name)))
    case .stackGlobal:
      guard case .string(let name) = try pop(op), case .string(let module) = try pop(op) else {
        throw .wrongType(
          op, offset: opcodeOffset, expected: "module and name strings", found: "other")
      }
      try push(.global(try Self.lookUp(module: module, name: name)))
    case .reduce:
      let args = try pop(op)
      let callable = try pop(op)
      try push(try call(callable, args: args))
    case .newObj:
      let args = try pop(op)
      let cls = try pop(op)
      try push(try call(cls, args: args))
    case .newObjEx:
      _ = try pop(op)  // keyword arguments: none of the whitelisted classes takes any
      let args = try pop(op)
      let cls = try pop(op)
      try push(try call(cls, args: args))
    case .build:
      let state = try pop(op)
      try build(try top(op), state: state)
    case .binPersID: try push(try persistentLoad(try pop(op)))
    case .persID, .inst, .obj, .ext1, .ext2, .ext4, .nextBuffer, .readonlyBuffer:
      throw .unsupportedOpcode(op, offset: opcodeOffset)
    }
  }

  // MARK: - Stack and memo

  mutating func push(_ value: PickleValue) throws(PickleError) {
    guard stack.count < limits.maxStackDepth else {
      throw .limitExceeded(.stackDepth, limit: limits.maxStackDepth)
    }
    stack.append(value)
  }

  mutating func pop(_ op: PickleOpcode) throws(PickleError) -> PickleValue {
    guard let last = stack.last, stack.count > (marks.last ?? 0) else {
      throw .stackUnderflow(op, offset: opcodeOffset)
    }
    stack.removeLast()
    return last
  }

  func top(_ op: PickleOpcode) throws(PickleError) -> PickleValue {
    guard let last = stack.last, stack.count > (marks.last ?? 0) else {
      throw .stackUnderflow(op, offset: opcodeOffset)
    }
    return last
  }

  mutating func popMark(_ op: PickleOpcode) throws(PickleError) -> [PickleValue] {
    guard let mark = marks.popLast() else { throw .markMissing(op, offset: opcodeOffset) }
    let items = Array(stack[mark...])
    stack.removeSubrange(mark...)
    return items
  }

  mutating func newCell(_ cell: PickleCell) throws(PickleError) -> PickleValue {
    try count(1)
    cells.append(cell)
    return .cell(cells.count - 1)
  }

  mutating func count(_ n: Int) throws(PickleError) {
    objectCount += n
    guard objectCount <= limits.maxObjects else {
      throw .limitExceeded(.objects, limit: limits.maxObjects)
    }
  }

  private mutating func memoize(at index: Int, _ op: PickleOpcode) throws(PickleError) {
    let value = try top(op)
    if memo[index] == nil {
      guard memo.count < limits.maxMemoEntries else {
        throw .limitExceeded(.memoEntries, limit: limits.maxMemoEntries)
      }
    }
    memo[index] = value
  }

  private func memoValue(_ index: Int) throws(PickleError) -> PickleValue {
    guard let value = memo[index] else { throw .memoMissing(index: index, offset: opcodeOffset) }
    return value
  }

  private mutating func appendItems(_ items: [PickleValue], _ op: PickleOpcode) throws(PickleError)
  {
    let target = try top(op)
    guard case .cell(let i) = target else {
      throw .wrongType(op, offset: opcodeOffset, expected: "list or set", found: target.kindName)
    }
    try count(items.count)
    switch cells[i] {
    case .list(var list):
      cells[i] = .list([])  // drop the old reference so the append does not copy
      list.append(contentsOf: items)
      cells[i] = .list(list)
    case .set(var set):
      cells[i] = .set([])
      set.append(contentsOf: items)
      cells[i] = .set(set)
    default:
      throw .wrongType(op, offset: opcodeOffset, expected: "list or set", found: "dict or object")
    }
  }

  private mutating func setItems(_ items: [PickleValue], _ op: PickleOpcode) throws(PickleError) {
    guard items.count % 2 == 0 else {
      throw .invalidArgument(op, offset: opcodeOffset, reason: "odd number of key/value items")
    }
    let target = try top(op)
    guard case .cell(let i) = target, case .dict(var dict) = cells[i] else {
      throw .wrongType(op, offset: opcodeOffset, expected: "dict", found: target.kindName)
    }
    try count(items.count / 2)
    cells[i] = .list([])
    for k in stride(from: 0, to: items.count, by: 2) { dict.set(items[k], items[k + 1]) }
    cells[i] = .dict(dict)
  }

  /// A tuple value, refusing nesting past ``CheckpointLimits/maxNesting``.
  func tuple(_ items: [PickleValue]) throws(PickleError) -> PickleValue {
    var depth = 1
    for item in items {
      if case .tuple(_, let inner) = item { depth = max(depth, inner + 1) }
    }
    guard depth <= limits.maxNesting else {
      throw .limitExceeded(.nesting, limit: limits.maxNesting)
    }
    return .tuple(items, depth: depth)
  }

  static func lookUp(module: String, name: String) throws(PickleError) -> PickleGlobal {
    guard let global = PickleGlobal(module: module, name: name) else {
      throw .forbiddenGlobal(module: module, name: name)
    }
    return global
  }
}
