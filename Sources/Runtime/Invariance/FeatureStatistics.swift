// Copyright © 2026 the ssl authors.

import Kernels

/// The reference-set statistics of §8.1: the mean feature μ and the unbiased covariance Σ.
///
/// μ is the float32 mean (as the seed code keeps it), widened to Double; Σ is
/// `np.cov(rowvar=False)`, the N − 1 estimate, accumulated in float64 through `dgemm`.
public struct FeatureStatistics: Hashable, Sendable, Codable {
  /// The feature dimension d.
  public let dimension: Int
  /// The number of reference features N.
  public let count: Int
  /// μ, length d.
  public let mean: [Double]
  /// Σ, [d, d] row-major.
  public let covariance: [Double]

  /// Creates statistics from stored values (the cache).
  ///
  /// - Throws: ``InvarianceError/dimensionMismatch(expected:found:)`` when the sizes disagree.
  public init(dimension: Int, count: Int, mean: [Double], covariance: [Double]) throws(InvarianceError) {
    guard mean.count == dimension else { throw .dimensionMismatch(expected: dimension, found: mean.count) }
    guard covariance.count == dimension * dimension else {
      throw .dimensionMismatch(expected: dimension * dimension, found: covariance.count)
    }
    self.dimension = dimension
    self.count = count
    self.mean = mean
    self.covariance = covariance
  }

  /// Computes μ and Σ of `features` (one row per reference image).
  ///
  /// - Throws: ``InvarianceError/tooFewReferenceFeatures(count:)`` when N < 2.
  public init(features: FeatureMatrix) throws(InvarianceError) {
    let n = features.rows
    let d = features.columns
    guard n >= 2 else { throw .tooFewReferenceFeatures(count: n) }
    var sum = [Double](repeating: 0, count: d)
    for row in 0..<n {
      let base = row * d
      for j in 0..<d { sum[j] += Double(features.values[base + j]) }
    }
    let mean = sum.map { $0 / Double(n) }
    var centred = [Double](repeating: 0, count: n * d)  // [N, d]
    for row in 0..<n {
      let base = row * d
      for j in 0..<d { centred[base + j] = Double(features.values[base + j]) - mean[j] }
    }
    var covariance = [Double](repeating: 0, count: d * d)  // [d, d] = centredᵀ·centred / (N − 1)
    centred.withUnsafeBufferPointer { x in
      covariance.withUnsafeMutableBufferPointer { c in
        GEMM.dgemm(
          transA: true, m: d, n: d, k: n, alpha: 1 / Double(n - 1), a: x, lda: d, b: x, ldb: d,
          c: c, ldc: d)
      }
    }
    self.dimension = d
    self.count = n
    self.mean = mean
    self.covariance = covariance
  }

  /// The whitening of §8.1 built from these statistics.
  ///
  /// - Parameter ridge: added to Σ's diagonal before inverting (the seed code uses 1e-10 for the
  ///   `random` model, 0 otherwise).
  public func whitening(ridge: Double = 0) throws(InvarianceError) -> Whitening {
    try Whitening(statistics: self, ridge: ridge)
  }
}
