// Copyright © 2026 the ssl authors.

/// Why a synthetic transform could not be applied.
public enum TransformError: Error, Equatable, Sendable {
  // MARK: - Settings

  /// The setting has the wrong number of values for the transform.
  case wrongParameterCount(transform: String, expected: Int, got: Int)
  /// A parameter is outside what the op accepts (for example σ ≤ 0 or bits outside 0…8).
  case invalidParameter(transform: String, reason: String)

  // MARK: - Images

  /// The image is too small for the op (for example reflect padding wider than the image).
  case imageTooSmall(transform: String, width: Int, height: Int, reason: String)
}

extension TransformError: CustomStringConvertible {
  /// A one-line message naming the transform.
  public var description: String {
    switch self {
    case .wrongParameterCount(let t, let expected, let got):
      return "\(t): expected \(expected) parameter value(s), got \(got)"
    case .invalidParameter(let t, let reason):
      return "\(t): \(reason)"
    case .imageTooSmall(let t, let w, let h, let reason):
      return "\(t): \(w)×\(h) image is too small (\(reason))"
    }
  }
}
