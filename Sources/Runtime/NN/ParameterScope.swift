// Copyright © 2026 the ssl authors.
//
// ParameterScope.swift — a prefixing, recording view of a StateDict, through which layers take
// their parameters by their checkpoint names (candle's `VarBuilder::pp`).

/// A view of a ``StateDict`` under a dotted prefix that checks shapes and records what is used.
///
/// `scope.child("layer1").child("0").tensor("conv1.weight", shape: …)` reads
/// `layer1.0.conv1.weight`. All scopes derived from one root share a record of the names taken,
/// so after building a model ``unusedNames`` lists the checkpoint entries nothing asked for
/// (returned to the caller as warnings, never printed).
public struct ParameterScope {
  /// The names taken so far, shared by every scope derived from the same root.
  private final class Record {
    var used: Set<String> = []
  }

  private let stateDict: StateDict
  private let prefix: String
  private let record: Record

  /// Creates a root scope over `stateDict`.
  ///
  /// - Parameter stateDict: The named tensors to read.
  public init(_ stateDict: StateDict) {
    self.stateDict = stateDict
    self.prefix = ""
    self.record = Record()
  }

  private init(stateDict: StateDict, prefix: String, record: Record) {
    self.stateDict = stateDict
    self.prefix = prefix
    self.record = record
  }

  /// A scope whose names start with `name.` below this one.
  ///
  /// - Parameter name: One path component, such as `layer1` or `0`.
  public func child(_ name: String) -> ParameterScope {
    ParameterScope(stateDict: stateDict, prefix: path(name), record: record)
  }

  /// The full dotted path of `name` in this scope.
  public func path(_ name: String) -> String { prefix.isEmpty ? name : prefix + "." + name }

  /// Takes the tensor `name`, checking its shape.
  ///
  /// - Parameters:
  ///   - name: The name below this scope, for example `weight`.
  ///   - shape: The shape the layer needs.
  /// - Returns: The tensor.
  /// - Throws: ``ParameterError/missingTensor(path:)`` or
  ///   ``ParameterError/shapeMismatch(path:expected:found:)``, naming the full path.
  public func tensor(_ name: String, shape: [Int]) throws(ParameterError) -> Tensor {
    let full = path(name)
    guard let tensor = stateDict[full] else { throw .missingTensor(path: full) }
    guard tensor.shape == shape else {
      throw .shapeMismatch(path: full, expected: shape, found: tensor.shape)
    }
    record.used.insert(full)
    return tensor
  }

  /// Takes the tensor `name` if present, checking its shape; `nil` when absent.
  ///
  /// - Throws: ``ParameterError/shapeMismatch(path:expected:found:)`` when present but wrong.
  public func optionalTensor(_ name: String, shape: [Int]) throws(ParameterError) -> Tensor? {
    guard stateDict[path(name)] != nil else { return nil }
    return try tensor(name, shape: shape)
  }

  /// Marks `name` as used without reading it (bookkeeping entries such as
  /// `num_batches_tracked`, whose shape and dtype vary between PyTorch versions).
  public func ignore(_ name: String) {
    let full = path(name)
    if stateDict[full] != nil { record.used.insert(full) }
  }

  /// Whether the state dict has a tensor called `name` in this scope.
  public func contains(_ name: String) -> Bool { stateDict[path(name)] != nil }

  /// The state dict's names that no scope from this root has taken, in the dict's order.
  public var unusedNames: [String] {
    stateDict.names.filter { !record.used.contains($0) }
  }
}
