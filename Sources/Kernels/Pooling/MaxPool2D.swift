// Copyright © 2026 the ssl authors.
//
// MaxPool2D.swift — 2-D max pooling (ResNet stem: 3×3, stride 2, padding 1).
//
// Algorithm: separable, one (image, channel) plane per work item, in parallel. For each output
// row the window's input rows are first max-reduced into one row (a vectorised pass over whole
// rows), then each output takes the max over its columns of that row: 3 + 3 reads per output
// for the stem's 3×3 instead of 9 scattered ones (the direct loop cost ~4 % of a ResNet-50
// forward). Each window is clipped to the input, which is the same as padding with −∞ (a valid
// geometry never has a window made only of padding). NaN propagates as in PyTorch (`val > max || isnan(val)`).
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
    let width = g.inWidth
    Parallel.forEachChunk(count: g.batch * g.channels, minChunk: max(1, 4_096 / outPlane)) {
      planes in
      let (x, y) = ctx.value
      withUnsafeTemporaryAllocation(of: Float.self, capacity: width) { buffer in
        guard let column = buffer.baseAddress else { return }
        for p in planes {
          let src = x + p * inPlane  // [H, W]
          let dst = y + p * outPlane  // [OH, OW]
          for oh in 0..<g.outHeight {
            // Vertical pass: column[w] = max over the window's rows, whole row at once.
            let h0 = oh * g.strideHeight - g.padHeight
            let hRange = max(0, h0)..<min(g.inHeight, h0 + g.kernelHeight)
            column.update(from: src + hRange.lowerBound * width, count: width)
            for h in hRange.dropFirst() {
              let row = src + h * width
              for w in 0..<width { column[w] = larger(column[w], row[w]) }
            }
            // Horizontal pass over the clipped window of `column`.
            let out = dst + oh * g.outWidth
            for ow in 0..<g.outWidth {
              let w0 = ow * g.strideWidth - g.padWidth
              let wRange = max(0, w0)..<min(width, w0 + g.kernelWidth)
              var best = -Float.infinity
              for w in wRange { best = larger(best, column[w]) }
              out[ow] = best
            }
          }
        }
      }
    }
  }

  /// `b` when it is larger or NaN, else `a`: PyTorch's NaN-propagating max, branch-free.
  @inline(__always)
  private static func larger(_ a: Float, _ b: Float) -> Float {
    b > a || b != b ? b : a
  }
}
