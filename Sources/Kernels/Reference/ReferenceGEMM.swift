// Copyright © 2026 the ssl authors.
//
// ReferenceGEMM.swift — the naive twin of `GEMM.sgemm`. Never on the fast path.
//
// Algorithm: the textbook triple loop C[i,j] = α·Σ_p op(A)[i,p]·op(B)[p,j] + β·C[i,j], summed
// in Double so it is a more accurate answer than any fp32 BLAS, not just a different one.
// Layouts and leading dimensions follow the contract in `BLAS/BLAS.swift` (row-major).

/// Naive GEMM for tests and benchmarks.
@_spi(Testing)
public enum ReferenceGEMM {
  /// Row-major `C ← alpha·op(A)·op(B) + beta·C`, with the same argument meaning as
  /// ``GEMM/sgemm(transA:transB:m:n:k:alpha:a:lda:b:ldb:beta:c:ldc:)``.
  public static func sgemm(
    transA: Bool = false, transB: Bool = false, m: Int, n: Int, k: Int, alpha: Float = 1,
    a: UnsafeBufferPointer<Float>, lda: Int, b: UnsafeBufferPointer<Float>, ldb: Int,
    beta: Float = 0, c: UnsafeMutableBufferPointer<Float>, ldc: Int
  ) {
    for i in 0..<m {
      for j in 0..<n {
        var sum = 0.0
        for p in 0..<k {
          let x = transA ? a[p * lda + i] : a[i * lda + p]
          let y = transB ? b[j * ldb + p] : b[p * ldb + j]
          sum += Double(x) * Double(y)
        }
        let old = beta == 0 ? 0 : Double(beta) * Double(c[i * ldc + j])
        c[i * ldc + j] = Float(Double(alpha) * sum + old)
      }
    }
  }
}
