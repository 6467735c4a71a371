// Copyright © 2026 the ssl authors.
//
// DesignMatrix.swift — the two feature products of every linear model, in float32 or float64.
//
// Layouts (row-major): X is [n, d]; a weight matrix W is [K, d]; logits Z = X·Wᵀ are [n, K];
// a residual matrix G is [n, K] and Gᵀ·X is [K, d]. With float32 features the products run in
// float32 (inputs rounded to Float, accumulation in Float); everything outside the product stays
// in Double. A design built `forRepeatedProducts` (a solver's training set) is packed once into a
// `PanelMatrix`, whose thin-product kernel beats `sgemm` re-packing X on every call; a one-off
// design (predictions) calls `sgemm` on X as it is. With float64 the products run in `dgemm` on
// a Double copy of X.

import Kernels

/// Features prepared for repeated `X·Wᵀ` and `Gᵀ·X` products.
struct DesignMatrix {
  let rows: Int
  let columns: Int
  private let single: [Float]
  private let panels: PanelMatrix?
  private let double: [Double]

  /// - Parameter forRepeatedProducts: pack X for many products (a solver's training set).
  init(
    _ features: FeatureMatrix, precision: LogisticRegressionConfig.Precision,
    forRepeatedProducts: Bool = false
  ) {
    rows = features.rows
    columns = features.columns
    switch precision {
    case .float32GEMM where forRepeatedProducts:
      single = []
      panels = features.values.withUnsafeBufferPointer {
        PanelMatrix(rows: features.rows, columns: features.columns, values: $0)
      }
      double = []
    case .float32GEMM:
      single = features.values
      panels = nil
      double = []
    case .float64GEMM:
      single = []
      panels = nil
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
      wf.withUnsafeBufferPointer { b in
        z.withUnsafeMutableBufferPointer { c in
          if let panels { return panels.timesTransposed(b, outputs: outputs, into: c) }
          single.withUnsafeBufferPointer { a in
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
        out.withUnsafeMutableBufferPointer { c in
          if let panels { return panels.transposedTimes(a, outputs: outputs, into: c) }
          single.withUnsafeBufferPointer { b in
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
