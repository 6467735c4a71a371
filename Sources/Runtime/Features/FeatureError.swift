// Copyright © 2026 the ssl authors.

/// What can go wrong with feature files and the feature cache.
public enum FeatureError: Error, Equatable, Sendable {
  // MARK: Files

  /// A file cannot be read or written.
  case io(path: String, reason: String)
  /// A file is not a valid `.npy` / `.npz` / `.safetensors`, or lacks an array.
  case malformed(path: String, reason: String)
  /// The file extension is not one of `.npy`, `.npz`, `.safetensors`.
  case unsupportedFormat(path: String)

  // MARK: Contents

  /// Features and labels (or splits) disagree in length, or features are not 2-D.
  case shapeMismatch(path: String, reason: String)
}

extension FeatureError: CustomStringConvertible {
  /// A one-line message naming the file.
  public var description: String {
    switch self {
    case .io(let path, let reason): return "\(path): \(reason)"
    case .malformed(let path, let reason): return "\(path): \(reason)"
    case .unsupportedFormat(let path):
      return "\(path): expected a .npy, .npz or .safetensors file"
    case .shapeMismatch(let path, let reason): return "\(path): \(reason)"
    }
  }
}
