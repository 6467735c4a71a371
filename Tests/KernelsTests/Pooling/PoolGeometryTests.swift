// Copyright © 2026 the ssl authors.

import Kernels
import Testing

@Suite struct PoolGeometryTests {
  /// Sizes from PyTorch's `pooling_output_shape`, worked by hand.
  @Test func outputSizes() {
    let stem = PoolGeometry(
      batch: 1, channels: 64, inHeight: 112, inWidth: 112, kernel: 3, stride: 2, padding: 1)
    #expect(stem.outHeight == 56 && stem.outWidth == 56)
    let odd = PoolGeometry(batch: 1, channels: 1, inHeight: 7, inWidth: 7, kernel: 2)
    #expect(odd.outHeight == 3)  // stride defaults to the window
    let ceil = PoolGeometry(
      batch: 1, channels: 1, inHeight: 7, inWidth: 7, kernel: 2, ceilMode: true)
    #expect(ceil.outHeight == 4)
    // Ceil mode drops a last window that would start in the right padding: 6 + 2 − 3 = 5,
    // ⌈5/2⌉ + 1 = 4, but window 3 starts at 6 − 1 = 5 ≥ 6 + 1? no → 4 stays; with stride 3 …
    let dropped = PoolGeometry(
      batch: 1, channels: 1, inHeight: 5, inWidth: 5, kernel: 2, stride: 2, padding: 1,
      ceilMode: true)
    // span = 5 + 2 − 2 = 5 → ⌈5/2⌉ + 1 = 4; window 3 starts at 3·2 − 1 = 5 ≥ H → dropped: 3.
    #expect(dropped.outHeight == 3)
  }

  @Test func validity() {
    #expect(
      PoolGeometry(batch: 1, channels: 1, inHeight: 4, inWidth: 4, kernel: 3, padding: 2)
        .validate() == .badPadding)
    #expect(
      PoolGeometry(batch: 1, channels: 1, inHeight: 2, inWidth: 2, kernel: 3).validate()
        == .emptyOutput)
    #expect(
      PoolGeometry(batch: 0, channels: 1, inHeight: 2, inWidth: 2, kernel: 1).validate()
        == .nonPositiveSize)
  }
}
