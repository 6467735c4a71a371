// Copyright © 2026 the ssl authors.
//
// LAPACK.swift — the only file that calls LAPACK (the Fortran-ABI `dpotrf_`/`dpotri_` exported by
// libopenblas, declared in `System/CBLAS/CBLAS.h` because no `lapack.h` is installed).
//
// Contract: matrices are ROW-MAJOR, square, symmetric positive definite, float64, [n, n].
// A symmetric matrix is its own transpose, so the row-major buffer is handed to column-major
// LAPACK as is; asking LAPACK for the UPPER factor U (column-major, A = UᵀU) leaves, read
// row-major, the LOWER factor L = Uᵀ with A = L·Lᵀ. The other triangle is zeroed (Cholesky)
// or mirrored (inverse) before returning.

import CBLAS

/// Dense symmetric positive-definite factorisations through LAPACK (float64, row-major).
public enum SPDMatrix {
  /// Overwrites `a` ([n, n], row-major, symmetric positive definite) with its lower Cholesky
  /// factor L (A = L·Lᵀ; the strict upper triangle is set to 0).
  ///
  /// - Returns: LAPACK's `info`: 0 on success, `k > 0` when the leading minor of order k is not
  ///   positive definite (then `a` is unspecified).
  public static func choleskyLower(_ a: inout [Double], n: Int) -> Int {
    precondition(a.count == n * n, "SPDMatrix.choleskyLower: \(a.count) values for n = \(n)")
    if n == 0 { return 0 }
    var info: Int32 = 0
    var order = Int32(n)
    var lda = Int32(n)
    var uplo = CChar(UInt8(ascii: "U"))
    a.withUnsafeMutableBufferPointer { buffer in
      dpotrf_(&uplo, &order, buffer.baseAddress, &lda, &info)
    }
    if info != 0 { return Int(info) }
    for row in 0..<n { for column in (row + 1)..<max(row + 1, n) { a[row * n + column] = 0 } }
    return 0
  }

  /// Overwrites `a` ([n, n], row-major, symmetric positive definite) with A⁻¹ (full, symmetric),
  /// through the Cholesky factorisation (`dpotrf` then `dpotri`).
  ///
  /// - Returns: LAPACK's `info`: 0 on success, nonzero when A is not positive definite.
  public static func invert(_ a: inout [Double], n: Int) -> Int {
    precondition(a.count == n * n, "SPDMatrix.invert: \(a.count) values for n = \(n)")
    if n == 0 { return 0 }
    var info: Int32 = 0
    var order = Int32(n)
    var lda = Int32(n)
    var uplo = CChar(UInt8(ascii: "U"))
    a.withUnsafeMutableBufferPointer { buffer in
      dpotrf_(&uplo, &order, buffer.baseAddress, &lda, &info)
      if info == 0 { dpotri_(&uplo, &order, buffer.baseAddress, &lda, &info) }
    }
    if info != 0 { return Int(info) }
    // Column-major upper = row-major lower holds the result; mirror it to the upper triangle.
    for row in 0..<n { for column in (row + 1)..<max(row + 1, n) { a[row * n + column] = a[column * n + row] } }
    return 0
  }
}
