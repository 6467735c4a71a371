// Copyright © 2026 the ssl authors.

import Kernels
import Testing

@Suite struct Conv2DGeometryTests {
  /// ResNet-50's shapes, against PyTorch's formula worked by hand.
  @Test func resnetOutputSizes() {
    let stem = Conv2DGeometry(
      batch: 1, inChannels: 3, outChannels: 64, inHeight: 224, inWidth: 224, kernel: 7,
      stride: 2, padding: 3)
    #expect(stem.outHeight == 112 && stem.outWidth == 112)
    #expect(stem.patchSize == 147 && stem.multiplyAdds == 64 * 112 * 112 * 147)
    let down = Conv2DGeometry(
      batch: 2, inChannels: 256, outChannels: 512, inHeight: 56, inWidth: 56, kernel: 1,
      stride: 2)
    #expect(down.outHeight == 28 && down.isPointwise && !down.isPointwiseUnitStride)
    let odd = Conv2DGeometry(
      batch: 1, inChannels: 1, outChannels: 1, inHeight: 7, inWidth: 8, kernel: 3, stride: 2,
      padding: 1)
    #expect(odd.outHeight == 4 && odd.outWidth == 4)
    let dilated = Conv2DGeometry(
      batch: 1, inChannels: 1, outChannels: 1, inHeight: 10, inWidth: 10, kernel: 3,
      dilation: 2)
    #expect(dilated.outHeight == 6)
  }

  @Test func validityProblems() {
    let ok = Conv2DGeometry(
      batch: 1, inChannels: 1, outChannels: 1, inHeight: 3, inWidth: 3, kernel: 3)
    #expect(ok.validate() == nil && ok.outPlane == 1)
    let empty = Conv2DGeometry(
      batch: 1, inChannels: 1, outChannels: 1, inHeight: 2, inWidth: 3, kernel: 3)
    #expect(empty.validate() == .emptyOutput)
    let zero = Conv2DGeometry(
      batch: 0, inChannels: 1, outChannels: 1, inHeight: 3, inWidth: 3, kernel: 1)
    #expect(zero.validate() == .nonPositiveSize)
    let stride = Conv2DGeometry(
      batch: 1, inChannels: 1, outChannels: 1, inHeight: 3, inWidth: 3, kernel: 1, stride: 0)
    #expect(stride.validate() == .badHyperparameter)
    let pad = Conv2DGeometry(
      batch: 1, inChannels: 1, outChannels: 1, inHeight: 3, inWidth: 3, kernel: 1, padding: -1)
    #expect(pad.validate() == .badHyperparameter)
  }
}
