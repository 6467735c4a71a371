// Copyright © 2026 the ssl authors.

import Foundation

/// The invariance paper's significance test (§8.6): for a mean of n variables in [0, 1],
/// P(Sₙ − E[Sₙ] ≥ t) ≤ exp(−2nt²), so "no difference" is rejected when the mean difference in
/// similarity exceeds t = sqrt(ln(1/δ) / (2n)), with δ = α / m after Bonferroni correction for m
/// comparisons (the paper: α = 0.05, m = 3 for Default / Spatial / Appearance).
public struct HoeffdingTest: Hashable, Sendable {
  /// Sample size n (images per measure).
  public let n: Int
  /// Family-wise level α.
  public let alpha: Double
  /// Number of comparisons m (Bonferroni).
  public let comparisons: Int

  /// - Throws: ``InvarianceError/badSignificanceSetting(n:alpha:comparisons:)`` unless n ≥ 1,
  ///   0 < α < 1 and m ≥ 1.
  public init(n: Int, alpha: Double = 0.05, comparisons: Int = 3) throws(InvarianceError) {
    guard n >= 1, alpha > 0, alpha < 1, comparisons >= 1 else {
      throw .badSignificanceSetting(n: n, alpha: alpha, comparisons: comparisons)
    }
    self.n = n
    self.alpha = alpha
    self.comparisons = comparisons
  }

  /// δ = α / m.
  public var delta: Double { alpha / Double(comparisons) }

  /// t = sqrt(ln(1/δ) / (2n)).
  public var threshold: Double { (Foundation.log(1 / delta) / (2 * Double(n))).squareRoot() }

  /// The index of the significantly largest value, or nil when the best does not exceed every
  /// other by more than ``threshold`` (NaNs never win and never block).
  ///
  /// - Parameter means: one mean similarity per model (values in [0, 1] for the bound to hold).
  public func significantMaximum(of means: [Double]) -> Int? {
    let indexed = means.enumerated().filter { !$0.element.isNaN }
    guard let best = indexed.max(by: { $0.element < $1.element }) else { return nil }
    let others = indexed.filter { $0.offset != best.offset }
    guard !others.isEmpty else { return nil }
    let runnerUp = others.map(\.element).max() ?? -.infinity
    return best.element - runnerUp > threshold ? best.offset : nil
  }
}
