// Copyright © 2026 the ssl authors.

/// The whitelist: every global a checkpoint pickle may name (house rule 34b).
///
/// `GLOBAL`/`STACK_GLOBAL` of anything else stops the machine with
/// ``PickleError/forbiddenGlobal(module:name:)`` before any value is built, so a pickle that
/// names `posix.system` or `builtins.eval` fails at the name. None of these is ever imported
/// or run: ``PickleMachine`` gives each one a fixed, data-only meaning.
public enum PickleGlobal: Hashable, Sendable {
  // MARK: - torch
  /// `torch._utils._rebuild_tensor_v2` (and the older `_rebuild_tensor`, `_v3`): a storage view.
  case rebuildTensor(version: Int)
  /// `torch._utils._rebuild_parameter` / `_rebuild_parameter_with_state`: the tensor itself.
  case rebuildParameter
  /// `torch._tensor._rebuild_from_type_v2(func, type, args, state)`: applies `func` to `args`.
  case rebuildFromType
  /// `torch.FloatStorage` … and `torch.storage.UntypedStorage`: a storage's element type.
  case storageType(TorchDType)
  /// `torch.float32` …: a dtype value (`_rebuild_tensor_v3` passes one).
  case dtype(TorchDType)
  /// `torch.Tensor`, `torch.nn.parameter.Parameter`: tensor classes, as inert tags.
  case tensorClass(String)
  /// `torch.device`: inert data.
  case device
  /// `torch.Size`: a tuple of ints.
  case size

  // MARK: - Python containers and inert data
  /// `collections.OrderedDict`, `builtins.dict`: a dict.
  case dict
  /// `builtins.list`: a list.
  case list
  /// `builtins.set`, `builtins.frozenset`: a set.
  case set
  /// `argparse.Namespace`: an inert object whose state is its attribute dict.
  case namespace
  /// `_codecs.encode(text, 'latin1')`: how protocol-2 pickles spell `bytes`.
  case codecsEncode

  // MARK: - numpy (Haiku/JAX checkpoints)
  /// `numpy.core.multiarray._reconstruct` (or `numpy._core…`): an empty array awaiting BUILD.
  case numpyReconstruct
  /// `numpy.ndarray`: the class argument of `_reconstruct`.
  case numpyArrayClass
  /// `numpy.dtype`: a dtype awaiting BUILD with its byte order.
  case numpyDType
  /// `numpy.core.multiarray.scalar(dtype, bytes)`: a 0-d array.
  case numpyScalar
  /// `numpy.core.numeric._frombuffer(buffer, dtype, shape, order)` (protocol 5).
  case numpyFromBuffer

  // MARK: - Haiku and BYOL
  /// `haiku._src.data_structures.frozendict` (and `FlatMap`): an immutable dict.
  case haikuFrozenDict
  /// A named tuple of BYOL's experiment code or optax, kept as an inert record (field names
  /// known for `_ByolExperimentState` only).
  case record(type: String, fields: [String])

  /// Modules whose classes are accepted as inert records: BYOL's experiment and optimizer
  /// code and optax. A record is only ever data; no constructor runs.
  public static let inertRecordModules = ["byol.", "optax."]

  /// Looks a `module.name` pair up in the whitelist.
  ///
  /// - Parameters:
  ///   - module: The module, as the pickle spells it.
  ///   - name: The attribute.
  /// - Returns: The global, or nil when it is not whitelisted.
  public init?(module: String, name: String) {
    switch (module, name) {
    case ("torch._utils", "_rebuild_tensor"): self = .rebuildTensor(version: 1)
    case ("torch._utils", "_rebuild_tensor_v2"): self = .rebuildTensor(version: 2)
    case ("torch._utils", "_rebuild_tensor_v3"): self = .rebuildTensor(version: 3)
    case ("torch._utils", "_rebuild_parameter"), ("torch._utils", "_rebuild_parameter_with_state"):
      self = .rebuildParameter
    case ("torch._tensor", "_rebuild_from_type_v2"): self = .rebuildFromType
    case ("torch", "Tensor"), ("torch.nn.parameter", "Parameter"), ("torch._tensor", "Tensor"):
      self = .tensorClass("\(module).\(name)")
    case ("torch", "device"): self = .device
    case ("torch", "Size"): self = .size
    case ("torch", _), ("torch.storage", "UntypedStorage"):
      if let dtype = TorchDType(storageClass: name) {
        self = .storageType(dtype)
      } else if let dtype = TorchDType(torchName: name) {
        self = .dtype(dtype)
      } else {
        return nil
      }
    case ("collections", "OrderedDict"), ("builtins", "dict"), ("__builtin__", "dict"):
      self = .dict
    case ("builtins", "list"), ("__builtin__", "list"): self = .list
    case ("builtins", "set"), ("builtins", "frozenset"), ("__builtin__", "set"): self = .set
    case ("argparse", "Namespace"): self = .namespace
    case ("_codecs", "encode"): self = .codecsEncode
    case ("numpy.core.multiarray", "_reconstruct"), ("numpy._core.multiarray", "_reconstruct"):
      self = .numpyReconstruct
    case ("numpy", "ndarray"): self = .numpyArrayClass
    case ("numpy", "dtype"): self = .numpyDType
    case ("numpy.core.multiarray", "scalar"), ("numpy._core.multiarray", "scalar"):
      self = .numpyScalar
    case ("numpy.core.numeric", "_frombuffer"), ("numpy._core.numeric", "_frombuffer"):
      self = .numpyFromBuffer
    case ("haiku._src.data_structures", "frozendict"):
      self = .haikuFrozenDict
    case ("byol.byol_experiment", "_ByolExperimentState"):
      self = .record(
        type: "_ByolExperimentState",
        fields: ["online_params", "target_params", "online_state", "target_state", "opt_state"])
    case _ where Self.inertRecordModules.contains(where: { module.hasPrefix($0) }):
      // Optimizer states (`ScaleByLarsState`, optax's `ScaleState`, …) sit next to the
      // weights in BYOL's pickle. They are named tuples: kept as positional data, never built.
      self = .record(type: "\(module).\(name)", fields: [])
    default:
      return nil
    }
  }

  /// A readable name for errors and ``PickleObject/object(type:args:state:)``.
  public var name: String {
    switch self {
    case .rebuildTensor(let version): return "torch._utils._rebuild_tensor_v\(version)"
    case .rebuildParameter: return "torch._utils._rebuild_parameter"
    case .rebuildFromType: return "torch._tensor._rebuild_from_type_v2"
    case .storageType(let dtype): return "torch storage of \(dtype)"
    case .dtype(let dtype): return "torch.\(dtype)"
    case .tensorClass(let name): return name
    case .device: return "torch.device"
    case .size: return "torch.Size"
    case .dict: return "dict"
    case .list: return "list"
    case .set: return "set"
    case .namespace: return "argparse.Namespace"
    case .codecsEncode: return "_codecs.encode"
    case .numpyReconstruct: return "numpy.core.multiarray._reconstruct"
    case .numpyArrayClass: return "numpy.ndarray"
    case .numpyDType: return "numpy.dtype"
    case .numpyScalar: return "numpy.core.multiarray.scalar"
    case .numpyFromBuffer: return "numpy.core.numeric._frombuffer"
    case .haikuFrozenDict: return "haiku frozendict"
    case .record(let type, _): return type
    }
  }
}
