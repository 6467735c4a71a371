// Copyright © 2026 the ssl authors.

import Foundation

/// Special functions behind the p-values, confidence intervals and regression bands.
///
/// Everything here is plain Double arithmetic with no external dependency:
/// * `logGamma` — Lanczos approximation (g = 7, 9 terms) with the reflection formula for
///   `x < 0.5`; relative error about 1e-15 over the positive axis.
/// * `regularizedIncompleteBeta` — `I_x(a, b) = B(x; a, b) / B(a, b)` evaluated with the
///   modified Lentz continued fraction (Numerical Recipes §6.4), using the symmetry
///   `I_x(a, b) = 1 − I_{1−x}(b, a)` so the fraction is always in its fast-converging region.
/// * Student-t CDF, two-sided tail and quantile, all built on the incomplete beta.
public enum SpecialFunctions {
  // MARK: - Gamma

  /// Lanczos coefficients for g = 7, n = 9 (Godfrey's set).
  private static let lanczos: [Double] = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
    -176.61502916214059, 12.507343278686905, -0.13857109526572012,
    9.9843695780195716e-6, 1.5056327351493116e-7,
  ]

  /// The natural logarithm of the absolute value of the gamma function, `ln |Γ(x)|`.
  ///
  /// For `x ≥ 0.5` uses `Γ(x) = √(2π) t^(x−½) e^(−t) A_g(x)` with `t = x + g − ½`;
  /// below that the reflection `Γ(x) Γ(1−x) = π / sin(πx)`.
  ///
  /// - Parameter x: Any finite value that is not a non-positive integer.
  /// - Returns: `ln |Γ(x)|`; `+∞` at the poles `0, −1, −2, …`.
  public static func logGamma(_ x: Double) -> Double {
    if x.isNaN { return .nan }
    if x <= 0, x == x.rounded(.towardZero) { return .infinity }
    if x < 0.5 {
      // Reflection keeps the Lanczos sum in its accurate range.
      return log(Double.pi / abs(sin(Double.pi * x))) - logGamma(1 - x)
    }
    let z = x - 1
    var sum = lanczos[0]
    for k in 1..<lanczos.count {
      sum += lanczos[k] / (z + Double(k))
    }
    let t = z + 7.5
    return 0.5 * log(2 * Double.pi) + (z + 0.5) * log(t) - t + log(sum)
  }

  /// The logarithm of the beta function, `ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b)`.
  ///
  /// - Parameters:
  ///   - a: First shape parameter, `a > 0`.
  ///   - b: Second shape parameter, `b > 0`.
  /// - Returns: `ln B(a, b)`.
  public static func logBeta(_ a: Double, _ b: Double) -> Double {
    logGamma(a) + logGamma(b) - logGamma(a + b)
  }

  // MARK: - Incomplete beta

  /// The regularized incomplete beta function `I_x(a, b)`.
  ///
  /// `I_x(a, b) = (1 / B(a, b)) ∫₀ˣ t^(a−1) (1−t)^(b−1) dt`. The front factor
  /// `x^a (1−x)^b / (a B(a, b))` is formed in log space so large shapes do not overflow, and
  /// the continued fraction is evaluated where `x < (a + 1) / (a + b + 2)`, otherwise the
  /// symmetric form `1 − I_{1−x}(b, a)` is used.
  ///
  /// - Parameters:
  ///   - x: The upper limit, clamped to `[0, 1]`.
  ///   - a: First shape parameter, `a > 0`.
  ///   - b: Second shape parameter, `b > 0`.
  /// - Returns: `I_x(a, b)` in `[0, 1]`, or NaN for NaN input or non-positive shapes.
  public static func regularizedIncompleteBeta(_ x: Double, a: Double, b: Double) -> Double {
    if x.isNaN || a.isNaN || b.isNaN || a <= 0 || b <= 0 { return .nan }
    if x <= 0 { return 0 }
    if x >= 1 { return 1 }
    let logFront = a * log(x) + b * log1p(-x) - logBeta(a, b)
    if x < (a + 1) / (a + b + 2) {
      return exp(logFront) * betaContinuedFraction(x, a: a, b: b) / a
    }
    let logFrontSymmetric = b * log1p(-x) + a * log(x) - logBeta(b, a)
    return 1 - exp(logFrontSymmetric) * betaContinuedFraction(1 - x, a: b, b: a) / b
  }

  /// Modified Lentz evaluation of the incomplete-beta continued fraction.
  private static func betaContinuedFraction(_ x: Double, a: Double, b: Double) -> Double {
    // Tiny keeps the Lentz denominators away from zero (NR's FPMIN).
    let tiny = 1e-300
    let epsilon = 1e-16
    let qab = a + b
    let qap = a + 1
    let qam = a - 1
    var c = 1.0
    var d = 1 - qab * x / qap
    if abs(d) < tiny { d = tiny }
    d = 1 / d
    var h = d
    for m in 1...10_000 {
      let md = Double(m)
      let m2 = 2 * md
      // Even step.
      var aa = md * (b - md) * x / ((qam + m2) * (a + m2))
      d = 1 + aa * d
      if abs(d) < tiny { d = tiny }
      c = 1 + aa / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      h *= d * c
      // Odd step.
      aa = -(a + md) * (qab + md) * x / ((a + m2) * (qap + m2))
      d = 1 + aa * d
      if abs(d) < tiny { d = tiny }
      c = 1 + aa / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      let delta = d * c
      h *= delta
      if abs(delta - 1) < epsilon { break }
    }
    return h
  }

  // MARK: - Student t

  /// The Student-t cumulative distribution function `P(T ≤ t)` with `df` degrees of freedom.
  ///
  /// With `x = df / (df + t²)`: `P(T ≤ t) = 1 − ½ I_x(df/2, ½)` for `t > 0` and
  /// `½ I_x(df/2, ½)` for `t ≤ 0`.
  ///
  /// - Parameters:
  ///   - t: The point at which to evaluate; `±∞` give 1 and 0.
  ///   - df: Degrees of freedom, `df > 0`.
  /// - Returns: The lower-tail probability.
  public static func studentTCDF(_ t: Double, degreesOfFreedom df: Double) -> Double {
    if t.isNaN || df.isNaN || df <= 0 { return .nan }
    if t == .infinity { return 1 }
    if t == -.infinity { return 0 }
    let tail = 0.5 * regularizedIncompleteBeta(df / (df + t * t), a: df / 2, b: 0.5)
    return t > 0 ? 1 - tail : tail
  }

  /// The two-sided Student-t tail probability `P(|T| ≥ |t|) = I_{df/(df+t²)}(df/2, ½)`.
  ///
  /// Computed directly (not as `2(1 − CDF)`) so small p-values keep their relative accuracy.
  ///
  /// - Parameters:
  ///   - t: The observed statistic.
  ///   - df: Degrees of freedom, `df > 0`.
  /// - Returns: The two-sided p-value in `[0, 1]`.
  public static func studentTTwoSidedTail(_ t: Double, degreesOfFreedom df: Double) -> Double {
    if t.isNaN || df.isNaN || df <= 0 { return .nan }
    if t.isInfinite { return 0 }
    return regularizedIncompleteBeta(df / (df + t * t), a: df / 2, b: 0.5)
  }

  /// The Student-t quantile: the `t` with `P(T ≤ t) = p` for `df` degrees of freedom.
  ///
  /// Solved by bracketing, bisection to a narrow interval, then Newton steps on the CDF with
  /// the density `f(t) = (1 + t²/df)^(−(df+1)/2) / (√df B(df/2, ½))`; the result is kept
  /// inside the bracket so Newton can never run away.
  ///
  /// - Parameters:
  ///   - p: A probability in `(0, 1)`; 0 and 1 give `−∞` and `+∞`.
  ///   - df: Degrees of freedom, `df > 0`.
  /// - Returns: The quantile; NaN for `p` outside `[0, 1]` or non-positive `df`.
  public static func studentTQuantile(_ p: Double, degreesOfFreedom df: Double) -> Double {
    if p.isNaN || df.isNaN || df <= 0 || p < 0 || p > 1 { return .nan }
    if p == 0 { return -.infinity }
    if p == 1 { return .infinity }
    if p == 0.5 { return 0 }
    // Work in the upper half and mirror: the quantile is odd about p = ½.
    let upper = p > 0.5
    let q = upper ? p : 1 - p
    var low = 0.0
    var high = 1.0
    while studentTCDF(high, degreesOfFreedom: df) < q && high < 1e300 { high *= 2 }
    for _ in 0..<60 {
      let mid = 0.5 * (low + high)
      if studentTCDF(mid, degreesOfFreedom: df) < q { low = mid } else { high = mid }
      if high - low <= 1e-6 * max(1, high) { break }
    }
    var t = 0.5 * (low + high)
    let logNorm = -0.5 * log(df) - logBeta(df / 2, 0.5)
    for _ in 0..<20 {
      let density = exp(logNorm - (df + 1) / 2 * log1p(t * t / df))
      let step = (studentTCDF(t, degreesOfFreedom: df) - q) / density
      let next = min(max(t - step, low), high)
      if abs(next - t) <= 1e-15 * max(1, abs(t)) { t = next; break }
      t = next
    }
    return upper ? t : -t
  }

  // MARK: - Normal

  /// The standard normal quantile `z_{0.975} = Φ⁻¹(0.975)` used by 95% Fisher-z intervals.
  ///
  /// The same constant scipy's `pearsonr(...).confidence_interval()` obtains from `ndtri`.
  public static let normalQuantile975 = 1.959963984540054
}
