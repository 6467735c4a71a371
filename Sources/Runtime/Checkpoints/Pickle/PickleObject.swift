// Copyright © 2026 the ssl authors.

/// A value rebuilt by the restricted unpickler: plain data, never live Python objects.
///
/// Lists, dicts and sets appear as values (the machine's shared mutable containers are
/// copied out once the pickle has stopped, refusing self-containing ones). Tensors are
/// descriptions of storage views, not loaded data: a reader loads the ones it needs by name.
public indirect enum PickleObject: Hashable, Sendable {
  /// One key/value pair of a dict, in insertion order.
  public struct Entry: Hashable, Sendable {
    /// The key.
    public var key: PickleObject
    /// The value.
    public var value: PickleObject
  }

  case none
  case bool(Bool)
  case int(Int)
  /// An integer wider than 64 bits, as little-endian two's-complement bytes.
  case bigInt([UInt8])
  case float(Double)
  case string(String)
  case bytes([UInt8])
  case tuple([PickleObject])
  case list([PickleObject])
  case dict([Entry])
  case set([PickleObject])
  /// A whitelisted global used as a value (a storage type, a dtype, a class).
  case global(PickleGlobal)
  /// An inert object: `argparse.Namespace`, `torch.device`, a BYOL named tuple.
  case object(type: PickleGlobal, args: [PickleObject], state: PickleObject?)
  /// A torch tensor: a view of a storage, not yet loaded.
  case tensor(TorchTensorRef)
  /// A bare torch storage.
  case storage(TorchStorageRef)
  /// A numpy array with its bytes.
  case ndarray(NumpyArray)

  // MARK: - Access

  /// The value under a string key of a dict, or an attribute of an inert object.
  ///
  /// Named tuples answer by field name, namespaces by their state dict.
  ///
  /// - Parameter key: The key or attribute name.
  public subscript(key: String) -> PickleObject? {
    switch self {
    case .dict(let entries):
      return entries.first { $0.key == .string(key) }?.value
    case .object(.record(_, let fields), let args, _):
      guard let i = fields.firstIndex(of: key), i < args.count else { return nil }
      return args[i]
    case .object(_, _, let state?):
      return state[key]
    default:
      return nil
    }
  }

  /// The entries of a dict, or nil for anything else.
  public var dictEntries: [Entry]? {
    if case .dict(let entries) = self { return entries }
    return nil
  }

  /// A short name of the value's kind for error messages (`dict`, `tensor`, `int`, …).
  public var kindName: String {
    switch self {
    case .none: return "None"
    case .bool: return "bool"
    case .int, .bigInt: return "int"
    case .float: return "float"
    case .string: return "str"
    case .bytes: return "bytes"
    case .tuple: return "tuple"
    case .list: return "list"
    case .dict: return "dict"
    case .set: return "set"
    case .global(let g): return g.name
    case .object(let type, _, _): return type.name
    case .tensor: return "tensor"
    case .storage: return "storage"
    case .ndarray: return "ndarray"
    }
  }
}
