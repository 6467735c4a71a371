// Copyright © 2026 the ssl authors.

/// Copying the final value out of the machine's cells into a plain ``PickleObject``.
///
/// The walk tracks the containers on the current path: meeting one again means a container
/// contains itself, which has no finite value, so it stops with
/// ``PickleError/recursiveStructure`` instead of looping. Shared (non-cyclic) containers are
/// copied once per use, and every copy counts toward ``CheckpointLimits/maxObjects``, so a
/// "billion laughs" pickle stops at the limit rather than exhausting memory.
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
      return .tuple(try materialize(items, depth: depth, onPath: &onPath))
    case .cell(let i):
      guard onPath.insert(i).inserted else { throw .recursiveStructure }
      defer { onPath.remove(i) }
      switch cells[i] {
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
