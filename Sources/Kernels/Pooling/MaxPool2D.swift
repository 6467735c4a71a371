// Copyright © 2026 the ssl authors.
//
// MaxPool2D.swift — 2-D max pooling (ResNet stem: 3×3, stride 2, padding 1).
//
// Algorithm: separable, one (image, channel) plane per work item, in parallel. For each output
// row the window's input rows are first max-reduced into one row (a vectorised pass over whole
// rows), then each output takes the max over its columns of that row: 3 + 3 reads per output
// for the stem's 3×3 instead of 9 scattered ones (the direct loop cost ~4 % of a ResNet-50
// forward). Each window is clipped to the input, which is the same as padding with −∞ (a valid
// geometry never has a window made only of padding). NaN propagates as in PyTorch
// (`val > max || isnan(val)`).
// Both passes run in SIMD lanes; for the stem's 3-wide, stride-2 columns eight outputs come from
// the even and odd lanes of two 16-wide loads (ResNet-50's stem output at batch 8, one thread:
// 6.6 → 3.3 ms; onnxruntime 1.7 ms).
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
    let threeWideStrideTwo = g.kernelWidth == 3 && g.strideWidth == 2 && g.padWidth == 1
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
            for h in hRange.dropFirst() { maxRow(column, src + h * width, count: width) }
            // Horizontal pass over the clipped window of `column`.
            let out = dst + oh * g.outWidth
            var ow = 0
            if threeWideStrideTwo {
              // Whole windows {2o − 1, 2o, 2o + 1}, eight outputs per step, in the scalar
              // loop's order (left, centre, right): even/odd lanes of two 16-wide loads.
              out[0] = window(column, from: -1, width: width, kernel: 3)
              ow = 1
              while ow + 8 <= g.outWidth && 2 * ow + 16 <= width {
                let centre = UnsafeRawPointer(column + 2 * ow)
                  .loadUnaligned(as: SIMD16<Float>.self)
                let left = UnsafeRawPointer(column + 2 * ow - 1)
                  .loadUnaligned(as: SIMD16<Float>.self).evenHalf
                let best = larger(larger(left, centre.evenHalf), centre.oddHalf)
                UnsafeMutableRawPointer(out + ow).storeBytes(of: best, as: SIMD8<Float>.self)
                ow += 8
              }
            }
            while ow < g.outWidth {
              out[ow] = window(
                column, from: ow * g.strideWidth - g.padWidth, width: width,
                kernel: g.kernelWidth)
              ow += 1
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

  /// `larger` lane by lane. (Two concrete widths: a generic `SIMD` version was not
  /// specialised in release builds and made the pool 40× slower.)
  @inline(__always)
  private static func larger(_ a: SIMD8<Float>, _ b: SIMD8<Float>) -> SIMD8<Float> {
    a.replacing(with: b, where: (b .> a) .| (b .!= b))
  }

  @inline(__always)
  private static func larger(_ a: SIMD16<Float>, _ b: SIMD16<Float>) -> SIMD16<Float> {
    a.replacing(with: b, where: (b .> a) .| (b .!= b))
  }

  /// `column[w] = larger(column[w], row[w])` for `w < count`, sixteen lanes at a time.
  @inline(__always)
  private static func maxRow(
    _ column: UnsafeMutablePointer<Float>, _ row: UnsafePointer<Float>, count: Int
  ) {
    var w = 0
    while w + 16 <= count {
      let a = UnsafeRawPointer(column + w).loadUnaligned(as: SIMD16<Float>.self)
      let b = UnsafeRawPointer(row + w).loadUnaligned(as: SIMD16<Float>.self)
      UnsafeMutableRawPointer(column + w).storeBytes(of: larger(a, b), as: SIMD16<Float>.self)
      w += 16
    }
    while w < count {
      column[w] = larger(column[w], row[w])
      w += 1
    }
  }

  /// The maximum of `column[w0 ..< w0 + kernel]` clipped to `0 ..< width`, in index order.
  @inline(__always)
  private static func window(
    _ column: UnsafeMutablePointer<Float>, from w0: Int, width: Int, kernel: Int
  ) -> Float {
    var best = -Float.infinity
    for w in max(0, w0)..<min(width, w0 + kernel) { best = larger(best, column[w]) }
    return best
  }
}
