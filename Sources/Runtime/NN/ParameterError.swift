// Copyright © 2026 the ssl authors.

/// Why a layer could not take its parameters from a ``StateDict``.
///
/// Every case names the tensor's full dotted path, as the checkpoint spells it, so a report can
/// say exactly which entry is wrong: `layer3.1.bn2.running_var: expected [256], found [512]`.
public enum ParameterError: Error, Equatable, Sendable {
  // MARK: Missing or malformed tensors

  /// The state dict has no tensor at `path`.
  case missingTensor(path: String)
  /// The tensor at `path` has the wrong shape.
  case shapeMismatch(path: String, expected: [Int], found: [Int])
  /// The tensor at `path` holds a value the layer cannot use, for example a negative
  /// running variance or a non-finite weight.
  case invalidValue(path: String, reason: String)
}

extension ParameterError: CustomStringConvertible {
  /// The message, starting with the tensor path.
  public var description: String {
    switch self {
    case .missingTensor(let path):
      return "\(path): missing from the checkpoint"
    case .shapeMismatch(let path, let expected, let found):
      return "\(path): expected \(expected), found \(found)"
    case .invalidValue(let path, let reason):
      return "\(path): \(reason)"
    }
  }
}
