// Copyright © 2026 the ssl authors.

/// What `REDUCE`, `NEWOBJ`, `BUILD` and `BINPERSID` mean for each whitelisted global.
///
/// Each meaning is fixed data plumbing: build a container, describe a tensor view, wrap
/// inert state. Nothing named by the file is executed.
extension PickleMachine {
  // MARK: - Calls

  /// The result of calling (`REDUCE`) or instantiating (`NEWOBJ`) `callable` with `args`.
  mutating func call(_ callable: PickleValue, args: PickleValue) throws(PickleError) -> PickleValue
  {
    guard case .global(let global) = callable else {
      throw .wrongType(.reduce, offset: opcodeOffset, expected: "global", found: callable.kindName)
    }
    guard case .tuple(let a, _) = args else {
      throw .invalidCall(global.name, reason: "arguments are a \(args.kindName), not a tuple")
    }
    try count(1)
    switch global {
    case .dict:
      let result = try newCell(.dict(PickleDictCell()))
      if let items = a.first {
        for pair in try elements(of: items, global) {
          let kv = try elements(of: pair, global)
          guard kv.count == 2 else { throw .invalidCall(global.name, reason: "item is not a pair") }
          try insert(into: result, key: kv[0], value: kv[1])
        }
      }
      return result
    case .list: return try newCell(.list(a.isEmpty ? [] : try elements(of: a[0], global)))
    case .set: return try newCell(.set(a.isEmpty ? [] : try elements(of: a[0], global)))
    case .size:
      guard let first = a.first else { return .tuple([], depth: 1) }
      return try tuple(try elements(of: first, global))
    case .rebuildTensor(let version): return .tensor(try rebuildTensor(a, version: version))
    case .rebuildParameter:
      guard let data = a.first else { throw .invalidCall(global.name, reason: "no data") }
      return data
    case .rebuildFromType:
      guard a.count >= 3 else { throw .invalidCall(global.name, reason: "expected 4 arguments") }
      if case .global(.rebuildFromType) = a[0] {
        throw .invalidCall(global.name, reason: "applies itself")  // no recursion through calls
      }
      return try call(a[0], args: a[2])
    case .haikuFrozenDict:
      guard let mapping = a.first else { return try newCell(.dict(PickleDictCell())) }
      return mapping
    case .codecsEncode:
      guard case .string(let text)? = a.first else {
        throw .invalidCall(global.name, reason: "first argument is not a string")
      }
      var out: [UInt8] = []
      out.reserveCapacity(text.unicodeScalars.count)
      for scalar in text.unicodeScalars {
        guard scalar.value < 256 else {
          throw .invalidCall(global.name, reason: "character beyond Latin-1")
        }
        out.append(UInt8(scalar.value))
      }
      return .bytes(out)
    case .namespace, .device, .record, .numpyReconstruct, .numpyDType, .numpyScalar,
      .numpyFromBuffer:
      return try newCell(.object(global, args: a, state: nil))
    case .storageType, .dtype, .tensorClass, .numpyArrayClass:
      throw .notCallable(global.name)
    }
  }

  /// The items of a tuple, list or set argument.
  func elements(of value: PickleValue, _ global: PickleGlobal) throws(PickleError) -> [PickleValue]
  {
    switch value {
    case .tuple(let items, _): return items
    case .cell(let i):
      switch cells[i] {
      case .list(let items), .set(let items): return items
      case .dict(let dict): return dict.keys
      case .object: break
      }
    default: break
    }
    throw .invalidCall(global.name, reason: "expected a sequence, found \(value.kindName)")
  }

  private mutating func insert(into dict: PickleValue, key: PickleValue, value: PickleValue)
    throws(PickleError)
  {
    guard case .cell(let i) = dict, case .dict(var cell) = cells[i] else { return }
    cells[i] = .list([])
    cell.set(key, value)
    cells[i] = .dict(cell)
  }

  // MARK: - BUILD

  /// Applies `state` to `target` (`__setstate__`): recorded on inert objects, merged into
  /// dicts, ignored on tensors when empty.
  mutating func build(_ target: PickleValue, state: PickleValue) throws(PickleError) {
    switch target {
    case .cell(let i):
      switch cells[i] {
      case .object(let global, let args, _):
        cells[i] = .object(global, args: args, state: state)
        return
      case .dict:
        if case .none = state { return }
        guard case .cell(let s) = state, case .dict(let update) = cells[s] else { break }
        for (k, v) in zip(update.keys, update.values) { try insert(into: target, key: k, value: v) }
        return
      case .list, .set:
        if case .none = state { return }
      }
    case .tensor:
      return  // tensor python state (rare) carries nothing the loader uses
    default:
      break
    }
    throw .wrongType(
      .build, offset: opcodeOffset, expected: "object with state", found: target.kindName)
  }

  // MARK: - Torch

  /// A storage from torch's persistent id `('storage', type, key, location, size[, view])`.
  mutating func persistentLoad(_ pid: PickleValue) throws(PickleError) -> PickleValue {
    guard case .tuple(let t, _) = pid, t.count >= 5, case .string("storage") = t[0],
      case .global(let type) = t[1], case .string(let key) = t[2],
      case .string(let location) = t[3],
      case .int(let size) = t[4], size >= 0
    else {
      throw .invalidPersistentID(String(describing: pid.kindName))
    }
    guard case .storageType(let dtype) = type else { throw .invalidPersistentID(type.name) }
    var storage = TorchStorageRef(
      key: key, dtype: dtype, elementCount: size, location: location, viewOffset: 0)
    if let existing = storages[key] {
      storage.elementCount = existing.elementCount
    } else {
      storages[key] = storage
    }
    if t.count >= 6, case .tuple(let view, _) = t[5] {
      guard view.count == 3, case .int(let offset) = view[1], offset >= 0 else {
        throw .invalidPersistentID("storage view of \(key)")
      }
      storage.viewOffset = offset
    }
    return .storage(storage)
  }

  /// `_rebuild_tensor[_v2|_v3](storage, offset, size, stride, …)` as a view description.
  private func rebuildTensor(_ a: [PickleValue], version: Int) throws(PickleError)
    -> TorchTensorRef
  {
    let name = PickleGlobal.rebuildTensor(version: version).name
    guard a.count >= 4, case .storage(var storage) = a[0], case .int(let offset) = a[1] else {
      throw .invalidCall(name, reason: "expected (storage, offset, size, stride, …)")
    }
    let shape = try ints(a[2], name)
    let strides = try ints(a[3], name)
    guard shape.count == strides.count, offset >= 0 else {
      throw .invalidCall(name, reason: "size \(shape) and stride \(strides) disagree")
    }
    if version == 3, a.count >= 7, case .global(.dtype(let dtype)) = a[6],
      dtype != storage.dtype
    {
      // An untyped storage viewed as `dtype`: the byte count becomes an element count.
      storage.elementCount = storage.elementCount * storage.dtype.elementSize / dtype.elementSize
      storage.dtype = dtype
    }
    return TorchTensorRef(
      storage: storage, offset: offset + storage.viewOffset, shape: shape, strides: strides)
  }

  private func ints(_ value: PickleValue, _ name: String) throws(PickleError) -> [Int] {
    guard case .tuple(let items, _) = value else {
      throw .invalidCall(name, reason: "size or stride is a \(value.kindName)")
    }
    var result: [Int] = []
    for item in items {
      guard case .int(let v) = item else {
        throw .invalidCall(name, reason: "size or stride holds a \(item.kindName)")
      }
      result.append(v)
    }
    return result
  }
}
