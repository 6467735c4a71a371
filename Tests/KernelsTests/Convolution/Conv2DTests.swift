// Copyright © 2026 the ssl authors.

@_spi(Testing) import Kernels
import TestSupport
import Testing

@Suite struct Conv2DTests {
  /// Shapes covering: odd sizes, non-square inputs, stride 2, padding 0/1/3 (7×7 stem), batch
  /// > 1, 1×1 stride 1 and 2, grouped GEMMs (tiny planes, batch > 1), channels 1/3/17/64,
  /// dilation 2.
  static let geometries: [Conv2DGeometry] = [
    .init(batch: 1, inChannels: 1, outChannels: 1, inHeight: 5, inWidth: 5, kernel: 3),
    .init(batch: 2, inChannels: 3, outChannels: 8, inHeight: 23, inWidth: 17, kernel: 7,
      stride: 2, padding: 3),  // the stem, small
    .init(batch: 3, inChannels: 17, outChannels: 5, inHeight: 9, inWidth: 11, kernel: 3,
      stride: 1, padding: 1),
    .init(batch: 2, inChannels: 17, outChannels: 19, inHeight: 13, inWidth: 7, kernel: 3,
      stride: 2, padding: 1),
    .init(batch: 2, inChannels: 64, outChannels: 32, inHeight: 14, inWidth: 14, kernel: 1),
    .init(batch: 5, inChannels: 17, outChannels: 64, inHeight: 7, inWidth: 7, kernel: 1),
    .init(batch: 3, inChannels: 64, outChannels: 16, inHeight: 15, inWidth: 13, kernel: 1,
      stride: 2),
    .init(batch: 1, inChannels: 3, outChannels: 4, inHeight: 31, inWidth: 33, kernel: 1),
    .init(batch: 2, inChannels: 3, outChannels: 6, inHeight: 8, inWidth: 10, kernel: 5,
      stride: 3, padding: 0),
    .init(batch: 1, inChannels: 2, outChannels: 3, inHeight: 9, inWidth: 9, kernelHeight: 3,
      kernelWidth: 2, strideHeight: 2, strideWidth: 1, padHeight: 1, padWidth: 0,
      dilationHeight: 2, dilationWidth: 1),
    .init(batch: 2, inChannels: 64, outChannels: 64, inHeight: 24, inWidth: 24, kernel: 3,
      padding: 1),  // one image per GEMM (576 ≥ 512 columns)
    .init(batch: 1, inChannels: 64, outChannels: 4, inHeight: 61, inWidth: 59, kernel: 3,
      padding: 1),  // im2col bands: 2.07 M column floats, 15 of 61 rows per band, last short
    .init(batch: 2, inChannels: 3, outChannels: 4, inHeight: 229, inWidth: 221, kernel: 7,
      stride: 2, padding: 3),  // the stem's shape class: 115×111 output, bands of 32 rows
    .init(batch: 2, inChannels: 128, outChannels: 4, inHeight: 56, inWidth: 56, kernel: 3,
      stride: 2, padding: 1),  // 0.9 M column floats: one band
  ]

  /// The band split the last two shapes rely on (several bands, a short last one).
  @Test func imageBands() {
    let n = Self.geometries.count
    #expect(Conv2D.bandRows(Self.geometries[n - 3]) == 15)
    #expect(Conv2D.bandRows(Self.geometries[n - 2]) == 32)
    #expect(Conv2D.bandRows(Self.geometries[n - 1]) == 28)
    #expect(Conv2D.imagesPerGEMM(Self.geometries[n - 2]) == 1)
  }

  /// Tolerance: rtol 1e-4, atol 1e-5 (house rule for fp32 reductions up to C·KH·KW = 576).
  @Test(arguments: geometries.indices)
  func forwardMatchesReference(index: Int) {
    let c = ConvCase(Self.geometries[index], seed: UInt64(index))
    #expect(c.geometry.isValid)
    assertClose(c.fast(), c.reference(), rtol: 1e-4, atol: 1e-5, "\(c.geometry)")
  }

  /// Every epilogue combination, on a per-image shape and a grouped (permuting) shape.
  /// Tolerance: rtol 1e-4, atol 1e-5.
  @Test(arguments: [0, 2, 3, 5, 6, 11, 12])
  func epilogueCombinations(index: Int) {
    let c = ConvCase(Self.geometries[index], seed: UInt64(50 + index))
    for bias in [false, true] {
      for residual in [false, true] {
        for relu in [false, true] {
          assertClose(
            c.fast(bias: bias, residual: residual, relu: relu),
            c.reference(bias: bias, residual: residual, relu: relu), rtol: 1e-4, atol: 1e-5,
            "bias \(bias) residual \(residual) relu \(relu)")
        }
      }
    }
  }

  @Test func batchingDecision() {
    let big = Conv2DGeometry(
      batch: 8, inChannels: 64, outChannels: 64, inHeight: 56, inWidth: 56, kernel: 1)
    let small = Conv2DGeometry(
      batch: 16, inChannels: 512, outChannels: 2048, inHeight: 7, inWidth: 7, kernel: 1)
    #expect(Conv2D.imagesPerGEMM(big) == 1)
    #expect(Conv2D.workspaceSize(big) == 0)  // 1×1 stride 1, one image: GEMM on the input
    #expect(Conv2D.imagesPerGEMM(small) == 11)  // ⌈512 / 49⌉
    #expect(Conv2D.algorithm(for: big) == .pointwiseGEMM)
    let stem = Conv2DGeometry(
      batch: 1, inChannels: 3, outChannels: 64, inHeight: 224, inWidth: 224, kernel: 7,
      stride: 2, padding: 3)
    #expect(Conv2D.algorithm(for: stem) == .im2colGEMM)
    let body = Conv2DGeometry(
      batch: 1, inChannels: 64, outChannels: 64, inHeight: 56, inWidth: 56, kernel: 3,
      padding: 1)
    #expect(Conv2D.algorithm(for: body) == .winograd)
  }
}
