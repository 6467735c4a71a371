// Copyright © 2026 the ssl authors.

/// Spearman's rank correlation with scipy's t-approximation p-value.
///
/// Produced by ``Correlation/spearman(_:_:)``. `rho` is Pearson's r of the average ranks (ties
/// share the mean of the ranks they span). The p-value follows `scipy.stats.spearmanr`:
/// `t = ρ √((n − 2) / ((1 + ρ)(1 − ρ)))` against Student t with `n − 2` degrees of freedom,
/// two-sided.
public struct SpearmanResult: Hashable, Sendable {
  /// The rank correlation in `[−1, 1]`, or NaN when either sample is constant.
  public var rho: Double
  /// The number of paired observations.
  public var n: Int
  /// The two-sided p-value from the t approximation.
  public var pValue: Double

  /// Creates a result from its parts.
  ///
  /// - Parameters:
  ///   - rho: The rank correlation.
  ///   - n: The number of pairs.
  ///   - pValue: The two-sided p-value.
  public init(rho: Double, n: Int, pValue: Double) {
    self.rho = rho
    self.n = n
    self.pValue = pValue
  }
}
