// Copyright © 2026 the ssl authors.

/// What can go wrong in a tensor operation; thrown before any kernel runs.
public enum TensorError: Error, Equatable, Sendable {
  // MARK: Shapes

  /// Two operands' shapes do not fit together, for example `linear` input and weight.
  case shapeMismatch(op: String, lhs: [Int], rhs: [Int])
  /// An operand has the wrong number of dimensions.
  case rankMismatch(op: String, expected: Int, got: Int)
  /// A shape is not usable, for example a negative dimension or an empty convolution output.
  case invalidShape([Int], reason: String)
  /// The number of values does not match the product of the shape.
  case elementCountMismatch(shape: [Int], count: Int)

  // MARK: Arguments

  /// An operation's parameter is out of range, for example a zero stride.
  case invalidArgument(op: String, reason: String)

  // MARK: Control

  /// The computation was cancelled through a `CancellationFlag`.
  case cancelled
}

extension TensorError: CustomStringConvertible {
  /// A one-line message, for example `conv2d: shape mismatch [2, 3, 8, 8] vs [4, 2, 3, 3]`.
  public var description: String {
    switch self {
    case .shapeMismatch(let op, let lhs, let rhs):
      return "\(op): shape mismatch \(lhs) vs \(rhs)"
    case .rankMismatch(let op, let expected, let got):
      return "\(op): expected a tensor of rank \(expected), got rank \(got)"
    case .invalidShape(let shape, let reason):
      return "invalid shape \(shape): \(reason)"
    case .elementCountMismatch(let shape, let count):
      return "\(count) values do not fill shape \(shape) (\(Tensor.elementCount(shape)) needed)"
    case .invalidArgument(let op, let reason):
      return "\(op): \(reason)"
    case .cancelled:
      return "cancelled"
    }
  }
}
