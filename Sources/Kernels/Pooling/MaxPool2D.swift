// Copyright © 2026 the ssl authors.
//
// MaxPool2D.swift — 2-D max pooling (ResNet stem: 3×3, stride 2, padding 1).
//
// Algorithm: direct, one (image, channel) plane per work item, in parallel. Each window is
// clipped to the input, which is the same as padding with −∞ (a valid geometry never has a
// window made only of padding). NaN propagates as in PyTorch (`val > max || isnan(val)`).
// Layouts: input [N, C, H, W], output [N, C, OH, OW].
// Reference: `ReferencePool.maxPool2D`.

/// Max pooling over 2-D windows.
public enum MaxPool2D {
  /// Max-pools `input` into `output`.
  ///
  /// - Parameters:
  ///   - input: [N, C, H, W].
  ///   - geometry: a valid pooling geometry.
  ///   - output: receives [N, C, OH, OW].
  public static func forward(
    input: UnsafeBufferPointer<Float>, geometry g: PoolGeometry,
    output: UnsafeMutableBufferPointer<Float>
  ) {
    precondition(g.isValid, "MaxPool2D: invalid geometry \(g)")
    precondition(input.count == g.inputCount, "MaxPool2D: input has \(input.count) elements")
    precondition(output.count == g.outputCount, "MaxPool2D: output has \(output.count)")
    guard let x = input.baseAddress, let y = output.baseAddress else { return }
    let ctx = UncheckedSendable((x, y))
    let inPlane = g.inHeight * g.inWidth
    let outPlane = g.outHeight * g.outWidth
    Parallel.forEachChunk(count: g.batch * g.channels, minChunk: max(1, 4_096 / outPlane)) {
      planes in
      let (x, y) = ctx.value
      for p in planes {
        let src = x + p * inPlane  // [H, W]
        let dst = y + p * outPlane  // [OH, OW]
        for oh in 0..<g.outHeight {
          let h0 = oh * g.strideHeight - g.padHeight
          let hRange = max(0, h0)..<min(g.inHeight, h0 + g.kernelHeight)
          for ow in 0..<g.outWidth {
            let w0 = ow * g.strideWidth - g.padWidth
            let wRange = max(0, w0)..<min(g.inWidth, w0 + g.kernelWidth)
            var best = -Float.infinity
            for h in hRange {
              let row = src + h * g.inWidth
              for w in wRange {
                let v = row[w]
                if v > best || v.isNaN { best = v }
              }
            }
            dst[oh * g.outWidth + ow] = best
          }
        }
      }
    }
  }
}
