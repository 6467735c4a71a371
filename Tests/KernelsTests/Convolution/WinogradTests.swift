// Copyright © 2026 the ssl authors.

@_spi(Testing) import Kernels
import TestSupport
import Testing

@Suite struct WinogradTests {
  /// 3×3 stride-1 shapes: H/W not multiples of 2 or 4, non-square, batch > 1, channels
  /// 1/3/17/64, padding 1 (ResNet) and 0/2.
  static let geometries: [Conv2DGeometry] = [
    .init(batch: 1, inChannels: 1, outChannels: 1, inHeight: 3, inWidth: 3, kernel: 3,
      padding: 1),
    .init(batch: 2, inChannels: 3, outChannels: 5, inHeight: 7, inWidth: 9, kernel: 3,
      padding: 1),
    .init(batch: 3, inChannels: 17, outChannels: 17, inHeight: 11, inWidth: 6, kernel: 3,
      padding: 1),
    .init(batch: 2, inChannels: 64, outChannels: 64, inHeight: 14, inWidth: 14, kernel: 3,
      padding: 1),
    .init(batch: 4, inChannels: 64, outChannels: 32, inHeight: 7, inWidth: 7, kernel: 3,
      padding: 1),
    .init(batch: 1, inChannels: 5, outChannels: 3, inHeight: 10, inWidth: 13, kernel: 3,
      padding: 0),
    .init(batch: 1, inChannels: 4, outChannels: 6, inHeight: 5, inWidth: 8, kernel: 3,
      padding: 2),
  ]

  /// Tolerance: rtol 1e-4, atol 1e-5 (reductions of C·9 ≤ 576 terms; F(4,3) amplifies
  /// rounding by ~10×, still far inside).
  @Test(arguments: geometries.indices, WinogradVariant.allCases)
  func forwardMatchesReference(index: Int, variant: WinogradVariant) {
    let c = ConvCase(Self.geometries[index], seed: UInt64(200 + index))
    #expect(Winograd.supports(c.geometry))
    assertClose(
      c.winograd(variant: variant), c.reference(), rtol: 1e-4, atol: 1e-5,
      "\(variant) \(c.geometry)")
  }

  /// The portable F(4,3) transforms (CPUs without AVX2; on AVX2 machines they also cover the
  /// channels that do not fill an 8-channel vector) on every shape, with every epilogue term.
  /// Tolerance as above.
  @Test(arguments: geometries.indices)
  func portableF4x3MatchesReference(index: Int) {
    let c = ConvCase(Self.geometries[index], seed: UInt64(270 + index))
    withPortableWinogradF4x3 {
      assertClose(
        c.winograd(variant: .f4x3, bias: true, residual: true, relu: true),
        c.reference(bias: true, residual: true, relu: true), rtol: 1e-4, atol: 1e-5,
        "portable F(4,3) \(c.geometry)")
    }
  }

  /// The block sizes of ResNet-50's 3×3 stride-1 layers at batch 8 (see `tilesPerBlock`):
  /// 64 channels at 56² 128 tiles a block, 128 at 28² 224 (1,568 = 7 × 224), 256 at 14² and
  /// 512 at 7² all tiles.
  @Test func resnetBlocks() {
    let expected = [(64, 56, 128), (128, 28, 224), (256, 14, 392), (512, 7, 128)]
    for (channels, size, tiles) in expected {
      let g = Conv2DGeometry(
        batch: 8, inChannels: channels, outChannels: channels, inHeight: size, inWidth: size,
        kernel: 3, padding: 1)
      #expect(Winograd.tilesPerBlock(g, variant: .f2x3) == tiles, "\(channels) channels")
    }
  }

  /// Every epilogue combination. Tolerance: rtol 1e-4, atol 1e-5.
  @Test(arguments: WinogradVariant.allCases)
  func epilogueCombinations(variant: WinogradVariant) {
    let c = ConvCase(Self.geometries[2], seed: 250)
    for bias in [false, true] {
      for residual in [false, true] {
        for relu in [false, true] {
          assertClose(
            c.winograd(variant: variant, bias: bias, residual: residual, relu: relu),
            c.reference(bias: bias, residual: residual, relu: relu), rtol: 1e-4, atol: 1e-5,
            "\(variant) bias \(bias) residual \(residual) relu \(relu)")
        }
      }
    }
  }

  /// Blocks smaller than the tile count (several GEMM rounds, a last block 2 tiles shorter),
  /// checked against im2col + GEMM (the reference would take minutes at this size).
  /// 2 × 62×58 with 256 + 256 channels: F(2,3) 1,798 tiles in 4 blocks of 450 (target
  /// 4·C·O/(C + O) = 512); F(4,3) 480 tiles in one block.
  /// Tolerance: F(2,3) rtol 1e-4, atol 1e-5; F(4,3) max error relative to max ≤ 1e-5.
  @Test func manyBlocks() {
    let g = Conv2DGeometry(
      batch: 2, inChannels: 256, outChannels: 256, inHeight: 62, inWidth: 58, kernel: 3,
      padding: 1)
    #expect(Winograd.tilesPerBlock(g, variant: .f2x3) == 450)
    #expect(Winograd.tileCount(g, variant: .f2x3) == 1_798)
    #expect(Winograd.tilesPerBlock(g, variant: .f4x3) == 480)
    #expect(Winograd.tileCount(g, variant: .f4x3) == 480)
    let c = ConvCase(g, seed: 260)
    let im2col = c.fast(bias: true, relu: true)
    assertClose(
      c.winograd(variant: .f2x3, bias: true, relu: true), im2col, rtol: 1e-4, atol: 1e-5)
    let f43 = maxErrorRelativeToMax(c.winograd(variant: .f4x3, bias: true, relu: true), im2col)
    print("Winograd F(4,3) vs im2col, C=256 62×58: \(f43)")
    #expect(f43 <= 1e-5)
  }

  /// The error budget behind `Winograd.defaultVariant`: max |y − y_ref| / max |y_ref| at
  /// ResNet-like magnitudes (inputs U[0,1), Kaiming weights) for C = 64, 256, 512, against the
  /// Double-accumulating reference. Limit: 1e-5 (the project's parity budget). Measured (this
  /// machine): printed below; README records them.
  @Test(arguments: [64, 256, 512])
  func errorBudget(channels: Int) {
    let g = Conv2DGeometry(
      batch: 1, inChannels: channels, outChannels: 16, inHeight: 14, inWidth: 14, kernel: 3,
      padding: 1)
    let c = ConvCase(g, seed: UInt64(300 + channels))
    let reference = c.reference()
    let im2col = maxErrorRelativeToMax(c.fast(), reference)
    let f23 = maxErrorRelativeToMax(c.winograd(variant: .f2x3), reference)
    let f43 = maxErrorRelativeToMax(c.winograd(variant: .f4x3), reference)
    print("Winograd error C=\(channels): im2col \(im2col)  F(2,3) \(f23)  F(4,3) \(f43)")
    #expect(f23 < 1e-5)
    #expect(f43 < 1e-5)
  }
}
