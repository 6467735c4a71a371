// Copyright © 2026 the ssl authors.

/// How a column's values are put on the correlation's y-axis (paper §4.6, Figure 2).
///
/// Metrics bounded in `[0, 1]` (after dividing percentages by 100) are logit-transformed,
/// metrics to minimise are negated so that "up is better" for every column, and anything
/// else is used as is.
public enum ValueTransform: String, Hashable, Sendable, CaseIterable {
  /// `logit(p)` with `p` the value as a proportion (``MetricScale/proportion(_:)``).
  case logit
  /// `−value`, for lower-is-better metrics (the surface-normal angle errors).
  case negated
  /// The value unchanged (a higher-is-better metric with no bounded scale).
  case identity

  /// The transform the paper applies to a column.
  ///
  /// - Parameters:
  ///   - scale: The column's metric scale.
  ///   - direction: Whether larger or smaller is better.
  /// - Returns: `.negated` for lower-is-better, `.logit` for bounded scales, else `.identity`.
  public static func paper(scale: MetricScale, direction: MetricDirection) -> ValueTransform {
    switch direction {
    case .lower: .negated
    case .higher: scale.isBounded ? .logit : .identity
    }
  }

  /// Applies the transform to a value.
  ///
  /// - Parameters:
  ///   - value: The value on `scale`.
  ///   - scale: The metric's scale (decides the division by 100 before the logit).
  /// - Returns: The transformed value; `±∞` for a logit of 0% or 100%, NaN outside the range.
  public func apply(_ value: Double, scale: MetricScale) -> Double {
    switch self {
    case .logit: Logit.logit(scale.proportion(value) ?? .nan)
    case .negated: -value
    case .identity: value
    }
  }
}
