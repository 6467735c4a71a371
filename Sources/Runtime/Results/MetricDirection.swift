// Copyright © 2026 the ssl authors.

/// Whether larger or smaller values of a metric are better.
///
/// The `better` column of `reference-results.csv`: every metric is `higher` except the
/// surface-normal angle errors, which are `lower`.
public enum MetricDirection: String, Hashable, Sendable, CaseIterable {
  /// Larger is better (accuracies, AP, IoU).
  case higher
  /// Smaller is better (angle errors).
  case lower
}
