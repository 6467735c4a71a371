// Copyright © 2026 the ssl authors.

import Kernels

extension ConvCase {
  /// The Winograd output with weights transformed for `variant` (NaN-filled workspace).
  func winograd(
    variant: WinogradVariant, bias b: Bool = false, residual r: Bool = false, relu: Bool = false
  ) -> [Float] {
    var out = [Float](repeating: .nan, count: geometry.outputCount)
    var workspace = [Float](
      repeating: .nan, count: Winograd.workspaceSize(geometry, variant: variant))
    let transformed = weights.withUnsafeBufferPointer {
      WinogradWeights(
        weights: $0, outChannels: geometry.outChannels, inChannels: geometry.inChannels,
        variant: variant)
    }
    withEpilogue(bias: b, residual: r, relu: relu) { epilogue in
      input.withUnsafeBufferPointer { x in
        out.withUnsafeMutableBufferPointer { y in
          workspace.withUnsafeMutableBufferPointer { ws in
            Winograd.forward(
              input: x, weights: transformed, geometry: geometry, epilogue: epilogue, output: y,
              workspace: ws)
          }
        }
      }
    }
    return out
  }
}
