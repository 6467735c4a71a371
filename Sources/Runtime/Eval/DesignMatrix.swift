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

  /// True when both products run on the packed `PanelMatrix` kernels, which never call BLAS (a
  /// solver may then keep spinning helper threads awake; `Parallel.withSpinningHelpers`).
  var productsAvoidBLAS: Bool { panels != nil }

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

  /// `Z = X·Wᵀ + b` for `W` of shape [outputs, d] and `b` of `outputs` values (zero when
  /// nil); returns [n, outputs].
  func timesTransposed(
    _ w: ArraySlice<Double>, bias: ArraySlice<Double>? = nil, outputs: Int
  ) -> [Double] {
    var z: [Double] = []
    timesTransposed(w, bias: bias, outputs: outputs, into: &z)
    return z
  }

  /// `Z = X·Wᵀ + b` into `z`, which keeps its storage when it already holds n·outputs values
  /// (a solver's logits, recomputed every step).
  func timesTransposed(
    _ w: ArraySlice<Double>, bias: ArraySlice<Double>? = nil, outputs: Int,
    into z: inout [Double]
  ) {
    precondition(w.count == outputs * columns, "DesignMatrix: weight shape")
    precondition(bias == nil || bias!.count == outputs, "DesignMatrix: bias shape")
    VectorOps.resize(&z, to: rows * outputs)
    if rows == 0 || outputs == 0 { return }
    if let panels {
      w.withUnsafeBufferPointer { b in
        z.withUnsafeMutableBufferPointer { c in
          if let bias {
            bias.withUnsafeBufferPointer {
              panels.timesTransposed(b, bias: $0, outputs: outputs, into: c)
            }
          } else {
            panels.timesTransposed(b, outputs: outputs, into: c)
          }
        }
      }
      return
    }
    if double.isEmpty {
      let wf = w.map(Float.init)
      var zf = [Float](repeating: 0, count: rows * outputs)
      wf.withUnsafeBufferPointer { b in
        zf.withUnsafeMutableBufferPointer { c in
          single.withUnsafeBufferPointer { a in
            GEMM.sgemm(transB: true, m: rows, n: outputs, k: columns, a: a, lda: max(columns, 1),
              b: b, ldb: max(columns, 1), c: c, ldc: outputs)
          }
        }
      }
      for i in z.indices { z[i] = Double(zf[i]) }
    } else {
      double.withUnsafeBufferPointer { a in
        w.withUnsafeBufferPointer { b in
          z.withUnsafeMutableBufferPointer { c in
            GEMM.dgemm(transB: true, m: rows, n: outputs, k: columns, a: a, lda: max(columns, 1),
              b: b, ldb: max(columns, 1), c: c, ldc: outputs)
          }
        }
      }
    }
    if let bias {
      let b = Array(bias)
      for i in 0..<rows {
        for j in 0..<outputs { z[i * outputs + j] += b[j] }
      }
    }
  }

  /// `Gᵀ·X` for `G` of shape [n, outputs]; returns [outputs, d].
  func transposedTimes(_ g: [Double], outputs: Int) -> [Double] {
    var out = [Double](repeating: 0, count: outputs * columns)
    out.withUnsafeMutableBufferPointer { transposedTimes(g, outputs: outputs, into: $0) }
    return out
  }

  /// `Gᵀ·X` into `out` (outputs·d values, all overwritten): a solver's gradient, written into
  /// the front of its parameter-sized buffer.
  func transposedTimes(
    _ g: [Double], outputs: Int, into out: UnsafeMutableBufferPointer<Double>
  ) {
    precondition(g.count == rows * outputs, "DesignMatrix: residual shape")
    precondition(out.count == outputs * columns, "DesignMatrix: output shape")
    if columns == 0 || outputs == 0 { return }
    if let panels {
      g.withUnsafeBufferPointer { panels.transposedTimes($0, outputs: outputs, into: out) }
      return
    }
    if double.isEmpty {
      let gf = g.map(Float.init)
      var of = [Float](repeating: 0, count: outputs * columns)
      gf.withUnsafeBufferPointer { a in
        of.withUnsafeMutableBufferPointer { c in
          single.withUnsafeBufferPointer { b in
            GEMM.sgemm(transA: true, m: outputs, n: columns, k: rows, a: a, lda: outputs,
              b: b, ldb: columns, c: c, ldc: columns)
          }
        }
      }
      for i in out.indices { out[i] = Double(of[i]) }
      return
    }
    g.withUnsafeBufferPointer { a in
      double.withUnsafeBufferPointer { b in
        GEMM.dgemm(transA: true, m: outputs, n: columns, k: rows, a: a, lda: outputs,
          b: b, ldb: columns, c: out, ldc: columns)
      }
    }
  }
}
