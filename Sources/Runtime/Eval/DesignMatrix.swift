// Copyright © 2026 the ssl authors.
//
// DesignMatrix.swift — the two feature products of every linear model, in float32 or float64.
//
// Layouts (row-major): X is [n, d]; a weight matrix W is [K, d]; logits Z = X·Wᵀ are [n, K];
// a residual matrix G is [n, K] and Gᵀ·X is [K, d]. With float32 features the products run in
// `sgemm` (inputs rounded to Float, accumulation inside BLAS in Float); everything outside the
// GEMM stays in Double. With float64 they run in `dgemm` on a Double copy of X.

import Kernels

/// Features prepared for repeated `X·Wᵀ` and `Gᵀ·X` products.
struct DesignMatrix {
  let rows: Int
  let columns: Int
  private let single: [Float]
  private let double: [Double]

  init(_ features: FeatureMatrix, precision: LogisticRegressionConfig.Precision) {
    rows = features.rows
    columns = features.columns
    switch precision {
    case .float32GEMM:
      single = features.values
      double = []
    case .float64GEMM:
      single = []
      double = features.values.map(Double.init)
    }
  }

  /// `Z = X·Wᵀ` for `W` of shape [outputs, d]; returns [n, outputs].
  func timesTransposed(_ w: [Double], outputs: Int) -> [Double] {
    precondition(w.count == outputs * columns, "DesignMatrix: weight shape")
    if rows == 0 || outputs == 0 { return [] }
    if double.isEmpty {
      let wf = w.map(Float.init)
      var z = [Float](repeating: 0, count: rows * outputs)
      single.withUnsafeBufferPointer { a in
        wf.withUnsafeBufferPointer { b in
          z.withUnsafeMutableBufferPointer { c in
            GEMM.sgemm(transB: true, m: rows, n: outputs, k: columns, a: a, lda: max(columns, 1),
              b: b, ldb: max(columns, 1), c: c, ldc: outputs)
          }
        }
      }
      return z.map(Double.init)
    }
    var z = [Double](repeating: 0, count: rows * outputs)
    double.withUnsafeBufferPointer { a in
      w.withUnsafeBufferPointer { b in
        z.withUnsafeMutableBufferPointer { c in
          GEMM.dgemm(transB: true, m: rows, n: outputs, k: columns, a: a, lda: max(columns, 1),
            b: b, ldb: max(columns, 1), c: c, ldc: outputs)
        }
      }
    }
    return z
  }

  /// `Gᵀ·X` for `G` of shape [n, outputs]; returns [outputs, d].
  func transposedTimes(_ g: [Double], outputs: Int) -> [Double] {
    precondition(g.count == rows * outputs, "DesignMatrix: residual shape")
    if columns == 0 || outputs == 0 { return [] }
    if double.isEmpty {
      let gf = g.map(Float.init)
      var out = [Float](repeating: 0, count: outputs * columns)
      gf.withUnsafeBufferPointer { a in
        single.withUnsafeBufferPointer { b in
          out.withUnsafeMutableBufferPointer { c in
            GEMM.sgemm(transA: true, m: outputs, n: columns, k: rows, a: a, lda: outputs,
              b: b, ldb: columns, c: c, ldc: columns)
          }
        }
      }
      return out.map(Double.init)
    }
    var out = [Double](repeating: 0, count: outputs * columns)
    g.withUnsafeBufferPointer { a in
      double.withUnsafeBufferPointer { b in
        out.withUnsafeMutableBufferPointer { c in
          GEMM.dgemm(transA: true, m: outputs, n: columns, k: rows, a: a, lda: outputs,
            b: b, ldb: columns, c: c, ldc: columns)
        }
      }
    }
    return out
  }
}
