// Copyright © 2026 the ssl authors.
//
// Tensor+Linear.swift — the fully connected op, y = x·Wᵀ + b (PyTorch's `F.linear`).
//
// Layouts: x [N, IN], weight [OUT, IN] (PyTorch's nn.Linear storage), bias [OUT], y [N, OUT].
// One GEMM with B transposed: [N, IN] × [IN, OUT] read from the [OUT, IN] weight.

import Kernels

extension Tensor {
  /// Applies a linear map: `y = x·Wᵀ + b`.
  ///
  /// - Parameters:
  ///   - weight: [OUT, IN].
  ///   - bias: [OUT], or `nil`.
  /// - Returns: [N, OUT].
  /// - Throws: ``TensorError/rankMismatch(op:expected:got:)`` unless both are 2-D,
  ///   ``TensorError/shapeMismatch(op:lhs:rhs:)`` when the inner sizes or the bias disagree.
  public func linear(weight: Tensor, bias: Tensor? = nil) throws(TensorError) -> Tensor {
    guard rank == 2 else { throw .rankMismatch(op: "linear input", expected: 2, got: rank) }
    guard weight.rank == 2 else {
      throw .rankMismatch(op: "linear weight", expected: 2, got: weight.rank)
    }
    guard shape[1] == weight.shape[1] else {
      throw .shapeMismatch(op: "linear", lhs: shape, rhs: weight.shape)
    }
    let (n, inFeatures, outFeatures) = (shape[0], shape[1], weight.shape[0])
    if let bias, bias.shape != [outFeatures] {
      throw .shapeMismatch(op: "linear bias", lhs: [outFeatures], rhs: bias.shape)
    }
    return withContiguousBuffer { x in
      weight.withContiguousBuffer { w in
        withOptionalBuffer(bias) { b in
          Tensor(shape: [n, outFeatures]) { y in
            // [N, IN] × [OUT, IN]ᵀ = [N, OUT]
            GEMM.sgemm(
              transB: true, m: n, n: outFeatures, k: inFeatures, a: x, lda: inFeatures, b: w,
              ldb: inFeatures, c: y, ldc: outFeatures)
            guard let b else { return }
            for row in 0..<n {
              for j in 0..<outFeatures { y[row * outFeatures + j] += b[j] }
            }
          }
        }
      }
    }
  }
}
