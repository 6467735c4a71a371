// Copyright © 2026 the ssl authors.

import Foundation

/// Pearson and Spearman correlation between two paired samples.
///
/// Callers validate the input first: both functions require equal lengths of at least 3
/// (a `precondition`). Constant samples are not an error here; they yield NaN statistics,
/// which ``TransferCorrelation`` reports as a typed error.
public enum Correlation {
  /// Pearson's r, its exact two-sided p-value and its Fisher-z 95% interval.
  ///
  /// Two-pass: means first, then centred cross-products, so large offsets (e.g. log-odds
  /// around 1.0 ± 0.1) lose no precision. See ``PearsonResult`` for the formulas.
  ///
  /// - Parameters:
  ///   - x: The first sample.
  ///   - y: The second sample, the same length as `x` (at least 3).
  /// - Returns: The correlation, p-value and interval.
  public static func pearson(_ x: [Double], _ y: [Double]) -> PearsonResult {
    precondition(x.count == y.count, "pearson: samples differ in length")
    precondition(x.count >= 3, "pearson: needs at least 3 pairs")
    let n = x.count
    let r = pearsonCoefficient(x, y)
    let pValue = twoSidedPValue(r: r, n: n)
    return PearsonResult(r: r, n: n, pValue: pValue, ci95: fisherInterval(r: r, n: n))
  }

  /// Spearman's ρ over average ranks, with scipy's t-approximation p-value.
  ///
  /// - Parameters:
  ///   - x: The first sample.
  ///   - y: The second sample, the same length as `x` (at least 3).
  /// - Returns: The rank correlation and its p-value.
  public static func spearman(_ x: [Double], _ y: [Double]) -> SpearmanResult {
    precondition(x.count == y.count, "spearman: samples differ in length")
    precondition(x.count >= 3, "spearman: needs at least 3 pairs")
    let rho = pearsonCoefficient(averageRanks(x), averageRanks(y))
    return SpearmanResult(rho: rho, n: x.count, pValue: twoSidedPValue(r: rho, n: x.count))
  }

  /// Ranks `1…n` in ascending order, ties given the mean of the ranks they span.
  ///
  /// `[10, 20, 20, 30]` → `[1, 2.5, 2.5, 4]` (scipy's `rankdata(method="average")`).
  ///
  /// - Parameter values: The sample; NaN is not supported.
  /// - Returns: One rank per value, in the input order.
  public static func averageRanks(_ values: [Double]) -> [Double] {
    let order = values.indices.sorted { values[$0] < values[$1] }
    var ranks = [Double](repeating: 0, count: values.count)
    var start = 0
    while start < order.count {
      var end = start
      while end + 1 < order.count, values[order[end + 1]] == values[order[start]] { end += 1 }
      // Positions start…end (0-based) hold ranks start+1…end+1; their mean is:
      let shared = Double(start + end + 2) / 2
      for k in start...end { ranks[order[k]] = shared }
      start = end + 1
    }
    return ranks
  }

  // MARK: - Internals

  /// `Σ dx dy / √(Σ dx² Σ dy²)`, clipped to [−1, 1] as scipy does; NaN for a constant sample.
  static func pearsonCoefficient(_ x: [Double], _ y: [Double]) -> Double {
    let n = Double(x.count)
    let meanX = x.reduce(0, +) / n
    let meanY = y.reduce(0, +) / n
    var sxy = 0.0
    var sxx = 0.0
    var syy = 0.0
    for i in x.indices {
      let dx = x[i] - meanX
      let dy = y[i] - meanY
      sxy += dx * dy
      sxx += dx * dx
      syy += dy * dy
    }
    guard sxx > 0, syy > 0 else { return .nan }
    // Normalising each norm separately avoids overflow of sxx * syy.
    let r = sxy / (sxx.squareRoot() * syy.squareRoot())
    return min(max(r, -1), 1)
  }

  /// `P(|T| ≥ |t|)` for `t = r √((n−2)/(1−r²))`, which reduces to `I_{1−r²}((n−2)/2, ½)`.
  static func twoSidedPValue(r: Double, n: Int) -> Double {
    if r.isNaN { return .nan }
    if abs(r) == 1 { return 0 }
    let df = Double(n - 2)
    return SpecialFunctions.regularizedIncompleteBeta((1 - r) * (1 + r), a: df / 2, b: 0.5)
  }

  /// `tanh(atanh r ∓ z₀.₉₇₅ / √(n − 3))`; `[−1, 1]` when `n ≤ 3` or r is NaN.
  static func fisherInterval(r: Double, n: Int) -> ClosedRange<Double> {
    // A range cannot hold NaN bounds (`...` traps), so an undefined r gets the whole range.
    guard !r.isNaN, n > 3 else { return -1.0...1.0 }
    let z = atanh(r)
    let halfWidth = SpecialFunctions.normalQuantile975 / Double(n - 3).squareRoot()
    return tanh(z - halfWidth)...tanh(z + halfWidth)
  }
}
