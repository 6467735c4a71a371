// Copyright © 2026 the ssl authors.
//
// WinogradTiling+F2x3.swift — hand-specialised F(2×2, 3×3) tile transforms.
//
// The generic transforms in WinogradTiling.swift multiply α×α matrices in loops over arrays;
// profiled on ResNet-50's 3×3 layers (batch 16) they cost 3–8× the GEMMs they feed, which made
// Winograd slower than im2col. With F(2,3)'s matrices written out, each transform is a handful
// of SIMD4 adds:
//   Bᵀ = [1 0 −1 0; 0 1 1 0; 0 −1 1 0; 0 1 0 −1]     (input:  V = Bᵀ·d·B)
//   Aᵀ = [1 1 1 0; 0 1 −1 −1]                         (output: Y = Aᵀ·M·A)
// Rows are SIMD4 vectors (the column index j in the lanes), so Bᵀ·d and Aᵀ·M are lane-wise
// adds of rows, and ·B / ·A are lane shuffles. Interior tiles read the input directly; tiles
// touching the padding or the edge are gathered into a zero-filled 4×4 patch first.
// Same layouts as WinogradTiling.swift. Bit-for-bit the same sums as the generic path except
// for operand order (all coefficients are 0 or ±1, so no rounding from the matrices).

extension WinogradTiling {
  /// Step 1 for F(2,3): V[ξ][t − t0][c] = (Bᵀ·d·B)[ξ].
  func transformInputF2x3(
    _ input: UnsafeBufferPointer<Float>, tiles: Range<Int>,
    into v: UnsafeMutableBufferPointer<Float>
  ) {
    guard let x = input.baseAddress, let vp = v.baseAddress else { return }
    let ctx = UncheckedSendable((x, vp))
    let (height, width, channels, plane) = (g.inHeight, g.inWidth, g.inChannels, g.inPlane)
    let stride = block * channels
    Parallel.forEachChunk(count: tiles.count, minChunk: 16) { chunk in
      let (x, vp) = ctx.value
      var patch = (SIMD4<Float>(), SIMD4<Float>(), SIMD4<Float>(), SIMD4<Float>())
      for local in chunk {
        let (n, oh, ow) = origin(tiles.lowerBound + local)
        let ih0 = oh - g.padHeight
        let iw0 = ow - g.padWidth
        let interior = ih0 >= 0 && iw0 >= 0 && ih0 + 4 <= height && iw0 + 4 <= width
        let out = vp + local * channels
        var src = x + n * channels * plane + ih0 * width + iw0
        for c in 0..<channels {
          if interior {
            let raw = UnsafeRawPointer(src)
            patch.0 = raw.loadUnaligned(as: SIMD4<Float>.self)
            patch.1 = raw.loadUnaligned(fromByteOffset: 4 * width, as: SIMD4<Float>.self)
            patch.2 = raw.loadUnaligned(fromByteOffset: 8 * width, as: SIMD4<Float>.self)
            patch.3 = raw.loadUnaligned(fromByteOffset: 12 * width, as: SIMD4<Float>.self)
          } else {
            patch = gatherPatch(
              x + (n * channels + c) * plane, ih0: ih0, iw0: iw0, height: height, width: width)
          }
          // Bᵀ·d: lane-wise row combinations.
          let t0 = patch.0 - patch.2
          let t1 = patch.1 + patch.2
          let t2 = patch.2 - patch.1
          let t3 = patch.1 - patch.3
          // ·B: the same combinations across lanes; V[ξ = 4i + j] goes to out[ξ·stride + c].
          let o = out + c
          Self.storeRowF2x3(t0, to: o, stride: stride)
          Self.storeRowF2x3(t1, to: o + 4 * stride, stride: stride)
          Self.storeRowF2x3(t2, to: o + 8 * stride, stride: stride)
          Self.storeRowF2x3(t3, to: o + 12 * stride, stride: stride)
          src += plane
        }
      }
    }
  }

  /// Row `t` of Bᵀ·d times B: four values `stride` apart.
  @inline(__always)
  private static func storeRowF2x3(
    _ t: SIMD4<Float>, to row: UnsafeMutablePointer<Float>, stride: Int
  ) {
    row[0] = t.x - t.z
    row[stride] = t.y + t.z
    row[2 * stride] = t.z - t.y
    row[3 * stride] = t.y - t.w
  }

  /// A 4×4 patch with zeros outside the input plane.
  @inline(__always)
  private func gatherPatch(
    _ plane: UnsafePointer<Float>, ih0: Int, iw0: Int, height: Int, width: Int
  ) -> (SIMD4<Float>, SIMD4<Float>, SIMD4<Float>, SIMD4<Float>) {
    func row(_ i: Int) -> SIMD4<Float> {
      let ih = ih0 + i
      guard ih >= 0 && ih < height else { return SIMD4() }
      var r = SIMD4<Float>()
      for j in 0..<4 {
        let iw = iw0 + j
        if iw >= 0 && iw < width { r[j] = plane[ih * width + iw] }
      }
      return r
    }
    return (row(0), row(1), row(2), row(3))
  }

  /// Step 3 for F(2,3): Y = Aᵀ·M·A per tile and output channel, then the epilogue.
  func transformOutputF2x3(
    _ mm: UnsafeBufferPointer<Float>, tiles: Range<Int>, epilogue: Conv2DEpilogue,
    output: UnsafeMutableBufferPointer<Float>
  ) {
    guard let mp = mm.baseAddress, let y = output.baseAddress else { return }
    let ctx = UncheckedSendable((mp, y, epilogue))
    let (outHeight, outWidth, channels) = (g.outHeight, g.outWidth, g.outChannels)
    let stride = block * channels
    Parallel.forEachChunk(count: tiles.count, minChunk: 16) { chunk in
      let (mp, y, epilogue) = ctx.value
      let bias = epilogue.bias?.baseAddress
      let residual = epilogue.residual?.baseAddress
      for local in chunk {
        let (n, oh, ow) = origin(tiles.lowerBound + local)
        let full = oh + 2 <= outHeight && ow + 2 <= outWidth
        for o in 0..<channels {
          let s = mp + local * channels + o
          func row(_ i: Int) -> SIMD4<Float> {
            let r = s + 4 * i * stride
            return SIMD4(r[0], r[stride], r[2 * stride], r[3 * stride])
          }
          let (m0, m1, m2, m3) = (row(0), row(1), row(2), row(3))
          let u0 = m0 + m1 + m2  // Aᵀ·M, row 0
          let u1 = m1 - m2 - m3  // Aᵀ·M, row 1
          var values = SIMD4<Float>(
            u0.x + u0.y + u0.z, u0.y - u0.z - u0.w, u1.x + u1.y + u1.z, u1.y - u1.z - u1.w)
          if let bias { values += SIMD4(repeating: bias[o]) }
          let base = ((n * channels + o) * outHeight + oh) * outWidth + ow
          if full {
            if let residual {
              values += SIMD4(
                residual[base], residual[base + 1], residual[base + outWidth],
                residual[base + outWidth + 1])
            }
            if epilogue.relu { values.replace(with: 0, where: values .< 0) }
            y[base] = values.x
            y[base + 1] = values.y
            y[base + outWidth] = values.z
            y[base + outWidth + 1] = values.w
          } else {
            for i in 0..<min(2, outHeight - oh) {
              for j in 0..<min(2, outWidth - ow) {
                let index = base + i * outWidth + j
                var value = values[2 * i + j]
                if let residual { value += residual[index] }
                if epilogue.relu { value = value < 0 ? 0 : value }
                y[index] = value
              }
            }
          }
        }
      }
    }
  }
}
