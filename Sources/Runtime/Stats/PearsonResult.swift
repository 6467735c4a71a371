// Copyright © 2026 the ssl authors.

/// Pearson's product-moment correlation with its two-sided p-value and 95% interval.
///
/// Produced by ``Correlation/pearson(_:_:)``. Mirrors `scipy.stats.pearsonr`:
/// * `r = Σ(xᵢ − x̄)(yᵢ − ȳ) / √(Σ(xᵢ − x̄)² Σ(yᵢ − ȳ)²)`, clipped to `[−1, 1]`;
/// * `pValue = P(|T| ≥ |t|)` with `t = r √((n − 2) / (1 − r²))` and `n − 2` degrees of freedom,
///   computed exactly as `I_{1−r²}((n − 2)/2, ½)`;
/// * `ci95 = tanh(atanh r ∓ z₀.₉₇₅ / √(n − 3))` (Fisher z, as scipy's `confidence_interval()`).
public struct PearsonResult: Hashable, Sendable {
  /// The correlation coefficient in `[−1, 1]`, or NaN when either sample is constant.
  public var r: Double
  /// The number of paired observations.
  public var n: Int
  /// The two-sided p-value of the null hypothesis `ρ = 0`.
  public var pValue: Double
  /// The 95% confidence interval for `ρ` from the Fisher z transform.
  ///
  /// Degenerates to `r...r` when `r = ±1`; the uninformative `−1...1` when `n ≤ 3` or `r` is
  /// NaN (a `ClosedRange` cannot hold NaN bounds).
  public var ci95: ClosedRange<Double>

  /// Creates a result from its parts (used by tests and by deserialization).
  ///
  /// - Parameters:
  ///   - r: The correlation coefficient.
  ///   - n: The number of pairs.
  ///   - pValue: The two-sided p-value.
  ///   - ci95: The 95% confidence interval.
  public init(r: Double, n: Int, pValue: Double, ci95: ClosedRange<Double>) {
    self.r = r
    self.n = n
    self.pValue = pValue
    self.ci95 = ci95
  }
}
