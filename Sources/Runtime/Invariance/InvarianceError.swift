// Copyright © 2026 the ssl authors.

/// Errors of the invariance measures (§8), with the data a host needs to say what was wrong.
public enum InvarianceError: Error, Equatable, Sendable {
  // MARK: Statistics
  /// Fewer than two reference features: the unbiased covariance needs N ≥ 2.
  case tooFewReferenceFeatures(count: Int)
  /// The covariance (plus ridge) is not positive definite: LAPACK's `info` names the minor.
  case covarianceNotPositiveDefinite(dimension: Int, leadingMinor: Int)
  /// The inverse covariance has no Cholesky factor (LAPACK `info`).
  case precisionNotPositiveDefinite(dimension: Int, leadingMinor: Int)

  // MARK: Shapes
  /// A feature has a different dimension from the statistics.
  case dimensionMismatch(expected: Int, found: Int)
  /// Two matrices that must be paired row by row have different row counts.
  case rowCountMismatch(expected: Int, found: Int)
  /// A group (real-world invariance) or a set of views has fewer than `minimum` members.
  case groupTooSmall(group: String, count: Int, minimum: Int)

  // MARK: Tests and fusion
  /// The Hoeffding test needs n ≥ 1 and 0 < δ < 1.
  case badSignificanceSetting(n: Int, alpha: Double, comparisons: Int)
  /// Fusion by add/mean needs equal dimensions.
  case fusionDimensionMismatch(mode: String, dimensions: [Int])
  /// Fusion needs at least two feature sets.
  case fusionNeedsTwoModels(count: Int)

  // MARK: Wrapped stage errors
  /// A synthetic transform failed on an image.
  case transform(TransformError, image: Int)
  /// An image could not be preprocessed.
  case image(ImageError)
  /// The forward pass failed (or was cancelled: `.tensor(.cancelled)`).
  case tensor(TensorError)
}

extension InvarianceError: CustomStringConvertible {
  /// A one-line message with the numbers that explain it.
  public var description: String {
    switch self {
    case .tooFewReferenceFeatures(let count):
      "the reference set has \(count) feature(s); its covariance needs at least 2"
    case .covarianceNotPositiveDefinite(let dimension, let minor):
      "the reference covariance (\(dimension) × \(dimension)) is singular (leading minor \(minor)): "
        + "the reference set needs more distinct images than the \(dimension) feature dimensions"
    case .precisionNotPositiveDefinite(let dimension, let minor):
      "the inverse reference covariance (\(dimension) × \(dimension)) has no Cholesky factor "
        + "(leading minor \(minor)); the covariance is numerically singular"
    case .dimensionMismatch(let expected, let found):
      "features have \(found) values where \(expected) were expected"
    case .rowCountMismatch(let expected, let found):
      "\(found) rows where \(expected) were expected"
    case .groupTooSmall(let group, let count, let minimum):
      "group '\(group)' has \(count) view(s); at least \(minimum) are needed"
    case .badSignificanceSetting(let n, let alpha, let comparisons):
      "the Hoeffding test needs n ≥ 1, 0 < α < 1 and m ≥ 1 (got n = \(n), α = \(alpha), m = \(comparisons))"
    case .fusionDimensionMismatch(let mode, let dimensions):
      "fusion by \(mode) needs equal feature dimensions, got \(dimensions)"
    case .fusionNeedsTwoModels(let count):
      "fusion needs at least two models, got \(count)"
    case .transform(let error, let image):
      "image \(image): \(error)"
    case .image(let error): "\(error)"
    case .tensor(let error): "\(error)"
    }
  }
}
