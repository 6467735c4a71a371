// Copyright © 2026 the ssl authors.

import TestSupport
import Testing

@testable import Runtime

@Suite struct ConvBatchNorm2dTests {
  /// A layer whose BN is the identity (γ 1, β 0, μ 0, σ² 1 − ε), to reach the conv kernels.
  static func identityBN(weight: Tensor, stride: Int, padding: Int) throws -> ConvBatchNorm2d {
    let o = weight.shape[0]
    var dict = StateDict()
    dict["c.weight"] = weight
    dict["b.weight"] = Tensor(shape: [o], scalars: .init(repeating: 1, count: o))
    dict["b.bias"] = Tensor(zeros: [o])
    dict["b.running_mean"] = Tensor(zeros: [o])
    dict["b.running_var"] = Tensor(shape: [o], scalars: .init(repeating: Float(1 - 1e-5), count: o))
    let root = ParameterScope(dict)
    return try ConvBatchNorm2d(
      conv: root.child("c"), bn: root.child("b"), inChannels: weight.shape[1], outChannels: o,
      kernel: weight.shape[2], stride: stride, padding: padding)
  }

  @Test func foldsBatchNormIntoWeightsAndBias() throws {
    var dict = StateDict()
    dict["conv.weight"] = Tensor(shape: [2, 1, 1, 1], scalars: [2, 3])
    dict["bn.weight"] = Tensor(shape: [2], scalars: [1, 2])
    dict["bn.bias"] = Tensor(shape: [2], scalars: [0.5, -1])
    dict["bn.running_mean"] = Tensor(shape: [2], scalars: [1, 0])
    dict["bn.running_var"] = Tensor(shape: [2], scalars: [4 - 1e-5, 1 - 1e-5])
    dict["bn.num_batches_tracked"] = Tensor(shape: [], scalars: [3])
    let root = ParameterScope(dict)
    let layer = try ConvBatchNorm2d(
      conv: root.child("conv"), bn: root.child("bn"), inChannels: 1, outChannels: 2, kernel: 1,
      stride: 1, padding: 0)
    // s = γ/√(σ²+ε) = [0.5, 2];  W' = [1, 6];  b' = β − μ·s = [0, -1]
    assertClose(layer.weight.scalars.map(Double.init), [1, 6], rtol: 1e-6)
    assertClose(layer.bias.scalars.map(Double.init), [0, -1], rtol: 1e-6, atol: 1e-7)
    #expect(root.unusedNames.isEmpty)
    let y = try layer(Tensor(shape: [1, 1, 1, 2], scalars: [1, -1]), relu: false)
    assertClose(y.scalars.map(Double.init), [1, -1, 5, -7], rtol: 1e-6)
  }

  @Test func rejectsNegativeVariance() {
    var dict = StateDict()
    dict["conv.weight"] = Tensor(zeros: [1, 1, 1, 1])
    dict["bn.weight"] = Tensor(shape: [1], scalars: [1])
    dict["bn.bias"] = Tensor(shape: [1], scalars: [0])
    dict["bn.running_mean"] = Tensor(shape: [1], scalars: [0])
    dict["bn.running_var"] = Tensor(shape: [1], scalars: [-1])
    let root = ParameterScope(dict)
    #expect(throws: ParameterError.self) {
      try ConvBatchNorm2d(
        conv: root.child("conv"), bn: root.child("bn"), inChannels: 1, outChannels: 1,
        kernel: 1, stride: 1, padding: 0)
    }
  }
}
