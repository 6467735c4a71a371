// Copyright © 2026 the ssl authors.

/// The unit of a metric's values, which decides how it is logit-transformed.
///
/// Derived from the metric name alone: `mean-iou` is a fraction in `[0, 1]`,
/// `mean-angle-error` and `median-angle-error` are degrees, and every other metric in the
/// reference table (`top1`, `mean-per-class`, `map11`, `AP*`, `within-*`, `pixel-accuracy`)
/// is a percentage in `[0, 100]`. The invariance measures (`cosine`, the whitened cosine S in
/// `[−1, 1]`; `mahalanobis`, the distance L ≥ 0; Wang & Isola's `alignment` and `uniformity`)
/// and the landmark regressions' `r2` (which can be negative) are ``raw``: correlated
/// untransformed (or negated when lower is better).
public enum MetricScale: String, Hashable, Sendable, CaseIterable {
  /// A percentage in `[0, 100]`.
  case percent
  /// A fraction in `[0, 1]`.
  case fraction
  /// An angle in degrees (unbounded for our purposes).
  case degrees
  /// A measure on its own unbounded scale (the invariance S and L).
  case raw

  /// The scale of the named metric.
  ///
  /// - Parameter metric: A metric name as spelled in the CSV, for example `mean-iou`.
  public init(metric: String) {
    switch metric.lowercased() {
    case "mean-iou": self = .fraction
    case "mean-angle-error", "median-angle-error": self = .degrees
    case "cosine", "mahalanobis", "alignment", "uniformity", "r2": self = .raw
    default: self = .percent
    }
  }

  /// Whether values live in a bounded interval that maps onto `[0, 1]`.
  public var isBounded: Bool {
    switch self {
    case .percent, .fraction: true
    case .degrees, .raw: false
    }
  }

  /// Converts a value on this scale to a proportion in `[0, 1]`; nil for unbounded scales.
  ///
  /// - Parameter value: A value on this scale.
  /// - Returns: `value / 100` for percent, `value` for fraction, nil for degrees.
  public func proportion(_ value: Double) -> Double? {
    switch self {
    case .percent: value / 100
    case .fraction: value
    case .degrees, .raw: nil
    }
  }
}
