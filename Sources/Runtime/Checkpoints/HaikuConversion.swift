// Copyright © 2026 the ssl authors.
//
// HaikuConversion.swift — BYOL's Haiku checkpoint to torchvision names (protocols.md §1.3).
//
// `pretrain_res50x1.pkl` is a dill pickle (protocol 2) of
// `{'experiment_state': _ByolExperimentState(online_params, target_params, online_state,
// target_state, opt_state), 'step': …, 'rng': …}` whose params are Haiku dicts of numpy
// arrays, keys sorted (`res_net50/~/block_group_0/~/block_0/~/conv_0`, …,
// `res_net50/~/initial_conv`). ssl-transfer's conversion, reproduced here:
// * convs = params whose key contains `conv` (`w`, HWIO), BNs = params whose key contains
//   `batchnorm` (`scale`, `offset`), EMAs = state entries whose key contains `batchnorm`
//   (`average`; mean then var per BN), all in dict order;
// * move the last conv, the last BN and the last two EMAs to the front (the stem sorts last);
// * pair the i-th of each with the i-th conv / BN in torchvision module order;
// * conv weights HWIO → OIHW (axes 3, 2, 0, 1); BN weight = scale, bias = offset,
//   running_mean / running_var = the EMAs, all reshaped to [C].

/// Converts BYOL's Haiku parameters into a torchvision-named tensor list.
public enum HaikuConversion {
  /// Whether an unpickled object looks like a BYOL Haiku checkpoint.
  ///
  /// - Parameter root: The unpickled object.
  public static func isHaikuCheckpoint(_ root: PickleObject) -> Bool {
    root["experiment_state"]?["online_params"] != nil
  }

  /// The converted tensors, named after `expected` (torchvision order).
  ///
  /// - Parameters:
  ///   - root: The unpickled checkpoint.
  ///   - expected: The architecture's `(name, shape)` list; its 4-D `.weight` entries name the
  ///     convolutions and its `.running_mean` entries the batch norms, in module order.
  /// - Returns: `(name, tensor)` pairs in torchvision order.
  /// - Throws: ``CheckpointError/haikuStructure(reason:)`` when entries are missing or the
  ///   layer counts differ from the architecture's.
  public static func convert(_ root: PickleObject, expected: [(name: String, shape: [Int])])
    throws(CheckpointError) -> [(name: String, tensor: Tensor)]
  {
    guard let state = root["experiment_state"] else {
      throw .haikuStructure(reason: "no experiment_state")
    }
    guard let params = state["online_params"]?.dictEntries else {
      throw .haikuStructure(reason: "no online_params dict")
    }
    guard let averages = state["online_state"]?.dictEntries else {
      throw .haikuStructure(reason: "no online_state dict")
    }
    var convs = try arrays(params, containing: "conv", field: "w")
    var norms = try params.filter { key($0).contains("batchnorm") }.map {
      entry throws(CheckpointError) in
      (try array(entry, field: "scale"), try array(entry, field: "offset"))
    }
    var emas = try arrays(averages, containing: "batchnorm", field: "average")
    guard let lastConv = convs.popLast(), let lastNorm = norms.popLast(), emas.count >= 2 else {
      throw .haikuStructure(reason: "no convolutions or batch norms")
    }
    convs.insert(lastConv, at: 0)
    norms.insert(lastNorm, at: 0)
    emas.insert(contentsOf: emas.suffix(2), at: 0)
    emas.removeLast(2)

    let convNames = expected.filter { $0.shape.count == 4 && $0.name.hasSuffix(".weight") }
    let bnNames = expected.filter { $0.name.hasSuffix(".running_mean") }.map {
      String($0.name.dropLast(".running_mean".count))
    }
    guard convs.count == convNames.count else {
      throw .haikuStructure(
        reason: "\(convs.count) convolutions, the architecture has \(convNames.count)")
    }
    guard norms.count == bnNames.count, emas.count == 2 * bnNames.count else {
      throw .haikuStructure(
        reason: "\(norms.count) batch norms and \(emas.count) averages, the architecture has "
          + "\(bnNames.count) batch norms")
    }
    var result: [(name: String, tensor: Tensor)] = []
    for (i, conv) in convNames.enumerated() {
      result.append((conv.name, try hwioToOIHW(convs[i], path: conv.name)))
    }
    for (i, bn) in bnNames.enumerated() {
      result.append((bn + ".weight", try vector(norms[i].0, path: bn + ".weight")))
      result.append((bn + ".bias", try vector(norms[i].1, path: bn + ".bias")))
      result.append((bn + ".running_mean", try vector(emas[2 * i], path: bn + ".running_mean")))
      result.append((bn + ".running_var", try vector(emas[2 * i + 1], path: bn + ".running_var")))
    }
    let order = Dictionary(uniqueKeysWithValues: expected.enumerated().map { ($1.name, $0) })
    return result.sorted { (order[$0.name] ?? 0) < (order[$1.name] ?? 0) }
  }

  // MARK: - Helpers

  private static func key(_ entry: PickleObject.Entry) -> String {
    if case .string(let s) = entry.key { return s }
    return ""
  }

  private static func arrays(
    _ entries: [PickleObject.Entry], containing word: String, field: String
  )
    throws(CheckpointError) -> [NumpyArray]
  {
    var result: [NumpyArray] = []
    for entry in entries where key(entry).contains(word) {
      result.append(try array(entry, field: field))
    }
    return result
  }

  private static func array(_ entry: PickleObject.Entry, field: String) throws(CheckpointError)
    -> NumpyArray
  {
    guard case .ndarray(let array)? = entry.value[field] else {
      throw .haikuStructure(reason: "\(key(entry)) has no array '\(field)'")
    }
    return array
  }

  /// A BN parameter of shape [C] or [1, 1, 1, C] as a [C] tensor.
  private static func vector(_ array: NumpyArray, path: String) throws(CheckpointError) -> Tensor {
    let tensor = try array.tensor(path: path)
    return Tensor(shape: [tensor.count], scalars: tensor.scalars)
  }

  /// A Haiku conv kernel [KH, KW, I, O] as a torch one [O, I, KH, KW].
  private static func hwioToOIHW(_ array: NumpyArray, path: String) throws(CheckpointError)
    -> Tensor
  {
    guard array.shape.count == 4 else {
      throw .haikuStructure(reason: "\(path) kernel has shape \(array.shape), expected 4-D HWIO")
    }
    let hwio = try array.tensor(path: path).scalars
    let (kh, kw, ci, co) = (array.shape[0], array.shape[1], array.shape[2], array.shape[3])
    return Tensor(shape: [co, ci, kh, kw]) { out in
      for h in 0..<kh {
        for w in 0..<kw {
          for i in 0..<ci {
            let src = ((h * kw + w) * ci + i) * co
            for o in 0..<co { out[((o * ci + i) * kh + h) * kw + w] = hwio[src + o] }
          }
        }
      }
    }
  }
}
