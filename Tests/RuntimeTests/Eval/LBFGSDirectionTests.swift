// Copyright © 2026 the ssl authors.
//
// The fused two-loop recursion (`LBFGS.direction`) against the matrix it stands for: the
// inverse-Hessian approximation built by the BFGS update H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ
// from H₀ = (sᵀy / yᵀy)·I of the newest pair (Nocedal & Wright, eqs. 7.19 and 7.20), formed
// densely and multiplied by −g.

import Testing
import TestSupport

@testable import Runtime

private func uniformDoubles(_ count: Int, using rng: inout SeededGenerator) -> [Double] {
  (0..<count).map { _ in Double.random(in: -1...1, using: &rng) }
}

@Suite struct LBFGSDirectionTests {
  /// Pairs with sᵀy > 0: y = A·s + small noise for a random SPD A.
  static func pairs(dimension n: Int, count m: Int, seed: UInt64)
    -> (g: [Double], pairs: [(s: [Double], y: [Double], rho: Double)])
  {
    var rng = SeededGenerator(seed: seed)
    let b = uniformDoubles(n * n, using: &rng)
    var result: [(s: [Double], y: [Double], rho: Double)] = []
    for _ in 0..<m {
      let s = uniformDoubles(n, using: &rng)
      let noise = uniformDoubles(n, using: &rng)
      // A = Bᵀ B / n + I, applied without forming it.
      let bs = (0..<n).map { i in (0..<n).reduce(0.0) { $0 + b[i * n + $1] * s[$1] } }
      let y = (0..<n).map { j in
        (0..<n).reduce(0.0) { $0 + b[$1 * n + j] * bs[$1] } / Double(n) + s[j] + 0.01 * noise[j]
      }
      let sy = zip(s, y).reduce(0.0) { $0 + $1.0 * $1.1 }
      result.append((s, y, 1 / sy))
    }
    return (uniformDoubles(n, using: &rng), result)
  }

  @Test(arguments: [(7, 1), (7, 3), (12, 10)])
  func matchesDenseBFGS(dimension n: Int, memory m: Int) {
    let (g, pairs) = Self.pairs(dimension: n, count: m, seed: UInt64(n * 100 + m))
    let last = pairs[m - 1]
    let gamma = zip(last.s, last.y).reduce(0.0) { $0 + $1.0 * $1.1 }
      / last.y.reduce(0.0) { $0 + $1 * $1 }
    var h = [Double](repeating: 0, count: n * n)
    for i in 0..<n { h[i * n + i] = gamma }
    for (s, y, rho) in pairs {
      // V = I − ρ y sᵀ; H ← Vᵀ H V + ρ s sᵀ.
      var v = [Double](repeating: 0, count: n * n)
      for i in 0..<n {
        for j in 0..<n { v[i * n + j] = (i == j ? 1 : 0) - rho * y[i] * s[j] }
      }
      var hv = [Double](repeating: 0, count: n * n)
      for i in 0..<n {
        for j in 0..<n {
          hv[i * n + j] = (0..<n).reduce(0.0) { $0 + h[i * n + $1] * v[$1 * n + j] }
        }
      }
      for i in 0..<n {
        for j in 0..<n {
          h[i * n + j] = (0..<n).reduce(0.0) { $0 + v[$1 * n + i] * hv[$1 * n + j] }
            + rho * s[i] * s[j]
        }
      }
    }
    let expected = (0..<n).map { i in -(0..<n).reduce(0.0) { $0 + h[i * n + $1] * g[$1] } }
    assertClose(LBFGS.direction(gradient: g, pairs: pairs), expected, rtol: 1e-10, atol: 1e-12)
  }

  /// Long vectors take the two-thread path of the fused updates; the textbook recursion with
  /// plain loops is the reference there (a dense H would be too large).
  @Test func longVectorsMatchTextbookRecursion() {
    let n = 70_001
    var rng = SeededGenerator(seed: 9)
    let g = uniformDoubles(n, using: &rng)
    var pairs: [(s: [Double], y: [Double], rho: Double)] = []
    for _ in 0..<4 {
      let s = uniformDoubles(n, using: &rng)
      let y = zip(s, uniformDoubles(n, using: &rng)).map { 2 * $0 + 0.1 * $1 }
      pairs.append((s, y, 1 / zip(s, y).reduce(0.0) { $0 + $1.0 * $1.1 }))
    }
    func dot(_ a: [Double], _ b: [Double]) -> Double { zip(a, b).reduce(0.0) { $0 + $1.0 * $1.1 } }
    var q = g
    var alpha = [Double](repeating: 0, count: pairs.count)
    for j in pairs.indices.reversed() {
      alpha[j] = pairs[j].rho * dot(pairs[j].s, q)
      for i in 0..<n { q[i] -= alpha[j] * pairs[j].y[i] }
    }
    let gamma = dot(pairs[3].s, pairs[3].y) / dot(pairs[3].y, pairs[3].y)
    for i in 0..<n { q[i] *= gamma }
    for j in pairs.indices {
      let beta = pairs[j].rho * dot(pairs[j].y, q)
      for i in 0..<n { q[i] += (alpha[j] - beta) * pairs[j].s[i] }
    }
    assertClose(
      LBFGS.direction(gradient: g, pairs: pairs), q.map { -$0 }, rtol: 1e-9, atol: 1e-12)
  }
}
