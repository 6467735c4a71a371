// Copyright © 2026 the ssl authors.

@_spi(Testing) import Kernels
import TestSupport
import Testing

@Suite struct BLASTests {
  /// (m, n, k, transA, transB, extra leading-dimension padding): covers the direct loop
  /// (m·n·k < 32³) and the cblas path, both transposes, and lda/ldb/ldc > minimum.
  static let cases: [(Int, Int, Int, Bool, Bool, Int)] = [
    (1, 1, 1, false, false, 0), (3, 5, 7, false, false, 2), (5, 3, 7, true, false, 1),
    (7, 5, 3, false, true, 3), (4, 9, 2, true, true, 0), (33, 65, 17, false, false, 0),
    (64, 49, 129, false, false, 5), (65, 33, 40, true, false, 0), (31, 70, 50, false, true, 7),
    (50, 40, 60, true, true, 2),
  ]

  /// Tolerance: rtol 1e-5, atol 1e-5 — reductions of ≤ 129 terms of O(1) values in fp32.
  @Test(arguments: cases.indices)
  func sgemmMatchesReference(index: Int) {
    let (m, n, k, ta, tb, pad) = Self.cases[index]
    var rng = SeededGenerator(seed: UInt64(100 + index))
    let (aRows, aCols) = ta ? (k, m) : (m, k)
    let (bRows, bCols) = tb ? (n, k) : (k, n)
    let lda = aCols + pad
    let ldb = bCols + pad
    let ldc = n + pad
    let a = uniformFloats(aRows * lda, using: &rng)
    let b = uniformFloats(bRows * ldb, using: &rng)
    let c0 = uniformFloats(m * ldc, using: &rng)
    for (alpha, beta) in [(Float(1), Float(0)), (Float(0.5), Float(1)), (Float(-2), Float(0.25))] {
      var fast = c0
      var slow = c0
      a.withUnsafeBufferPointer { a in
        b.withUnsafeBufferPointer { b in
          fast.withUnsafeMutableBufferPointer { c in
            GEMM.sgemm(transA: ta, transB: tb, m: m, n: n, k: k, alpha: alpha, a: a, lda: lda,
              b: b, ldb: ldb, beta: beta, c: c, ldc: ldc)
          }
          slow.withUnsafeMutableBufferPointer { c in
            ReferenceGEMM.sgemm(transA: ta, transB: tb, m: m, n: n, k: k, alpha: alpha, a: a,
              lda: lda, b: b, ldb: ldb, beta: beta, c: c, ldc: ldc)
          }
        }
      }
      assertClose(fast, slow, rtol: 1e-5, atol: 1e-5, "m\(m) n\(n) k\(k) α\(alpha) β\(beta)")
      // Padding columns of C beyond n must be untouched.
      for i in 0..<m { for j in n..<ldc { #expect(fast[i * ldc + j] == c0[i * ldc + j]) } }
    }
  }

  /// beta == 0 must not read C: a NaN already in C may not leak into the result.
  @Test func betaZeroIgnoresNaNInC() {
    for (m, n, k) in [(2, 3, 4), (40, 40, 40)] {
      let a = [Float](repeating: 1, count: m * k)
      let b = [Float](repeating: 2, count: k * n)
      var c = [Float](repeating: .nan, count: m * n)
      a.withUnsafeBufferPointer { a in
        b.withUnsafeBufferPointer { b in
          c.withUnsafeMutableBufferPointer { c in
            GEMM.sgemm(m: m, n: n, k: k, a: a, lda: k, b: b, ldb: n, c: c, ldc: n)
          }
        }
      }
      #expect(c.allSatisfy { $0 == Float(2 * k) })
    }
  }

  @Test func directLoopThresholdIsStated() {
    #expect(GEMM.prefersDirectLoop(m: 31, n: 32, k: 32))
    #expect(!GEMM.prefersDirectLoop(m: 32, n: 32, k: 32))
  }

  @Test func threadSettingRoundTrips() {
    let before = BLASThreads.current
    BLASThreads.set(1)
    #expect(BLASThreads.current == 1)
    BLASThreads.set(before)
    #expect(BLASThreads.current == before)
  }
}
