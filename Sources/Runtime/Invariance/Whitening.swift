// Copyright © 2026 the ssl authors.

import Kernels

/// The whitening of §8.1: P = Σ⁻¹, L = lower Cholesky factor of P (P = L·Lᵀ), and
/// z(f) = (μ − f)ᵀ·L, so ‖z(a) − z(b)‖ is the Mahalanobis distance between a and b.
///
/// P comes from LAPACK (`dpotrf` + `dpotri`, float64) where the seed code uses `np.linalg.inv`
/// (LU); both are the same matrix to rounding for a positive-definite Σ. L is kept in float64
/// (the seed code casts it to float32; the difference is below the measures' 1e-5 tolerance).
public struct Whitening: Sendable {
  /// The feature dimension d.
  public let dimension: Int
  /// μ, length d.
  public let mean: [Double]
  /// P = Σ⁻¹, [d, d] row-major.
  public let precision: [Double]
  /// L with P = L·Lᵀ, lower triangular, [d, d] row-major.
  public let factor: [Double]

  /// Inverts Σ (+ ridge·I) and factors the inverse.
  ///
  /// - Throws: ``InvarianceError/covarianceNotPositiveDefinite(dimension:leadingMinor:)`` or
  ///   ``InvarianceError/precisionNotPositiveDefinite(dimension:leadingMinor:)``.
  public init(statistics: FeatureStatistics, ridge: Double = 0) throws(InvarianceError) {
    let d = statistics.dimension
    var p = statistics.covariance
    if ridge != 0 { for i in 0..<d { p[i * d + i] += ridge } }
    let inverted = SPDMatrix.invert(&p, n: d)
    guard inverted == 0 else { throw .covarianceNotPositiveDefinite(dimension: d, leadingMinor: inverted) }
    var l = p
    let factored = SPDMatrix.choleskyLower(&l, n: d)
    guard factored == 0 else { throw .precisionNotPositiveDefinite(dimension: d, leadingMinor: factored) }
    dimension = d
    mean = statistics.mean
    precision = p
    factor = l
  }

  /// z = (μ − f)ᵀ·L for every row of `features`.
  ///
  /// - Returns: [rows, d] row-major whitened vectors.
  /// - Throws: ``InvarianceError/dimensionMismatch(expected:found:)``.
  public func whiten(_ features: FeatureMatrix) throws(InvarianceError) -> [[Double]] {
    guard features.columns == dimension else {
      throw .dimensionMismatch(expected: dimension, found: features.columns)
    }
    let n = features.rows
    let d = dimension
    if n == 0 { return [] }
    var centred = [Double](repeating: 0, count: n * d)  // [N, d] = μ − f
    for row in 0..<n {
      for j in 0..<d { centred[row * d + j] = mean[j] - Double(features.values[row * d + j]) }
    }
    var z = [Double](repeating: 0, count: n * d)  // [N, d] = (μ − f)·L
    centred.withUnsafeBufferPointer { x in
      factor.withUnsafeBufferPointer { l in
        z.withUnsafeMutableBufferPointer { out in
          GEMM.dgemm(m: n, n: d, k: d, a: x, lda: d, b: l, ldb: d, c: out, ldc: d)
        }
      }
    }
    return (0..<n).map { Array(z[($0 * d)..<(($0 + 1) * d)]) }
  }

  /// sqrt((a − b)ᵀ P (a − b)) (scipy's `mahalanobis`).
  public func mahalanobis(_ a: [Float], _ b: [Float]) throws(InvarianceError) -> Double {
    guard a.count == dimension else { throw .dimensionMismatch(expected: dimension, found: a.count) }
    guard b.count == dimension else { throw .dimensionMismatch(expected: dimension, found: b.count) }
    let d = dimension
    let delta = (0..<d).map { Double(a[$0]) - Double(b[$0]) }
    var total = 0.0
    for i in 0..<d {
      var row = 0.0
      for j in 0..<d { row += precision[i * d + j] * delta[j] }
      total += delta[i] * row
    }
    return max(total, 0).squareRoot()
  }
}
