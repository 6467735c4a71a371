// Copyright © 2026 the ssl authors.

/// Rebuilding numpy arrays from the inert objects the machine records.
///
/// numpy pickles an array as `_reconstruct(ndarray, (0,), b'b')` followed by BUILD with
/// `(version, shape, dtype, is_fortran, raw_bytes)`; protocol 5 uses
/// `_frombuffer(bytes, dtype, shape, order)`; 0-d scalars use `scalar(dtype, bytes)`. A dtype
/// is `dtype(code, align, copy)` with BUILD state `(version, byte_order, …)`. The byte count
/// must equal the shape's element count times the item size before the array is accepted.
extension NumpyArray {
  /// The array an inert numpy object stands for, nil for any other object.
  ///
  /// - Throws: ``PickleError/invalidCall(_:reason:)`` for a malformed array.
  static func rebuild(_ global: PickleGlobal, args: [PickleObject], state: PickleObject?)
    throws(PickleError) -> PickleObject?
  {
    switch global {
    case .numpyReconstruct:
      guard case .tuple(var fields)? = state else {
        throw .invalidCall(global.name, reason: "array without __setstate__ tuple")
      }
      if fields.count == 5 { fields.removeFirst() }  // the pickle-format version
      guard fields.count == 4, case .bool(let fortran) = fields[2] else {
        throw .invalidCall(global.name, reason: "state is not (shape, dtype, fortran, data)")
      }
      return .ndarray(
        try make(shape: fields[0], dtype: fields[1], fortran: fortran, data: fields[3], global))
    case .numpyFromBuffer:
      guard args.count == 4 else { throw .invalidCall(global.name, reason: "expected 4 arguments") }
      let fortran = args[3] == .string("F")
      return .ndarray(
        try make(shape: args[2], dtype: args[1], fortran: fortran, data: args[0], global))
    case .numpyScalar:
      guard args.count == 2 else { throw .invalidCall(global.name, reason: "expected 2 arguments") }
      return .ndarray(
        try make(shape: .tuple([]), dtype: args[0], fortran: false, data: args[1], global))
    default:
      return nil
    }
  }

  private static func make(
    shape: PickleObject, dtype: PickleObject, fortran: Bool, data: PickleObject,
    _ global: PickleGlobal
  ) throws(PickleError) -> NumpyArray {
    guard case .tuple(let dims) = shape else {
      throw .invalidCall(global.name, reason: "shape is a \(shape.kindName)")
    }
    var sizes: [Int] = []
    var count = 1
    for dim in dims {
      guard case .int(let d) = dim, d >= 0 else {
        throw .invalidCall(global.name, reason: "shape holds \(dim.kindName)")
      }
      let (product, overflow) = count.multipliedReportingOverflow(by: d)
      guard !overflow else { throw .invalidCall(global.name, reason: "shape overflows") }
      sizes.append(d)
      count = product
    }
    let (code, bigEndian) = try dtypeCode(dtype, global)
    guard let itemSize = itemSize(code) else {
      throw .invalidCall(global.name, reason: "unsupported dtype \(code)")
    }
    guard case .bytes(let raw) = data else {
      throw .invalidCall(global.name, reason: "data is a \(data.kindName), not bytes")
    }
    let (needed, overflow) = count.multipliedReportingOverflow(by: itemSize)
    guard !overflow, needed == raw.count else {
      throw .invalidCall(
        global.name,
        reason: "shape \(sizes) of \(code) needs \(overflow ? "too many" : "\(needed)")"
          + " bytes, found \(raw.count)")
    }
    return NumpyArray(
      dtype: code, bigEndian: bigEndian, shape: sizes, fortranOrder: fortran, data: raw)
  }

  /// The code (`f4`) and byte order of a pickled `numpy.dtype`.
  private static func dtypeCode(_ dtype: PickleObject, _ global: PickleGlobal) throws(PickleError)
    -> (String, Bool)
  {
    guard case .object(.numpyDType, let args, let state) = dtype,
      case .string(var code)? = args.first
    else {
      throw .invalidCall(global.name, reason: "dtype is a \(dtype.kindName)")
    }
    var bigEndian = false
    if case .tuple(let fields)? = state, fields.count > 1, case .string(let order) = fields[1] {
      bigEndian = order == ">"
    }
    if let mark = code.first, "<>|=".contains(mark) {
      bigEndian = mark == ">"
      code.removeFirst()
    }
    if code == "?" { code = "b1" }
    return (code, bigEndian)
  }
}
