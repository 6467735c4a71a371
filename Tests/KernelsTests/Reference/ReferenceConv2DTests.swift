// Copyright © 2026 the ssl authors.

@_spi(Testing) import Kernels
import Testing

/// The references are checked by hand on tiny cases, so the fast-vs-reference suites rest on
/// something other than the code under test. Tolerance: exact (small integers).
@Suite struct ReferenceTests {
  /// 1×1 image 3×3, kernel all ones, padding 1: each output counts its in-bounds neighbours
  /// weighted by the input; then bias 1, residual, ReLU.
  @Test func convByHand() {
    let g = Conv2DGeometry(
      batch: 1, inChannels: 1, outChannels: 1, inHeight: 3, inWidth: 3, kernel: 3, padding: 1)
    let x: [Float] = [1, 2, 3, 4, 5, 6, 7, 8, 9]
    let w = [Float](repeating: 1, count: 9)
    let bias: [Float] = [1]
    let residual: [Float] = [0, 0, 0, 0, -100, 0, 0, 0, 0]
    var y = [Float](repeating: 0, count: 9)
    x.withUnsafeBufferPointer { x in
      w.withUnsafeBufferPointer { w in
        bias.withUnsafeBufferPointer { b in
          residual.withUnsafeBufferPointer { r in
            y.withUnsafeMutableBufferPointer { y in
              ReferenceConv2D.forward(
                input: x, weights: w, geometry: g,
                epilogue: Conv2DEpilogue(bias: b, residual: r, relu: true), output: y)
            }
          }
        }
      }
    }
    // Neighbourhood sums: 12 21 16 / 27 45 33 / 24 39 28; + 1; centre 46 − 100 → ReLU 0.
    #expect(y == [13, 22, 17, 28, 0, 34, 25, 40, 29])
  }

  @Test func gemmByHand() {
    let a: [Float] = [1, 2, 3, 4, 5, 6]  // [2, 3]
    let b: [Float] = [1, 0, 0, 1, 1, 1]  // [3, 2]
    var c: [Float] = [0, 0, 0, 0]
    a.withUnsafeBufferPointer { a in
      b.withUnsafeBufferPointer { b in
        c.withUnsafeMutableBufferPointer { c in
          ReferenceGEMM.sgemm(m: 2, n: 2, k: 3, a: a, lda: 3, b: b, ldb: 2, c: c, ldc: 2)
        }
      }
    }
    #expect(c == [4, 5, 10, 11])
  }

  @Test func poolByHand() {
    let g = PoolGeometry(
      batch: 1, channels: 1, inHeight: 2, inWidth: 2, kernel: 3, stride: 2, padding: 1)
    let x: [Float] = [-1, -2, -3, -4]
    var y: [Float] = [0]
    var mean: [Float] = [0]
    x.withUnsafeBufferPointer { x in
      y.withUnsafeMutableBufferPointer { y in
        ReferencePool.maxPool2D(input: x, geometry: g, output: y)
      }
      mean.withUnsafeMutableBufferPointer { m in
        ReferencePool.globalAvgPool(input: x, batch: 1, channels: 1, height: 2, width: 2, output: m)
      }
    }
    #expect(y == [-1])  // padding is −∞, not 0
    #expect(mean == [-2.5])
  }
}
