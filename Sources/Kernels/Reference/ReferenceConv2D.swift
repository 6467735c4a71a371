// Copyright © 2026 the ssl authors.
//
// ReferenceConv2D.swift — the naive twin of `Conv2D` and `Winograd`. Never on the fast path.
//
// Algorithm: the direct 7-loop convolution (n, o, oh, ow, c, kh, kw), summed in Double, with
// padding handled by skipping taps outside the input; then the epilogue in the same order as
// `Conv2DEpilogue`: + bias[o], + residual, ReLU, rounded to Float once at the end.
// Layouts: input [N, C, H, W], weights [O, C, KH, KW], output [N, O, OH, OW].

/// Direct convolution for tests and benchmarks.
@_spi(Testing)
public enum ReferenceConv2D {
  /// Convolves `input` with `weights` and applies `epilogue`, writing `output`.
  ///
  /// - Parameters:
  ///   - input: [N, C, H, W].
  ///   - weights: [O, C, KH, KW].
  ///   - geometry: a valid geometry.
  ///   - epilogue: bias / residual / ReLU.
  ///   - output: [N, O, OH, OW].
  public static func forward(
    input: UnsafeBufferPointer<Float>, weights: UnsafeBufferPointer<Float>,
    geometry g: Conv2DGeometry, epilogue: Conv2DEpilogue = .none,
    output: UnsafeMutableBufferPointer<Float>
  ) {
    precondition(g.isValid && input.count == g.inputCount && weights.count == g.weightCount)
    precondition(output.count == g.outputCount)
    for n in 0..<g.batch {
      for o in 0..<g.outChannels {
        for oh in 0..<g.outHeight {
          for ow in 0..<g.outWidth {
            var sum = 0.0
            for c in 0..<g.inChannels {
              for kh in 0..<g.kernelHeight {
                let ih = oh * g.strideHeight - g.padHeight + kh * g.dilationHeight
                if ih < 0 || ih >= g.inHeight { continue }
                for kw in 0..<g.kernelWidth {
                  let iw = ow * g.strideWidth - g.padWidth + kw * g.dilationWidth
                  if iw < 0 || iw >= g.inWidth { continue }
                  let x = input[((n * g.inChannels + c) * g.inHeight + ih) * g.inWidth + iw]
                  let w = weights[((o * g.inChannels + c) * g.kernelHeight + kh) * g.kernelWidth
                    + kw]
                  sum += Double(x) * Double(w)
                }
              }
            }
            let index = ((n * g.outChannels + o) * g.outHeight + oh) * g.outWidth + ow
            if let bias = epilogue.bias { sum += Double(bias[o]) }
            if let residual = epilogue.residual { sum += Double(residual[index]) }
            if epilogue.relu && sum < 0 { sum = 0 }
            output[index] = Float(sum)
          }
        }
      }
    }
  }
}
