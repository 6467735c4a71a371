// Copyright © 2026 the ssl authors.

@_spi(Testing) import Kernels
import Testing

@Suite struct WinogradWeightsTests {
  /// Tile sizes and the load-time transform's layout [α², C, O]: a centre-tap kernel (delta)
  /// transforms to G·δ·Gᵀ; for F(2,3) G's middle column is (0, ½, −½, 0), so U = its outer
  /// product. Tolerance: exact (powers of two).
  @Test func deltaKernelTransform() {
    #expect(WinogradVariant.f2x3.outputTile == 2 && WinogradVariant.f2x3.inputTile == 4)
    #expect(WinogradVariant.f4x3.outputTile == 4 && WinogradVariant.f4x3.inputTile == 6)
    var w = [Float](repeating: 0, count: 9)
    w[4] = 1
    let u = w.withUnsafeBufferPointer {
      WinogradWeights(weights: $0, outChannels: 1, inChannels: 1, variant: .f2x3)
    }
    #expect(u.variant == .f2x3 && u.outChannels == 1 && u.inChannels == 1)
    let column: [Float] = [0, 0.5, -0.5, 0]
    let expected = (0..<16).map { column[$0 / 4] * column[$0 % 4] }
    #expect(u.transformed == expected)
  }
}
