// Copyright © 2026 the ssl authors.

import Kernels
import TestSupport
import Testing

@Suite struct DGEMMTests {
  /// (m, n, k, transA, transB, extra leading-dimension padding): both transposes, leading
  /// dimensions above the minimum, odd and non-square sizes.
  static let cases: [(Int, Int, Int, Bool, Bool, Int)] = [
    (1, 1, 1, false, false, 0), (3, 5, 7, false, false, 2), (5, 3, 7, true, false, 1),
    (7, 5, 3, false, true, 3), (4, 9, 2, true, true, 0), (33, 65, 17, false, false, 0),
    (65, 33, 40, true, false, 0), (31, 70, 50, false, true, 7), (50, 40, 60, true, true, 2),
  ]

  /// Naive triple loop in Double, the reference for `GEMM.dgemm`.
  static func reference(
    transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Double, a: [Double], lda: Int,
    b: [Double], ldb: Int, beta: Double, c: inout [Double], ldc: Int
  ) {
    for i in 0..<m {
      for j in 0..<n {
        var sum = 0.0
        for p in 0..<k {
          let x = transA ? a[p * lda + i] : a[i * lda + p]
          let y = transB ? b[j * ldb + p] : b[p * ldb + j]
          sum += x * y
        }
        c[i * ldc + j] = alpha * sum + (beta == 0 ? 0 : beta * c[i * ldc + j])
      }
    }
  }

  /// Tolerance: rtol 1e-12, atol 1e-12 — ≤ 65-term float64 sums of O(1) values.
  @Test(arguments: cases.indices)
  func dgemmMatchesReference(index: Int) {
    let (m, n, k, ta, tb, pad) = Self.cases[index]
    var rng = SeededGenerator(seed: UInt64(500 + index))
    let (aRows, aCols) = ta ? (k, m) : (m, k)
    let (bRows, bCols) = tb ? (n, k) : (k, n)
    let lda = aCols + pad
    let ldb = bCols + pad
    let ldc = n + pad
    let a = uniformFloats(aRows * lda, using: &rng).map(Double.init)
    let b = uniformFloats(bRows * ldb, using: &rng).map(Double.init)
    let c0 = uniformFloats(m * ldc, using: &rng).map(Double.init)
    for (alpha, beta) in [(1.0, 0.0), (0.5, 1.0), (-2.0, 0.25)] {
      var fast = c0
      var slow = c0
      a.withUnsafeBufferPointer { pa in
        b.withUnsafeBufferPointer { pb in
          fast.withUnsafeMutableBufferPointer { pc in
            GEMM.dgemm(transA: ta, transB: tb, m: m, n: n, k: k, alpha: alpha, a: pa, lda: lda,
              b: pb, ldb: ldb, beta: beta, c: pc, ldc: ldc)
          }
        }
      }
      Self.reference(
        transA: ta, transB: tb, m: m, n: n, k: k, alpha: alpha, a: a, lda: lda, b: b, ldb: ldb,
        beta: beta, c: &slow, ldc: ldc)
      assertClose(fast, slow, rtol: 1e-12, atol: 1e-12, "m\(m) n\(n) k\(k) α\(alpha) β\(beta)")
      for i in 0..<m { for j in n..<ldc { #expect(fast[i * ldc + j] == c0[i * ldc + j]) } }
    }
  }

  /// beta == 0 must not read C, and an empty reduction writes zeros.
  @Test func betaZeroIgnoresNaNAndEmptyReduction() {
    for (m, n, k) in [(2, 3, 4), (3, 2, 0)] {
      let a = [Double](repeating: 1, count: m * k)
      let b = [Double](repeating: 2, count: k * n)
      var c = [Double](repeating: .nan, count: m * n)
      a.withUnsafeBufferPointer { pa in
        b.withUnsafeBufferPointer { pb in
          c.withUnsafeMutableBufferPointer { pc in
            GEMM.dgemm(m: m, n: n, k: k, a: pa, lda: max(1, k), b: pb, ldb: n, c: pc, ldc: n)
          }
        }
      }
      #expect(c == [Double](repeating: Double(2 * k), count: m * n))
    }
  }
}
