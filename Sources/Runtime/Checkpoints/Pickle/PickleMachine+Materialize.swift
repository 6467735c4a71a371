// Copyright © 2026 the ssl authors.

/// Copying the final value out of the machine's cells into a plain ``PickleObject``.
///
/// The walk tracks the containers on the current path: meeting one again means a container
/// contains itself, which has no finite value, so it stops with
/// ``PickleError/recursiveStructure`` instead of looping. A shared (non-cyclic) container is
/// copied out once; every further use returns that copy (its arrays are copy-on-write, so no
/// memory) but counts its nodes and depth toward ``CheckpointLimits/maxObjects`` and
/// ``CheckpointLimits/maxNesting`` as if copied again, so whoever walks the result walks a
/// bounded tree. A "billion laughs" pickle (ten levels of ten shared references) thus stops
/// at once instead of after copying the 8 million objects the limit allows, which took 1.1 GB
/// and 12 s under the fuzzer's sanitizers.
extension PickleMachine {
  mutating func materialize(_ value: PickleValue) throws(PickleError) -> PickleObject {
    var onPath = Set<Int>()
    return try materialize(value, depth: 0, onPath: &onPath)
  }

  private mutating func materialize(
    _ value: PickleValue, depth: Int, onPath: inout Set<Int>
  ) throws(PickleError) -> PickleObject {
    guard depth <= limits.maxNesting else {
      throw .limitExceeded(.nesting, limit: limits.maxNesting)
    }
    deepestNesting = max(deepestNesting, depth)
    try count(1)
    switch value {
    case .none: return .none
    case .bool(let b): return .bool(b)
    case .int(let i): return .int(i)
    case .bigInt(let b): return .bigInt(b)
    case .float(let f): return .float(f)
    case .string(let s): return .string(s)
    case .bytes(let b): return .bytes(b)
    case .global(let g): return .global(g)
    case .storage(let s): return .storage(s)
    case .tensor(let t): return .tensor(t)
    case .tuple(let items, _):
      guard !items.isEmpty else { return .tuple([]) }
      // A tuple has no cell; one the memo shares is the same array buffer, alive (held by its
      // parent) for the whole copy-out, so the buffer's address names it.
      let address = items.withUnsafeBufferPointer { Int(bitPattern: $0.baseAddress) }
      let key = MaterializedKey.tuple(address)
      if let done = try reuse(key, depth: depth) { return done }
      let mark = beginCopy(depth: depth)
      let object = PickleObject.tuple(try materialize(items, depth: depth, onPath: &onPath))
      endCopy(key, object, mark, depth: depth)
      return object
    case .cell(let i):
      if let done = try reuse(.cell(i), depth: depth) { return done }
      guard onPath.insert(i).inserted else { throw .recursiveStructure }
      defer { onPath.remove(i) }
      let mark = beginCopy(depth: depth)
      let object = try materialize(cell: cells[i], depth: depth, onPath: &onPath)
      endCopy(.cell(i), object, mark, depth: depth)
      return object
    }
  }

  /// A container copied out before, counted and depth-checked as if copied again.
  private mutating func reuse(_ key: MaterializedKey, depth: Int) throws(PickleError)
    -> PickleObject?
  {
    guard let done = materialized[key] else { return nil }
    guard depth + done.height <= limits.maxNesting else {
      throw .limitExceeded(.nesting, limit: limits.maxNesting)
    }
    deepestNesting = max(deepestNesting, depth + done.height)
    try count(done.size - 1)  // the container itself was counted on entry
    return done.object
  }

  /// Starts measuring a container's copy (its own node is already counted).
  private mutating func beginCopy(depth: Int) -> (count: Int, deepest: Int) {
    defer { deepestNesting = depth }
    return (objectCount - 1, deepestNesting)
  }

  /// Records a finished copy with its size and height.
  private mutating func endCopy(
    _ key: MaterializedKey, _ object: PickleObject, _ mark: (count: Int, deepest: Int), depth: Int
  ) {
    materialized[key] = MaterializedCell(
      object: object, size: objectCount - mark.count, height: deepestNesting - depth)
    deepestNesting = max(mark.deepest, deepestNesting)
  }

  private mutating func materialize(
    cell: PickleCell, depth: Int, onPath: inout Set<Int>
  ) throws(PickleError) -> PickleObject {
    switch cell {
    case .list(let items): return .list(try materialize(items, depth: depth, onPath: &onPath))
    case .set(let items): return .set(try materialize(items, depth: depth, onPath: &onPath))
    case .dict(let dict):
      let keys = try materialize(dict.keys, depth: depth, onPath: &onPath)
      let values = try materialize(dict.values, depth: depth, onPath: &onPath)
      return .dict(zip(keys, values).map { PickleObject.Entry(key: $0, value: $1) })
    case .object(let global, let args, let state):
      let a = try materialize(args, depth: depth, onPath: &onPath)
      var s: PickleObject?
      if let state { s = try materialize(state, depth: depth + 1, onPath: &onPath) }
      return try NumpyArray.rebuild(global, args: a, state: s)
        ?? .object(type: global, args: a, state: s)
    }
  }

  private mutating func materialize(
    _ items: [PickleValue], depth: Int, onPath: inout Set<Int>
  ) throws(PickleError) -> [PickleObject] {
    var result: [PickleObject] = []
    result.reserveCapacity(items.count)
    for item in items { result.append(try materialize(item, depth: depth + 1, onPath: &onPath)) }
    return result
  }
}

/// What the copy-out has already copied: a cell by index, a tuple by its array buffer.
enum MaterializedKey: Hashable {
  case cell(Int)
  case tuple(Int)
}

/// A container's copy and what it counts each time it is used again.
struct MaterializedCell {
  /// The copied-out value.
  let object: PickleObject
  /// Nodes in it, itself included (what a fresh copy would add to the object count).
  let size: Int
  /// How many nesting levels it reaches below its own.
  let height: Int
}
