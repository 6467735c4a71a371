// Copyright © 2026 the ssl authors.

/// A value on the machine's stack or in its memo, before the pickle has stopped.
///
/// Mutable containers live in the machine's cell array and are referred to by index, so a
/// list that is memoized and later appended to is seen updated through every reference —
/// and a list that contains itself is just an index cycle, caught when the final value is
/// copied out (``PickleMachine/materialize(_:)``).
enum PickleValue {
  case none
  case bool(Bool)
  case int(Int)
  case bigInt([UInt8])
  case float(Double)
  case string(String)
  case bytes([UInt8])
  /// A tuple and how deeply tuples nest inside it (1 for a flat one). Tuples are the one
  /// container held inline, so their depth is bounded when they are built: releasing a
  /// million-deep chain would otherwise recurse past the end of the stack.
  case tuple([PickleValue], depth: Int)
  /// A list, dict, set or object in ``PickleMachine/cells``.
  case cell(Int)
  case global(PickleGlobal)
  case storage(TorchStorageRef)
  case tensor(TorchTensorRef)

  /// The kind's name, for errors.
  var kindName: String {
    switch self {
    case .none: return "None"
    case .bool: return "bool"
    case .int, .bigInt: return "int"
    case .float: return "float"
    case .string: return "str"
    case .bytes: return "bytes"
    case .tuple: return "tuple"
    case .cell: return "container"
    case .global(let g): return g.name
    case .storage: return "storage"
    case .tensor: return "tensor"
    }
  }
}

/// A mutable container the machine builds in place.
enum PickleCell {
  case list([PickleValue])
  case dict(PickleDictCell)
  case set([PickleValue])
  /// An inert object: its class, constructor arguments and the state BUILD gave it.
  case object(PickleGlobal, args: [PickleValue], state: PickleValue?)
}

/// An insertion-ordered dict; scalar keys are indexed so repeated keys replace in O(1).
struct PickleDictCell {
  var keys: [PickleValue] = []
  var values: [PickleValue] = []
  private var index: [ScalarKey: Int] = [:]

  private enum ScalarKey: Hashable {
    case string(String)
    case int(Int)
    case bool(Bool)
    case none
  }

  private static func scalarKey(_ key: PickleValue) -> ScalarKey? {
    switch key {
    case .string(let s): return .string(s)
    case .int(let i): return .int(i)
    case .bool(let b): return .bool(b)
    case .none: return ScalarKey.none
    default: return nil
    }
  }

  mutating func set(_ key: PickleValue, _ value: PickleValue) {
    if let scalar = Self.scalarKey(key) {
      if let i = index[scalar] {
        values[i] = value
        return
      }
      index[scalar] = keys.count
    }
    keys.append(key)
    values.append(value)
  }
}
