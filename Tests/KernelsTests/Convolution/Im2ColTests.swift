// Copyright © 2026 the ssl authors.

@_spi(Testing) import Kernels
import TestSupport
import Testing

@Suite struct Im2ColTests {
  /// Every element of the column matrix against its definition, for one image and for a
  /// group of images (the batched-columns layout). Shapes: padding 0/1/3, stride 1/2/3,
  /// dilation 2, 1×1 stride 2 (the strided gather). Tolerance: exact (a copy).
  @Test(arguments: [
    Conv2DGeometry(batch: 3, inChannels: 2, outChannels: 1, inHeight: 7, inWidth: 9, kernel: 3,
      stride: 2, padding: 1),
    Conv2DGeometry(batch: 2, inChannels: 3, outChannels: 1, inHeight: 11, inWidth: 10,
      kernel: 7, stride: 2, padding: 3),
    Conv2DGeometry(batch: 2, inChannels: 4, outChannels: 1, inHeight: 9, inWidth: 7, kernel: 1,
      stride: 2),
    Conv2DGeometry(batch: 2, inChannels: 1, outChannels: 1, inHeight: 8, inWidth: 9,
      kernelHeight: 2, kernelWidth: 3, strideHeight: 3, strideWidth: 1, padHeight: 0,
      padWidth: 2, dilationHeight: 2, dilationWidth: 2),
  ])
  func columnsMatchDefinition(geometry g: Conv2DGeometry) {
    var rng = SeededGenerator(seed: 700)
    let x = uniformFloats(g.inputCount, in: 1...2, using: &rng)  // nonzero, so padding shows
    for images in [0..<1, 1..<g.batch, 0..<g.batch] {
      var cols = [Float](repeating: .nan, count: Im2Col.columnCount(g, images: images.count))
      x.withUnsafeBufferPointer { x in
        cols.withUnsafeMutableBufferPointer { c in
          Im2Col.fill(input: x, geometry: g, images: images, columns: c)
        }
      }
      let width = images.count * g.outPlane  // // [C*KH*KW, g*OH*OW]
      var mismatches = 0
      for c in 0..<g.inChannels {
        for kh in 0..<g.kernelHeight {
          for kw in 0..<g.kernelWidth {
            let row = (c * g.kernelHeight + kh) * g.kernelWidth + kw
            for (j, n) in images.enumerated() {
              for oh in 0..<g.outHeight {
                for ow in 0..<g.outWidth {
                  let ih = oh * g.strideHeight - g.padHeight + kh * g.dilationHeight
                  let iw = ow * g.strideWidth - g.padWidth + kw * g.dilationWidth
                  let inside = ih >= 0 && ih < g.inHeight && iw >= 0 && iw < g.inWidth
                  let index = ((n * g.inChannels + c) * g.inHeight + ih) * g.inWidth + iw
                  let want = inside ? x[index] : 0
                  let got = cols[row * width + j * g.outPlane + oh * g.outWidth + ow]
                  if got != want { mismatches += 1 }
                }
              }
            }
          }
        }
      }
      #expect(mismatches == 0, "images \(images)")
    }
  }
}
