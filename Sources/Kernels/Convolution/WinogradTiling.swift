// Copyright © 2026 the ssl authors.
//
// WinogradTiling.swift — the input and output tile transforms of `Winograd` (steps 1 and 3).
//
// Algorithm: the transforms are two small products each (Bᵀ·d then ·B; Aᵀ·M then ·A) with the
// variant's matrices, written out per variant: F(2,3) in WinogradTiling+F2x3.swift (SIMD4),
// F(4,3) in C (WinogradTiling+F4x3.swift → System/CKernels/winograd43.c, AVX2). Both run in
// parallel over tiles: a tile touches all channels, writes its own rows of V (input side) or its
// own output pixels (output side), so chunks never share memory. Padding and edge overhang read
// as zeros.
//
// Layouts:
//   V: // [α*α, block, C]   V[ξ][t − t0][c]
//   M: // [α*α, block, O]   M[ξ][t − t0][o]
// input [N, C, H, W], output [N, O, OH, OW].

/// Tile bookkeeping and transforms for one Winograd convolution.
struct WinogradTiling {
  let g: Conv2DGeometry
  let m: Int
  let block: Int
  let tilesWide: Int
  let tilesPerImage: Int

  init(geometry: Conv2DGeometry, variant: WinogradVariant, block: Int) {
    g = geometry
    m = variant.outputTile
    self.block = block
    tilesWide = (geometry.outWidth + m - 1) / m
    tilesPerImage = ((geometry.outHeight + m - 1) / m) * tilesWide
  }

  /// (image, first output row, first output column) of tile `t`.
  @inline(__always)
  func origin(_ t: Int) -> (n: Int, oh: Int, ow: Int) {
    let r = t % tilesPerImage
    return (t / tilesPerImage, (r / tilesWide) * m, (r % tilesWide) * m)
  }

  /// Step 1: V[ξ][t − t0][c] = (Bᵀ·d·B)[ξ] for the patch d of tile t, channel c.
  func transformInput(
    _ input: UnsafeBufferPointer<Float>, tiles: Range<Int>,
    into v: UnsafeMutableBufferPointer<Float>
  ) {
    if m == 2 {
      transformInputF2x3(input, tiles: tiles, into: v)
    } else {
      transformInputF4x3(input, tiles: tiles, into: v)
    }
  }

  /// Step 3: Y = Aᵀ·M·A per tile and output channel, then the epilogue, into NCHW `output`.
  func transformOutput(
    _ mm: UnsafeBufferPointer<Float>, tiles: Range<Int>, epilogue: Conv2DEpilogue,
    output: UnsafeMutableBufferPointer<Float>
  ) {
    if m == 2 {
      transformOutputF2x3(mm, tiles: tiles, epilogue: epilogue, output: output)
    } else {
      transformOutputF4x3(mm, tiles: tiles, epilogue: epilogue, output: output)
    }
  }
}
