// Copyright © 2026 the ssl authors.
//
// numpy's legacy normal draws (`RandomState.standard_normal`, `legacy_gauss`): the polar
// Box–Muller method on `random_sample` doubles (53 bits from two 32-bit words, a >> 5 and
// b >> 6), returning the second value of each pair first and caching the other.

import Foundation

extension NumpyRandomState {
  /// `np.random.random_sample()`: a double in [0, 1) from two 32-bit draws.
  public mutating func uniformDouble() -> Double {
    let a = Double(nextUInt32() >> 5)
    let b = Double(nextUInt32() >> 6)
    return (a * 67_108_864.0 + b) / 9_007_199_254_740_992.0
  }

  /// `np.random.standard_normal()`, draw for draw.
  public mutating func standardNormal() -> Double {
    if let cached = takeCachedGauss() { return cached }
    var x1 = 0.0
    var x2 = 0.0
    var r2 = 0.0
    repeat {
      x1 = 2 * uniformDouble() - 1
      x2 = 2 * uniformDouble() - 1
      r2 = x1 * x1 + x2 * x2
    } while r2 >= 1 || r2 == 0
    let f = (-2 * log(r2) / r2).squareRoot()
    cacheGauss(f * x1)
    return f * x2
  }

  /// `np.random.standard_normal(count)`.
  public mutating func standardNormal(count: Int) -> [Double] {
    (0..<count).map { _ in standardNormal() }
  }
}
