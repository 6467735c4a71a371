// Copyright © 2026 the ssl authors.

import Foundation

/// The log-odds transform and its inverse.
///
/// The paper correlates accuracies on the logit scale, `logit p = ln(p / (1 − p))`, so that
/// a step from 98% to 99% counts as much as one from 50% to 73%.
public enum Logit {
  /// `ln(p / (1 − p))`, computed as `ln p − ln1p(−p)`.
  ///
  /// - Parameter p: A probability; 0 and 1 give `−∞` and `+∞`, values outside `[0, 1]` NaN.
  /// - Returns: The log-odds.
  public static func logit(_ p: Double) -> Double {
    guard p >= 0, p <= 1 else { return .nan }
    return log(p) - log1p(-p)
  }

  /// `logit(percent / 100)` for accuracies stated in percent.
  ///
  /// - Parameter percent: A value in `[0, 100]`.
  /// - Returns: The log-odds.
  public static func logit(percent: Double) -> Double {
    logit(percent / 100)
  }

  /// The logistic function `1 / (1 + e^(−z))`, the inverse of ``logit(_:)``.
  ///
  /// - Parameter z: Log-odds.
  /// - Returns: The probability in `[0, 1]`.
  public static func logistic(_ z: Double) -> Double {
    // Branching keeps exp from overflowing for large |z|.
    if z >= 0 { return 1 / (1 + exp(-z)) }
    let e = exp(z)
    return e / (1 + e)
  }
}
