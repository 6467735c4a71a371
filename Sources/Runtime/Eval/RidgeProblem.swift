// Copyright © 2026 the ssl authors.
//
// RidgeProblem.swift — the centred normal equations of `Ridge`, built once and solved for
// many α (cross-validation reuses one Gram matrix per fold).

import Kernels

/// Centred ridge data with its Gram matrix (the smaller of XcᵀXc and XcXcᵀ).
struct CenteredProblem {
  let n: Int
  let d: Int
  let outputs: Int
  let featureMeans: [Double]
  let targetMeans: [Double]
  /// Xc, row-major [n, d].
  let centered: [Double]
  /// Yc, row-major [n, m].
  let centeredTargets: [Double]
  /// `true` when the Gram is XcXcᵀ (n < d, sklearn's kernel form).
  let kernel: Bool
  /// The Gram matrix, [g, g] with g = kernel ? n : d.
  let gram: [Double]
  /// XcᵀYc ([d, m]) in primal form, Yc in kernel form: the right-hand sides.
  let rhs: [Double]

  init(features: FeatureMatrix, targets: [Double], outputs: Int) throws(EvalError) {
    n = features.rows
    d = features.columns
    self.outputs = outputs
    guard outputs >= 1, targets.count == n * outputs else {
      throw .sizeMismatch(what: "ridge targets", expected: n * outputs, actual: targets.count)
    }
    guard n >= 1 else { throw .tooFewSamples(what: "ridge", count: n, needed: 1) }
    var means = [Double](repeating: 0, count: d)
    var x = features.values.map(Double.init)
    for i in 0..<n { for j in 0..<d { means[j] += x[i * d + j] } }
    for j in 0..<d { means[j] /= Double(n) }
    for i in 0..<n { for j in 0..<d { x[i * d + j] -= means[j] } }
    var yMeans = [Double](repeating: 0, count: outputs)
    var y = targets
    for i in 0..<n { for j in 0..<outputs { yMeans[j] += y[i * outputs + j] } }
    for j in 0..<outputs { yMeans[j] /= Double(n) }
    for i in 0..<n { for j in 0..<outputs { y[i * outputs + j] -= yMeans[j] } }
    featureMeans = means
    targetMeans = yMeans
    centered = x
    centeredTargets = y
    let rows = n
    let cols = d
    let isKernel = rows < cols
    kernel = isKernel
    let g = isKernel ? rows : cols
    var matrix = [Double](repeating: 0, count: g * g)
    var products: [Double]
    x.withUnsafeBufferPointer { px in
      matrix.withUnsafeMutableBufferPointer { pg in
        if isKernel {
          GEMM.dgemm(transB: true, m: rows, n: rows, k: cols, a: px, lda: max(cols, 1), b: px,
            ldb: max(cols, 1), c: pg, ldc: rows)
        } else {
          GEMM.dgemm(transA: true, m: cols, n: cols, k: rows, a: px, lda: max(cols, 1), b: px,
            ldb: max(cols, 1), c: pg, ldc: cols)
        }
      }
    }
    if isKernel {
      products = y
    } else {
      products = [Double](repeating: 0, count: cols * outputs)
      x.withUnsafeBufferPointer { px in
        y.withUnsafeBufferPointer { py in
          products.withUnsafeMutableBufferPointer { pr in
            GEMM.dgemm(transA: true, m: cols, n: outputs, k: rows, a: px, lda: max(cols, 1),
              b: py, ldb: outputs, c: pr, ldc: outputs)
          }
        }
      }
    }
    gram = matrix
    rhs = products
  }

  /// Solves for one α; nil when `Gram + αI` is not numerically positive definite.
  func solve(alpha: Double) -> RidgeModel? {
    let g = kernel ? n : d
    var a = gram
    for i in 0..<g { a[i * g + i] += alpha }
    guard Self.cholesky(&a, size: g) else { return nil }
    var solution = rhs
    Self.solveInPlace(a, size: g, &solution, columns: outputs)
    var w: [Double]
    if kernel {
      // W = Xcᵀ·Z, [d, m].
      w = [Double](repeating: 0, count: d * outputs)
      centered.withUnsafeBufferPointer { px in
        solution.withUnsafeBufferPointer { pz in
          w.withUnsafeMutableBufferPointer { pw in
            GEMM.dgemm(transA: true, m: d, n: outputs, k: n, a: px, lda: max(d, 1), b: pz,
              ldb: outputs, c: pw, ldc: outputs)
          }
        }
      }
    } else {
      w = solution
    }
    var b = targetMeans
    for j in 0..<outputs {
      for p in 0..<d { b[j] -= featureMeans[p] * w[p * outputs + j] }
    }
    return RidgeModel(alpha: alpha, coefficients: w, intercepts: b, outputs: outputs)
  }

  /// In-place lower Cholesky `A = L·Lᵀ` (row-major, only the lower triangle is used).
  static func cholesky(_ a: inout [Double], size g: Int) -> Bool {
    for j in 0..<g {
      for i in j..<g {
        var sum = a[i * g + j]
        for k in 0..<j { sum -= a[i * g + k] * a[j * g + k] }
        if i == j {
          // Hazard: rounding can make a tiny pivot negative when α is tiny and X rank-deficient.
          guard sum > 0, sum.isFinite else { return false }
          a[j * g + j] = sum.squareRoot()
        } else {
          a[i * g + j] = sum / a[j * g + j]
        }
      }
    }
    return true
  }

  /// Solves `L·Lᵀ·X = B` in place for `columns` right-hand sides (B row-major [g, columns]).
  static func solveInPlace(_ l: [Double], size g: Int, _ b: inout [Double], columns: Int) {
    for c in 0..<columns {
      for i in 0..<g {
        var sum = b[i * columns + c]
        for k in 0..<i { sum -= l[i * g + k] * b[k * columns + c] }
        b[i * columns + c] = sum / l[i * g + i]
      }
      for i in stride(from: g - 1, through: 0, by: -1) {
        var sum = b[i * columns + c]
        for k in (i + 1)..<g where k < g { sum -= l[k * g + i] * b[k * columns + c] }
        b[i * columns + c] = sum / l[i * g + i]
      }
    }
  }
}
