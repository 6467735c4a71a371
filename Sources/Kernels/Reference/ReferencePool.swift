// Copyright © 2026 the ssl authors.
//
// ReferencePool.swift — naive twins of `MaxPool2D` and `GlobalAvgPool`. Never on the fast path.
//
// Algorithm: max-pool by the definition — every window position including padding, where the
// padded value is −∞; global average as a plain Double sum over indices computed from
// (n, c, h, w). Layouts: [N, C, H, W] in; [N, C, OH, OW] or [N, C] out.

/// Naive pooling for tests and benchmarks.
@_spi(Testing)
public enum ReferencePool {
  /// Max pooling with explicit −∞ padding.
  public static func maxPool2D(
    input: UnsafeBufferPointer<Float>, geometry g: PoolGeometry,
    output: UnsafeMutableBufferPointer<Float>
  ) {
    precondition(g.isValid && input.count == g.inputCount && output.count == g.outputCount)
    for n in 0..<g.batch {
      for c in 0..<g.channels {
        for oh in 0..<g.outHeight {
          for ow in 0..<g.outWidth {
            var best = -Float.infinity
            for kh in 0..<g.kernelHeight {
              for kw in 0..<g.kernelWidth {
                let h = oh * g.strideHeight - g.padHeight + kh
                let w = ow * g.strideWidth - g.padWidth + kw
                let inside = h >= 0 && h < g.inHeight && w >= 0 && w < g.inWidth
                let v =
                  inside
                  ? input[((n * g.channels + c) * g.inHeight + h) * g.inWidth + w] : -.infinity
                if v.isNaN || best.isNaN {
                  best = .nan
                } else {
                  best = max(best, v)
                }
              }
            }
            output[((n * g.channels + c) * g.outHeight + oh) * g.outWidth + ow] = best
          }
        }
      }
    }
  }

  /// Global average pooling, [N, C, H, W] → [N, C], summed in Double.
  public static func globalAvgPool(
    input: UnsafeBufferPointer<Float>, batch: Int, channels: Int, height: Int, width: Int,
    output: UnsafeMutableBufferPointer<Float>
  ) {
    precondition(input.count == batch * channels * height * width)
    precondition(output.count == batch * channels)
    for n in 0..<batch {
      for c in 0..<channels {
        var sum = 0.0
        for h in 0..<height {
          for w in 0..<width { sum += Double(input[((n * channels + c) * height + h) * width + w]) }
        }
        output[n * channels + c] = Float(sum / Double(height * width))
      }
    }
  }
}
