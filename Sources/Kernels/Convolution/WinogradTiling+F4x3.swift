// Copyright © 2026 the ssl authors.
//
// WinogradTiling+F4x3.swift — the F(4×4, 3×3) tile transforms, in C (`System/CKernels/
// winograd43.c`): eight channels per AVX2 vector, chosen at run time, with a portable
// one-channel twin. The generic transforms of WinogradTiling.swift ran F(4,3) at 17 images/s
// on ResNet-50 against 25 for F(2,3) (batch 16, 2 threads); Swift cannot use AVX2 without
// compiling the whole module for it. Same layouts as WinogradTiling.swift. The combinations
// share partial sums (see the C file), so the sums differ from the generic path's by rounding.

import CKernels

extension WinogradTiling {
  /// Step 1 for F(4,3): V[ξ][t − t0][c] = (Bᵀ·d·B)[ξ].
  func transformInputF4x3(
    _ input: UnsafeBufferPointer<Float>, tiles: Range<Int>,
    into v: UnsafeMutableBufferPointer<Float>
  ) {
    guard let x = input.baseAddress, let vp = v.baseAddress else { return }
    let stride = block * g.inChannels
    Parallel.forEachChunk(count: tiles.count, minChunk: 4) { chunk in
      ssl_winograd43_input(
        x, g.inChannels, g.inHeight, g.inWidth, g.padHeight, g.padWidth, tilesPerImage,
        tilesWide, tiles.lowerBound, chunk.lowerBound, chunk.upperBound, vp, stride)
    }
  }

  /// Step 3 for F(4,3): Y = Aᵀ·M·A per tile and output channel, then the epilogue.
  func transformOutputF4x3(
    _ mm: UnsafeBufferPointer<Float>, tiles: Range<Int>, epilogue: Conv2DEpilogue,
    output: UnsafeMutableBufferPointer<Float>
  ) {
    guard let mp = mm.baseAddress, let y = output.baseAddress else { return }
    let (bias, residual) = (epilogue.bias?.baseAddress, epilogue.residual?.baseAddress)
    let stride = block * g.outChannels
    let relu: Int32 = epilogue.relu ? 1 : 0
    Parallel.forEachChunk(count: tiles.count, minChunk: 4) { chunk in
      ssl_winograd43_output(
        mp, g.outChannels, g.outHeight, g.outWidth, tilesPerImage, tilesWide, tiles.lowerBound,
        chunk.lowerBound, chunk.upperBound, stride, bias, residual, relu, y)
    }
  }
}

/// Test hook: runs `body` with the portable F(4,3) transforms forced on, then restores them.
@_spi(Testing)
public func withPortableWinogradF4x3<T>(_ body: () throws -> T) rethrows -> T {
  let previous = ssl_winograd43_force_portable(1)
  defer { _ = ssl_winograd43_force_portable(previous) }
  return try body()
}
