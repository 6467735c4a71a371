// Copyright © 2026 the ssl authors.
//
// WinogradTiling.swift — the input and output tile transforms of `Winograd` (steps 1 and 3).
//
// Algorithm: the transforms are two small dense products each (Bᵀ·d then ·B; Aᵀ·M then ·A)
// with the variant's matrices. Both run in parallel over tiles: a tile touches all channels,
// writes its own rows of V (input side) or its own output pixels (output side), so chunks never
// share memory. Padding and edge overhang are handled by zero-filling the α×α patch.
//
// Layouts:
//   V: // [α*α, block, C]   V[ξ][t − t0][c]
//   M: // [α*α, block, O]   M[ξ][t − t0][o]
// input [N, C, H, W], output [N, O, OH, OW].

/// Tile bookkeeping and transforms for one Winograd convolution.
struct WinogradTiling {
  let g: Conv2DGeometry
  let m: Int
  let alpha: Int
  let block: Int
  let tilesWide: Int
  let tilesPerImage: Int
  let bT: [Float]
  let aT: [Float]

  init(geometry: Conv2DGeometry, variant: WinogradVariant, block: Int) {
    g = geometry
    m = variant.outputTile
    alpha = variant.inputTile
    self.block = block
    tilesWide = (geometry.outWidth + m - 1) / m
    tilesPerImage = ((geometry.outHeight + m - 1) / m) * tilesWide
    bT = variant.bT
    aT = variant.aT
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
    if m == 2 { return transformInputF2x3(input, tiles: tiles, into: v) }
    guard let x = input.baseAddress, let vp = v.baseAddress else { return }
    let ctx = UncheckedSendable((x, vp))
    Parallel.forEachChunk(count: tiles.count, minChunk: 4) { chunk in
      let (x, vp) = ctx.value
      withUnsafeTemporaryAllocation(of: Float.self, capacity: 2 * alpha * alpha) { scratch in
        guard let d = scratch.baseAddress else { return }
        let tmp = d + alpha * alpha
        for local in chunk {
          let (n, oh, ow) = origin(tiles.lowerBound + local)
          let ih0 = oh - g.padHeight
          let iw0 = ow - g.padWidth
          for c in 0..<g.inChannels {
            let plane = x + (n * g.inChannels + c) * g.inPlane  // [H, W]
            for i in 0..<alpha {
              let ih = ih0 + i
              let rowOK = ih >= 0 && ih < g.inHeight
              for j in 0..<alpha {
                let iw = iw0 + j
                let inside = rowOK && iw >= 0 && iw < g.inWidth
                d[i * alpha + j] = inside ? plane[ih * g.inWidth + iw] : 0
              }
            }
            multiply(bT, d, into: tmp)  // Bᵀ·d, [α, α]
            let out = vp + local * g.inChannels + c
            let stride = block * g.inChannels
            for i in 0..<alpha {
              for j in 0..<alpha {
                var s: Float = 0
                for k in 0..<alpha { s += tmp[i * alpha + k] * bT[j * alpha + k] }  // ·B
                out[(i * alpha + j) * stride] = s
              }
            }
          }
        }
      }
    }
  }

  /// Step 3: Y = Aᵀ·M·A per tile and output channel, then the epilogue, into NCHW `output`.
  func transformOutput(
    _ mm: UnsafeBufferPointer<Float>, tiles: Range<Int>, epilogue: Conv2DEpilogue,
    output: UnsafeMutableBufferPointer<Float>
  ) {
    if m == 2 {
      return transformOutputF2x3(mm, tiles: tiles, epilogue: epilogue, output: output)
    }
    guard let mp = mm.baseAddress, let y = output.baseAddress else { return }
    let ctx = UncheckedSendable((mp, y, epilogue))
    Parallel.forEachChunk(count: tiles.count, minChunk: 4) { chunk in
      let (mp, y, epilogue) = ctx.value
      withUnsafeTemporaryAllocation(of: Float.self, capacity: alpha * alpha + m * alpha) {
        scratch in
        guard let t = scratch.baseAddress else { return }
        let tmp = t + alpha * alpha
        let stride = block * g.outChannels
        for local in chunk {
          let (n, oh, ow) = origin(tiles.lowerBound + local)
          let rows = min(m, g.outHeight - oh)
          let cols = min(m, g.outWidth - ow)
          for o in 0..<g.outChannels {
            let src = mp + local * g.outChannels + o
            for xi in 0..<(alpha * alpha) { t[xi] = src[xi * stride] }
            for i in 0..<m {  // Aᵀ·M, [m, α]
              for j in 0..<alpha {
                var s: Float = 0
                for k in 0..<alpha { s += aT[i * alpha + k] * t[k * alpha + j] }
                tmp[i * alpha + j] = s
              }
            }
            let base = ((n * g.outChannels + o) * g.outHeight + oh) * g.outWidth + ow
            for i in 0..<rows {
              for j in 0..<cols {
                var s: Float = 0
                for k in 0..<alpha { s += tmp[i * alpha + k] * aT[j * alpha + k] }  // ·A
                let index = base + i * g.outWidth + j
                y[index] = epilogue.apply(s, channel: o, index: index)
              }
            }
          }
        }
      }
    }
  }

  /// `out = lhs · rhs` for α×α matrices (row-major).
  @inline(__always)
  private func multiply(
    _ lhs: [Float], _ rhs: UnsafeMutablePointer<Float>, into out: UnsafeMutablePointer<Float>
  ) {
    for i in 0..<alpha {
      for j in 0..<alpha {
        var s: Float = 0
        for k in 0..<alpha { s += lhs[i * alpha + k] * rhs[k * alpha + j] }
        out[i * alpha + j] = s
      }
    }
  }
}
