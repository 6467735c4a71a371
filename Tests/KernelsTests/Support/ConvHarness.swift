// Copyright © 2026 the ssl authors.

@_spi(Testing) import Kernels
import TestSupport

/// Random operands for one convolution, at ResNet-like magnitudes: inputs U[0, 1) (post-ReLU),
/// weights N(0, 2/(C·KH·KW)) (Kaiming), bias and residual N(0, 0.1²) / U[−1, 1).
struct ConvCase {
  let geometry: Conv2DGeometry
  let input: [Float]
  let weights: [Float]
  let bias: [Float]
  let residual: [Float]

  init(
    geometry: Conv2DGeometry, input: [Float], weights: [Float], bias: [Float], residual: [Float]
  ) {
    self.geometry = geometry
    self.input = input
    self.weights = weights
    self.bias = bias
    self.residual = residual
  }

  init(_ g: Conv2DGeometry, seed: UInt64) {
    var rng = SeededGenerator(seed: seed)
    geometry = g
    input = uniformFloats(g.inputCount, in: 0...1, using: &rng)
    weights = normalFloats(
      g.weightCount, std: (2.0 / Double(g.patchSize)).squareRoot(), using: &rng)
    bias = normalFloats(g.outChannels, std: 0.1, using: &rng)
    residual = uniformFloats(g.outputCount, using: &rng)
  }

  /// Runs `body` with the epilogue selected by the flags, borrowing this case's buffers.
  func withEpilogue<R>(
    bias useBias: Bool, residual useResidual: Bool, relu: Bool, _ body: (Conv2DEpilogue) -> R
  ) -> R {
    bias.withUnsafeBufferPointer { b in
      residual.withUnsafeBufferPointer { r in
        body(Conv2DEpilogue(bias: useBias ? b : nil, residual: useResidual ? r : nil, relu: relu))
      }
    }
  }

  /// The reference output (`ReferenceConv2D`).
  func reference(bias b: Bool = false, residual r: Bool = false, relu: Bool = false) -> [Float] {
    var out = [Float](repeating: .nan, count: geometry.outputCount)
    withEpilogue(bias: b, residual: r, relu: relu) { epilogue in
      input.withUnsafeBufferPointer { x in
        weights.withUnsafeBufferPointer { w in
          out.withUnsafeMutableBufferPointer { y in
            ReferenceConv2D.forward(
              input: x, weights: w, geometry: geometry, epilogue: epilogue, output: y)
          }
        }
      }
    }
    return out
  }

  /// The im2col + GEMM output (`Conv2D`), with a NaN-filled workspace so stale reads show.
  func fast(bias b: Bool = false, residual r: Bool = false, relu: Bool = false) -> [Float] {
    var out = [Float](repeating: .nan, count: geometry.outputCount)
    var workspace = [Float](repeating: .nan, count: Conv2D.workspaceSize(geometry))
    withEpilogue(bias: b, residual: r, relu: relu) { epilogue in
      input.withUnsafeBufferPointer { x in
        weights.withUnsafeBufferPointer { w in
          out.withUnsafeMutableBufferPointer { y in
            workspace.withUnsafeMutableBufferPointer { ws in
              Conv2D.forward(
                input: x, weights: w, geometry: geometry, epilogue: epilogue, output: y,
                workspace: ws)
            }
          }
        }
      }
    }
    return out
  }
}
