// Copyright © 2026 the ssl authors.
//
// Hand-worked values, with the scipy 1.17 results quoted beside them.

import Foundation
import Runtime
import TestSupport
import Testing

@Suite struct CorrelationTests {
  /// Pearson by hand: x = 1…5, y = [2, 4, 5, 4, 5].
  ///
  /// Sxy = 6, Sxx = 10, Syy = 6, r = 6/√60.
  /// scipy: p = 0.1240270626575546, CI (−0.34008203518751035, 0.9842357551507267).
  @Test func pearsonHandWorked() {
    let result = Correlation.pearson([1, 2, 3, 4, 5], [2, 4, 5, 4, 5])
    #expect(result.n == 5)
    assertClose(result.r, 6 / 60.0.squareRoot(), rtol: 1e-14)
    assertClose(result.pValue, 0.1240270626575546, rtol: 1e-10)
    assertClose(
      [result.ci95.lowerBound, result.ci95.upperBound],
      [-0.34008203518751035, 0.9842357551507267], rtol: 1e-12)
  }

  /// Fisher z: atanh of the interval's ends sit z₀.₉₇₅/√(n − 3) either side of atanh r.
  @Test func fisherIntervalIsSymmetricInZ() {
    let result = Correlation.pearson([1, 3, 2, 5, 4, 7, 6], [2, 1, 4, 3, 6, 8, 7])
    let half = 1.959963984540054 / 2.0
    assertClose(atanh(result.ci95.upperBound) - atanh(result.r), half, rtol: 1e-12)
    assertClose(atanh(result.r) - atanh(result.ci95.lowerBound), half, rtol: 1e-12)
  }

  @Test func perfectAndConstantSamples() {
    let perfect = Correlation.pearson([1, 2, 3, 4], [3, 5, 7, 9])
    // Rounding leaves r one or two ulps below 1 (scipy's value differs the same way).
    assertClose(perfect.r, 1, rtol: 1e-15)
    #expect(perfect.pValue < 1e-12)
    let constant = Correlation.pearson([1, 2, 3], [4, 4, 4])
    #expect(constant.r.isNaN)
    #expect(constant.pValue.isNaN)
    #expect(constant.ci95 == -1.0...1.0)
    #expect(Correlation.spearman([1, 1, 1], [1, 2, 3]).rho.isNaN)
  }

  /// n = 3: p = I_{1−r²}(½, ½) = (2/π) asin √(1 − r²); scipy pearsonr([1,2,3],[1,2,4]) gives
  /// p = 0.12103771832367739.
  @Test func threePointPValue() {
    let result = Correlation.pearson([1, 2, 3], [1, 2, 4])
    let expected = 2 / Double.pi * asin((1 - result.r * result.r).squareRoot())
    assertClose(result.pValue, expected, rtol: 1e-13)
    assertClose(result.pValue, 0.12103771832367739, rtol: 1e-10)
    #expect(result.ci95 == -1.0...1.0)
  }

  @Test func averageRanksShareTies() {
    #expect(Correlation.averageRanks([10, 20, 20, 30]) == [1, 2.5, 2.5, 4])
    #expect(Correlation.averageRanks([3, 1, 3, 3, 2]) == [4, 1, 4, 4, 2])
    #expect(Correlation.averageRanks([5, 5, 5]) == [2, 2, 2])
  }

  /// Spearman with ties by hand.
  ///
  /// Ranks x → [1, 2.5, 2.5, 4, 5], y → [1, 2, 3.5, 3.5, 5]; Sxy = 8.75, Sxx = Syy = 9.5.
  /// scipy.stats.spearmanr: rho = 0.9210526315789475, p = 0.026310519685577904.
  @Test func spearmanWithTiesHandWorked() {
    let result = Correlation.spearman([1, 2, 2, 3, 4], [10, 20, 30, 30, 50])
    assertClose(result.rho, 8.75 / 9.5, rtol: 1e-14)
    assertClose(result.pValue, 0.026310519685577904, rtol: 1e-10)
  }

  /// rho = −0.5 for n = 3; scipy p = 2/3 exactly.
  @Test func spearmanThreePoints() {
    let result = Correlation.spearman([3, 1, 2], [1, 2, 3])
    assertClose(result.rho, -0.5, rtol: 1e-15)
    assertClose(result.pValue, 2.0 / 3.0, rtol: 1e-13)
  }

  /// Spearman is invariant under monotone maps of either sample.
  @Test func spearmanIsRankInvariant() {
    let x = [0.3, 1.9, 0.7, 4.4, 2.2, 3.1]
    let y = [1.0, 2.0, 0.5, 9.0, 3.0, 2.5]
    let a = Correlation.spearman(x, y)
    let b = Correlation.spearman(x.map(exp), y.map { $0 * $0 * $0 })
    #expect(a == b)
  }
}
