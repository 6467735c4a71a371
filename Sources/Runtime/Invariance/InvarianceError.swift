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
